import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CONSTRAINTS, maturityOverlay, WGLL_MEASURES, type Constraint, type LeverValues, type PeriodExplanation, type RunResult } from '../../engine';
import { bindingStory, constraintTotals, CONSTRAINT_WORDS, WhyPanel } from '../../renderer/src/components/why-panel';
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

/** Return a run of 13-week quarters in which each constraint takes the given share of time or pace every week. */
function runTaking(taken: Partial<Record<Constraint, number>>, quarters = 4): RunResult {
  const explanations: PeriodExplanation[] = [];
  for (let q = 0; q < quarters; q++) {
    const losses = Object.fromEntries(CONSTRAINTS.map((c) => [c, -13 * Math.log(1 - (taken[c] ?? 0))])) as Record<Constraint, number>;
    const total = CONSTRAINTS.reduce((sum, c) => sum + losses[c], 0);
    const shares = Object.fromEntries(CONSTRAINTS.map((c) => [c, losses[c] / total])) as Record<Constraint, number>;
    explanations.push({ fromWeek: 13 * q, toWeek: 13 * q + 12, binding: CONSTRAINTS.reduce((a, b) => (shares[b] > shares[a] ? b : a)), shares, losses });
  }
  return { horizonWeeks: 13 * quarters - 1, explanations, insights: [] } as unknown as RunResult;
}

/** Return the text a person reads in the "why" panel. */
function whyText(props: { run: RunResult; baseline?: RunResult | null; baselineLevers?: LeverValues; levers?: LeverValues; revealWeek?: number | null }): string {
  return renderToStaticMarkup(createElement(WhyPanel, props))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

describe('[X3] the "why" panel against the scenario as loaded', () => {
  const eight = { 'priorities.concurrent': 8 };
  const two = { 'priorities.concurrent': 2 };
  const loaded = runTaking({ switching: 0.62, governance: 0.2 });

  it('[X3] names the binding constraint and its size for the scenario as loaded, with no list of changes', () => {
    const text = whyText({ run: loaded, baseline: loaded, baselineLevers: eight, levers: eight });
    expect(text).toContain(`${CONSTRAINT_WORDS.switching.name} holds progress back most`);
    expect(text).toContain("Switching between priorities takes 62% of the team's time.");
    expect(text).not.toContain('What changed');
  });

  it('[X3] says a constraint the board eased is "still" the largest loss, and lists what changed', () => {
    const text = whyText({ run: runTaking({ switching: 0.25, governance: 0.2, fatigue: 0.1 }), baseline: loaded, baselineLevers: eight, levers: two });
    expect(text).not.toContain(`${CONSTRAINT_WORDS.switching.name} holds progress back most`);
    expect(text).toContain("With concurrent priorities down from 8 to 2, time lost to switching between priorities fell from 62% to 25% of the team's time, but it is still the largest loss.");
    expect(text).toContain('What changed against the scenario as loaded');
    expect(text).toContain("Time lost to switching between priorities fell from 62% to 25% of the team's time, with concurrent priorities down from 8 to 2.");
    expect(text).toContain('The slowdown from change fatigue rose from 0% to 10%.');
  });

  it('[X3] names the new binding constraint, not the eased one, once it no longer binds; lists at most three moves', () => {
    const text = whyText({ run: runTaking({ switching: 0.05, governance: 0.3, fatigue: 0.1, scope: 0.1, team: 0.1 }), baseline: loaded, baselineLevers: eight, levers: two });
    expect(text).toContain("Waiting for decisions is now the largest loss: it takes 30% of the team's time (was 20%).");
    expect(text).not.toMatch(/priorities (holds|is still)/);
    const html = renderToStaticMarkup(createElement(WhyPanel, { run: runTaking({ switching: 0.05, governance: 0.3, fatigue: 0.1, scope: 0.1, team: 0.1 }), baseline: loaded, baselineLevers: eight, levers: two }));
    expect(html.match(/<li>/g)).toHaveLength(3);
  });

  it('[X3] keeps the plain headline for a what-if while the baseline run is still computing', () => {
    const text = whyText({ run: runTaking({ switching: 0.25, governance: 0.2 }), baseline: null, baselineLevers: eight, levers: two });
    expect(text).toContain(`${CONSTRAINT_WORDS.switching.name} holds progress back most`);
    expect(text).not.toContain('What changed');
  });

  it('[R8] during a reveal compares the quarters that have ended in both runs', () => {
    // The baseline's later quarters are worse; counted, they would show switching falling further than it has so far.
    const baseline = { ...loaded, explanations: [...runTaking({ switching: 0.5 }, 2).explanations, ...runTaking({ switching: 0.9 }, 4).explanations.slice(2)] } as RunResult;
    const text = whyText({ run: runTaking({ switching: 0.25 }), baseline, baselineLevers: eight, levers: two, revealWeek: 30 });
    expect(text).toContain('fell from 50% to 25%');
    expect(text).toContain('Explained up to week 25');
  });
});

describe('the "why" panel\'s totals with absolute losses', () => {
  it('weights each constraint by its losses, so a quiet quarter counts for little', () => {
    // Switching binds a quiet first quarter by far, governance a heavy second: by period shares switching would lead.
    const quiet = runTaking({ switching: 0.03, governance: 0.005 }, 1).explanations[0]!;
    const heavy = runTaking({ switching: 0.1, governance: 0.2 }, 1).explanations[0]!;
    const periods = [quiet, { ...heavy, fromWeek: 13, toWeek: 25 }];
    const byShares = constraintTotals({ explanations: periods.map(({ losses: _losses, ...p }) => p) });
    expect(byShares.switching).toBeGreaterThan(byShares.governance);
    const t = constraintTotals({ explanations: periods });
    expect(t.governance).toBeGreaterThan(t.switching);
    const sum = (c: Constraint) => quiet.losses![c] + heavy.losses![c];
    expect(t.governance).toBeCloseTo(sum('governance') / (sum('governance') + sum('switching')), 12);
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
