// Engine benchmarks: one run, the expected run, a 1,000-replication Monte Carlo and a full sensitivity
// analysis, in process on the blank trust (nine reference initiatives, 260 weeks), with the engine bundled
// as the app ships it; the Monte Carlo's statistics alone (merging parts) and the Monte Carlo split over two
// worker threads; and the Monte Carlo once more as the command line loads the engine (through tsx).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'vite';
import * as viaTsx from '../engine';
import type { MonteCarloPart, SimInput } from '../engine';
import { bundledEngine, type EngineModule } from './engine-bundle';
import { entryOf, measure, type Entry, type Suite } from './measure';

/** The engine's own timings. */
export const ENGINE_SUITE: Suite = {
  id: 'engine',
  summary: 'one replication, the expected run, 1,000-replication Monte Carlo (whole, statistics alone, two worker threads), full sensitivity',
  async run(log) {
    const engine = await bundledEngine();
    const { blankInput, mergeMonteCarlo, monteCarlo, monteCarloPart, sensitivity, simulate, simulateExpected, splitReplications } = engine;
    const input = blankInput();
    let seed = 0;
    const entries: Entry[] = [];
    const add = (e: Entry) => {
      entries.push(e);
      log(`${e.name}: median ${e.median.toFixed(3)} ms (CPU ${e.cpuMedian?.toFixed(3)} ms)`);
    };
    // The expected run is what a lever drag recomputes every frame.
    add(measure('engine: expected-value run (260 weeks)', () => simulateExpected(input), { runs: 200, warmup: 50, budget: { limit: 1, on: 'median' } }));
    add(measure('engine: one replication (260 weeks)', () => simulate(input, ++seed), { runs: 200, warmup: 50 }));
    // The budget: 1,000 replications of 260 weeks in at most 50 ms, median, one thread, every series.
    add(measure('engine: Monte Carlo, 1,000 replications', () => monteCarlo(input, { replications: 1000, seed: ++seed }), { runs: 15, warmup: 3, budget: { limit: 50, on: 'median' } }));
    // What the statistics cost on their own: the merge of two parts (copy into one store, bands of every
    // series, KPI distributions), as a thread that joins two workers' parts does it.
    const parts = splitReplications(1000, 2).map(({ from, to }) => monteCarloPart(input, { seed: 77, from, to }));
    add(measure('engine: Monte Carlo statistics alone, 1,000 replications (mergeMonteCarlo of two parts, every series)', () => mergeMonteCarlo(input, parts), { runs: 15, warmup: 3 }));
    add(await measureInWorkers(engine, input, log));
    add(measure('engine: sensitivity, every lever low/high, 100 replications each', () => sensitivity(input, { kpi: 'maturityAtHorizon', seed: 1, replications: 100 }), { runs: 5, warmup: 1 }));
    const tsxInput = viaTsx.blankInput();
    add(measure('engine: Monte Carlo, 1,000 replications, engine loaded through tsx (as the CLI does)', () => viaTsx.monteCarlo(tsxInput, { replications: 1000, seed: ++seed }), { runs: 9, warmup: 3 }));
    return entries;
  },
};

// The worker: loads the bundled engine from the file it is given and answers { input, seed, from, to } with
// the part, its buffers transferred rather than copied.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.engineUrl).then((engine) => {
  parentPort.on('message', ({ input, seed, from, to }) => {
    const part = engine.monteCarloPart(input, { seed, from, to });
    parentPort.postMessage(part, engine.partBuffers(part));
  });
  parentPort.postMessage('ready');
});
`;

/**
 * Time a 1,000-replication Monte Carlo split over two node worker threads (each runs half the replications
 * with the bundled engine), the parts transferred back and merged on this thread. CPU is the whole process's
 * (this thread and both workers), so it is about twice the wall time when both cores are free.
 */
async function measureInWorkers(engine: EngineModule, input: SimInput, log: (line: string) => void): Promise<Entry> {
  const name = 'engine: Monte Carlo, 1,000 replications, split over 2 worker threads (node worker_threads, merge included)';
  const outDir = mkdtempSync(join(tmpdir(), 'momentum-bench-worker-engine-'));
  const workers: Worker[] = [];
  try {
    // The workers need the bundle as a file (the in-process bundle is loaded and deleted at once).
    await build({
      configFile: false,
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, minify: false, lib: { entry: fileURLToPath(new URL('../engine/index.ts', import.meta.url)), formats: ['es'], fileName: 'engine' } },
    });
    const file = readdirSync(outDir).find((f) => f.endsWith('.js') || f.endsWith('.mjs'));
    if (!file) throw new Error('The engine bundle for the workers was not written.');
    const engineUrl = pathToFileURL(join(outDir, file)).href;
    // One pending reply per worker; an error in a worker fails the reply it owes.
    const pending: (((part: MonteCarloPart) => void) | null)[] = [];
    const failed: ((err: Error) => void)[] = [];
    for (let i = 0; i < 2; i++) {
      const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { engineUrl } });
      await new Promise<void>((resolve, reject) => {
        w.once('message', () => resolve());
        w.once('error', reject);
      });
      w.on('message', (part: MonteCarloPart) => {
        const done = pending[i];
        pending[i] = null;
        done?.(part);
      });
      w.on('error', (err) => failed[i]?.(err));
      workers.push(w);
    }
    let seed = 1000;
    const once = async (): Promise<void> => {
      const s = ++seed;
      const ranges = engine.splitReplications(1000, workers.length);
      const parts = await Promise.all(ranges.map(({ from, to }, i) => new Promise<MonteCarloPart>((resolve, reject) => {
        pending[i] = resolve;
        failed[i] = reject;
        workers[i]!.postMessage({ input, seed: s, from, to });
      })));
      engine.mergeMonteCarlo(input, parts);
    };
    for (let i = 0; i < 3; i++) await once();
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 15; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await once();
      const t1 = performance.now();
      const c1 = process.cpuUsage(c0);
      wall.push(t1 - t0);
      cpu.push((c1.user + c1.system) / 1000);
    }
    return entryOf(name, 'ms', wall, undefined, cpu);
  } catch (err) {
    log(`${name}: not measured (${err instanceof Error ? err.message : String(err)})`);
    throw err;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    rmSync(outDir, { recursive: true, force: true });
  }
}
