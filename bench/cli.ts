// The command line: a 10,000-run sweep (100 × 100 lever values, one seeded run each) with one worker and
// with two, timed as whole processes (start-up included, as an analyst waits for it), and the speed-up. The
// command's own MOMENTUM_TIMINGS report also gives the compute phase (workers ready → last result), so that
// a reader can tell the parallel part from the fixed costs around it. The speed-up is judged against what the
// machine can give: a probe first runs the same pure CPU loop on one thread and on two at once, and the
// 160,000-run sweep's speed-up must reach 90% of that capacity. The sweep is that large so that the fixed
// costs (start-up, each worker compiling the model) are under 5% of it; a 9-run sweep on two workers, timed
// beside it, shows what they are.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { entryOf, quantile, type Entry, type Suite } from './measure';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The sweep's speed-up must reach this share of the machine's measured parallel capacity. */
const CAPACITY_SHARE_BUDGET = 0.9;
/** Probe pairs (one thread, then two at once) for the machine's parallel capacity. */
const PROBE_PAIRS = 5;
const TIMED_PAIRS = 7;
/** Pairs of the larger sweep, which shows how the parallel part scales once fixed costs are spread. */
const LARGE_PAIRS = 3;
/** Steps of each lever in the larger sweep: 400 × 400 = 160,000 runs. */
const LARGE_STEPS = 400;
/** Name of the larger sweep in the entries. */
const LARGE = `${(LARGE_STEPS * LARGE_STEPS).toLocaleString('en-GB')} runs`;
/** Runs of the 9-run sweep on two workers that measures the fixed costs. */
const FIXED_RUNS = 5;

/** Wall-clock and CPU time (ms) of one process, and the phases it reported (ms). */
interface ProcessTime {
  readonly wall: number;
  readonly cpu: number;
  /** Workers ready (for 1 worker: the work starts) → last result: the part that runs in parallel. */
  readonly compute: number;
  /** Process start → the command line loaded and started. */
  readonly startup: number;
}

/** Return the number a `timings:` line of the command reported, or NaN. */
function reported(stderr: string, pattern: RegExp): number {
  const m = pattern.exec(stderr);
  return m ? Number(m[1]) : Number.NaN;
}

/**
 * Run `momentum sweep` over `steps × steps` combinations and return its wall-clock and CPU time. A run that
 * had to rebuild the command line's bundle first (a source file changed meanwhile) is run again, so that
 * no timing includes a build.
 */
async function sweep(steps: number, workers: number, out: string): Promise<ProcessTime> {
  for (let attempt = 0; ; attempt++) {
    const t = await sweepOnce(steps, workers, out);
    if (!t.rebuilt || attempt >= 3) return t;
  }
}

function sweepOnce(steps: number, workers: number, out: string): Promise<ProcessTime & { rebuilt: boolean }> {
  const cpuFile = `${out}.cpu`;
  const args = [
    '--import', pathToFileURL(join(ROOT, 'bench/cpu-report.mjs')).href,
    join(ROOT, 'cli/bin/momentum.mjs'), 'sweep', join(ROOT, 'scenarios/blank-trust.momentum'),
    '--vary', `goal.clarity=0:1:${steps}`, '--vary', `leadership.culture=0:1:${steps}`,
    '--replications', '1', '--workers', String(workers), '--out', out,
  ];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MOMENTUM_BENCH_CPU_FILE: cpuFile, MOMENTUM_TIMINGS: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    // 'close', not 'exit': the last timings lines may still be in the pipe when the process exits.
    child.on('close', (code) => {
      const wall = performance.now() - t0;
      if (code !== 0) {
        reject(new Error(`momentum sweep --workers ${workers} exited with ${code}: ${stderr.trim()}`));
        return;
      }
      if (!/timings: loaded from the bundle/.test(stderr)) {
        reject(new Error(`momentum sweep did not run from its bundle: ${stderr.split('\n').find((l) => l.includes('loaded from')) ?? stderr.trim()}`));
        return;
      }
      const compute = reported(stderr, /timings: compute phase \(workers ready → last result\) ([\d.]+) ms/);
      const startup = reported(stderr, /timings: command started at ([\d.]+) ms/);
      resolve({ wall, cpu: Number(readFileSync(cpuFile, 'utf8')), compute, startup, rebuilt: /timings: loaded from the bundle \w+, built now/.test(stderr) });
    });
  });
}

