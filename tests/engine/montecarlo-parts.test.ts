// Monte Carlo in parts (engine/SPEC.md R10): parts merged in any order and split give the same bits as one
// monteCarlo call, parts survive structuredClone, and parts that do not fit together are refused with a reason.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blankInput, ENGINE_VERSION, KPIS, mergeMonteCarlo, monteCarlo, monteCarloPart, parseScenario, partBuffers, scenarioToInput,
  SERIES, splitReplications, type MonteCarloPart, type MonteCarloResult, type SimInput,
} from '../../engine';

function scenarioInput(file: string): SimInput {
  const parsed = parseScenario(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return scenarioToInput(parsed.scenario);
}

/** Assert two results are the same numbers bit for bit (Object.is tells −0 from 0). */
function expectSameBits(a: MonteCarloResult, b: MonteCarloResult): void {
  expect({ ...a, bands: null, kpis: null }).toEqual({ ...b, bands: null, kpis: null });
  expect(Object.keys(a.bands)).toEqual(Object.keys(b.bands));
  for (const [id, band] of Object.entries(a.bands)) {
    for (const q of ['p10', 'p50', 'p90', 'mean'] as const) {
      const x = band[q], y = b.bands[id]![q];
      expect(x.length, `${id} ${q}`).toBe(y.length);
      for (let w = 0; w < x.length; w++) if (!Object.is(x[w], y[w])) expect.fail(`${id} ${q} week ${w}: ${x[w]} ≠ ${y[w]}`);
    }
  }
  expect(Object.keys(a.kpis)).toEqual(Object.keys(b.kpis));
  for (const [id, d] of Object.entries(a.kpis)) {
    const e = b.kpis[id]!;
    for (const q of ['p10', 'p50', 'p90', 'mean'] as const) expect(Object.is(d[q], e[q]), `${id} ${q}: ${d[q]} vs ${e[q]}`).toBe(true);
    expect(Array.from(d.values), id).toEqual(Array.from(e.values));
  }
  // [R11] How each initiative ended: the same shares and go-live weeks, in the same order.
  expect(a.initiatives.map((o) => o.id)).toEqual(b.initiatives.map((o) => o.id));
  a.initiatives.forEach((o, i) => {
    const q = b.initiatives[i]!;
    for (const f of ['live', 'failed', 'failedAtEnd', 'goLiveP10', 'goLiveP50', 'goLiveP90'] as const) {
      expect(Object.is(o[f], q[f]), `${o.id} ${f}: ${o[f]} vs ${q[f]}`).toBe(true);
    }
  });
}

/** Run the parts of the given ranges. */
function partsOf(input: SimInput, seed: number, ranges: readonly { from: number; to: number }[], series?: readonly string[]): MonteCarloPart[] {
  return ranges.map(({ from, to }) => monteCarloPart(input, { seed, from, to, series }));
}

const CHARTED = ['maturity', 'adoption.clinicians', 'fatigue', 'confidence', 'benefits', 'urgency', 'operationalDip', 'initiativesLive'];

describe('[R10] merged parts equal one Monte Carlo, bit for bit', () => {
  const cases: { name: string; input: () => SimInput; R: number; seed: number; series?: readonly string[] }[] = [
    { name: 'blank trust, every series', input: blankInput, R: 37, seed: 3 },
    { name: 'milton-keynes.momentum, charted series', input: () => scenarioInput('milton-keynes.momentum'), R: 40, seed: 11, series: CHARTED },
    { name: 'scas-staged-journey.momentum, every series', input: () => scenarioInput('scas-staged-journey.momentum'), R: 25, seed: -4 },
    { name: 'covid-19.momentum, two series', input: () => scenarioInput('covid-19.momentum'), R: 31, seed: 123456789, series: ['remoteConsultations', 'capability'] },
    { name: 'cntw-model-teams.momentum, no bands', input: () => scenarioInput('cntw-model-teams.momentum'), R: 19, seed: 7, series: [] },
  ];
  for (const c of cases) {
    it(`[R10] ${c.name}: 1, 2, 3 and uneven parts in any order`, () => {
      const input = c.input();
      const whole = monteCarlo(input, { replications: c.R, seed: c.seed, series: c.series });
      expectSameBits(mergeMonteCarlo(input, partsOf(input, c.seed, [{ from: 0, to: c.R }], c.series)), whole);
      expectSameBits(mergeMonteCarlo(input, partsOf(input, c.seed, splitReplications(c.R, 2), c.series)), whole);
      expectSameBits(mergeMonteCarlo(input, partsOf(input, c.seed, splitReplications(c.R, 3), c.series).reverse()), whole);
      const uneven = [{ from: 5, to: 6 }, { from: 0, to: 5 }, { from: c.R - 2, to: c.R }, { from: 6, to: c.R - 2 }];
      expectSameBits(mergeMonteCarlo(input, partsOf(input, c.seed, uneven, c.series)), whole);
    });
  }
  it('[R10] any split into up to six parts, shuffled, gives the same bits (property)', () => {
    const input = scenarioInput('first-team-multidisciplinary.momentum');
    const R = 23;
    const whole = monteCarlo(input, { replications: R, seed: 31, series: CHARTED });
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: R - 1 }), { maxLength: 5 }), fc.nat(), (cuts, salt) => {
      const edges = [0, ...[...cuts].sort((x, y) => x - y), R];
      const ranges = edges.slice(1).map((to, i) => ({ from: edges[i]!, to }));
      const parts = partsOf(input, 31, ranges, CHARTED);
      // Rotate the list by a random amount: the merge must not depend on the order it is given.
      const k = salt % parts.length;
      expectSameBits(mergeMonteCarlo(input, [...parts.slice(k), ...parts.slice(0, k)]), whole);
    }), { numRuns: 25 });
  }, 120_000);
  it('[R10] 1,000 replications of the blank trust split over two parts', () => {
    const input = blankInput();
    const whole = monteCarlo(input, { replications: 1000, seed: 42 });
    expectSameBits(mergeMonteCarlo(input, partsOf(input, 42, splitReplications(1000, 2)).reverse()), whole);
  }, 120_000); // about 3 s on a free core; the machine is often shared
  it('[R10] a part is the raw values of its replications, in blocks of 16', () => {
    const input = scenarioInput('milton-keynes.momentum');
    const part = monteCarloPart(input, { seed: 8, from: 3, to: 7, series: ['maturity', 'urgency'] });
    expect(part).toMatchObject({ engineVersion: ENGINE_VERSION, seed: 8, from: 3, to: 7, horizonWeeks: input.horizonWeeks });
    // Exogenous series are listed but carry no values: the merge takes them from the input's path.
    expect(part.series).toEqual(['maturity', 'urgency']);
    expect(Object.keys(part.values)).toEqual(['maturity']);
    expect(Object.keys(part.kpis)).toEqual(KPIS.map((k) => k.id));
    // [R11] Initiative i of the part's replication r at r·n + i, as many as the input has, in its order.
    expect(part.initiatives).toEqual(input.initiatives.map((it) => it.id));
    expect(part.goLiveWeeks.length).toBe(4 * input.initiatives.length);
    expect(part.outcomes.length).toBe(4 * input.initiatives.length);
    // Replication 5 is the part's third: the same KPIs as in a Monte Carlo from 0, and its last week's maturity
    // (the KPI maturityAtHorizon) at 16·W·0 + 16·260 + 2.
    const W = part.horizonWeeks + 1;
    const five = mergeMonteCarlo(input, [monteCarloPart(input, { seed: 8, from: 0, to: 6, series: ['maturity'] })]);
    const col = part.values.maturity!;
    expect(part.kpis.maturityAtHorizon![2]).toBe(five.kpis.maturityAtHorizon!.values[5]);
    expect(col[16 * 260 + 2]).toBe(Math.fround(part.kpis.maturityAtHorizon![2]!));
    expect(col.length).toBe(16 * W);
    // A part of 40 replications holds three blocks; replication 39 (block 2, place 7) ends the third.
    const forty = monteCarloPart(input, { seed: 8, from: 0, to: 40, series: ['maturity'] });
    expect(forty.values.maturity!.length).toBe(3 * 16 * W);
    expect(forty.values.maturity![2 * 16 * W + 16 * 260 + 7]).toBe(Math.fround(forty.kpis.maturityAtHorizon![39]!));
    expect(forty.values.maturity![2 * 16 * W + 16 * 260 + 8]).toBe(0);
  });
  it('[R10] parts survive structuredClone, and their buffers can be transferred', () => {
    const input = blankInput();
    const ranges = splitReplications(30, 2);
    const whole = monteCarlo(input, { replications: 30, seed: 5, series: CHARTED });
    const cloned = partsOf(input, 5, ranges, CHARTED).map((p) => structuredClone(p));
    expectSameBits(mergeMonteCarlo(input, cloned), whole);
    const part = monteCarloPart(input, { seed: 5, from: 0, to: 15, series: CHARTED });
    const buffers = partBuffers(part);
    expect(buffers.length).toBe(new Set(buffers).size);
    // [R11] Plus the two arrays of how each initiative ended.
    expect(buffers.length).toBe(Object.keys(part.values).length + KPIS.length + 2);
    expect(buffers).toContain(part.goLiveWeeks.buffer);
    expect(buffers).toContain(part.outcomes.buffer);
    const moved = structuredClone(part, { transfer: buffers });
    expect(part.kpis.maturityAtHorizon!.length).toBe(0); // detached: the data moved rather than being copied
    expect(part.goLiveWeeks.length).toBe(0);
    expect(part.outcomes.length).toBe(0);
    expectSameBits(mergeMonteCarlo(input, [moved, cloned[1]!]), whole);
  });
});

