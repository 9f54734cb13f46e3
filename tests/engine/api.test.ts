// The engine's public API: shapes, statistics, sensitivity, explanations, insights, overlay, metadata.
import { describe, expect, it } from 'vitest';
import {
  blankInput, CONSTRAINTS, createInProcessRunner, KPIS, LEVER_GROUPS, LEVERS, maturityOverlay, MECHANISMS, monteCarlo,
  REFERENCE_PORTFOLIO, sensitivity, SERIES, simulate, simulateExpected, WGLL_MEASURES,
} from '../../engine';
import { createRng, nextFloat, nextUint32 } from '../../engine/random';
import { covid, withLevers } from './fixtures';

describe('determinism (pinned values, seed 42)', () => {
  it('[R1] the generator gives the same numbers for the same seed', () => {
    const g = createRng(42, 0);
    expect([nextUint32(g), nextUint32(g), nextUint32(g)]).toEqual([4164541817, 345907766, 161745955]);
    expect(nextFloat(g)).toBe(0.9652742687612772);
  });
  it('[R1] a blank trust with seed 42 gives these exact numbers', () => {
    const r = simulate(blankInput(), 42);
    expect(r.kpis.maturityAtHorizon).toBe(2.8917730062367664);
    expect(r.kpis.weeksToGoal).toBe(261);
    expect(r.kpis.initiativesDelivered).toBe(4);
    expect(r.kpis.initiativesFailed).toBe(2);
    expect(r.kpis.benefitsRealised).toBe(47.67961894313308);
    expect(r.kpis.firstWinWeek).toBe(23);
    expect(r.series.maturity![104]).toBe(2.336590294165435);
    expect(r.series.confidence![200]).toBe(0.3118684692558263);
    expect(r.series.effectiveCapacity![30]).toBe(0.6915101366798223);
  });
  it('[R4] the expected run is deterministic and differs from a noisy one', () => {
    const a = simulateExpected(blankInput());
    const b = simulateExpected(blankInput());
    expect(Array.from(b.series.maturity!)).toEqual(Array.from(a.series.maturity!));
    expect(simulate(blankInput(), 1).kpis).not.toEqual(a.kpis);
  });
  it('[R7] a blank input runs the reference portfolio', () => {
    expect(simulateExpected(blankInput()).timeline.map((t) => t.id)).toEqual(REFERENCE_PORTFOLIO.map((i) => i.id));
  });
  it('[R5] horizons are clamped to 1–520 weeks', () => {
    expect(simulateExpected({ ...blankInput(), horizonWeeks: 9999 }).series.maturity).toHaveLength(521);
    expect(simulateExpected({ ...blankInput(), horizonWeeks: 0 }).series.maturity).toHaveLength(2);
  });
});

describe('Monte Carlo', () => {
  const R = 101;
  const mc = monteCarlo(blankInput(), { replications: R, seed: 3 });
  it('[R5] bands every series with p10 ≤ p50 ≤ p90 at every week', () => {
    for (const s of SERIES) {
      const b = mc.bands[s.id]!;
      expect(b.p50, s.id).toHaveLength(261);
      for (let w = 0; w <= 260; w++) {
        expect(b.p10[w]!, s.id).toBeLessThanOrEqual(b.p50[w]!);
        expect(b.p50[w]!, s.id).toBeLessThanOrEqual(b.p90[w]!);
      }
    }
  });
  it('[R5] KPI distributions hold every replication and exact nearest-rank percentiles', () => {
    for (const k of KPIS) {
      const d = mc.kpis[k.id]!;
      expect(d.values).toHaveLength(R);
      const sorted = Array.from(d.values).sort((a, b) => a - b);
      expect(d.p10).toBe(sorted[10]);
      expect(d.p50).toBe(sorted[50]);
      expect(d.p90).toBe(sorted[90]);
      expect(d.mean).toBeCloseTo(sorted.reduce((a, b) => a + b, 0) / R, 10);
    }
  });
  it('[R8] series of the exogenous path have collapsed bands', () => {
    const u = mc.bands.urgency!;
    expect(Array.from(u.p10)).toEqual(Array.from(u.p90));
  });
  it('[R1] the same seed gives the same bands; another seed does not', () => {
    const again = monteCarlo(blankInput(), { replications: R, seed: 3 });
    expect(Array.from(again.bands.maturity!.p50)).toEqual(Array.from(mc.bands.maturity!.p50));
    expect(Array.from(again.kpis.benefitsRealised!.values)).toEqual(Array.from(mc.kpis.benefitsRealised!.values));
    const other = monteCarlo(blankInput(), { replications: R, seed: 4 });
    expect(Array.from(other.kpis.benefitsRealised!.values)).not.toEqual(Array.from(mc.kpis.benefitsRealised!.values));
  });
  it('reports progress and ends at the total', () => {
    const calls: number[] = [];
    monteCarlo(blankInput(), { replications: 40, seed: 1, onProgress: (done) => calls.push(done) });
    expect(calls.at(-1)).toBe(40);
    expect(calls).toEqual([...calls].sort((a, b) => a - b));
  });
});