/**
 * A pure CPU loop (xorshift, no memory traffic, no allocation) of a fixed length, run in `threads` worker threads
 * at once; resolves with the wall time (ms) until the last finishes.
 */
function cpuLoop(threads: number, iterations: number): Promise<number> {
  const code = `const { parentPort, workerData } = require('node:worker_threads');
let x = 2463534242, acc = 0;
for (let i = 0; i < workerData; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; acc = (acc + (x >>> 0)) % 1000003; }
parentPort.postMessage(acc);`;
  const t0 = performance.now();
  return Promise.all(
    Array.from({ length: threads }, () => new Promise<void>((done, fail) => {
      const w = new Worker(code, { eval: true, workerData: iterations });
      w.once('message', () => void w.terminate().then(() => done()));
      w.once('error', fail);
    })),
  ).then(() => performance.now() - t0);
}

/**
 * The machine's parallel capacity: the same loop on one thread, then on two at once, each pair in turn; two
 * threads doing twice the work in the time one takes is 2.0×. Returns each pair's ratio.
 */
async function parallelCapacity(log: (line: string) => void): Promise<number[]> {
  const iterations = 150_000_000;
  await cpuLoop(1, iterations / 10);
  const out: number[] = [];
  for (let i = 0; i < PROBE_PAIRS; i++) {
    const one = await cpuLoop(1, iterations);
    const two = await cpuLoop(2, iterations);
    out.push((2 * one) / two);
    log(`parallel capacity probe: 1 thread ${one.toFixed(0)} ms, 2 threads ${two.toFixed(0)} ms, ${((2 * one) / two).toFixed(2)}×`);
  }
  return out;
}

function median(v: readonly number[]): number {
  return quantile([...v].sort((a, b) => a - b), 0.5);
}

