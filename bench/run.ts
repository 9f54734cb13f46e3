// Benchmarks (not tests): `npm run bench`. Prints a table and writes bench/results.json.
import { writeFileSync } from 'node:fs';
import { blankInput, monteCarlo, sensitivity, simulate, simulateExpected } from '../engine';

interface Entry { name: string; unit: string; median: number; p95: number; budget?: number; pass?: boolean }

function measure(name: string, fn: () => void, runs = 20, warmup = 3, budget?: number, passOn: 'median' | 'p95' = 'p95'): Entry {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!;
  return budget === undefined ? { name, unit: 'ms', median, p95 } : { name, unit: 'ms', median, p95, budget, pass: (passOn === 'median' ? median : p95) <= budget };
}

// The engine runs a blank trust against its reference portfolio (nine initiatives, 260 weeks).
const input = blankInput();
let seed = 0;
const entries = [
  measure('engine: expected-value run (260 weeks)', () => simulateExpected(input), 200, 50, 1, 'median'),
  measure('engine: one replication (260 weeks)', () => simulate(input, ++seed), 200, 50),
  // The budget: 1,000 replications of 260 weeks in at most 50 ms, median.
  measure('engine: Monte Carlo, 1,000 replications', () => monteCarlo(input, { replications: 1000, seed: ++seed }), 21, 5, 50, 'median'),
  measure('engine: sensitivity, every lever low/high, 100 replications each', () => sensitivity(input, { kpi: 'maturityAtHorizon', seed: 1, replications: 100 }), 5, 1),
];
console.table(entries.map((e) => ({ ...e, median: e.median.toFixed(3), p95: e.p95.toFixed(3) })));
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(entries, null, 2)}\n`);
