import { describe, expect, it } from 'vitest';
import { CONSTRAINTS, maturityOverlay, WGLL_MEASURES, type Constraint, type PeriodExplanation, type RunResult } from '../../engine';
import { bindingStory, constraintTotals } from '../../renderer/src/components/why-panel';
import { WGLL_ROWS, wgllScoresAt } from '../../renderer/src/views/explore/wgll-overlay';

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

describe('the "What Good Looks Like" chart data', () => {
  const n = 261;
  const flat = (v: number) => new Float64Array(n).fill(v);
  const series: Record<string, Float64Array> = {
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

  it('shows the engine\'s overlay scores in the framework\'s order', () => {
    const run = { series, horizonWeeks: 260 };
    const fromEngine = maturityOverlay(run, 104).measures;
    expect(WGLL_ROWS.map((r) => r.id)).toEqual([...WGLL_MEASURES]);
    expect(wgllScoresAt(run, 104)).toEqual(WGLL_ROWS.map((r) => fromEngine.find((m) => m.id === r.id)!.score));
    // Patients' maturity of 2 is read straight through as "empower citizens".
    expect(wgllScoresAt(run, 104)[WGLL_ROWS.findIndex((r) => r.id === 'empower-citizens')]).toBe(2);
  });

  it('gives empty scores before a run exists', () => {
    expect(wgllScoresAt(null, 0)).toEqual(WGLL_ROWS.map(() => null));
  });
});
