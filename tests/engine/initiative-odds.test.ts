// [R11] How each initiative fares across a Monte Carlo, checked against ground truth: replication r of a Monte
// Carlo with seed s is the single run of stream (s, r) (R3), so the shares and go-live percentiles must be
// exactly those computed from the timelines of R single runs.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blankInput, KPIS, mergeMonteCarlo, monteCarlo, monteCarloPart, parseScenario, REFERENCE_PORTFOLIO, scenarioToInput,
  simulate, splitReplications, type InitiativeOdds, type MonteCarloResult, type RunResult, type SimInput,
} from '../../engine';
import { inputArb } from './arbitraries';

function scenarioInput(file: string): SimInput {
  const parsed = parseScenario(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return scenarioToInput(parsed.scenario);
}

/**
 * Return the seed whose stream 0 is stream (seed, r): the generator is seeded from seed ^ imul(stream + 1, K)
 * (engine/random.ts), so simulate(input, this) is replication r of the Monte Carlo. The test checks that claim
 * itself: every replication's KPIs must equal the Monte Carlo's values of that replication.
 */
function seedOfStream(seed: number, r: number): number {
  const K = 0x632be5ab;
  return (seed ^ Math.imul(r + 1, K) ^ Math.imul(1, K)) | 0;
}

/** Return the single runs that are replications 0 … R−1 of the Monte Carlo with this seed. */
function replications(input: SimInput, seed: number, R: number): RunResult[] {
  return Array.from({ length: R }, (_, r) => simulate(input, seedOfStream(seed, r)));
}

/** Nearest-rank percentile (R9) of the values, or null when there are none. */
function nearestRank(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.round(q * (sorted.length - 1))]!;
}

/** How each initiative fared, computed from the single runs' timelines alone. */
function oddsFromRuns(runs: readonly RunResult[]): InitiativeOdds[] {
  const R = runs.length;
  return runs[0]!.timeline.map((first, i) => {
    const rows = runs.map((run) => run.timeline[i]!);
    expect(rows.every((o) => o.id === first.id)).toBe(true);
    const weeks = rows.filter((o) => o.goLiveWeek >= 0).map((o) => o.goLiveWeek);
    const lastFailed = (o: (typeof rows)[number]) => o.lastFailedWeek ?? o.failedWeek;
    return {
      id: first.id,
      live: weeks.length / R,
      failed: rows.filter((o) => o.failedWeek >= 0).length / R,
      // The latest attempt failed: its latest failure came at or after its latest start (no retry under way).
      failedAtEnd: rows.filter((o) => lastFailed(o) >= 0 && lastFailed(o) >= o.startWeek).length / R,
      goLiveP10: nearestRank(weeks, 0.1),
      goLiveP50: nearestRank(weeks, 0.5),
      goLiveP90: nearestRank(weeks, 0.9),
    };
  });
}

/** Assert the Monte Carlo's replications are the single runs (KPIs bit for bit), then its odds are theirs exactly. */
function expectOddsOfRuns(mc: MonteCarloResult, runs: readonly RunResult[]): void {
  runs.forEach((run, r) => {
    for (const k of KPIS) if (!Object.is(mc.kpis[k.id]!.values[r], run.kpis[k.id])) expect.fail(`replication ${r} ${k.id}: ${mc.kpis[k.id]!.values[r]} vs ${run.kpis[k.id]}`);
  });
  expect(mc.initiatives).toStrictEqual(oddsFromRuns(runs));
}

describe('[R11] each initiative\'s odds equal those of the single runs that are its replications', () => {
  const cases: { name: string; input: () => SimInput; R: number; seed: number }[] = [
    { name: 'blank trust (reference portfolio)', input: blankInput, R: 60, seed: 42 },
    { name: 'milton-keynes.momentum', input: () => scenarioInput('milton-keynes.momentum'), R: 50, seed: 7 },
    { name: 'scas-staged-journey.momentum (stages, retries)', input: () => scenarioInput('scas-staged-journey.momentum'), R: 50, seed: -3 },
    { name: 'cntw-model-teams.momentum (pilots)', input: () => scenarioInput('cntw-model-teams.momentum'), R: 40, seed: 123456 },
  ];
  for (const c of cases) {
    it(`[R11] ${c.name}: ${c.R} replications`, () => {
      const input = c.input();
      const mc = monteCarlo(input, { replications: c.R, seed: c.seed, series: [] });
      expectOddsOfRuns(mc, replications(input, c.seed, c.R));
      // The figures are whole-run facts, in the input's order (the reference portfolio's for a blank trust).
      const ids = input.initiatives.length > 0 ? input.initiatives.map((it) => it.id) : REFERENCE_PORTFOLIO.map((it) => it.id);
      expect(mc.initiatives.map((o) => o.id)).toEqual(ids);
    });
  }

  it('[R11] the cases exercise every kind of ending (live, never live, failed and retried, failed at the end)', () => {
    const all = cases.flatMap((c) => monteCarlo(c.input(), { replications: c.R, seed: c.seed, series: [] }).initiatives);
    expect(all.some((o) => o.live > 0 && o.live < 1)).toBe(true);
    expect(all.some((o) => o.live === 0 && o.goLiveP50 === null)).toBe(true);
    expect(all.some((o) => o.failed > o.failedAtEnd && o.failedAtEnd > 0)).toBe(true);
    expect(all.some((o) => o.goLiveP10 !== null && o.goLiveP10 < o.goLiveP90!)).toBe(true);
  });

  it('[R11] generated inputs: the odds are those of the single runs, and merged parts give the same (property)', () => {
    fc.assert(fc.property(inputArb, fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 24 }), (input, seed, R) => {
      const mc = monteCarlo(input, { replications: R, seed, series: [] });
      expectOddsOfRuns(mc, replications(input, seed, R));
      for (const o of mc.initiatives) {
        expect(o.failedAtEnd).toBeLessThanOrEqual(o.failed);
        expect(o.live + o.failedAtEnd).toBeLessThanOrEqual(1);
      }
      const parts = splitReplications(R, 3).map(({ from, to }) => monteCarloPart(input, { seed, from, to, series: [] }));
      expect(mergeMonteCarlo(input, parts.reverse()).initiatives).toStrictEqual(mc.initiatives);
    }), { numRuns: 30 });
  }, 120_000);
});
