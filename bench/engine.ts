// Engine benchmarks: one run, the expected run, a 1,000-replication Monte Carlo and a full sensitivity
// analysis, in process on the blank trust (nine reference initiatives, 260 weeks), with the engine bundled
// as the app ships it; the Monte Carlo's statistics alone (merging parts) and the Monte Carlo on both cores
// as the app's band workers share it; and the Monte Carlo once more as the command line loads the engine
// (through tsx).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import * as viaTsx from '../engine';
import type { SimInput } from '../engine';
import type * as BandSplit from '../renderer/src/sim/band-split';
import type { PortLike } from '../renderer/src/sim/band-split';
import { bundleAsApp, bundledEngine } from './engine-bundle';
import { entryOf, measure, type Entry, type Suite } from './measure';

/** renderer/src/sim/band-split.ts, bundled. */
type BandSplitModule = typeof BandSplit;

/** The engine's own timings. */
export const ENGINE_SUITE: Suite = {
  id: 'engine',
  summary: 'one replication, the expected run, 1,000-replication Monte Carlo (one thread, statistics alone, both cores as the app splits it), full sensitivity',
  async run(log) {
    const engine = await bundledEngine();
    const { blankInput, mergeMonteCarlo, monteCarlo, monteCarloPart, robustness, sensitivity, simulate, simulateExpected, splitReplications } = engine;
    const input = blankInput();
    let seed = 0;
    const entries: Entry[] = [];
    const add = (e: Entry) => {
      entries.push(e);
      log(`${e.name}: median ${e.median.toFixed(3)} ms (CPU ${e.cpuMedian?.toFixed(3)} ms)`);
    };
    // The machine's memory bandwidth, measured first: a Monte Carlo writes and its statistics read a store of
    // about 26 MB, so on this virtual machine those entries move with what other tenants of the host do to
    // memory (the same code was seen at 75 ms and at 115 ms an hour apart, while runs that fit in the cache
    // did not move). A slow probe here says the engine's memory-bound entries were taken in a slow period.
    const stream = new Float64Array(1 << 22);
    add(measure('machine: memory probe, one pass adding to a 32 MB array (no budget; read it beside the Monte Carlo entries)', () => {
      for (let i = 0; i < stream.length; i++) stream[i] = stream[i]! + i * 0.5;
    }, { runs: 20, warmup: 3 }));
    // The expected run is what a lever drag recomputes every frame.
    add(measure('engine: expected-value run (260 weeks)', () => simulateExpected(input), { runs: 200, warmup: 50, budget: { limit: 1, on: 'median' } }));
    add(measure('engine: one replication (260 weeks)', () => simulate(input, ++seed), { runs: 200, warmup: 50 }));
    // The budget: 1,000 replications of 260 weeks in at most 35 ms, median, one thread, every series.
    add(measure('engine: Monte Carlo, 1,000 replications', () => monteCarlo(input, { replications: 1000, seed: ++seed }), { runs: 15, warmup: 3, budget: { limit: 35, on: 'median' } }));
    // The same with uncertainty 'all' (each replication also draws the model's assumptions), beside it, so
    // the two read as a ratio in one run.
    add(measure("engine: Monte Carlo, 1,000 replications, uncertainty 'all'", () => monteCarlo(input, { replications: 1000, seed: ++seed, uncertainty: 'all' }), { runs: 15, warmup: 3 }));
    // A robustness check as the app and `momentum robustness` make it: two paired 1,000-replication Monte
    // Carlos (KPIs only) and the comparison. Budget from the uncertainty issue: at most 1 s.
    const whatIf = { ...input, levers: { ...input.levers, 'leadership.ownership': 3 } };
    add(measure('engine: robustness over 1,000 paired draws (two Monte Carlos, KPIs only, and the comparison)', () => {
      const a = monteCarlo(input, { replications: 1000, seed: 5, uncertainty: 'all', series: [] });
      const b = monteCarlo(whatIf, { replications: 1000, seed: 5, uncertainty: 'all', series: [] });
      return robustness(a, b, 'maturityAtHorizon');
    }, { runs: 7, warmup: 2, budget: { limit: 1000, on: 'p95' } }));
    // What the statistics cost on their own: the merge of two parts (copy into one store, bands of every
    // series, KPI distributions), as a thread that joins two workers' parts does it.
    const parts = splitReplications(1000, 2).map(({ from, to }) => monteCarloPart(input, { seed: 77, from, to }));
    add(measure('engine: Monte Carlo statistics alone, 1,000 replications (mergeMonteCarlo of two parts, every series)', () => mergeMonteCarlo(input, parts), { runs: 15, warmup: 3 }));
    add(await measureOnBothCores(input, log));
    add(measure('engine: sensitivity, every lever low/high, 100 replications each', () => sensitivity(input, { kpi: 'maturityAtHorizon', seed: 1, replications: 100 }), { runs: 5, warmup: 1 }));
    const tsxInput = viaTsx.blankInput();
    add(measure('engine: Monte Carlo, 1,000 replications, engine loaded through tsx (as the CLI does)', () => viaTsx.monteCarlo(tsxInput, { replications: 1000, seed: ++seed }), { runs: 9, warmup: 3 }));
    return entries;
  },
};

