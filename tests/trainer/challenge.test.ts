import { describe, expect, it } from 'vitest';
import { evaluateChallenge, evaluateChallenges, type ChallengeContext, type ChallengeTarget, type LeverDef } from '../../engine';

const PRIORITIES: LeverDef = {
  id: 'priorities.concurrent',
  label: 'Concurrent priorities',
  group: 'priorities',
  unit: 'priorities',
  min: 1,
  max: 40,
  step: 1,
  default: 12,
  explanation: 'How many priorities run at once.',
  source: 'test',
};

function ctx(over: Partial<ChallengeContext> = {}): ChallengeContext {
  return { kpis: { maturityAtHorizon: 3.4, failed: 2 }, levers: { 'priorities.concurrent': 4 }, leverDefs: [PRIORITIES], ...over };
}

describe('challenge evaluation', () => {
  it('passes an at-least target and reports the slack', () => {
    const r = evaluateChallenge({ id: 'a', label: 'A', kpi: 'maturityAtHorizon', atLeast: 3 }, ctx());
    expect(r.pass).toBe(true);
    expect(r.checks).toHaveLength(1);
    expect(r.checks[0]!.margin).toBeCloseTo(0.4, 10);
  });

  it('fails an at-least target and reports the shortfall as a negative margin', () => {
    const r = evaluateChallenge({ id: 'a', label: 'A', kpi: 'maturityAtHorizon', atLeast: 4 }, ctx());
    expect(r.pass).toBe(false);
    expect(r.checks[0]!.margin).toBeCloseTo(-0.6, 10);
  });

  it('checks an at-most target the other way round', () => {
    const ok = evaluateChallenge({ id: 'f', label: 'F', kpi: 'failed', atMost: 3 }, ctx());
    const bad = evaluateChallenge({ id: 'f', label: 'F', kpi: 'failed', atMost: 1 }, ctx());
    expect([ok.pass, ok.checks[0]!.margin]).toEqual([true, 1]);
    expect([bad.pass, bad.checks[0]!.margin]).toEqual([false, -1]);
  });

  it('fails a challenge whose KPI is met when the lever limit is exceeded', () => {
    const target: ChallengeTarget = { id: 'b', label: 'B', kpi: 'maturityAtHorizon', atLeast: 3, maxLever: { leverId: 'priorities.concurrent', atMost: 3 } };
    const r = evaluateChallenge(target, ctx());
    expect(r.pass).toBe(false);
    expect(r.checks.map((c) => [c.kind, c.pass, c.margin])).toEqual([
      ['at-least', true, expect.closeTo(0.4, 10)],
      ['lever-at-most', false, -1],
    ]);
  });

  it('reads an unset lever at its default', () => {
    const r = evaluateChallenge({ id: 'c', label: 'C', kpi: 'failed', maxLever: { leverId: 'priorities.concurrent', atMost: 10 } }, ctx({ levers: {} }));
    expect(r.checks[0]!.actual).toBe(12);
    expect(r.pass).toBe(false);
  });

  it('reads a series at a given week for "by year N" targets', () => {
    const maturity = Float64Array.from({ length: 261 }, (_, w) => w / 52);
    const r = evaluateChallenge({ id: 'd', label: 'D', kpi: 'maturity', atLeast: 3, byWeek: 156 }, ctx({ series: { maturity } }));
    expect(r.pass).toBe(true);
    expect(r.checks[0]!.week).toBe(156);
    expect(r.checks[0]!.actual).toBeCloseTo(3, 10);
    const early = evaluateChallenge({ id: 'd', label: 'D', kpi: 'maturity', atLeast: 3, byWeek: 104 }, ctx({ series: { maturity } }));
    expect(early.pass).toBe(false);
    expect(early.checks[0]!.margin).toBeCloseTo(-1, 10);
  });

  it('never passes a challenge it cannot check, and says why', () => {
    const unknownKpi = evaluateChallenge({ id: 'e', label: 'E', kpi: 'nope', atLeast: 1 }, ctx());
    const unknownLever = evaluateChallenge({ id: 'e', label: 'E', kpi: 'failed', maxLever: { leverId: 'nope', atMost: 1 } }, ctx());
    const empty = evaluateChallenge({ id: 'e', label: 'E', kpi: 'failed' }, ctx());
    for (const r of [unknownKpi, unknownLever, empty]) {
      expect(r.pass).toBe(false);
      expect(r.missing.length).toBe(1);
    }
    expect(unknownKpi.missing[0]).toContain('nope');
  });

  it('treats a value a hair below a round target as met', () => {
    const r = evaluateChallenge({ id: 'g', label: 'G', kpi: 'm', atLeast: 3 }, ctx({ kpis: { m: 2.9999999999 } }));
    expect(r.pass).toBe(true);
  });

  it('evaluates a list in order', () => {
    const rs = evaluateChallenges(
      [
        { id: 'x', label: 'X', kpi: 'failed', atMost: 5 },
        { id: 'y', label: 'Y', kpi: 'failed', atMost: 0 },
      ],
      ctx(),
    );
    expect(rs.map((r) => [r.id, r.pass])).toEqual([
      ['x', true],
      ['y', false],
    ]);
  });
});

describe('challenges on week counts', () => {
  it('fails "reach the goal within N weeks" when the run never reaches it (-1), instead of reading -1 as early', () => {
    const r = evaluateChallenge({ id: 'w', label: 'W', kpi: 'weeksToGoal', atMost: 156 }, ctx({ kpis: { weeksToGoal: -1 } }));
    expect(r.pass).toBe(false);
    expect(r.checks[0]!.notReached).toBe(true);
    const ok = evaluateChallenge({ id: 'w', label: 'W', kpi: 'weeksToGoal', atMost: 156 }, ctx({ kpis: { weeksToGoal: 120 } }));
    expect([ok.pass, ok.checks[0]!.margin, ok.checks[0]!.notReached]).toEqual([true, 36, undefined]);
  });
});
