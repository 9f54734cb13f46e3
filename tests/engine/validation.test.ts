// The model validation suite (engine/validation, docs/VALIDATION.md): the committed results match the suite, and
// each named property P1–P8, computed live through the suite's own evaluator on that case alone, gives exactly
// the figure and verdict the committed results record, so docs/VALIDATION.md and the Model view cannot drift from
// the engine. Whether a property holds is the model's verdict, reported there: fix the model, never the threshold.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blankInput, ENGINE_VERSION, leverDef, LEVERS, type KpiDistribution } from '../../engine';
import {
  createValidationContext, evaluateCase, randomBoards, sweepLever, validationCases, type ValidationContext, type ValidationReport,
} from '../../engine/validation';
import { leverGrid } from '../../engine/validation/helpers';
import { loadPreparedInputs, RESULTS_FILE } from '../../scripts/validate-model';
import { momentum, scenario } from '../cli/helpers';

const scenarios = loadPreparedInputs();
const cases = validationCases(Object.keys(scenarios));

let shared: ValidationContext | undefined;
/** Return one context for the whole file, so runs that several properties share are made once. */
function ctx(): ValidationContext {
  shared ??= createValidationContext(scenarios);
  return shared;
}

describe('engine/validation/results.json', () => {
  const report = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as ValidationReport;

  it('was written by this engine version (run `npm run validate:model` after changing the model)', () => {
    expect(report.engineVersion).toBe(ENGINE_VERSION);
  });

  it('holds exactly the suite\'s cases, in order (run `npm run validate:model` after changing the cases)', () => {
    expect(report.results.map((r) => r.id)).toEqual(cases.map((c) => c.id));
    expect(report.passed + report.failed).toBe(report.results.length);
    expect(report.passed).toBe(report.results.filter((r) => r.pass).length);
  });
});

describe('validation properties', () => {
  it('are P1–P8, each once', () => {
    expect(cases.filter((c) => c.category === 'property').map((c) => c.id)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8']);
  });

  const recorded = (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as ValidationReport).results;
  for (const c of cases.filter((x) => x.category === 'property')) {
    it(`[${c.id}] ${c.title}: the live figure and verdict are the recorded ones`, () => {
      const r = evaluateCase(c, ctx());
      const rec = recorded.find((x) => x.id === c.id);
      expect(rec, `${c.id} is missing from results.json`).toBeDefined();
      expect({ figure: r.figure, pass: r.pass }).toEqual({ figure: rec!.figure, pass: rec!.pass });
    }, 120_000);
  }
});

describe('validation through the command line', () => {
  it('[P5] the command line gives the in-process figure for a trust with no team (momentum run --set … --json)', async () => {
    const sets = LEVERS.filter((l) => l.group === 'team' && l.unit === 'FTE').flatMap((l) => ['--set', `${l.id}=0`]);
    const r = await momentum(['run', scenario('blank-trust.momentum'), '--replications', '300', '--seed', '1', ...sets, '--set', 'team.external=0', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { kpis: Record<string, number>; levers: Record<string, number> };
    expect(out.levers['team.engineering']).toBe(0);
    expect(out.levers['team.external']).toBe(0);
    const levers = Object.fromEntries(LEVERS.filter((l) => l.group === 'team' && l.unit === 'FTE').map((l) => [l.id, 0]));
    const inProcess = ctx().kpis(blankInput(), { ...levers, 'team.external': 0 }).initiativesFailed!.mean;
    expect(out.kpis.initiativesFailed).toBe(inProcess);
  }, 180_000);
});

/** Return a context whose only answer is mean benefits = f(value of `lever`), to test the sweep rules alone. */
function curveContext(lever: string, f: (v: number) => number): ValidationContext {
  const fail = () => {
    throw new Error('not used');
  };
  return {
    scenarios: {},
    replications: 1,
    seed: 1,
    run: fail,
    expected: fail,
    kpis: (_input, levers) => ({ benefitsRealised: { mean: f(levers?.[lever] ?? Number.NaN) } as KpiDistribution }),
  };
}

describe('validation harness', () => {
  it('sweeps a lever over its range snapped to its step, without repeats', () => {
    expect(leverGrid(leverDef('priorities.concurrent')!, 7)).toEqual([1, 8, 14, 21, 27, 34, 40]);
    expect(leverGrid(leverDef('leadership.ownership')!, 7)).toEqual([0, 1, 2, 3]);
    expect(leverGrid(leverDef('goal.clarity')!, 7)).toEqual([0, 0.15, 0.35, 0.5, 0.65, 0.85, 1]);
  });

  it.each([
    ['a step between flat stretches is a cliff', (v: number) => (v < 0.5 ? 0 : 100), [2], false],
    ['a straight line is not', (v: number) => 100 * v, [], false],
    ['a steep start that keeps falling is not', (v: number) => 100 / (1 + 10 * v), [], false],
    ['a constant is flat, not a cliff', () => 50, [], true],
  ] as const)('judges the curve of benefits: %s', (_name, f, cliffs, flat) => {
    const s = sweepLever(curveContext('goal.clarity', f), leverDef('goal.clarity')!);
    expect(s.cliffs).toEqual(cliffs);
    expect(s.flat).toBe(flat);
  });

  it('draws the base rate\'s boards from a seeded generator, within each range, discrete levers on their step', () => {
    const boards = randomBoards(50, 1);
    expect(randomBoards(50, 1)).toEqual(boards);
    expect(randomBoards(50, 2)).not.toEqual(boards);
    for (const b of boards) {
      for (const l of LEVERS) {
        expect(b[l.id]).toBeGreaterThanOrEqual(l.min);
        expect(b[l.id]).toBeLessThanOrEqual(l.max);
      }
      expect(Number.isInteger(b['priorities.concurrent'])).toBe(true);
      expect(Number.isInteger(b['leadership.ownership'])).toBe(true);
    }
    // Every value of a discrete lever is drawn, the ends included.
    expect(new Set(boards.map((b) => b['leadership.ownership']))).toEqual(new Set([0, 1, 2, 3]));
  });

  it('memoises runs whatever order the levers are written in, and reads KPIs from a run it already has', () => {
    let runs = 0;
    const c = createValidationContext({}, { replications: 4, onRun: () => runs++ });
    const input = { ...blankInput(), horizonWeeks: 20 };
    const a = c.run(input, { 'goal.clarity': 1, 'priorities.concurrent': 2 });
    expect(c.run(input, { 'priorities.concurrent': 2, 'goal.clarity': 1 })).toBe(a);
    expect(c.kpis(input, { 'priorities.concurrent': 2, 'goal.clarity': 1 })).toBe(a.kpis);
    expect(runs).toBe(1);
    expect(c.kpis(input, { 'priorities.concurrent': 3 }).initiativesDelivered?.values.length).toBe(4);
    expect(runs).toBe(2);
  });

  it('fails a case that cannot be evaluated and says why, instead of throwing', () => {
    const r = evaluateCase(cases.find((c) => c.id === 'P4')!, createValidationContext({}));
    expect(r).toMatchObject({ id: 'P4', pass: false, figure: 'error' });
    expect(r.detail).toMatch(/no prepared scenario 'covid-19'/);
  });
});
