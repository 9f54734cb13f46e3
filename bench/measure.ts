// Shared measuring helpers of `npm run bench`: timing with warm-up, order statistics, budgets and the
// entry format of bench/results.json.

/**
 * One line of bench/results.json. `median` and `p95` are over several runs after a warm-up. Where a budget
 * applies, `pass` says whether it holds: for figures where lower is better (times, exponents, memory) the p95
 * (or the median, when the budget is on the median) must be at most the budget; for figures where higher is
 * better (speed-up ratios) the median must be at least the budget, and `p95` then holds the value that 95% of
 * the runs reached (the pessimistic tail).
 */
export interface Entry {
  readonly name: string;
  readonly unit: string;
  readonly median: number;
  readonly p95: number;
  readonly budget?: number;
  readonly pass?: boolean;
  /** How many timed runs the figures come from (after the warm-up). */
  readonly runs: number;
  /** Median CPU time of the process per run (in-process timings only), to tell slowness from a busy machine. */
  readonly cpuMedian?: number;
}

/** A budget: the limit, which statistic it applies to, and whether the figure must stay below or above it. */
export interface Budget {
  readonly limit: number;
  readonly on: 'median' | 'p95';
  readonly atLeast?: boolean;
}

/** Return the value at quantile q (0–1) of sorted values, by the nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

/** Return an entry summarising samples (any order) with an optional budget. */
export function entryOf(name: string, unit: string, samples: readonly number[], budget?: Budget, cpu?: readonly number[]): Entry {
  const sorted = [...samples].sort((a, b) => a - b);
  const higherIsBetter = budget?.atLeast === true;
  const median = quantile(sorted, 0.5);
  // For a figure where higher is better the tail that matters is the low one.
  const p95 = higherIsBetter ? quantile(sorted, 0.05) : quantile(sorted, 0.95);
  const base: Entry = { name, unit, median, p95, runs: samples.length };
  const withCpu = cpu && cpu.length > 0 ? { ...base, cpuMedian: quantile([...cpu].sort((a, b) => a - b), 0.5) } : base;
  if (!budget) return withCpu;
  const value = budget.on === 'median' ? median : p95;
  return { ...withCpu, budget: budget.limit, pass: higherIsBetter ? value >= budget.limit : value <= budget.limit };
}

/** Options of a timed measurement. */
export interface MeasureOptions {
  readonly runs: number;
  readonly warmup: number;
  readonly budget?: Budget;
}

/** Wall-clock and process CPU times (ms) of several runs of a function. */
export interface Samples {
  readonly wall: number[];
  readonly cpu: number[];
}

/** Time a synchronous function (wall clock and process CPU, in ms) over several runs after a warm-up. */
export function sample(fn: () => unknown, runs: number, warmup: number): Samples {
  for (let i = 0; i < warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    wall.push(t1 - t0);
    cpu.push((c1.user + c1.system) / 1000);
  }
  return { wall, cpu };
}

/** Time a synchronous function over several runs after a warm-up and return its entry. */
export function measure(name: string, fn: () => unknown, opts: MeasureOptions): Entry {
  const { wall, cpu } = sample(fn, opts.runs, opts.warmup);
  return entryOf(name, 'ms', wall, opts.budget, cpu);
}

/**
 * Return the exponent b of the least-squares fit cost ≈ a·size^b on log-log axes: 1 is linear, below 1
 * sub-linear (fixed costs still dominate), above 1 worse than linear.
 */
export function logLogExponent(sizes: readonly number[], costs: readonly number[]): number {
  const xs = sizes.map(Math.log);
  const ys = costs.map(Math.log);
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  return sxy / sxx;
}

/** A named group of benchmarks that `npm run bench -- <group>` can select. */
export interface Suite {
  readonly id: string;
  readonly summary: string;
  run(log: (line: string) => void): Promise<Entry[]>;
}
