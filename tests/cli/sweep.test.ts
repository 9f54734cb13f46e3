// `momentum sweep`: one CSV row per combination, identical whatever the worker count, written
// atomically so that a failure leaves nothing partial behind.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LEVERS, type LeverDef } from '../../engine';
import { filesIn, momentum, scenario, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const numeric = LEVERS.filter((l) => !l.options && l.max > l.min);
const first: LeverDef = numeric[0]!;
// A second lever when the engine has one; otherwise the sweep is over one lever only.
const second: LeverDef | undefined = numeric[1];

function varyArgs(): { args: string[]; rows: number } {
  const args = ['--vary', `${first.id}=${first.min}:${first.max}:4`];
  if (!second) return { args, rows: 4 };
  return { args: [...args, '--vary', `${second.id}=${second.min}:${second.max}:3`], rows: 12 };
}

function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const lines = text.trimEnd().split('\n');
  return { header: lines[0]!.split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

describe('momentum sweep', () => {
  it('writes one row per combination with the levers, the seed and every KPI as columns', async () => {
    const out = join(tmp.dir, 'grid.csv');
    const { args, rows } = varyArgs();
    const [r, run] = await Promise.all([
      momentum(['sweep', scenario('milton-keynes.momentum'), ...args, '--out', out, '--workers', '2']),
      momentum(['run', scenario('milton-keynes.momentum'), '--json']),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const csv = parseCsv(readFileSync(out, 'utf8'));
    const kpis = Object.keys((JSON.parse(run.stdout) as { kpis: Record<string, number> }).kpis);
    expect(csv.header).toEqual([first.id, ...(second ? [second.id] : []), 'seed', ...kpis]);
    expect(csv.rows).toHaveLength(rows);
    // The first --vary changes slowest; its values run from min to max.
    const firstValues = [...new Set(csv.rows.map((row) => Number(row[0])))];
    expect(firstValues[0]).toBe(first.min);
    expect(firstValues[firstValues.length - 1]).toBe(first.max);
    expect(firstValues).toHaveLength(4);
    for (const row of csv.rows) for (const cell of row) expect(Number.isFinite(Number(cell))).toBe(true);
  });

  it.each([
    ['common seeds', []],
    ['independent seeds', ['--independent-seeds']],
  ])('gives byte-identical CSV with 1 and 2 workers (%s, Monte Carlo)', async (_name, extra) => {
    const { args } = varyArgs();
    const a = join(tmp.dir, `w1-${extra.length}.csv`);
    const b = join(tmp.dir, `w2-${extra.length}.csv`);
    const common = ['sweep', scenario('covid-19.momentum'), ...args, '--replications', '5', '--seed', '9', ...extra];
    const [ra, rb] = await Promise.all([momentum([...common, '--out', a, '--workers', '1']), momentum([...common, '--out', b, '--workers', '2'])]);
    expect([ra.code, rb.code]).toEqual([0, 0]);
    const text = readFileSync(a, 'utf8');
    expect(readFileSync(b, 'utf8')).toBe(text);
    const csv = parseCsv(text);
    const seeds = csv.rows.map((row) => row[csv.header.indexOf('seed')]);
    if (extra.length === 0) expect(new Set(seeds)).toEqual(new Set(['9']));
    else expect(new Set(seeds).size).toBe(seeds.length);
    expect(csv.header.filter((h) => h.endsWith('.p10')).length).toBeGreaterThan(0);
  });

  it('an out-of-range --vary exits 1 with the range and leaves an existing file untouched', async () => {
    const out = join(tmp.dir, 'keep.csv');
    writeFileSync(out, 'previous,content\n');
    const before = filesIn(tmp.dir);
    const r = await momentum(['sweep', scenario('blank-trust.momentum'), '--vary', `${first.id}=${first.min}:${first.max + 10}:3`, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${first.min} to ${first.max}`);
    expect(readFileSync(out, 'utf8')).toBe('previous,content\n');
    expect(filesIn(tmp.dir)).toEqual(before);
  });

  it('an unknown lever in --vary exits 1 naming close matches; nothing is written', async () => {
    const out = join(tmp.dir, 'never.csv');
    const r = await momentum(['sweep', scenario('blank-trust.momentum'), '--vary', `${first.id}x=1:2:2`, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Close matches: ${first.id}`);
    expect(existsSync(out)).toBe(false);
  });

  it('fails to write into a folder in the way: exit 1, no temporary file left', async () => {
    const before = filesIn(tmp.dir);
    const r = await momentum(['sweep', scenario('blank-trust.momentum'), '--vary', `${first.id}=${first.min}:${first.max}:2`, '--out', tmp.dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot write');
    expect(filesIn(tmp.dir)).toEqual(before);
  });

  it.each([
    [['--out', 'x.csv'], 'needs at least one --vary'],
    [['--vary', 'a=1:2', '--out', 'x.csv'], 'FROM:TO:STEPS'],
    [['--vary', `${LEVERS[0]!.id}=1:2:0`, '--out', 'x.csv'], 'STEPS must be a whole number'],
    [['--vary', `${LEVERS[0]!.id}=${LEVERS[0]!.min}:${LEVERS[0]!.max}:2`], 'needs --out CSV'],
  ])('usage errors exit 2: %j', async (args, message) => {
    const r = await momentum(['sweep', scenario('blank-trust.momentum'), ...args], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(join(tmp.dir, 'x.csv'))).toBe(false);
  });
});