describe('[R10] splitReplications', () => {
  it('[R10] covers 0 … R−1 in contiguous ranges whose sizes differ by at most one', () => {
    for (const R of [1, 2, 7, 100, 1000, 1001]) {
      for (const n of [1, 2, 3, 4, 8]) {
        const ranges = splitReplications(R, n);
        expect(ranges.length).toBe(Math.min(R, n));
        expect(ranges[0]!.from).toBe(0);
        expect(ranges.at(-1)!.to).toBe(R);
        for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.from).toBe(ranges[i - 1]!.to);
        const sizes = ranges.map((r) => r.to - r.from);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(Math.min(...sizes)).toBeGreaterThan(0);
      }
    }
    expect(splitReplications(1000, 2)).toEqual([{ from: 0, to: 500 }, { from: 500, to: 1000 }]);
  });
  it('[R10] refuses counts that are not whole numbers ≥ 1', () => {
    expect(() => splitReplications(0, 2)).toThrow(/Replications/);
    expect(() => splitReplications(10, 0)).toThrow(/Parts/);
    expect(() => splitReplications(10.5, 2)).toThrow(/Replications/);
  });
});

describe('[R10] parts that do not make one Monte Carlo are refused with the reason', () => {
  const input = blankInput();
  const series = ['maturity', 'fatigue'];
  const [a, b, c] = partsOf(input, 9, [{ from: 0, to: 4 }, { from: 4, to: 8 }, { from: 8, to: 12 }], series) as [MonteCarloPart, MonteCarloPart, MonteCarloPart];
  it('[R10] a gap, a missing start, an overlap, no parts', () => {
    expect(() => mergeMonteCarlo(input, [a, c])).toThrow(/Replications 4 to 7 are missing/);
    expect(() => mergeMonteCarlo(input, [b, c])).toThrow(/Replications 0 to 3 are missing/);
    const overlapping = monteCarloPart(input, { seed: 9, from: 2, to: 6, series });
    expect(() => mergeMonteCarlo(input, [a, overlapping, b])).toThrow(/overlaps.*replications 2 to 3 appear twice/);
    expect(() => mergeMonteCarlo(input, [a, a])).toThrow(/appear twice/);
    expect(() => mergeMonteCarlo(input, [])).toThrow(/at least one part/);
  });
  it('[R10] another seed, horizon, series list or engine version', () => {
    const otherSeed = monteCarloPart(input, { seed: 10, from: 4, to: 8, series });
    expect(() => mergeMonteCarlo(input, [a, otherSeed])).toThrow(/seed 10 .* seed 9/);
    const short = { ...input, horizonWeeks: 104 };
    expect(() => mergeMonteCarlo(short, [a, b])).toThrow(/covers 260 weeks but the input's horizon is 104 weeks/);
    const otherSeries = monteCarloPart(input, { seed: 9, from: 4, to: 8, series: ['maturity'] });
    expect(() => mergeMonteCarlo(input, [a, otherSeries])).toThrow(/same series/);
    expect(() => mergeMonteCarlo(input, [a, { ...b, engineVersion: '0.9.0' }])).toThrow(/made by engine 0\.9\.0; this is engine/);
  });
  it('[R10] damaged parts: missing or short values, a range that is not one', () => {
    const { maturity: _dropped, ...rest } = b.values;
    expect(() => mergeMonteCarlo(input, [a, { ...b, values: rest }])).toThrow(/part \[4, 8\) lacks the values of series 'maturity'/);
    expect(() => mergeMonteCarlo(input, [a, { ...b, kpis: { ...b.kpis, peakDip: new Float64Array(3) } }])).toThrow(/lacks the values of KPI 'peakDip'/);
    expect(() => mergeMonteCarlo(input, [{ ...a, to: 0 }])).toThrow(/not a range/);
    expect(() => monteCarloPart(input, { seed: 1, from: 5, to: 5 })).toThrow(/0 ≤ from < to/);
    expect(() => monteCarloPart(input, { seed: 1, from: 0, to: 4, series: ['nope'] })).toThrow(/Unknown series 'nope'/);
  });
  it('[R11] damaged parts: missing or short outcomes, another portfolio', () => {
    expect(() => mergeMonteCarlo(input, [a, { ...b, outcomes: new Uint8Array(3) }])).toThrow(/part \[4, 8\) lacks how its initiatives ended/);
    expect(() => mergeMonteCarlo(input, [a, { ...b, goLiveWeeks: new Float64Array(b.goLiveWeeks.length) as unknown as Int16Array }])).toThrow(/lacks how its initiatives ended/);
    expect(() => mergeMonteCarlo(input, [a, { ...b, initiatives: [...b.initiatives].reverse() }])).toThrow(/part \[4, 8\) ran the initiatives .* but the input has/);
    const wrongWeek = b.goLiveWeeks.slice();
    const live = b.outcomes.findIndex((o) => (o & 1) !== 0);
    expect(live).toBeGreaterThanOrEqual(0);
    wrongWeek[live] = 300;
    expect(() => mergeMonteCarlo(input, [a, { ...b, goLiveWeeks: wrongWeek }, c])).toThrow(/part \[4, 8\) has go-live week 300 for replication \d+'s initiative '.+', which does not fit its outcome/);
    const other = { ...scenarioInput('milton-keynes.momentum'), horizonWeeks: input.horizonWeeks };
    const mine = monteCarloPart(other, { seed: 9, from: 0, to: 4, series });
    expect(() => mergeMonteCarlo(input, [mine, b, c])).toThrow(/ran the initiatives/);
  });
  it('[R10] the merge of valid parts still works after the refusals (no state left behind)', () => {
    expectSameBits(mergeMonteCarlo(input, [c, a, b]), monteCarlo(input, { replications: 12, seed: 9, series }));
    expect(SERIES.filter((s) => series.includes(s.id)).map((s) => s.id)).toEqual(a.series);
  });
  it('[R10] progress of a part counts within the part', () => {
    const calls: [number, number][] = [];
    monteCarloPart(input, { seed: 1, from: 100, to: 140, series: [], onProgress: (d, t) => calls.push([d, t]) });
    expect(calls.at(-1)).toEqual([40, 40]);
    expect(calls.every(([d, t], i) => t === 40 && d > 0 && (i === 0 || d > calls[i - 1]![0]))).toBe(true);
  });
});
