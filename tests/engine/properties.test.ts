// Property tests over random valid inputs (engine/SPEC.md R1, R5, R6, M1, M2).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KPIS, monteCarlo, SERIES, simulate, simulateExpected, type RunResult, type SimInput } from '../../engine';
import { inputArb, leversArb } from './arbitraries';
import { leverValue } from '../../engine/levers';
import { workedCapacity } from '../../engine/switching';

const SHARE_SERIES = SERIES.filter((s) => s.unit === 'share').map((s) => s.id);
const NON_NEGATIVE = ['benefits', 'benefitsRate', 'effectiveCapacity', 'remoteConsultations', 'activePriorities', 'initiativesLive'];

/** Return every bound a run breaks (empty when it keeps them all). */
function boundViolations(run: RunResult): string[] {
  const bad: string[] = [];
  const n = run.horizonWeeks + 1;
  for (const def of SERIES) {
    const s = run.series[def.id];
    if (!s || s.length !== n) { bad.push(`${def.id}: length ${s?.length} ≠ ${n}`); continue; }
    const share = SHARE_SERIES.includes(def.id);
    const maturity = def.id.startsWith('maturity');
    const nonNegative = NON_NEGATIVE.includes(def.id);
    for (let w = 0; w < n; w++) {
      const v = s[w]!;
      if (!Number.isFinite(v)) bad.push(`${def.id}[${w}] = ${v}`);
      else if (share && (v < 0 || v > 1)) bad.push(`${def.id}[${w}] = ${v} outside [0, 1]`);
      else if (maturity && (v < 1 || v > 5)) bad.push(`${def.id}[${w}] = ${v} outside [1, 5]`);
      else if (nonNegative && v < 0) bad.push(`${def.id}[${w}] = ${v} < 0`);
    }
  }
  for (const k of KPIS) if (!Number.isFinite(run.kpis[k.id])) bad.push(`kpi ${k.id} = ${run.kpis[k.id]}`);
  if (run.kpis.goalReached !== 0 && run.kpis.goalReached !== 1) bad.push(`goalReached = ${run.kpis.goalReached}`);
  if (run.kpis.weeksToGoal! > run.horizonWeeks + 1) bad.push(`weeksToGoal = ${run.kpis.weeksToGoal}`);
  return bad;
}

describe('properties', () => {
  it('[R5] [R6] no NaN or Infinity, and every bounded stock stays in its bounds, for any valid input and seed', () => {
    fc.assert(fc.property(inputArb, fc.integer(), (input, seed) => {
      expect(boundViolations(simulate(input, seed))).toEqual([]);
      expect(boundViolations(simulateExpected(input))).toEqual([]);
    }), { numRuns: 120 });
  });

  it('[R1] the same input and seed give the same run, bit for bit', () => {
    fc.assert(fc.property(inputArb, fc.integer(), (input, seed) => {
      const a = simulate(input, seed);
      const b = simulate(structuredClone(input), seed);
      for (const id of Object.keys(a.series)) expect(Array.from(b.series[id]!)).toEqual(Array.from(a.series[id]!));
      expect(b.kpis).toEqual(a.kpis);
      expect(b.timeline).toEqual(a.timeline);
      expect(b.events).toEqual(a.events);
    }), { numRuns: 40 });
  });

  it('[R3] Monte Carlo replication 0 is simulate(input, seed)', () => {
    fc.assert(fc.property(inputArb, fc.integer({ min: 0, max: 1e6 }), (input, seed) => {
      const mc = monteCarlo(input, { replications: 3, seed });
      const one = simulate(input, seed);
      for (const k of KPIS) expect(mc.kpis[k.id]!.values[0], k.id).toBe(one.kpis[k.id]);
    }), { numRuns: 25 });
  });

  /** Slack of property M1 in weeks: about one replication of 24 reaching the goal a few weeks before the horizon. */
  const M1_SLACK_WEEKS = 0.1;
  const expectedWeeks = (input: SimInput): number => monteCarlo(input, { replications: 24, seed: 5 }).kpis.weeksToGoal!.mean;

  // One priority at a time leaves people idle while work waits (Little's law with waits), so the property holds
  // from the number of initiatives the team can carry at once (two per sub-team of four build FTE) upwards.
  it('[M1] beyond what the team can carry at once, more concurrent priorities never reach the goal sooner in expectation', () => {
    fc.assert(fc.property(leversArb, fc.integer({ min: 1, max: 39 }), fc.integer({ min: 1, max: 10 }), (levers, p0, more) => {
      const build = ['team.clinical', 'team.product', 'team.design', 'team.engineering', 'team.data', 'team.infrastructure'].reduce((sum, id) => sum + (levers[id] ?? leverValue({}, id)), 0);
      const p = Math.min(39, Math.max(p0, workedCapacity(build)));
      const base: SimInput = { horizonWeeks: 260, levers, initiatives: [], stages: [], events: [], goal: { kind: 'maturity', atLeast: 3 } };
      const fewer = expectedWeeks({ ...base, levers: { ...levers, 'priorities.concurrent': p } });
      const many = expectedWeeks({ ...base, levers: { ...levers, 'priorities.concurrent': Math.min(40, p + more) } });
      // A mean over 24 replications: one replication of the many reaching the goal in the last weeks while the
      // fewer never do (260.96 against 261) is sampling noise, not a reversal. Allow a tenth of a week.
      expect(many).toBeGreaterThanOrEqual(fewer - M1_SLACK_WEEKS);
    }), { numRuns: 40 });
  });

  // Below three priorities the priorities nobody resists are not all harm: one or two at a time leave people
  // idle while work waits (P2 puts the best number at 2–6), so a board that holds a trust at one priority can
  // do a little worse than nobody, whose priorities creep up towards that range. The property holds from three.
  it('[M2] from three priorities, whole-board ownership never does worse than nobody owning digital, in expectation', () => {
    fc.assert(fc.property(leversArb, (drawn) => {
      const levers = { ...drawn, 'priorities.concurrent': Math.max(3, drawn['priorities.concurrent'] ?? leverValue({}, 'priorities.concurrent')) };
      const base: SimInput = { horizonWeeks: 260, levers, initiatives: [], stages: [], events: [], goal: { kind: 'maturity', atLeast: 3 } };
      const nobody = monteCarlo({ ...base, levers: { ...levers, 'leadership.ownership': 0 } }, { replications: 24, seed: 5 });
      const board = monteCarlo({ ...base, levers: { ...levers, 'leadership.ownership': 3 } }, { replications: 24, seed: 5 });
      expect(board.kpis.weeksToGoal!.mean).toBeLessThanOrEqual(nobody.kpis.weeksToGoal!.mean);
      // Where ownership makes next to no difference, rounding in the weekly arithmetic can leave the board's
      // mean a last bit below (seen: 4.332384636496404 against …405): "never worse" allows that much.
      expect(board.kpis.maturityAtHorizon!.mean).toBeGreaterThanOrEqual(nobody.kpis.maturityAtHorizon!.mean - 1e-12 * Math.abs(nobody.kpis.maturityAtHorizon!.mean));
    }), { numRuns: 40 });
  });
});
