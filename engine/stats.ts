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
