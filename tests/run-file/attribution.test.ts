// Attribution of a KPI gap to differing settings, checked on small functions whose Shapley
// values are known by hand, so the arithmetic (not the model) is what is tested.
import { describe, expect, it } from 'vitest';
import {
  blankInput,
  completeAttribution,
  diffSettings,
  kpiDeltas,
  planAttribution,
  type KpiSummary,
  type LeverDef,
  type RunPoint,
  type SimInput,
} from '../../engine';

const lever = (id: string): LeverDef => ({
  id,
  label: id.toUpperCase(),
  group: 'team',
  unit: 'units',
  min: 0,
  max: 10,
  step: 1,
  default: 0,
  explanation: 'test lever',
  source: 'judgement',
});
const DEFS = ['x', 'y', 'z'].map(lever);

function point(levers: Record<string, number>, over: Partial<RunPoint> = {}, input: Partial<SimInput> = {}): RunPoint {
  return { label: 'p', input: { ...blankInput(), ...input, levers }, method: 'single', seed: 1, replications: 1, ...over };
}

/** Evaluate a plan's tasks with a known KPI function of the levers (and horizon for the scenario player). */
function evaluate(tasks: readonly { input: SimInput }[], f: (v: Record<string, number>, input: SimInput) => number): KpiSummary[] {
  return tasks.map((t) => {
    const v = { x: t.input.levers.x ?? 0, y: t.input.levers.y ?? 0, z: t.input.levers.z ?? 0 };
    return { kpis: { k: f(v, t.input) } };
  });
}

function attribute(a: RunPoint, b: RunPoint, f: (v: Record<string, number>, input: SimInput) => number, maxExactPlayers?: number) {
  const plan = planAttribution(a, b, DEFS, maxExactPlayers === undefined ? {} : { maxExactPlayers });
  const results = evaluate(plan.tasks, f);
  const own = evaluate([{ input: a.input }, { input: b.input }], f);
  return { plan, result: completeAttribution(plan, results, own[0]!.kpis, own[1]!.kpis) };
}

const effects = (rows: readonly { player: string; effect: number }[]) => Object.fromEntries(rows.map((r) => [r.player, r.effect]));

describe('attribution of the gap', () => {
  it('additive effects are attributed exactly, shares in proportion', () => {
    const { plan, result } = attribute(point({}), point({ x: 1, y: 2 }), (v) => 3 * v.x! + v.y!);
    expect(plan.method).toBe('shapley');
    expect(plan.tasks).toHaveLength(4);
    const k = result.kpis[0]!;
    expect(k.gap).toBe(5);
    expect(effects(k.rows)).toEqual({ x: 3, y: 2 });
    expect(k.rows.map((r) => r.share)).toEqual([0.6, 0.4]);
    expect(k.interaction).toBe(0);
    expect(k.sampling).toBe(0);
  });

  it('a pure two-way interaction is split evenly by Shapley (x·y from 0,0 to 1,1)', () => {
    const { result } = attribute(point({}), point({ x: 1, y: 1 }), (v) => v.x! * v.y!);
    expect(effects(result.kpis[0]!.rows)).toEqual({ x: 0.5, y: 0.5 });
  });

  it('a three-way interaction: Shapley gives a third each; both-orders gives a half each and −0.5 interaction', () => {
    const f = (v: Record<string, number>) => v.x! * v.y! * v.z!;
    const exact = attribute(point({}), point({ x: 1, y: 1, z: 1 }), f).result.kpis[0]!;
    for (const r of exact.rows) expect(r.effect).toBeCloseTo(1 / 3, 12);
    const approx = attribute(point({}), point({ x: 1, y: 1, z: 1 }), f, 2);
    expect(approx.plan.method).toBe('both-orders');
    expect(approx.plan.tasks).toHaveLength(2 + 2 * 3);
    const k = approx.result.kpis[0]!;
    expect(effects(k.rows)).toEqual({ x: 0.5, y: 0.5, z: 0.5 });
    expect(k.interaction).toBe(-0.5);
    expect(k.rows.reduce((s, r) => s + r.effect, 0) + k.interaction).toBe(k.gap);
    expect(approx.result.interactionNote).toContain('interaction');
  });

  it('non-lever differences form one "scenario" player; levers equal to their default are not players', () => {
    const { plan, result } = attribute(point({ x: 0 }), point({ y: 2 }, {}, { horizonWeeks: 100 }), (v, input) => v.y! + input.horizonWeeks / 100);
    expect(plan.players.map((p) => p.id)).toEqual(['y', 'scenario']);
    const k = result.kpis[0]!;
    expect(k.gap).toBeCloseTo(2 + 1 - 2.6, 12);
    expect(effects(k.rows).y).toBeCloseTo(2, 12);
    expect(effects(k.rows).scenario).toBeCloseTo(1 - 2.6, 12);
  });

  it('what B\'s own sampling adds is reported as sampling, so the parts still add up', () => {
    const a = point({});
    const b = point({ x: 1 }, { seed: 2 });
    const plan = planAttribution(a, b, DEFS);
    expect(plan.tasks.every((t) => t.seed === 1)).toBe(true);
    const results: KpiSummary[] = plan.tasks.map((t) => ({ kpis: { k: t.input.levers.x ?? 0 } }));
    const result = completeAttribution(plan, results, { k: 0 }, { k: 1.25 });
    const k = result.kpis[0]!;
    expect(k.sampling).toBe(0.25);
    expect(k.rows[0]!.effect + k.sampling).toBe(k.gap);
  });

  it('a gap of zero is not shared out into percentages', () => {
    const { result } = attribute(point({}), point({ x: 1, y: 1 }), (v) => v.x! - v.y!);
    expect(result.kpis[0]!.gap).toBe(0);
    expect(result.kpis[0]!.rows.every((r) => r.share === null)).toBe(true);
  });

  it('refuses results that do not match the plan', () => {
    const plan = planAttribution(point({}), point({ x: 1 }), DEFS);
    expect(() => completeAttribution(plan, [], { k: 0 }, { k: 1 })).toThrow(/expected 2 results/);
  });
});