describe('sensitivity', () => {
  const input = withLevers({ 'team.external': 0 });
  const res = sensitivity(input, { kpi: 'maturityAtHorizon', seed: 2, replications: 12 });
  it('[S1] has a row per lever, sorted by swing, largest first', () => {
    expect(res.rows.map((r) => r.leverId).sort()).toEqual(LEVERS.map((l) => l.id).sort());
    for (let i = 1; i < res.rows.length; i++) expect(res.rows[i]!.swing).toBeLessThanOrEqual(res.rows[i - 1]!.swing);
    for (const r of res.rows) expect(r.swing).toBeCloseTo(Math.abs(r.kpiAtHigh - r.kpiAtLow), 12);
  });
  it('[S1] common random numbers: a lever with no effect here swings exactly 0; priorities swing', () => {
    expect(res.rows.find((r) => r.leverId === 'team.knowledgeTransfer')!.swing).toBe(0);
    const p = res.rows.find((r) => r.leverId === 'priorities.concurrent')!;
    expect(p.kpiAtLow).toBeGreaterThan(p.kpiAtHigh);
  });
  it('[S1] rejects an unknown KPI with the list of known ones', () => {
    expect(() => sensitivity(input, { kpi: 'nope', seed: 1, replications: 2 })).toThrow(/maturityAtHorizon/);
  });
});

describe('explanations and insights', () => {
  const run = simulateExpected(blankInput());
  it('[X1] every quarter lists the seven constraints with shares summing to 1 and the largest as binding', () => {
    expect(run.explanations).toHaveLength(Math.ceil(261 / 13));
    for (const e of run.explanations) {
      const shares = CONSTRAINTS.map((c) => e.shares[c]);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
      expect(e.shares[e.binding]).toBe(Math.max(...shares));
    }
    expect(run.explanations[0]!.fromWeek).toBe(0);
    expect(run.explanations.at(-1)!.toWeek).toBe(260);
  });
  it('[X1] at eight priorities, scope growth binds first (a vague goal) and switching once the work in flight piles up', () => {
    expect(run.explanations[0]!.binding).toBe('scope');
    expect(run.explanations[12]!.binding).toBe('switching');
  });
  it('[X2] insights are plain sentences tied to lessons, sorted by weight', () => {
    expect(run.insights.length).toBeGreaterThan(2);
    for (const i of run.insights) {
      expect(i.lesson).toMatch(/^L[1-8]$/);
      expect(i.text.length).toBeGreaterThan(20);
      expect(i.text).not.toMatch(/NaN|undefined|Infinity/);
    }
    for (let k = 1; k < run.insights.length; k++) expect(run.insights[k]!.weight).toBeLessThanOrEqual(run.insights[k - 1]!.weight);
    expect(run.insights.find((i) => i.id === 'switching')!.text).toMatch(/Running \d+ priorities at once cost the team about \d+% of its time/);
  });
  it('[X2] an urgency shock yields the Covid insight with the six-week count', () => {
    const c = simulateExpected(covid());
    expect(c.insights.find((i) => i.lesson === 'L5')!.text).toMatch(/\d{2},\d{3} in six weeks/);
  });
});

describe('maturity overlay', () => {
  const run = simulateExpected(blankInput());
  it('[O1] scores the seven What Good Looks Like measures 1–5 and says real scores are self-assessed', () => {
    for (const week of [0, 52, 260, 9999]) {
      const o = maturityOverlay(run, week);
      expect(o.measures.map((m) => m.id)).toEqual([...WGLL_MEASURES]);
      for (const m of o.measures) {
        expect(m.score).toBeGreaterThanOrEqual(1);
        expect(m.score).toBeLessThanOrEqual(5);
      }
      expect(o.note).toMatch(/self-assessed/);
    }
    expect(maturityOverlay(run, 9999).week).toBe(260);
  });
  it('[O1] a strong trust scores higher on most measures at year 5 than a weak one', () => {
    const strong = simulateExpected(withLevers({ 'leadership.ownership': 3, 'priorities.concurrent': 3, 'goal.clarity': 0.9, 'team.design': 1 }));
    const weak = simulateExpected(withLevers({ 'leadership.ownership': 0, 'priorities.concurrent': 30, 'goal.clarity': 0.1 }));
    const s = maturityOverlay(strong, 260).measures;
    const w = maturityOverlay(weak, 260).measures;
    expect(s.filter((m, i) => m.score > w[i]!.score).length).toBeGreaterThanOrEqual(5);
  });
});

describe('metadata', () => {
  it('levers have unique dotted ids, known groups and defaults inside their ranges', () => {
    expect(new Set(LEVERS.map((l) => l.id)).size).toBe(LEVERS.length);
    for (const l of LEVERS) {
      expect(l.id).toMatch(/^[a-z]+(\.[a-zA-Z]+)+$/);
      expect(LEVER_GROUPS).toContain(l.group);
      expect(l.default).toBeGreaterThanOrEqual(l.min);
      expect(l.default).toBeLessThanOrEqual(l.max);
      expect(l.step).toBeGreaterThan(0);
      expect(l.explanation.length).toBeGreaterThan(10);
      expect(l.source.length).toBeGreaterThan(3);
    }
    expect(LEVERS.find((l) => l.id === 'leadership.ownership')!.options!.map((o) => o.value)).toEqual([0, 1, 2, 3]);
  });
  it('series and KPIs have unique ids; mechanisms cover C1–C13 and name real levers', () => {
    expect(new Set(SERIES.map((s) => s.id)).size).toBe(SERIES.length);
    expect(new Set(KPIS.map((k) => k.id)).size).toBe(KPIS.length);
    expect(MECHANISMS.map((m) => m.rule)).toEqual(Array.from({ length: 13 }, (_, i) => `C${i + 1}`));
    const ids = new Set(LEVERS.map((l) => l.id));
    for (const m of MECHANISMS) for (const id of m.levers) expect(ids.has(id), id).toBe(true);
  });
  it('the in-process runner returns what the engine returns', async () => {
    const runner = createInProcessRunner();
    const viaRunner = await runner.simulate(blankInput(), 9);
    expect(viaRunner.kpis).toEqual(simulate(blankInput(), 9).kpis);
    runner.dispose();
  });
});
