// Order statistics of the Monte Carlo (engine/SPEC.md R9): quickselect and the histogram-guided weekly selection
// against a sort, the series option, and the expected run against the bands (R4).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankInput, monteCarlo, SERIES, simulate, simulateExpected } from '../../engine';
import { createBandScratch, percentileRank, summariseInPlace, summariseWeeks } from '../../engine/stats';

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
  it('[R9] equal the nearest ranks of a sort, and the mean in order', () => {
    fc.assert(fc.property(columnArb, (vals) => {
      const column = Float64Array.from(Float32Array.from(vals));
      const out = new Float64Array(4);
      summariseInPlace(column.slice(), column.length, out);
      expect(Array.from(out)).toEqual(bySort(Float32Array.from(vals)));
    }), { numRuns: 300 });
  });
});

/** Run summariseWeeks over a week-major store of W weeks × R values and return [p10, p50, p90, mean] per week. */
function weeksOf(store: Float32Array, W: number, R: number): number[][] {
  const p10 = new Float64Array(W), p50 = new Float64Array(W), p90 = new Float64Array(W), mean = new Float64Array(W);
  summariseWeeks(store, W, R, createBandScratch(R, W), p10, p50, p90, mean);
  return Array.from({ length: W }, (_, w) => [p10[w]!, p50[w]!, p90[w]!, mean[w]!]);
}

/** Assert each week of the store gives the sort's nearest ranks and the in-order mean, bit for bit. */
function expectWeeksLikeSort(store: Float32Array, W: number, R: number): void {
  const before = store.slice();
  const got = weeksOf(store, W, R);
  for (let w = 0; w < W; w++) {
    const want = bySort(store.subarray(w * R, (w + 1) * R));
    for (let q = 0; q < 4; q++) if (!Object.is(got[w]![q], want[q])) expect.fail(`week ${w} of ${W}, R ${R}, statistic ${q}: ${got[w]![q]} ≠ ${want[q]}`);
  }
  // The store is read, never reordered.
  expect(store).toEqual(before);
}

/** Single-precision value generators: wide ranges, negatives, heavy ties, clusters with outliers, tiny spreads. */
const valueArb = fc.oneof(
  fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.constantFrom(0, 1, 2, 2.5, 0.1, -3),
  fc.float({ noNaN: true, min: Math.fround(0.5), max: Math.fround(0.5001) }),
  fc.float({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 0, max: 9 }),
);

describe('[R9] weekly band percentiles of a single-precision store (histogram-guided)', () => {
  it('[R9] equal the nearest ranks of a sort and the in-order mean, week by week, for random stores', () => {
    // −0 is left out: it equals +0, so which of the two a rank returns is not defined.
    fc.assert(fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 260 }), fc.array(valueArb, { minLength: 1, maxLength: 60 }), fc.nat(),
      (W, R, pool, salt) => {
        const store = new Float32Array(W * R);
        // Each week draws from the pool in its own order, so weeks differ (some constant, some not).
        for (let w = 0; w < W; w++) {
          const m = 1 + ((salt + w * 7) % pool.length);
          for (let i = 0; i < R; i++) { const v = pool[(i * 31 + w * 17 + salt) % m]!; store[w * R + i] = v === 0 ? 0 : v; }
        }
        expectWeeksLikeSort(store, W, R);
      }), { numRuns: 400 });
  });
  it('[R9] hold on adversarial weeks: all equal, two values, ties at both ends, clusters with outliers, extremes, signed zeros', () => {
    const R = 1000;
    const rng = (() => { let x = 12345; return () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32); })();
    const weeks: ((i: number) => number)[] = [
      () => 0.75,
      (i) => (i % 2 === 0 ? 1 : 2),
      (i) => (i < 470 ? 0 : i > 900 ? 1 : rng()),
      (i) => (i < 600 ? 0 : rng() * 1e-30),
      (i) => (i === 3 ? 1e30 : i === 4 ? -1e30 : 0.5 + rng() * 1e-6),
      (i) => (i % 3 === 0 ? 3.4e38 : i % 3 === 1 ? -3.4e38 : 0),
      (i) => (i % 5 === 0 ? -0 : i % 5 === 1 ? 0 : rng() - 0.5),
      () => Math.floor(rng() * 10),
      (i) => (i < 100 ? 1.401298464324817e-45 : i < 200 ? 0 : 2.802596928649634e-45),
      () => -rng() * 100,
      (i) => (i < 899 ? 5 : 5 + rng()),
      (i) => (i > 101 ? 5 : 5 - rng()),
      (i) => 1 + (i % 7) * 2 ** -23,
    ];
    const W = weeks.length;
    const store = new Float32Array(W * R);
    weeks.forEach((f, w) => { for (let i = 0; i < R; i++) store[w * R + i] = f((i * 389) % R); });
    // Signed zeros tie: compare as numbers there (Object.is would tell them apart).
    const got = weeksOf(store, W, R);
    for (let w = 0; w < W; w++) {
      const want = bySort(store.subarray(w * R, (w + 1) * R));
      for (let q = 0; q < 4; q++) expect(got[w]![q] === want[q] || Object.is(got[w]![q], want[q]), `week ${w} statistic ${q}`).toBe(true);
    }
    for (const r of [1, 2, 3, 4, 5, 7, 999, 1001]) {
      const sub = new Float32Array(W * r);
      weeks.forEach((f, w) => { for (let i = 0; i < r; i++) sub[w * r + i] = Object.is(f(i), -0) ? 0 : f(i); });
      expectWeeksLikeSort(sub, W, r);
    }
  });
  it('[R9] agree with the double-precision selection used for KPIs', () => {
    fc.assert(fc.property(columnArb, (vals) => {
      const f = Float32Array.from(vals.map((v) => (Object.is(v, -0) ? 0 : v)));
      const b = new Float64Array(4);
      summariseInPlace(Float64Array.from(f), f.length, b);
      expect(weeksOf(f, 1, f.length)[0]).toEqual(Array.from(b));
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
