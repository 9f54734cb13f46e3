import { attachHelper, laneRunner, rpcClient, webPort, type RpcClient, type RunnerMethods } from '../../../engine/parallel';
import type { SimRunner } from '../../../engine';

/** One Web Worker serving the engine's runner (worker.ts), started on first use, and its RPC client. */
interface Lane {
  client(): RpcClient<RunnerMethods>;
  /** Call `listener` if the worker fails outside any call (it failed to load, or threw uncaught). */
  onFailure(listener: (message: string) => void): void;
  dispose(): void;
}

/** Create a lane: one worker (started on first use) and the calls awaiting its replies. */
function createLane(onStart?: (lane: Lane) => void): Lane {
  let worker: Worker | null = null;
  let current: RpcClient<RunnerMethods> | null = null;
  const failureListeners: ((message: string) => void)[] = [];
  const lane: Lane = {
    // Created on first use, so a lane nobody calls costs nothing.
    client() {
      if (current) return current;
      const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
      const client = rpcClient<RunnerMethods>(webPort(w));
      w.onerror = (event) => {
        const message = `Simulation worker failed: ${event.message}`;
        client.rejectWaiting(message);
        for (const listener of failureListeners) listener(message);
      };
      worker = w;
      current = client;
      onStart?.(lane);
      return client;
    },
    onFailure(listener) {
      failureListeners.push(listener);
    },
    dispose() {
      worker?.terminate();
      worker = null;
      current?.rejectWaiting('The simulation runner was closed.');
      current = null;
    },
  };
  return lane;
}

/**
 * How many helper workers share the replications of a Monte Carlo with the band worker: two fewer than the
 * cores, at most three. The main thread (the live expected run, React, chart.js) keeps a core and the band
 * worker takes one, so on two cores there is no helper: there a helper only competes with the main thread
 * and its own band worker, and a 1,000-replication band shared with one took longer than the band worker
 * alone, with a longer tail (docs/PERFORMANCE.md). Each worker also holds its own copy of the engine.
 */
export function helperCount(cores: number | undefined): number {
  return Math.max(0, Math.min(3, (cores && Number.isFinite(cores) ? Math.floor(cores) : 2) - 2));
}

/**
 * Create the band lane: a worker that takes Monte Carlo and sensitivity calls and, for a Monte Carlo,
 * runs one share of the replications itself while helper workers run the others; the helpers post their
 * parts to it over message ports (transferred, not copied) and it merges them, so the main thread only
 * ever sees the finished result, as from a single worker.
 */
function createBandLane(helpers: number): Lane {
  const helperLanes: Lane[] = [];
  const band = createLane((started) => {
    for (let i = 0; i < helpers; i++) {
      const helper = createLane();
      helperLanes.push(helper);
      const lost = attachHelper(started.client(), helper.client(), () => new MessageChannel());
      // A helper that dies would leave the band worker waiting for its part for ever: tell it.
      helper.onFailure(lost);
    }
  });
  return {
    client: () => band.client(),
    onFailure: (listener) => band.onFailure(listener),
    dispose() {
      band.dispose();
      for (const h of helperLanes) h.dispose();
      helperLanes.length = 0;
    },
  };
}

/**
 * Create a runner that runs the engine in Web Workers, the engine's lane runner (engine/parallel).
 * Expected-value runs get their own worker, so they never wait behind a Monte Carlo or sensitivity batch:
 * the baseline, pins, and the live run of a scenario too slow to run on the main thread. Monte Carlo runs
 * are shared between the band worker and its helpers (createBandLane). `expectedSync` runs the engine on
 * the calling thread: the live scheduler uses it for the current settings while their runs stay quick
 * (live-scheduler.ts, inline-expected.ts).
 */
export function createWorkerRunner(): SimRunner {
  const interactive = createLane();
  const bands = createBandLane(helperCount(typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency));
  // Assumption screenings run for seconds to minutes: they get a worker of their own, so that the bands never
  // wait behind one, and cancelling one stops that worker (the next screening starts a fresh one).
  const analysis = createLane();
  return laneRunner({
    interactive: () => interactive.client(),
    batch: () => bands.client(),
    analysis: () => analysis.client(),
    cancelAnalysis: () => analysis.dispose(),
    dispose: () => {
      interactive.dispose();
      bands.dispose();
      analysis.dispose();
    },
  });
}
