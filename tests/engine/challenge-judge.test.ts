import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgeChallenges, LEVERS, medianKpis, monteCarlo, parseScenario, scenarioToInput, simulateExpected, type ChallengeTarget, type TypicalOutcome } from '../../engine';

const dist = (p50: number) => ({ p50 });
const typical: TypicalOutcome = {
  replications: 500,
  kpis: { initiativesFailed: dist(2), maturityAtHorizon: dist(2.6) },
  bands: { maturity: { p50: Float64Array.from({ length: 261 }, (_, w) => w / 80) } },
};
const estimate = {
  kpis: { initiativesFailed: 0, maturityAtHorizon: 3.2 },
  series: { maturity: Float64Array.from({ length: 261 }, (_, w) => w / 40), 'adoption.clinicians': Float64Array.from({ length: 261 }, () => 0.6) },
};
const noFailures: ChallengeTarget = { id: 'nf', label: 'No failures', kpi: 'initiativesFailed', atMost: 0 };
const base = { levers: {}, leverDefs: LEVERS };

describe('judging challenges on the typical outcome, as the headline reads it', () => {
  it('judges on the medians when the replications are in, so a favourable quick estimate cannot pass a challenge the typical run fails', () => {
    const [onEstimate] = judgeChallenges([noFailures], { ...base, typical: null, estimate })!;
    const [onTypical] = judgeChallenges([noFailures], { ...base, typical, estimate })!;
    expect([onEstimate!.basis, onEstimate!.pass]).toEqual(['estimate', true]);
    expect(onEstimate!.replications).toBeUndefined();
    expect([onTypical!.basis, onTypical!.pass, onTypical!.replications]).toEqual(['typical', false, 500]);
    expect(onTypical!.checks[0]!.actual).toBe(2);
    expect(onTypical!.checks[0]!.margin).toBe(-2);
  });

  it('reads "by week N" targets from the median band, and falls back to the quick estimate for a series without a band', () => {
    const byYear3: ChallengeTarget = { id: 'm', label: 'M', kpi: 'maturity', byWeek: 156, atLeast: 3 };
    const adoption: ChallengeTarget = { id: 'a', label: 'A', kpi: 'adoption.clinicians', byWeek: 208, atLeast: 0.5 };
    const [m, a] = judgeChallenges([byYear3, adoption], { ...base, typical, estimate })!;
    expect(m!.basis).toBe('typical');
    expect(m!.checks[0]!.actual).toBeCloseTo(156 / 80, 12);
    expect(m!.pass).toBe(false);
    expect([a!.basis, a!.pass, a!.checks[0]!.actual]).toEqual(['estimate', true, 0.6]);
  });

  it('judges a lever-only challenge on the typical basis, and a missing KPI as not checkable on either', () => {
    const lever: ChallengeTarget = { id: 'l', label: 'L', kpi: 'initiativesFailed', maxLever: { leverId: 'priorities.concurrent', atMost: 4 } };
    const unknown: ChallengeTarget = { id: 'u', label: 'U', kpi: 'nope', atLeast: 1 };
    const [l, u] = judgeChallenges([lever, unknown], { ...base, levers: { 'priorities.concurrent': 3 }, typical, estimate })!;
    expect([l!.basis, l!.pass]).toEqual(['typical', true]);
    expect(u!.pass).toBe(false);
    expect(u!.missing.join()).toContain('nope');
    expect(judgeChallenges([unknown], { ...base, typical, estimate: null })![0]!.basis).toBe('typical');
  });

  it('returns null while neither the quick estimate nor the replications are in', () => {
    expect(judgeChallenges([noFailures], { ...base, typical: null, estimate: null })).toBeNull();
  });

  it('reads a real Monte Carlo: every KPI verdict is the P50 of that KPI against the target', () => {
    const parsed = parseScenario(readFileSync('scenarios/scas-staged-journey.momentum', 'utf8'));
    if (!parsed.ok) throw new Error('scas-staged-journey.momentum does not parse');
    const input = scenarioToInput(parsed.scenario);
    const mc = monteCarlo(input, { replications: 60, seed: 7 });
    const medians = medianKpis(mc);
    expect(Object.keys(medians)).toEqual(Object.keys(mc.kpis));
    const judged = judgeChallenges(parsed.scenario.targets, { typical: mc, estimate: simulateExpected(input), levers: parsed.scenario.levers, leverDefs: LEVERS })!;
    expect(judged).toHaveLength(parsed.scenario.targets.length);
    parsed.scenario.targets.forEach((t, i) => {
      const kpiCheck = judged[i]!.checks.find((c) => c.subject === t.kpi && c.kind !== 'lever-at-most');
      expect(judged[i]!.basis).toBe('typical');
      if (t.byWeek === undefined && kpiCheck) expect(kpiCheck.actual).toBe(mc.kpis[t.kpi]!.p50);
    });
  });
});