// The helper worker, as the app's (renderer/src/sim/worker.ts on 'serveParts'): loads band-split bundled as
// the app bundles it and serves the part and merge requests arriving on the port it is given.
const HELPER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.bandSplitUrl).then((bandSplit) => {
  bandSplit.servePartsOn(workerData.port);
  parentPort.postMessage('ready');
});
`;

/**
 * Time a 1,000-replication Monte Carlo on both cores the way the app's band workers share it: this thread
 * stands for the band worker and one node worker thread for its helper, joined by a MessageChannel, and the
 * run is the app's own splitMonteCarlo (renderer/src/sim/band-split.ts, bundled as the app bundles it): half
 * the replications on each side, the parts' values handed over (transferred, not copied), the merge shared
 * by series, the bands joined. The helper is started and warmed before timing, as the app's is. CPU is the
 * whole process's (both threads), so about twice the wall time when both cores are free.
 */
async function measureOnBothCores(input: SimInput, log: (line: string) => void): Promise<Entry> {
  const name = "engine: Monte Carlo, 1,000 replications on both cores, as the app's band workers split it";
  const outDir = mkdtempSync(join(tmpdir(), 'momentum-bench-band-split-'));
  let worker: Worker | undefined;
  let port: MessagePort | undefined;
  try {
    // Both threads load the same file (the worker needs one on disk).
    const bandSplitUrl = await bundleAsApp('renderer/src/sim/band-split.ts', outDir);
    const bandSplit = (await import(bandSplitUrl)) as BandSplitModule;
    const channel = new MessageChannel();
    port = channel.port1;
    const helper = bandSplit.createPortHelper(channel.port1 as unknown as PortLike);
    const w = new Worker(HELPER_SOURCE, { eval: true, workerData: { bandSplitUrl, port: channel.port2 }, transferList: [channel.port2] });
    worker = w;
    await new Promise<void>((resolve, reject) => {
      w.once('message', () => resolve());
      w.once('error', reject);
    });
    let failure: Error | undefined;
    w.on('error', (err) => {
      failure = err;
      helper.fail(err.message);
    });
    let seed = 1000;
    const once = async (): Promise<void> => {
      await bandSplit.splitMonteCarlo(input, { replications: 1000, seed: ++seed }, [helper]);
      if (failure) throw failure;
    };
    for (let i = 0; i < 5; i++) await once();
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 21; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await once();
      const t1 = performance.now();
      const c1 = process.cpuUsage(c0);
      wall.push(t1 - t0);
      cpu.push((c1.user + c1.system) / 1000);
    }
    return entryOf(name, 'ms', wall, { limit: 50, on: 'median' }, cpu);
  } catch (err) {
    log(`${name}: not measured (${err instanceof Error ? err.message : String(err)})`);
    throw err;
  } finally {
    port?.close();
    await worker?.terminate();
    rmSync(outDir, { recursive: true, force: true });
  }
}
