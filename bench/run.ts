// Benchmarks (not tests): `npm run bench`. Prints a table and writes bench/results.json.
import { writeFileSync } from 'node:fs';
import { blankInput, monteCarlo, simulate } from '../engine';

interface Entry { name: string; unit: string; median: number; p95: number; budget?: number; pass?: boolean }

function measure(name: string, fn: () => void, runs = 20, warmup = 3, budget?: number): Entry {
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
  return budget === undefined ? { name, unit: 'ms', median, p95 } : { name, unit: 'ms', median, p95, budget, pass: p95 <= budget };
}

const input = blankInput();
const entries = [
  measure('engine: one replication (260 weeks)', () => simulate(input, 1)),
  measure('engine: Monte Carlo, 1,000 replications', () => monteCarlo(input, { replications: 1000, seed: 1 }), 10, 2, 100),
];
console.table(entries.map((e) => ({ ...e, median: e.median.toFixed(3), p95: e.p95.toFixed(3) })));
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(entries, null, 2)}\n`);
