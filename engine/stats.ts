/**
 * Statistics over replications without sorting every column: exact order statistics by quickselect in
 * preallocated scratch, and the mean.
 */

/** Percentiles reported for bands and KPI distributions. */
export const PERCENTILES = [0.1, 0.5, 0.9] as const;

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

/**
 * Compute P10, P50 and P90 and the mean of `src[from .. from+n)` using `scratch` (length ≥ n); write them to
 * out[0..3] as p10, p50, p90, mean. The source is not modified.
 */
export function summarise(src: Float64Array, from: number, n: number, scratch: Float64Array, out: Float64Array): void {
  for (let i = 0; i < n; i++) scratch[i] = src[from + i]!;
  summariseInPlace(scratch, n, out);
}

/** Like summarise, on the first n values of `a`, which it reorders. */
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

/** Buckets of the histogram that narrows each wanted rank down to a few candidates. */
export const COLUMN_BUCKETS = 256;

/** Scratch of summariseColumn for columns of up to n values. */
export interface ColumnScratch {
  readonly hist: Int32Array;
  readonly bucket: Uint8Array;
  /** Candidates of up to three buckets, at offsets 0, n and 2n. */
  readonly cand: Float64Array;
  readonly n: number;
}

/** Create the scratch summariseColumn needs for columns of up to n values. */
export function createColumnScratch(n: number): ColumnScratch {
  return { hist: new Int32Array(COLUMN_BUCKETS), bucket: new Uint8Array(n), cand: new Float64Array(3 * n), n };
}

/**
 * Compute P10, P50, P90 and the mean of the single-precision values `vals[from .. from+n)` (whose bit
 * patterns `bits` views) into out[0..3], without reordering them. The bit pattern of a float, with the
 * lower 31 bits flipped for negatives, is an integer whose order is the values' order; one pass takes its
 * range, a second counts the values into 256 equal ranges of that integer, and an exact selection then runs
 * only among the few values that share a wanted rank's range. Results equal those of summariseInPlace.
 */
export function summariseColumn(vals: Float32Array, bits: Int32Array, from: number, n: number, sc: ColumnScratch, out: Float64Array): void {
  const end = from + n;
  let sum = 0;
  let kmin = 0x7fffffff, kmax = -0x80000000;
  for (let i = from; i < end; i++) {
    sum += vals[i]!;
    const b = bits[i]!;
    const k = b ^ ((b >> 31) & 0x7fffffff);
    if (k < kmin) kmin = k;
    if (k > kmax) kmax = k;
  }
  out[3] = sum / n;
  if (kmin === kmax) {
    const v = vals[from]!;
    out[0] = v; out[1] = v; out[2] = v;
    return;
  }
  columnPercentiles(vals, bits, from, n, kmin, kmax, sc, out);
}

/** The selection part of summariseColumn (kept apart so each loop is optimised on its own feedback). */
function columnPercentiles(vals: Float32Array, bits: Int32Array, from: number, n: number, kmin: number, kmax: number, sc: ColumnScratch, out: Float64Array): void {
  const hist = sc.hist, bucket = sc.bucket, cand = sc.cand, stride = sc.n;
  const span = (kmax - kmin) >>> 0;
  const sh = Math.max(0, 32 - Math.clz32(span) - 8);
  hist.fill(0);
  for (let i = 0; i < n; i++) {
    const b = bits[from + i]!;
    const bk = (((b ^ ((b >> 31) & 0x7fffffff)) - kmin) >>> sh) & 0xff;
    bucket[i] = bk;
    hist[bk] = hist[bk]! + 1;
  }
  const k10 = percentileRank(0.1, n), k50 = percentileRank(0.5, n), k90 = percentileRank(0.9, n);
  // Walk the cumulative counts once to the bucket of each rank (ranks are in increasing order).
  let acc = 0, bk = 0;
  while (acc + hist[bk]! <= k10) { acc += hist[bk]!; bk++; }
  const b10 = bk, below10 = acc;
  while (acc + hist[bk]! <= k50) { acc += hist[bk]!; bk++; }
  const b50 = bk, below50 = acc;
  while (acc + hist[bk]! <= k90) { acc += hist[bk]!; bk++; }
  const b90 = bk, below90 = acc;
  // Gather each distinct wanted bucket's values into its own region of the candidates.
  let c0 = 0, c1 = stride, c2 = 2 * stride;
  for (let i = 0; i < n; i++) {
    const x = bucket[i]!;
    if (x === b10) cand[c0++] = vals[from + i]!;
    else if (x === b50) cand[c1++] = vals[from + i]!;
    else if (x === b90) cand[c2++] = vals[from + i]!;
  }
  // With no shift, every value of a bucket is the same number: no selection needed.
  const exact = sh === 0;
  out[0] = exact ? cand[0]! : selectInPlace(cand, 0, c0 - 1, k10 - below10);
  if (b50 === b10) out[1] = exact ? cand[0]! : selectInPlace(cand, 0, c0 - 1, k50 - below10);
  else out[1] = exact ? cand[stride]! : selectInPlace(cand, stride, c1 - 1, stride + k50 - below50);
  if (b90 === b10) out[2] = exact ? cand[0]! : selectInPlace(cand, 0, c0 - 1, k90 - below10);
  else if (b90 === b50) out[2] = exact ? cand[stride]! : selectInPlace(cand, stride, c1 - 1, stride + k90 - below50);
  else out[2] = exact ? cand[2 * stride]! : selectInPlace(cand, 2 * stride, c2 - 1, 2 * stride + k90 - below90);
}
