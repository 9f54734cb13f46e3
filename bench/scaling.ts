// How the engine's cost grows with the horizon and with the number of initiatives: a 100-replication Monte
// Carlo at each size, and the exponent of a log-log fit (1 = linear; the budget is at most 1.1).
import { blankInput, REFERENCE_PORTFOLIO, type Initiative, type SimInput } from '../engine';
import { bundledEngine, type EngineModule } from './engine-bundle';
import { entryOf, logLogExponent, sample, type Entry, type Suite } from './measure';

const REPLICATIONS = 100;
const HORIZONS = [52, 104, 156, 260, 390, 520];
const COPIES = [1, 2, 4, 8];
const EXPONENT_BUDGET = 1.1;
const WARMUP_ROUNDS = 3;
const ROUNDS = 11;

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

function sweep(monteCarlo: EngineModule['monteCarlo'], label: string, unitOfSize: string, sizes: readonly number[], inputOf: (size: number) => SimInput, log: (line: string) => void): Entry[] {
  // Sizes are timed in rounds, one run of each size per round, so that a change in the machine's load
  // during the sweep falls on every size alike instead of bending the curve.
  const inputs = sizes.map(inputOf);
  const wallTimes: number[][] = sizes.map(() => []);
  const cpuTimes: number[][] = sizes.map(() => []);
  let seed = 100;
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    inputs.forEach((input, i) => {
      const s = sample(() => monteCarlo(input, { replications: REPLICATIONS, seed: ++seed }), 1, 0);
      if (round < WARMUP_ROUNDS) return;
      wallTimes[i]!.push(s.wall[0]!);
      cpuTimes[i]!.push(s.cpu[0]!);
    });
  }
  const points = sizes.map((size, i) => entryOf(`scaling: Monte Carlo ×${REPLICATIONS} at ${size} ${unitOfSize}`, 'ms', wallTimes[i]!, undefined, cpuTimes[i]!));
  for (const e of points) log(`${e.name}: median ${e.median.toFixed(2)} ms, CPU ${e.cpuMedian?.toFixed(2)} ms`);
  // The budget applies to the work done, which CPU time measures; on a busy machine the wall clock also
  // counts the time the process waited for a core, which has nothing to do with the size of the run.
  const fit = (clock: string, medians: number[], p95s: number[], budget: boolean): Entry => {
    const e = entryOf(`scaling: cost vs ${label} ${sizes[0]}–${sizes[sizes.length - 1]}, log-log exponent (${clock})`, 'exponent', [logLogExponent(sizes, medians)], budget ? { limit: EXPONENT_BUDGET, on: 'median' } : undefined);
    return { ...e, p95: logLogExponent(sizes, p95s), runs: points[0]?.runs ?? 0 };
  };
  const cpu = fit('CPU time', points.map((p) => p.cpuMedian!), points.map((p) => p.cpuMedian!), true);
  const wall = fit('wall clock', points.map((p) => p.median), points.map((p) => p.p95), false);
  log(`${cpu.name}: ${cpu.median.toFixed(3)}; on the wall clock ${wall.median.toFixed(3)} (medians), ${wall.p95.toFixed(3)} (p95s)`);
  return [...points, cpu, wall];
}

/** Cost against horizon and portfolio size. */
export const SCALING_SUITE: Suite = {
  id: 'scaling',
  summary: 'cost vs horizon (52–520 weeks) and vs number of initiatives (9–72), fitted log-log exponents',
  async run(log) {
    const { monteCarlo } = await bundledEngine();
    return [
      ...sweep(monteCarlo, 'horizon', 'weeks', HORIZONS, (h) => ({ ...blankInput(), horizonWeeks: h }), log),
      ...sweep(monteCarlo, 'initiatives', 'initiatives', COPIES.map((c) => c * REFERENCE_PORTFOLIO.length), (n) => ({ ...blankInput(), initiatives: repeatedPortfolio(n / REFERENCE_PORTFOLIO.length) }), log),
    ];
  },
};
