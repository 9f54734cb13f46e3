// `momentum compare`, `sensitivity` and `export` on real files: shapes, agreement with the
// engine, attribution that adds up, and byte-identical output whatever the worker count.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEVERS, parseScenario, scenarioToInput, sensitivity, type LeverDef } from '../../engine';
import { momentum, scenario, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const numeric = LEVERS.filter((l) => !l.options && l.max > l.min);
const away = (def: LeverDef) => (def.default === def.max ? def.min : def.max);
const [leverA, leverB] = [numeric.find((l) => l.id === 'priorities.concurrent') ?? numeric[0]!, numeric.find((l) => l.id === 'goal.clarity') ?? numeric[1]];

interface CompareJson {
  engineVersion: string;
  runs: { label: string; kind: string; kpis: Record<string, number>; reproduction?: { status: string } }[];
  comparisons: {
    settings: { key: string; kind: string }[];
    kpis: { kpi: string; baseline: number; other: number; delta: number }[];
    attribution: {
      method: string;
      interactionNote: string;
      kpis: { kpi: string; gap: number; interaction: number; sampling: number; rows: { player: string; effect: number; share: number | null }[] }[];
    };
  }[];
}

describe('momentum compare', () => {
  const base = join(tmp.dir, 'base.json');
  const changed = join(tmp.dir, 'changed.json');
  const reseeded = join(tmp.dir, 'reseeded.json');
  const sets = [`${leverA.id}=${away(leverA)}`, ...(leverB ? [`${leverB.id}=${away(leverB)}`] : [])];

  beforeAll(async () => {
    const common = ['run', scenario('milton-keynes.momentum'), '--replications', '20', '--seed', '4'];
    const results = await Promise.all([
      momentum([...common, '--out', base, '--label', 'Base']),
      momentum([...common, ...sets.flatMap((s) => ['--set', s]), '--out', changed, '--label', 'Changed']),
      momentum([...common.slice(0, -1), '5', '--out', reseeded, '--label', 'Reseeded']),
    ]);
    for (const r of results) expect(r.code).toBe(0);
  }, 60_000);

  it('diffs only the settings that differ and gives KPI deltas (other − baseline)', async () => {
    const r = await momentum(['compare', base, changed, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as CompareJson;
    expect(out.runs.map((x) => x.label)).toEqual(['Base', 'Changed']);
    expect(out.runs.every((x) => x.reproduction?.status === 'reproduced')).toBe(true);
    const c = out.comparisons[0]!;
    expect(c.settings.map((s) => s.key).sort()).toEqual(sets.map((s) => s.split('=')[0]).sort());
    for (const d of c.kpis) {
      expect(d.baseline).toBe(out.runs[0]!.kpis[d.kpi]);
      expect(d.other).toBe(out.runs[1]!.kpis[d.kpi]);
      expect(d.delta).toBe(d.other - d.baseline);
    }
  });

  it('attributes each KPI gap to the differing levers; effects + interaction + sampling = gap, shares sum to 1', async () => {
    const r = await momentum(['compare', base, changed, '--json']);
    const a = (JSON.parse(r.stdout) as CompareJson).comparisons[0]!.attribution;
    expect(a.method).toBe('shapley');
    expect(a.interactionNote).toMatch(/Shapley/);
    let shared = 0;
    for (const k of a.kpis) {
      expect(k.rows.map((x) => x.player).sort()).toEqual(sets.map((s) => s.split('=')[0]).sort());
      const explained = k.rows.reduce((s, x) => s + x.effect, 0);
      const tol = 1e-9 * Math.max(1, Math.abs(k.gap));
      expect(Math.abs(explained + k.interaction + k.sampling - k.gap)).toBeLessThan(tol);
      // Same seed and replications: nothing is left to sampling, and Shapley leaves no interaction.
      expect(Math.abs(k.sampling)).toBeLessThan(tol);
      expect(k.interaction).toBe(0);
      if (k.rows.every((x) => x.share !== null)) {
        shared++;
        expect(k.rows.reduce((s, x) => s + x.share!, 0)).toBeCloseTo(1, 9);
      }
    }
    expect(shared).toBeGreaterThan(0);
  });

  it('puts a different seed under sampling, and a different scenario under one scenario player', async () => {
    const r = await momentum(['compare', base, reseeded, scenario('covid-19.momentum'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as CompareJson;
    const [seedOnly, otherScenario] = out.comparisons;
    expect(seedOnly!.settings.map((s) => s.key)).toEqual(['seed']);
    for (const k of seedOnly!.attribution.kpis) expect(k.sampling).toBeCloseTo(k.gap, 9);
    expect(otherScenario!.attribution.kpis[0]!.rows.map((x) => x.player)).toContain('scenario');
  });

  it('is byte-identical with 1 and 2 workers', async () => {
    const [a, b] = await Promise.all([
      momentum(['compare', base, changed, reseeded, '--json', '--workers', '1']),
      momentum(['compare', base, changed, reseeded, '--json', '--workers', '2']),
    ]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('needs two files (usage, exit 2) and names an unknown --kpi (exit 1)', async () => {
    expect((await momentum(['compare', base])).code).toBe(2);
    const r = await momentum(['compare', base, changed, '--kpi', 'maturityAtHorizn']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Close matches: maturityAtHorizon');
  });
});

describe('momentum sensitivity', () => {
  it('gives the engine\'s own tornado (same rows, same order) for the scenario, fanned out over workers', async () => {
    const file = scenario('covid-19.momentum');
    const r = await momentum(['sensitivity', file, '--kpi', 'maturityAtHorizon', '--replications', '8', '--seed', '3', '--json', '--workers', '2']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { kpi: string; baseline: number; rows: unknown[]; replications: number };
    const parsed = parseScenario(readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new Error('prepared scenario is invalid');
    const want = sensitivity(scenarioToInput(parsed.scenario), { kpi: 'maturityAtHorizon', seed: 3, replications: 8, uncertainty: 'all' });
    expect(out.rows).toEqual(want.rows);
    expect(out.baseline).toBe(want.baseline);
    expect(out.rows).toHaveLength(LEVERS.length);
  });

  it('is byte-identical with 1 and 2 workers', async () => {
    const args = ['sensitivity', scenario('milton-keynes.momentum'), '--kpi', 'weeksToGoal', '--replications', '4', '--json'];
    const [a, b] = await Promise.all([momentum([...args, '--workers', '1']), momentum([...args, '--workers', '2'])]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('an unknown KPI exits 1 with close matches; a missing --kpi exits 2', async () => {
    const r = await momentum(['sensitivity', scenario('blank-trust.momentum'), '--kpi', 'peakFatige']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Close matches: peakFatigue');
    expect((await momentum(['sensitivity', scenario('blank-trust.momentum')])).code).toBe(2);
  });
});

describe('momentum export', () => {
  it('CSV series: a week column and one row per week of the horizon', async () => {
    const r = await momentum(['export', scenario('covid-19.momentum'), '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]!.split(',')[0]).toBe('week');
    const horizon = (JSON.parse(readFileSync(scenario('covid-19.momentum'), 'utf8')) as { horizonWeeks?: number }).horizonWeeks ?? 260;
    expect(lines).toHaveLength(horizon + 2);
    expect(lines[1]!.startsWith('0,')).toBe(true);
  });

  it('CSV KPIs of a Monte Carlo run match `run --json`; JSON holds KPIs and series', async () => {
    const common = [scenario('covid-19.momentum'), '--replications', '6', '--seed', '2'];
    const [csv, json, run] = await Promise.all([
      momentum(['export', ...common, '--format', 'csv', '--table', 'kpis']),
      momentum(['export', ...common, '--format', 'json']),
      momentum(['run', ...common, '--json']),
    ]);
    const kpis = (JSON.parse(run.stdout) as { kpis: Record<string, number> }).kpis;
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('kpi,mean,p10,p50,p90');
    for (const line of lines.slice(1)) {
      const [name, mean] = line.split(',');
      expect(Number(mean)).toBe(kpis[name!]);
    }
    const doc = JSON.parse(json.stdout) as { kpis: Record<string, number>; series: Record<string, { p50: number[] }> };
    expect(doc.kpis).toEqual(kpis);
    expect(Object.keys(doc.series).length).toBeGreaterThan(0);
  });

  it('--out writes the file and prints nothing; a bad --format exits 2', async () => {
    const out = join(tmp.dir, 'series.csv');
    const r = await momentum(['export', scenario('blank-trust.momentum'), '--format', 'csv', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8').startsWith('week,')).toBe(true);
    expect((await momentum(['export', scenario('blank-trust.momentum'), '--format', 'xlsx'])).code).toBe(2);
  });
});

describe('momentum compare --shapley-max', () => {
  it('0 switches to both-orders swaps with the interaction reported, and the parts still add up', async () => {
    const r = await momentum(['compare', scenario('milton-keynes.momentum'), scenario('covid-19.momentum'), '--json', '--expected', '--shapley-max', '0']);
    expect(r.code).toBe(0);
    const a = (JSON.parse(r.stdout) as CompareJson).comparisons[0]!.attribution;
    expect(a.method).toBe('both-orders');
    for (const k of a.kpis) {
      const sum = k.rows.reduce((s, x) => s + x.effect, 0) + k.interaction + k.sampling;
      expect(Math.abs(sum - k.gap)).toBeLessThan(1e-9 * Math.max(1, Math.abs(k.gap)));
    }
  });
});
