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
  for (let i = 0; i < n; i++) {
    const v = scratch[i]!;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  out[3] = sum / n;
  if (min === max) {
    out[0] = min; out[1] = min; out[2] = min;
    return;
  }
  const k50 = percentileRank(0.5, n);
  const k10 = percentileRank(0.1, n);
  const k90 = percentileRank(0.9, n);
  // Select the median first; P10 then lies in the left part and P90 in the right part.
  out[1] = selectInPlace(scratch, 0, n - 1, k50);
  out[0] = k10 < k50 ? selectInPlace(scratch, 0, k50 - 1, k10) : out[1]!;
  out[2] = k90 > k50 ? selectInPlace(scratch, k50 + 1, n - 1, k90) : out[1]!;
}
