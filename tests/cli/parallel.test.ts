// Work split across worker threads, through the real `momentum` command: the numbers never depend on the
// number of workers or on how the command was loaded, Ctrl+C stops cleanly, and bad values fail early.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LEVERS, monteCarlo, parseScenario, scenarioToInput, summarizeMonteCarlo } from '../../engine';
import { BIN, ROOT, filesIn, momentum, scenario, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const numeric = LEVERS.filter((l) => !l.options && l.max > l.min);

describe('momentum run --replications across workers', () => {
  it('prints the same bytes with 1, 2 and 3 workers, with the KPIs of one in-process monteCarlo call', async () => {
    const file = scenario('covid-19.momentum');
    const args = ['run', file, '--json', '--replications', '301', '--seed', '13'];
    const runs = await Promise.all([1, 2, 3].map((w) => momentum([...args, '--workers', String(w)])));
    for (const r of runs) expect(r.code).toBe(0);
    expect(runs[1]!.stdout).toBe(runs[0]!.stdout);
    expect(runs[2]!.stdout).toBe(runs[0]!.stdout);

    const parsed = parseScenario(readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new Error('prepared scenario is invalid');
    const want = summarizeMonteCarlo(monteCarlo(scenarioToInput(parsed.scenario), { replications: 301, seed: 13, uncertainty: 'all' }));
    const out = JSON.parse(runs[1]!.stdout) as { kpis: unknown; distribution: unknown };
    expect(out.kpis).toEqual(want.kpis);
    expect(out.distribution).toEqual(want.distribution);
  });

  it('saves the same run file with 1 and 2 workers', async () => {
    const a = join(tmp.dir, 'one.momentum-run.json');
    const b = join(tmp.dir, 'two.momentum-run.json');
    const args = ['run', scenario('milton-keynes.momentum'), '--replications', '120', '--seed', '5'];
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    const [ra, rb] = await Promise.all([momentum([...args, '--workers', '1', '--out', a], { env }), momentum([...args, '--workers', '2', '--out', b], { env })]);
    expect([ra.code, rb.code]).toEqual([0, 0]);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
  });
});

describe('momentum sweep, loaded from the bundle or through tsx', () => {
  it('writes byte-identical CSV either way, with 1 and 2 workers', async () => {
    const [x, y] = numeric;
    const args = ['sweep', scenario('blank-trust.momentum'), '--vary', `${x!.id}=${x!.min}:${x!.max}:9`, '--vary', `${y!.id}=${y!.min}:${y!.max}:7`, '--independent-seeds'];
    const cases = [
      { name: 'bundle-1', env: {}, workers: '1' },
      { name: 'bundle-2', env: {}, workers: '2' },
      { name: 'tsx-2', env: { MOMENTUM_CLI_LOADER: 'tsx' }, workers: '2' },
    ];
    const results = await Promise.all(cases.map((c) => momentum([...args, '--workers', c.workers, '--out', join(tmp.dir, `${c.name}.csv`)], { env: c.env })));
    for (const r of results) expect(r.code).toBe(0);
    const text = readFileSync(join(tmp.dir, 'bundle-1.csv'), 'utf8');
    expect(text.trimEnd().split('\n')).toHaveLength(64);
    for (const c of cases) expect(readFileSync(join(tmp.dir, `${c.name}.csv`), 'utf8')).toBe(text);
  });
});

describe('Ctrl+C', () => {
  it('stops a sweep and its workers: exit 130, a message, no CSV and no temporary file', async () => {
    const dir = join(tmp.dir, 'interrupted');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    const out = join(dir, 'never.csv');
    const [x, y] = numeric;
    const child = spawn(
      process.execPath,
      [BIN, 'sweep', scenario('blank-trust.momentum'), '--vary', `${x!.id}=${x!.min}:${x!.max}:300`, '--vary', `${y!.id}=${y!.min}:${y!.max}:300`, '--replications', '3', '--workers', '2', '--out', out],
      { cwd: ROOT, env: { ...process.env, MOMENTUM_TIMINGS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    let sent = false;
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      // Interrupt once the work is under way on the workers.
      if (!sent && stderr.includes('timings: compute started')) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(sent).toBe(true);
    expect(code).toBe(130);
    expect(stderr).toContain('momentum sweep: interrupted; stopped the workers, wrote nothing.');
    expect(existsSync(out)).toBe(false);
    // Only the finished rows, kept for --resume (tests/cli/resume.test.ts); no CSV, no temporary file.
    expect(filesIn(dir)).toEqual(['never.csv.checkpoint']);
  }, 60_000);
});

describe('bad values name the argument', () => {
  const lever = numeric[0]!;

  it.each([
    [['--set', `${lever.id}=abc`], `--set ${lever.id}=abc: 'abc' is not a number`],
    [['--set', `${lever.id}=${lever.max + 1}`], `--set ${lever.id}=${lever.max + 1}: ${lever.id} = ${lever.max + 1} is out of range`],
    [['--set', 'no.such.lever=1'], `--set no.such.lever=1: unknown lever 'no.such.lever'`],
  ])('sweep with workers already started: exit 1 naming the argument, nothing written (%j)', async (set, message) => {
    const out = join(tmp.dir, 'bad-set.csv');
    const r = await momentum(['sweep', scenario('blank-trust.momentum'), '--vary', `${numeric[1]!.id}=${numeric[1]!.min}:${numeric[1]!.max}:3`, ...set, '--workers', '2', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [`${lever.id}=a:1:3`, `--vary ${lever.id}=a:1:3: FROM and TO must be numbers`],
    [`${lever.id}=${lever.min}:${lever.max}:2.5`, 'STEPS must be a whole number'],
    [`${lever.id}`, `--vary needs LEVER_ID=FROM:TO:STEPS, got '${lever.id}'`],
  ])('sweep --vary %s: a message naming --vary', async (vary, message) => {
    const r = await momentum(['sweep', scenario('blank-trust.momentum'), '--vary', vary, '--workers', '2', '--out', join(tmp.dir, 'bad-vary.csv')]);
    expect(r.code).toBeGreaterThan(0);
    expect(r.stderr).toContain(message);
  });
});
