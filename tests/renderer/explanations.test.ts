import { describe, expect, it } from 'vitest';
import { CONSTRAINTS, type Constraint, type PeriodExplanation, type RunResult } from '../../engine';
import { bindingStory, constraintTotals } from '../../renderer/src/components/why-panel';
import { WGLL_MEASURES } from '../../renderer/src/views/explore/outputs';
import { wgllScoresAt } from '../../renderer/src/views/explore/wgll-overlay';

function period(fromWeek: number, toWeek: number, shares: Partial<Record<Constraint, number>>): PeriodExplanation {
  const full = Object.fromEntries(CONSTRAINTS.map((c) => [c, shares[c] ?? 0])) as Record<Constraint, number>;
  const binding = CONSTRAINTS.reduce((a, b) => (full[b] > full[a] ? b : a));
  return { fromWeek, toWeek, binding, shares: full };
}

describe('the "why" panel', () => {
  const run = {
    explanations: [period(0, 52, { switching: 0.8, governance: 0.2 }), period(52, 104, { switching: 0.6, fatigue: 0.4 }), period(104, 260, { fatigue: 0.7, switching: 0.3 })],
  } as unknown as RunResult;

  it('weights each period\'s shares by its length', () => {
    const t = constraintTotals(run);
    expect(t.switching).toBeCloseTo((0.8 * 52 + 0.6 * 52 + 0.3 * 156) / 260, 10);
    expect(t.fatigue).toBeCloseTo((0.4 * 52 + 0.7 * 156) / 260, 10);
    expect(CONSTRAINTS.reduce((sum, c) => sum + t[c], 0)).toBeCloseTo(1, 10);
  });

  it('merges consecutive periods with the same binding constraint', () => {
    expect(bindingStory(run)).toEqual([
      { from: 0, to: 104, binding: 'switching' },
      { from: 104, to: 260, binding: 'fatigue' },
    ]);
  });
});

describe('the "What Good Looks Like" overlay', () => {
  const n = 261;
  const flat = (v: number) => new Float64Array(n).fill(v);
  const series: Record<string, Float64Array> = {
    maturity: flat(3),
    'maturity.patients': flat(2),
    'maturity.clinicians': flat(4),
    'maturity.support': flat(3),
    'adoption.patients': flat(0.5),
    'adoption.clinicians': flat(1),
    leadership: flat(1),
    confidence: flat(0),
    infrastructure: flat(0.25),
    capability: flat(0.5),
  };

  it('reads each measure from the stocks on the 1–5 scale', () => {
    const scores = wgllScoresAt({ series, horizonWeeks: 260 } as unknown as RunResult, 260);
    expect(Object.fromEntries(WGLL_MEASURES.map((m, i) => [m.id, scores[i]]))).toEqual({
      wellLed: 3,
      smartFoundations: 2,
      safePractice: 4,
      supportPeople: 3,
      empowerCitizens: 2,
      improveCare: 4.5,
      healthyPopulations: 3,
    });
  });

  it('prefers the engine\'s own measures when it reports all seven', () => {
    const own = { ...series, ...Object.fromEntries(WGLL_MEASURES.map((m, i) => [`wgll.${m.id}`, flat(1 + i * 0.5)])) };
    expect(wgllScoresAt({ series: own, horizonWeeks: 260 } as unknown as RunResult, 10)).toEqual(WGLL_MEASURES.map((_, i) => 1 + i * 0.5));
  });

  it('leaves a measure empty when a series it reads is missing', () => {
    const { infrastructure: _dropped, ...rest } = series;
    const scores = wgllScoresAt({ series: rest, horizonWeeks: 260 } as unknown as RunResult, 0);
    expect(scores[1]).toBeNull();
    expect(scores[0]).toBe(3);
  });
});