describe('settings diff and KPI deltas', () => {
  it('lists only what differs: levers (defaults filled in), scenario parts, sampling', () => {
    const a = point({ x: 0, y: 3 });
    const b = point({ y: 4 }, { method: 'monte-carlo', replications: 50 }, { horizonWeeks: 100, goal: { kind: 'maturity', atLeast: 4 } });
    const diff = diffSettings(a, b, DEFS);
    expect(diff.map((d) => d.key)).toEqual(['y', 'horizonWeeks', 'goal', 'method', 'replications']);
    expect(diff[0]).toMatchObject({ kind: 'lever', baseline: '3 units', other: '4 units', delta: 1 });
    expect(diff[2]).toMatchObject({ baseline: 'maturity ≥ 3', other: 'maturity ≥ 4' });
  });

  it('gives delta and relative change for KPIs present in both runs', () => {
    expect(kpiDeltas({ a: 2, b: 0, only: 1 }, { a: 3, b: 1 })).toEqual([
      { kpi: 'a', baseline: 2, other: 3, delta: 1, relative: 0.5 },
      { kpi: 'b', baseline: 0, other: 1, delta: 1, relative: null },
    ]);
  });
});

describe('compareRuns (the engine-level comparison the app and the CLI share)', () => {
  it('simulates each run, diffs settings and attributes every KPI gap against the first run', async () => {
    const { LEVERS, blankScenario, compareRuns, createInProcessRunner } = await import('../../engine');
    const numeric = LEVERS.filter((l) => !l.options && l.max > l.min).slice(0, 2);
    const overrides = Object.fromEntries(numeric.map((l) => [l.id, l.default === l.max ? l.min : l.max]));
    const base = { label: 'A', scenario: blankScenario(), overrides: {}, method: 'expected' as const, seed: 1, replications: 1 };
    const result = await compareRuns([base, { ...base, label: 'B', overrides }], createInProcessRunner(), LEVERS);
    expect(result.runs.map((r) => r.label)).toEqual(['A', 'B']);
    const c = result.comparisons[0]!;
    expect(c.settings.map((s) => s.key).sort()).toEqual(Object.keys(overrides).sort());
    for (const k of c.attribution.kpis) {
      const sum = k.rows.reduce((s, r) => s + r.effect, 0) + k.interaction + k.sampling;
      expect(sum).toBeCloseTo(k.gap, 9);
      expect(k.a).toBe(result.runs[0]!.summary.kpis[k.kpi]);
    }
  });
});
