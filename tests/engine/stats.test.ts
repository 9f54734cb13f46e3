// Order statistics of the Monte Carlo (engine/SPEC.md R9): quickselect and the histogram-guided column selection
// against a sort, the series option, and the expected run against the bands (R4).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankInput, monteCarlo, SERIES, simulate, simulateExpected } from '../../engine';
import { createColumnScratch, percentileRank, summarise, summariseColumn, summariseInPlace } from '../../engine/stats';

/** Return p10, p50, p90 by sorting and the mean by summing in order, as the spec defines them. */
function bySort(values: Float32Array): number[] {
  const sorted = Array.from(values).sort((a, b) => a - b);
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  return [sorted[percentileRank(0.1, n)]!, sorted[percentileRank(0.5, n)]!, sorted[percentileRank(0.9, n)]!, sum / n];
}

/** Floats as the store holds them: wide ranges, negatives, heavy ties, tiny spreads. */
// −0 is left out: it equals +0, so which of the two a rank returns is not defined.
const columnArb = fc.oneof(
  fc.array(fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((v) => (v === 0 ? 0 : v)), { minLength: 1, maxLength: 300 }),
  fc.array(fc.constantFrom(0, 1, 2, 2.5, 0.1), { minLength: 1, maxLength: 300 }),
  fc.array(fc.float({ noNaN: true, min: Math.fround(0.5), max: Math.fround(0.5001) }), { minLength: 1, maxLength: 300 }),
);

describe('[R9] column percentiles', () => {
  it('[R9] equal the nearest ranks of a sort, and the mean in order, for a column inside a larger store', () => {
    fc.assert(fc.property(columnArb, fc.nat(20), (vals, pad) => {
      const n = vals.length;
      const store = new Float64Array(pad + n + 3).fill(-7);
      store.set(Float32Array.from(vals), pad);
      const out = new Float64Array(4);
      summarise(store, pad, n, new Float64Array(n), out);
      expect(Array.from(out)).toEqual(bySort(Float32Array.from(vals)));
      // The source is read, never reordered.
      expect(Array.from(store.subarray(pad, pad + n))).toEqual(Array.from(Float32Array.from(vals)));
      expect(store[pad + n]).toBe(-7);
    }), { numRuns: 300 });
  });
});

describe('[R9] band percentiles of single-precision columns (histogram-guided)', () => {
  it('[R9] equal the nearest ranks of a sort, and the mean in order, with the column embedded in a larger store', () => {
    fc.assert(fc.property(columnArb, fc.nat(20), (vals, pad) => {
      const n = vals.length;
      const store = new Float32Array(pad + n + 3);
      store.fill(-7);
      store.set(vals.map((v) => (Object.is(v, -0) ? 0 : v)), pad);
      const col = store.subarray(pad, pad + n);
      const out = new Float64Array(4);
      summariseColumn(store, new Int32Array(store.buffer), pad, n, createColumnScratch(n), out);
      expect(Array.from(out)).toEqual(bySort(col));
      // The column is read, never reordered.
      expect(store[pad + n]).toBe(-7);
      expect(Array.from(col)).toEqual(vals.map((v) => Math.fround(Object.is(v, -0) ? 0 : v)));
    }), { numRuns: 300 });
  });
  it('[R9] agree with the double-precision selection used for KPIs', () => {
    fc.assert(fc.property(columnArb, (vals) => {
      const f = Float32Array.from(vals.map((v) => (Object.is(v, -0) ? 0 : v)));
      const a = new Float64Array(4), b = new Float64Array(4);
      summariseColumn(f, new Int32Array(f.buffer), 0, f.length, createColumnScratch(f.length), a);
      summariseInPlace(Float64Array.from(f), f.length, b);
      expect(Array.from(a)).toEqual(Array.from(b));
    }), { numRuns: 200 });
  });
});

describe('[R9] series option of the Monte Carlo', () => {
  const all = monteCarlo(blankInput(), { replications: 60, seed: 5 });
  it('[R9] computes only the asked-for bands, with the same numbers as a full run', () => {
    const some = monteCarlo(blankInput(), { replications: 60, seed: 5, series: ['maturity', 'urgency', 'fatigue'] });
    expect(Object.keys(some.bands).sort()).toEqual(['fatigue', 'maturity', 'urgency']);
    for (const id of Object.keys(some.bands)) {
      for (const q of ['p10', 'p50', 'p90', 'mean'] as const) expect(Array.from(some.bands[id]![q]), `${id} ${q}`).toEqual(Array.from(all.bands[id]![q]));
    }
    for (const [id, d] of Object.entries(all.kpis)) expect(Array.from(some.kpis[id]!.values), id).toEqual(Array.from(d.values));
  });
  it('[R9] gives every series by default and refuses an unknown id', () => {
    expect(Object.keys(all.bands).sort()).toEqual(SERIES.map((s) => s.id).sort());
    expect(() => monteCarlo(blankInput(), { replications: 2, seed: 1, series: ['maturity', 'nope'] })).toThrow(/Unknown series 'nope'/);
  });
  it('[R3][R9] one replication gives bands equal to that run, in single precision', () => {
    const one = monteCarlo(blankInput(), { replications: 1, seed: 9, series: ['maturity'] });
    const run = simulate(blankInput(), 9).series.maturity!;
    const stored = Array.from(run, (v) => Math.fround(v));
    for (const q of ['p10', 'p50', 'p90', 'mean'] as const) expect(Array.from(one.bands.maturity![q]), q).toEqual(stored);
  });
});

describe('[R4] the expected run against the bands', () => {
  it('[R4] the expected run fails no more often than the replications on average, and is not below their median maturity', () => {
    const input = blankInput();
    const ev = simulateExpected(input);
    const mc = monteCarlo(input, { replications: 200, seed: 1, series: ['maturity'] });
    expect(ev.kpis.initiativesFailed!).toBeLessThanOrEqual(mc.kpis.initiativesFailed!.mean);
    expect(ev.kpis.maturityAtHorizon!).toBeGreaterThanOrEqual(mc.kpis.maturityAtHorizon!.p50);
  });
});
