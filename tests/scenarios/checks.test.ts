import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChecksFileSchema, formatProblems, parseScenario, runCheck, scenarioToInput, simulateExpected } from '../../engine';
import type { Scenario, ScenarioCheck } from '../../engine';
import { libraryFiles } from './library-files';

const scenarios = new Map<string, Scenario>();
for (const { file, text } of libraryFiles()) {
  const r = parseScenario(text);
  if (!r.ok) throw new Error(`${file} does not parse:\n${formatProblems(r.problems).join('\n')}`);
  scenarios.set(r.scenario.id, r.scenario);
}

const parsed = ChecksFileSchema.safeParse(JSON.parse(readFileSync(new URL('./checks.json', import.meta.url), 'utf8')));
const checks: ScenarioCheck[] = parsed.success ? parsed.data.checks : [];

describe('tests/scenarios/checks.json', () => {
  it('is a valid checks file with unique ids', () => {
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
  });

  it('shows every lesson L1–L8 of the model brief with at least one check', () => {
    const lessons = new Set(checks.map((c) => c.lesson).filter((l) => l !== undefined));
    expect([...lessons].sort()).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8']);
  });

  it('exercises every prepared scenario in at least one named check', () => {
    const named = new Set<string>();
    for (const c of checks) {
      const subjects = c.compare ?? (c.scenario !== undefined ? [c.scenario] : []);
      for (const s of subjects) named.add(typeof s === 'string' ? s : s.scenario);
    }
    for (const id of scenarios.keys()) expect([...named], id).toContain(id);
  });
});

describe.each(checks.map((c) => [`${c.lesson ? `[${c.lesson}] ` : ''}${c.id}: ${c.describe}`, c] as const))('%s', (_title, check) => {
  it('holds', () => {
    const outcomes = runCheck(check, scenarios);
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => !o.pass).map((o) => `${o.scenario}: ${o.message}`)).toEqual([]);
  });
});

describe('runCheck', () => {
  const blank = scenarios.get('blank-trust')!;
  const only = new Map([['blank-trust', blank]]);
  it('fails, saying why, when a predicate does not hold', () => {
    const [o] = runCheck({ id: 'x', describe: 'impossible', scenario: 'blank-trust', kpi: 'maturityAtHorizon', gt: 5 }, only);
    expect(o?.pass).toBe(false);
    expect(o?.message).toMatch(/^KPI maturityAtHorizon = [\d.]+: must be more than 5$/);
  });
  it('reports an unknown scenario, KPI or series instead of passing', () => {
    expect(runCheck({ id: 'x', describe: 'd', scenario: 'nope', kpi: 'maturityAtHorizon', gte: 0 }, only)[0]).toMatchObject({ pass: false, message: 'no scenario "nope"' });
    expect(runCheck({ id: 'x', describe: 'd', scenario: 'blank-trust', kpi: 'nope', gte: 0 }, only)[0]?.pass).toBe(false);
    expect(runCheck({ id: 'x', describe: 'd', scenario: 'blank-trust', series: 'nope', at: 3, gte: 0 }, only)[0]?.pass).toBe(false);
  });
  it('reads "Kx week N" from the same series, "Kx b" from the other scenario, and sums a series over weeks', () => {
    const self = runCheck({ id: 'x', describe: 'd', scenario: 'blank-trust', series: 'maturity', at: 10, gte: '1x week 10', lte: 'week 10' }, only);
    expect(self.map((o) => o.pass)).toEqual([true]);
    const pair = runCheck({ id: 'x', describe: 'd', compare: ['blank-trust', 'blank-trust'], kpi: 'maturityAtHorizon', gte: 'b', lt: '1.01x b' }, only);
    expect(pair.map((o) => o.pass)).toEqual([true]);
    const series = simulateExpected(scenarioToInput(blank)).series.maturity!;
    const total = series[3]! + series[4]! + series[5]!;
    const summed = runCheck({ id: 'x', describe: 'd', scenario: 'blank-trust', series: 'maturity', sum: [3, 5], between: [total - 1e-9, total + 1e-9] }, only);
    expect(summed.map((o) => o.pass)).toEqual([true]);
    const shifted = runCheck({ id: 'x', describe: 'd', compare: ['blank-trust', 'blank-trust'], kpi: 'maturityAtHorizon', gt: 'b + 0.5' }, only);
    expect(shifted.map((o) => o.pass)).toEqual([false]);
  });
});
