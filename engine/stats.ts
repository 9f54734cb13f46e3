/**
 * Statistics over replications without sorting every column: exact order statistics (quickselect for KPIs,
 * histogram-guided selection for the weekly bands) in preallocated scratch, and the mean.
 */

/** Return the rank (0-based) used for percentile q of n values: the nearest rank, round(q·(n−1)). */
export function percentileRank(q: number, n: number): number {
  return Math.round(q * (n - 1));
}

/**
 * Rearrange a[lo..hi] so that a[k] is the value of rank k (Hoare's quickselect with median-of-three).
 * Everything left of k is ≤ a[k] and everything right is ≥ a[k].
 */
export function selectInPlace(a: Float64Array, lo: number, hi: number, k: number): number {
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three as pivot keeps sorted or constant columns linear.
    let x = a[lo]!, y = a[mid]!;
    const z = a[hi]!;
    if (x > y) { const t = x; x = y; y = t; }
    if (y > z) y = z;
    if (x > y) y = x;
    const pivot = y;
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!; a[i] = a[j]!; a[j] = t;
        i++; j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** Compute P10, P50, P90 and the mean of the first n values of `scratch` (which it reorders) into out[0..3]. */
export function summariseInPlace(scratch: Float64Array, n: number, out: Float64Array): void {
  let sum = 0;
  let min = Infinity, max = -Infinity;
  let atMin = 0, atMax = 0;
  for (let i = 0; i < n; i++) {
    const v = scratch[i]!;
    sum += v;
    if (v < min) { min = v; atMin = 1; } else if (v === min) atMin++;
    if (v > max) { max = v; atMax = 1; } else if (v === max) atMax++;
  }
  out[3] = sum / n;
  if (min === max) {
    out[0] = min; out[1] = min; out[2] = min;
    return;
  }
  selectPercentiles(scratch, n, min, max, atMin, atMax, out);
}

/**
 * Write P10, P50, P90 of the first n values of `a` to out[0..2]. Ranks that fall among the copies of the
 * minimum or the maximum need no selection: replications often share a value (nothing live yet, no dip,
 * everything delivered). Kept apart from the scan so that each part is optimised on its own feedback.
 */
function selectPercentiles(a: Float64Array, n: number, min: number, max: number, atMin: number, atMax: number, out: Float64Array): void {
  const k10 = percentileRank(0.1, n);
  const k50 = percentileRank(0.5, n);
  const k90 = percentileRank(0.9, n);
  const highFrom = n - atMax;
  let median = false;
  if (k50 < atMin) out[1] = min;
  else if (k50 >= highFrom) out[1] = max;
  else {
    out[1] = selectInPlace(a, 0, n - 1, k50);
    median = true;
  }
  if (k10 < atMin) out[0] = min;
  else out[0] = median ? selectInPlace(a, 0, k50 - 1, k10) : selectInPlace(a, 0, n - 1, k10);
  if (k90 >= highFrom) out[2] = max;
  else out[2] = median ? selectInPlace(a, k50 + 1, n - 1, k90) : selectInPlace(a, 0, n - 1, k90);
}

/** Buckets of the histograms that narrow each wanted rank down to a few candidates. */
export const COLUMN_BUCKETS = 256;
/**
 * Scale of the bucket function ceil((v − min) · SCALE / (max − min)): the minimum alone lands in bucket 0, and
 * 254.5 rather than 255 keeps the maximum's bucket ≤ 255 however the product rounds.
 */
const SCALE = 254.5;
/**
 * Weeks a loader copies at once. Sixteen weeks of a block of replications are one contiguous kilobyte of
 * the Monte Carlo's blocked store, which the hardware prefetches far better than four weeks' 256 bytes.
 */
export const LOAD_WEEKS = 16;
/** Buckets holding at least this many values are first tested for being copies of a single value. */
const TIE_CHECK = 96;
/** Candidate sets this small are selected directly rather than narrowed by another histogram. */
const SMALL = 32;

/** Scratch of summariseWeeks for stores of up to n replications and w weeks. */
export interface BandScratch {
  /** Four histograms of COLUMN_BUCKETS counts (four weeks are counted in one pass). */
  readonly hist: Int32Array;
  /** Bucket of each value of four weeks, each week at a multiple of `rs` bytes; `words` views them four at a time. */
  readonly bucket: Uint8Array;
  readonly words: Int32Array;
  readonly rs: number;
  /** Candidates of the three wanted ranks, at offsets 0, n and 2n. */
  readonly cand: Float64Array;
  /** Which ranks (bits 1, 2, 4) want each bucket; all zero between calls. */
  readonly map: Uint8Array;
  /** Buckets of a candidate set being narrowed further. */
  readonly sub: Uint8Array;
  readonly out: Float64Array;
  readonly sum: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** Up to LOAD_WEEKS weeks' values, contiguous (week q of the load at q·n), copied in by the loader. */
  readonly cols: Float32Array;
  readonly n: number;
  readonly w: number;
}

/**
 * Copies the R values of weeks w … w+count−1 (count ≤ LOAD_WEEKS), in replication order, into dst (week w+q
 * at q·R) and writes each week's sum (added in replication order), minimum and maximum to sum/min/max[w+q]: how
 * summariseLoadedWeeks reads a store whatever its layout (week-major, several parts, blocks of replications).
 * The sums are taken while copying because the copy is the pass that reads the store from memory.
 */
export type WeekLoader = (w: number, count: number, dst: Float32Array, sum: Float64Array, min: Float64Array, max: Float64Array) => void;

/**
 * Copy runs of n values of `count` weeks (week q's run at src[s + q·stride …]) to dst[d + q·R …], continuing
 * the running sums, minima and maxima of those weeks kept in acc (acc[q], acc[4 + q], acc[8 + q]).
 */
export function copyRuns(src: Float32Array, s: number, stride: number, n: number, count: number, dst: Float32Array, d: number, R: number, acc: Float64Array): void {
  // Four weeks per step (four independent chains of additions), their running values in acc[12g …].
  let q = 0;
  for (; q + 3 < count; q += 4) copyRuns4(src, s + q * stride, stride, n, dst, d + q * R, R, acc, 3 * q);
  for (; q < count; q++) {
    const sq = s + q * stride, dq = d + q * R, a0 = 3 * q;
    let m = acc[a0]!, a = acc[a0 + 1]!, b = acc[a0 + 2]!;
    for (let i = 0; i < n; i++) {
      const v = src[sq + i]!;
      dst[dq + i] = v;
      m += v;
      if (v < a) a = v;
      if (v > b) b = v;
    }
    acc[a0] = m; acc[a0 + 1] = a; acc[a0 + 2] = b;
  }
}

/** copyRuns for four weeks (running values at acc[g … g+11]: sums, then minima, then maxima). */
function copyRuns4(src: Float32Array, s: number, stride: number, n: number, dst: Float32Array, d: number, R: number, acc: Float64Array, g: number): void {
  const s1 = s + stride, s2 = s1 + stride, s3 = s2 + stride, d1 = d + R, d2 = d1 + R, d3 = d2 + R;
  let m0 = acc[g]!, a0 = acc[g + 1]!, b0 = acc[g + 2]!;
  let m1 = acc[g + 3]!, a1 = acc[g + 4]!, b1 = acc[g + 5]!;
  let m2 = acc[g + 6]!, a2 = acc[g + 7]!, b2 = acc[g + 8]!;
  let m3 = acc[g + 9]!, a3 = acc[g + 10]!, b3 = acc[g + 11]!;
  for (let i = 0; i < n; i++) {
    const v0 = src[s + i]!, v1 = src[s1 + i]!, v2 = src[s2 + i]!, v3 = src[s3 + i]!;
    dst[d + i] = v0; dst[d1 + i] = v1; dst[d2 + i] = v2; dst[d3 + i] = v3;
    m0 += v0; m1 += v1; m2 += v2; m3 += v3;
    if (v0 < a0) a0 = v0;
    if (v0 > b0) b0 = v0;
    if (v1 < a1) a1 = v1;
    if (v1 > b1) b1 = v1;
    if (v2 < a2) a2 = v2;
    if (v2 > b2) b2 = v2;
    if (v3 < a3) a3 = v3;
    if (v3 > b3) b3 = v3;
  }
  acc[g] = m0; acc[g + 1] = a0; acc[g + 2] = b0;
  acc[g + 3] = m1; acc[g + 4] = a1; acc[g + 5] = b1;
  acc[g + 6] = m2; acc[g + 7] = a2; acc[g + 8] = b2;
  acc[g + 9] = m3; acc[g + 10] = a3; acc[g + 11] = b3;
}

/** Create the running values copyRuns continues (sum, minimum, maximum per week of a load). */
export function createRuns(): Float64Array {
  return new Float64Array(3 * LOAD_WEEKS);
}

/** Reset the running sums, minima and maxima copyRuns continues. */
export function resetRuns(acc: Float64Array): void {
  for (let q = 0; q < acc.length; q += 3) {
    acc[q] = 0;
    acc[q + 1] = Infinity;
    acc[q + 2] = -Infinity;
  }
}

/** Write the running sums, minima and maxima of `count` weeks to sum/min/max[w …]. */
export function storeRuns(acc: Float64Array, w: number, count: number, sum: Float64Array, min: Float64Array, max: Float64Array): void {
  for (let q = 0; q < count; q++) {
    sum[w + q] = acc[3 * q]!;
    min[w + q] = acc[3 * q + 1]!;
    max[w + q] = acc[3 * q + 2]!;
  }
}

/** Create the scratch summariseWeeks needs for stores of up to n replications and w weeks. */
export function createBandScratch(n: number, w: number): BandScratch {
  const rs = (n + 3) & ~3;
  const bucket = new Uint8Array(4 * rs);
  return {
    hist: new Int32Array(4 * COLUMN_BUCKETS), bucket, words: new Int32Array(bucket.buffer), rs, cand: new Float64Array(3 * n),
    map: new Uint8Array(COLUMN_BUCKETS), sub: new Uint8Array(n), out: new Float64Array(4),
    sum: new Float64Array(w), min: new Float64Array(w), max: new Float64Array(w), cols: new Float32Array(LOAD_WEEKS * n), n, w,
  };
}

/**
 * Compute P10, P50, P90 and the mean of each week of a week-major store (week w's R values at w·R … w·R+R−1)
 * into p10[w], p50[w], p90[w], mean[w], without reordering the store. The numbers equal those of
 * summariseInPlace on each week's values (SPEC R9): ranks round(q·(R−1)) and the sum in replication order.
 *
 * Why it is fast: one pass takes each week's sum, minimum and maximum, four weeks at a time (four independent
 * chains of additions); a second counts the values of four weeks into 256 buckets of equal width in value
 * (the bucket never decreases as the value grows, so a rank's value lies in the bucket its rank falls in,
 * and the minimum has bucket 0 to itself); a scan of the bucket bytes, four at a time, gathers the few values
 * of the wanted buckets; an exact selection then runs among them, narrowed by more histograms while large.
 */
export function summariseWeeks(store: Float32Array, W: number, R: number, sc: BandScratch, p10: Float64Array, p50: Float64Array, p90: Float64Array, mean: Float64Array): void {
  const acc = createRuns();
  const load: WeekLoader = (w, count, dst, sum, min, max) => {
    resetRuns(acc);
    copyRuns(store, w * R, R, R, count, dst, 0, R, acc);
    storeRuns(acc, w, count, sum, min, max);
  };
  summariseLoadedWeeks(load, W, R, sc, p10, p50, p90, mean);
}

/**
 * Like summariseWeeks, reading the weeks through a loader, LOAD_WEEKS at a time (a store laid out in blocks
 * of replications, or the parts of a Monte Carlo, is never copied whole).
 */
export function summariseLoadedWeeks(load: WeekLoader, W: number, R: number, sc: BandScratch, p10: Float64Array, p50: Float64Array, p90: Float64Array, mean: Float64Array): void {
  const { sum, min, max, out, hist, bucket, rs, cols } = sc;
  for (let w0 = 0; w0 < W; w0 += LOAD_WEEKS) {
    const count = Math.min(LOAD_WEEKS, W - w0);
    load(w0, count, cols, sum, min, max);
    for (let q = w0; q < w0 + count; q++) mean[q] = sum[q]! / R;
    // Four weeks at a time through the histogram and the gathering (their counts are independent work).
    let w = w0;
    for (; w + 3 < w0 + count; w += 4) {
      if (min[w] === max[w] && min[w + 1] === max[w + 1] && min[w + 2] === max[w + 2] && min[w + 3] === max[w + 3]) {
        for (let q = w; q < w + 4; q++) { const v = min[q]!; p10[q] = v; p50[q] = v; p90[q] = v; }
        continue;
      }
      const o = (w - w0) * R;
      // A constant week gets scale 0: all its values fall in bucket 0 and its result is its one value.
      hist4(cols, o, R, rs, min[w]!, min[w + 1]!, min[w + 2]!, min[w + 3]!, scaleOf(min[w]!, max[w]!), scaleOf(min[w + 1]!, max[w + 1]!),
        scaleOf(min[w + 2]!, max[w + 2]!), scaleOf(min[w + 3]!, max[w + 3]!), hist, bucket);
      for (let q = 0; q < 4; q++) {
        const ww = w + q, v = min[ww]!;
        if (v === max[ww]) { p10[ww] = v; p50[ww] = v; p90[ww] = v; continue; }
        fromHistogram(sc, cols, o + q * R, R, q, v, out);
        p10[ww] = out[0]!; p50[ww] = out[1]!; p90[ww] = out[2]!;
      }
    }
    for (; w < w0 + count; w++) {
      const v = min[w]!;
      if (v === max[w]) { p10[w] = v; p50[w] = v; p90[w] = v; continue; }
      const o = (w - w0) * R;
      hist1(cols, o, R, v, scaleOf(v, max[w]!), hist, bucket);
      fromHistogram(sc, cols, o, R, 0, v, out);
      p10[w] = out[0]!; p50[w] = out[1]!; p90[w] = out[2]!;
    }
  }
}

function scaleOf(lo: number, hi: number): number {
  return lo === hi ? 0 : SCALE / (hi - lo);
}

/** Count four weeks' values into their buckets (week q's counts at hist[256q…], its bucket bytes at bucket[q·rs…]). */
function hist4(vals: Float32Array, o: number, R: number, rs: number, m0: number, m1: number, m2: number, m3: number,
  s0: number, s1: number, s2: number, s3: number, hist: Int32Array, bucket: Uint8Array): void {
  hist.fill(0);
  const o1 = o + R, o2 = o1 + R, o3 = o2 + R;
  const r1 = rs, r2 = 2 * rs, r3 = 3 * rs;
  for (let i = 0; i < R; i++) {
    // Four weeks per step: their counts are independent, so one week's repeated bucket does not stall the next.
    const k0 = Math.ceil((vals[o + i]! - m0) * s0) | 0;
    const k1 = (Math.ceil((vals[o1 + i]! - m1) * s1) | 0) + 256;
    const k2 = (Math.ceil((vals[o2 + i]! - m2) * s2) | 0) + 512;
    const k3 = (Math.ceil((vals[o3 + i]! - m3) * s3) | 0) + 768;
    bucket[i] = k0; bucket[r1 + i] = k1; bucket[r2 + i] = k2; bucket[r3 + i] = k3;
    hist[k0] = hist[k0]! + 1; hist[k1] = hist[k1]! + 1; hist[k2] = hist[k2]! + 1; hist[k3] = hist[k3]! + 1;
  }
}

/** Count one week's values into its buckets (hist[0…255], bucket[0…]). */
function hist1(vals: Float32Array, o: number, R: number, m0: number, s0: number, hist: Int32Array, bucket: Uint8Array): void {
  hist.fill(0, 0, COLUMN_BUCKETS);
  for (let i = 0; i < R; i++) {
    const k0 = Math.ceil((vals[o + i]! - m0) * s0) | 0;
    bucket[i] = k0;
    hist[k0] = hist[k0]! + 1;
  }
}

/**
 * Write P10, P50, P90 of the week at vals[o … o+n) to out[0..2] from its histogram (hist[256q…]) and bucket
 * bytes (bucket[q·rs…]; byte values are the bucket within that week, hist4 adds 256q only to the index).
 */
function fromHistogram(sc: BandScratch, vals: Float32Array, o: number, n: number, q: number, mn: number, out: Float64Array): void {
  const { hist, cand, map, bucket, words } = sc;
  const h = q * COLUMN_BUCKETS, stride = sc.n, base = q * sc.rs;
  const k10 = percentileRank(0.1, n), k50 = percentileRank(0.5, n), k90 = percentileRank(0.9, n);
  // Walk the cumulative counts once to the bucket of each rank (ranks are in increasing order).
  let acc = 0, bk = 0;
  while (acc + hist[h + bk]! <= k10) { acc += hist[h + bk]!; bk++; }
  const b10 = bk, below10 = acc;
  while (acc + hist[h + bk]! <= k50) { acc += hist[h + bk]!; bk++; }
  const b50 = bk, below50 = acc;
  while (acc + hist[h + bk]! <= k90) { acc += hist[h + bk]!; bk++; }
  const b90 = bk, below90 = acc;
  // Bucket 0 holds the minimum and nothing else, so ranks there need no gathering (replications often share
  // a floor: nothing live yet, no dip).
  if (b90 === 0) { out[0] = mn; out[1] = mn; out[2] = mn; return; }
  // A large bucket is often copies of one value (a ceiling or a whole number many replications share): one
  // counting pass tells, and spares gathering them. NaN means "not settled this way".
  const e10 = b10 !== 0 && hist[h + b10]! >= TIE_CHECK ? singleValue(sc, vals, o, n, base, b10, hist[h + b10]!) : NaN;
  const e50 = b50 === b10 ? e10 : hist[h + b50]! >= TIE_CHECK ? singleValue(sc, vals, o, n, base, b50, hist[h + b50]!) : NaN;
  const e90 = b90 === b50 ? e50 : hist[h + b90]! >= TIE_CHECK ? singleValue(sc, vals, o, n, base, b90, hist[h + b90]!) : NaN;
  const g10 = b10 !== 0 && e10 !== e10, g50 = b50 !== 0 && e50 !== e50, g90 = e90 !== e90;
  let c1 = 0, c2 = stride, c3 = 2 * stride;
  let m1 = Infinity, x1 = -Infinity, m2 = Infinity, x2 = -Infinity, m3 = Infinity, x3 = -Infinity;
  if (g10 || g50 || g90) {
    const t = g90 ? b90 : g50 ? b50 : b10;
    if (g90) map[b90] = 4;
    if (g50) map[b50] = map[b50]! | 2;
    if (g10) map[b10] = map[b10]! | 1;
    // Scan the bytes four at a time: a word holds a wanted bucket only if x ^ (t·0x01010101) has a zero byte.
    const T1 = Math.imul(g10 ? b10 : t, 0x01010101), T2 = Math.imul(g50 ? b50 : t, 0x01010101), T3 = Math.imul(t, 0x01010101);
    const w0 = base >> 2, wn = (n + 3) >> 2;
    for (let j = 0; j < wn; j++) {
      const x = words[w0 + j]!;
      const y1 = x ^ T1, y2 = x ^ T2, y3 = x ^ T3;
      if (((((y1 - 0x01010101) & ~y1) | ((y2 - 0x01010101) & ~y2) | ((y3 - 0x01010101) & ~y3)) & 0x80808080) === 0) continue;
      const e = Math.min(n, 4 * j + 4);
      for (let i = 4 * j; i < e; i++) {
        const r = map[bucket[base + i]!]!;
        if (r === 0) continue;
        const v = vals[o + i]!;
        if (r & 1) { cand[c1++] = v; if (v < m1) m1 = v; if (v > x1) x1 = v; }
        if (r & 2) { cand[c2++] = v; if (v < m2) m2 = v; if (v > x2) x2 = v; }
        if (r & 4) { cand[c3++] = v; if (v < m3) m3 = v; if (v > x3) x3 = v; }
      }
    }
    map[b10] = 0; map[b50] = 0; map[b90] = 0;
  }
  out[0] = b10 === 0 ? mn : g10 ? selectAmong(sc, cand, 0, c1 - 1, k10 - below10, m1, x1) : e10;
  out[1] = b50 === 0 ? mn : g50 ? selectAmong(sc, cand, stride, c2 - 1, stride + k50 - below50, m2, x2) : e50;
  out[2] = g90 ? selectAmong(sc, cand, 2 * stride, c3 - 1, 2 * stride + k90 - below90, m3, x3) : e90;
}

/**
 * Return the value every one of the c values of bucket b shares, or NaN when they differ: the first value
 * found in the bucket, if exactly c values of the week equal it (equal values always share a bucket).
 */
function singleValue(sc: BandScratch, vals: Float32Array, o: number, n: number, base: number, b: number, c: number): number {
  const bucket = sc.bucket;
  let i = 0;
  while (bucket[base + i] !== b) i++;
  const x = vals[o + i]!;
  let eq = 0;
  for (let j = 0; j < n; j++) eq += +(vals[o + j] === x);
  return eq === c ? x : NaN;
}

/**
 * Return the value of rank k of a[lo..hi] (whose smallest and largest values are mn and mx), reordering it:
 * copies of one value answer at once, small sets go to quickselect, large ones are narrowed by another
 * histogram over their own range (a bucket can hold hundreds of values when they cluster).
 */
function selectAmong(sc: BandScratch, a: Float64Array, lo: number, hi: number, k: number, mn: number, mx: number): number {
  const hist = sc.hist, bucket = sc.sub;
  for (;;) {
    if (mn === mx) return mn;
    const n = hi - lo + 1;
    if (n <= SMALL) return selectInPlace(a, lo, hi, k);
    const s = SCALE / (mx - mn);
    hist.fill(0, 0, COLUMN_BUCKETS);
    for (let i = 0; i < n; i++) {
      const bk = Math.ceil((a[lo + i]! - mn) * s) | 0;
      bucket[i] = bk;
      hist[bk] = hist[bk]! + 1;
    }
    const kk = k - lo;
    let acc = 0, bk = 0;
    while (acc + hist[bk]! <= kk) { acc += hist[bk]!; bk++; }
    if (bk === 0) return mn;
    // Keep only the wanted bucket's values, at the front of the range.
    let c = lo, nmn = Infinity, nmx = -Infinity;
    for (let i = 0; i < n; i++) {
      if (bucket[i] !== bk) continue;
      const v = a[lo + i]!;
      a[c++] = v;
      if (v < nmn) nmn = v;
      if (v > nmx) nmx = v;
    }
    k = lo + kk - acc;
    hi = c - 1;
    mn = nmn; mx = nmx;
  }
}