/** Sweeps through the command line. */
export const CLI_SUITE: Suite = {
  id: 'cli',
  summary: 'momentum sweep of 10,000 runs with 1 and with 2 workers, and the speed-up',
  async run(log) {
    const dir = mkdtempSync(join(tmpdir(), 'momentum-bench-'));
    try {
      const capacity = await parallelCapacity(log);
      const one: ProcessTime[] = [];
      const two: ProcessTime[] = [];
      // Warm-up: the command line's bundle (built here if the sources changed) and the file cache, with a
      // small sweep each way.
      await sweep(10, 1, join(dir, 'warm1.csv'));
      await sweep(10, 2, join(dir, 'warm2.csv'));
      for (let i = 0; i < TIMED_PAIRS; i++) {
        const a = await sweep(100, 1, join(dir, 'one.csv'));
        const b = await sweep(100, 2, join(dir, 'two.csv'));
        one.push(a);
        two.push(b);
        log(
          `sweep of 10,000 runs: 1 worker ${(a.wall / 1000).toFixed(2)} s (CPU ${(a.cpu / 1000).toFixed(2)} s, compute ${(a.compute / 1000).toFixed(2)} s), ` +
            `2 workers ${(b.wall / 1000).toFixed(2)} s (CPU ${(b.cpu / 1000).toFixed(2)} s, compute ${(b.compute / 1000).toFixed(2)} s), speed-up ${(a.wall / b.wall).toFixed(2)}×`,
        );
      }
      // The same sweep sixteen times larger: start-up and each thread's warm-up (compiling the model) stay the
      // same, so this ratio shows what the two workers give on the part of the work that grows. The fixed
      // costs are measured first: a sweep of 9 runs on two workers is nearly all start-up.
      const fixed: number[] = [];
      for (let i = 0; i < FIXED_RUNS; i++) fixed.push((await sweep(3, 2, join(dir, 'fixed.csv'))).wall);
      const largeRatio: number[] = [];
      const largeTwo: number[] = [];
      for (let i = 0; i < LARGE_PAIRS; i++) {
        const a = await sweep(LARGE_STEPS, 1, join(dir, 'large1.csv'));
        const b = await sweep(LARGE_STEPS, 2, join(dir, 'large2.csv'));
        largeRatio.push(a.wall / b.wall);
        largeTwo.push(b.wall);
        log(`sweep of ${LARGE}: 1 worker ${(a.wall / 1000).toFixed(2)} s, 2 workers ${(b.wall / 1000).toFixed(2)} s, speed-up ${(a.wall / b.wall).toFixed(2)}×`);
      }
      const rows = readFileSync(join(dir, 'one.csv'), 'utf8').trimEnd().split('\n').length - 1;
      if (rows !== 10_000) throw new Error(`The sweep wrote ${rows} rows, not 10,000.`);
      if (readFileSync(join(dir, 'one.csv'), 'utf8') !== readFileSync(join(dir, 'two.csv'), 'utf8')) {
        throw new Error('The sweep gave different results with 1 and 2 workers.');
      }
      const wall = (t: ProcessTime[]) => t.map((x) => x.wall);
      const compute = (t: ProcessTime[]) => t.map((x) => x.compute);
      const possible = one.map((a, i) => a.cpu / (two[i]!.cpu / 2));
      // Higher is better here too, so the tail worth reporting is the low one.
      const lowTail = (name: string, samples: number[]): Entry => ({ ...entryOf(name, '×', samples), p95: quantile([...samples].sort((x, y) => x - y), 0.05) });
      return [
        entryOf('cli: sweep of 10,000 runs, 1 worker (whole process)', 'ms', wall(one), undefined, one.map((x) => x.cpu)),
        entryOf('cli: sweep of 10,000 runs, 2 workers (whole process)', 'ms', wall(two), undefined, two.map((x) => x.cpu)),
        lowTail('machine: parallel capacity, two threads over one (probe)', capacity),
        entryOf('cli: sweep speed-up, 2 workers over 1', '×', one.map((a, i) => a.wall / two[i]!.wall)),
        // One worker's CPU time over half of two workers' CPU time: what two free cores could give if every
        // CPU second were on the critical path. Optimistic: part of one worker's CPU is V8 compiling on its
        // own threads, which runs on the idle second core (docs/PERFORMANCE.md, "The command line").
        lowTail('cli: sweep speed-up two free cores could give, from CPU time', possible),
        // Where the time goes: the parallel part alone, and the start-up before it.
        entryOf('cli: sweep of 10,000 runs, 1 worker, compute phase (first → last result)', 'ms', compute(one)),
        entryOf('cli: sweep of 10,000 runs, 2 workers, compute phase (workers ready → last result)', 'ms', compute(two)),
        lowTail('cli: sweep compute-phase speed-up, 2 workers over 1', one.map((a, i) => a.compute / two[i]!.compute)),
        entryOf('cli: start-up, process start → command started (2 workers)', 'ms', two.map((x) => x.startup)),
        entryOf('cli: fixed costs, a 9-run sweep on 2 workers (whole process)', 'ms', fixed),
        entryOf(`cli: fixed costs as a share of the ${LARGE} sweep on 2 workers`, 'share', largeTwo.map((t) => median(fixed) / t)),
        lowTail(`cli: sweep speed-up on ${LARGE}, 2 workers over 1 (whole process)`, largeRatio),
        // The budget: the large sweep's speed-up as a share of what two threads of pure CPU work gave here.
        {
          ...entryOf('cli: sweep speed-up as a share of parallel capacity', 'share', largeRatio.map((r) => r / median(capacity)), { limit: CAPACITY_SHARE_BUDGET, on: 'median', atLeast: true }),
          p95: quantile([...largeRatio.map((r) => r / median(capacity))].sort((x, y) => x - y), 0.05),
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
