// How the engine's cost grows with the horizon and with the number of initiatives: a 100-replication Monte
// Carlo at each size, and the exponent of a log-log fit (1 = linear; the budget is at most 1.1).
import { blankInput, monteCarlo, REFERENCE_PORTFOLIO, type Initiative, type SimInput } from '../engine';
import { entryOf, logLogExponent, measure, type Entry, type Suite } from './measure';

const REPLICATIONS = 100;
const HORIZONS = [52, 104, 156, 260, 390, 520];
const COPIES = [1, 2, 4, 8];
const EXPONENT_BUDGET = 1.1;

/** Return the reference portfolio repeated `copies` times (each copy with its own ids and prerequisites). */
export function repeatedPortfolio(copies: number): Initiative[] {
  const out: Initiative[] = [];
  for (let c = 0; c < copies; c++) {
    for (const it of REFERENCE_PORTFOLIO) {
      out.push({ ...it, id: `${it.id}-${c}`, prerequisites: it.prerequisites.map((p) => `${p}-${c}`) });
    }
  }
  return out;
}

function sweep(label: string, unitOfSize: string, sizes: readonly number[], inputOf: (size: number) => SimInput, log: (line: string) => void): Entry[] {
  const points: Entry[] = [];
  let seed = 100;
  for (const size of sizes) {
    const input = inputOf(size);
    const e = measure(`scaling: Monte Carlo ×${REPLICATIONS} at ${size} ${unitOfSize}`, () => monteCarlo(input, { replications: REPLICATIONS, seed: ++seed }), { runs: 7, warmup: 2 });
    log(`${e.name}: median ${e.median.toFixed(2)} ms`);
    points.push(e);
  }
  const byMedian = logLogExponent(sizes, points.map((p) => p.median));
  const byP95 = logLogExponent(sizes, points.map((p) => p.p95));
  // One "sample" per statistic: the exponent fitted to the medians, and to the p95s.
  const exponent = entryOf(`scaling: cost vs ${label} ${sizes[0]}–${sizes[sizes.length - 1]} (log-log exponent)`, 'exponent', [byMedian], { limit: EXPONENT_BUDGET, on: 'median' });
  log(`${exponent.name}: ${byMedian.toFixed(3)} (fitted to the p95s: ${byP95.toFixed(3)})`);
  return [...points, { ...exponent, p95: byP95, runs: points[0]?.runs ?? 0 }];
}

/** Cost against horizon and portfolio size. */
export const SCALING_SUITE: Suite = {
  id: 'scaling',
  summary: 'cost vs horizon (52–520 weeks) and vs number of initiatives (9–72), fitted log-log exponents',
  async run(log) {
    return [
      ...sweep('horizon', 'weeks', HORIZONS, (h) => ({ ...blankInput(), horizonWeeks: h }), log),
      ...sweep('initiatives', 'initiatives', COPIES.map((c) => c * REFERENCE_PORTFOLIO.length), (n) => ({ ...blankInput(), initiatives: repeatedPortfolio(n / REFERENCE_PORTFOLIO.length) }), log),
    ];
  },
};
