// Pipes: `run -` reads a scenario or run file from stdin, `--out -` writes a sweep's or merge's CSV to
// stdout, and --excel starts a CSV with a UTF-8 byte order mark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { momentum, scenario, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const BOM = '\uFEFF';

describe('run -', () => {
  it('reads a scenario from stdin and gives the JSON of the same file named', async () => {
    const file = scenario('covid-19.momentum');
    const [piped, named] = await Promise.all([
      momentum(['run', '-', '--replications', '20', '--json'], { input: readFileSync(file, 'utf8') }),
      momentum(['run', file, '--replications', '20', '--json']),
    ]);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toBe(named.stdout);
  });

  it('reads a run file from stdin and checks that it reproduces', async () => {
    const runFile = join(tmp.dir, 'saved.run.json');
    expect((await momentum(['run', scenario('blank-trust.momentum'), '--replications', '10', '--out', runFile])).code).toBe(0);
    const r = await momentum(['run', '-', '--json'], { input: readFileSync(runFile, 'utf8') });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { reproduction: { status: string } }).reproduction.status).toBe('reproduced');
  });

  it('names stdin in the problems of what it read (exit 1)', async () => {
    const r = await momentum(['run', '-'], { input: '{' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^\(stdin\): /);
  });
});

describe('--out - and --excel', () => {
  const sweep = ['sweep', scenario('blank-trust.momentum'), '--vary', 'goal.clarity=0:1:3', '--vary', 'priorities.concurrent=1:9:3', '--replications', '3'];

  it('sweep --out - writes the bytes --out FILE writes; merge --out - too; --excel adds only a BOM', async () => {
    const file = join(tmp.dir, 'sweep.csv');
    const [toFile, toStdout, excel] = await Promise.all([
      momentum([...sweep, '--out', file]),
      momentum([...sweep, '--out', '-']),
      momentum([...sweep, '--out', '-', '--excel']),
    ]);
    expect([toFile.code, toStdout.code, excel.code]).toEqual([0, 0, 0]);
    const text = readFileSync(file, 'utf8');
    expect(toStdout.stdout).toBe(text);
    expect(toStdout.stderr).toContain('Wrote 9 rows to standard output');
    expect(excel.stdout).toBe(`${BOM}${text}`);

    for (const k of [1, 2]) expect((await momentum([...sweep, '--shard', `${k}/2`, '--out', `p${k}.csv`], { cwd: tmp.dir })).code).toBe(0);
    const merged = await momentum(['merge', 'p2.csv', 'p1.csv', '--out', '-', '--excel'], { cwd: tmp.dir });
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(`${BOM}${text}`);
  });

  it('export --excel starts its CSV with a BOM; refused for JSON', async () => {
    const [csv, plain, json] = await Promise.all([
      momentum(['export', scenario('blank-trust.momentum'), '--format', 'csv', '--table', 'kpis', '--excel']),
      momentum(['export', scenario('blank-trust.momentum'), '--format', 'csv', '--table', 'kpis']),
      momentum(['export', scenario('blank-trust.momentum'), '--format', 'json', '--excel']),
    ]);
    expect([csv.code, plain.code]).toEqual([0, 0]);
    expect(csv.stdout).toBe(`${BOM}${plain.stdout}`);
    expect(json.code).toBe(2);
  });

  it.each([
    [['--shard', '1/2'], '--shard writes a part and its manifest to files'],
    [['--resume'], '--resume needs the checkpoint'],
  ])('sweep --out - refuses %j (exit 2)', async (extra, message) => {
    const r = await momentum([...sweep, '--out', '-', ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });
});
