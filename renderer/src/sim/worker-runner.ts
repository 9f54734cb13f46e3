import {
  CANCELLED, simulateExpected, type AssumptionSensitivity, type MonteCarloResult, type RunResult, type SensitivityResult, type SimRunner,
} from '../../../engine';
import type { WorkerProgress, WorkerRequest, WorkerResponse } from './protocol';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: (done: number, total: number) => void };
type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Lane {
  call<T>(body: RequestBody, onProgress?: (done: number, total: number) => void, transfer?: Transferable[]): Promise<T>;
  /** Call `listener` if the worker fails outside any request (it failed to load, or threw uncaught). */
  onFailure(listener: (message: string) => void): void;
  /** Stop the worker mid-request, rejecting what it owes with `reason`; the next call starts a fresh one. */
  restart(reason: string): void;
  dispose(): void;
}

/** Create a lane: one worker (started on first use) and the requests awaiting its replies. */
function createLane(onStart?: (lane: Lane) => void): Lane {
  let worker: Worker | null = null;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const failureListeners: ((message: string) => void)[] = [];
  // Created on first use, so a lane nobody calls costs nothing.
  const ensure = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<WorkerResponse | WorkerProgress>) => {
      const msg = event.data;
      const p = pending.get(msg.id);
      if (!p) return;
      if ('progress' in msg) {
        p.onProgress?.(msg.progress[0], msg.progress[1]);
        return;
      }
      pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(msg.error));
    };
    w.onerror = (event) => {
      const error = new Error(`Simulation worker failed: ${event.message}`);
      for (const p of pending.values()) p.reject(error);
      pending.clear();
      for (const listener of failureListeners) listener(error.message);
    };
    worker = w;
    onStart?.(lane);
    return w;
  };
  const lane: Lane = {
    call<T>(body: RequestBody, onProgress?: (done: number, total: number) => void, transfer: Transferable[] = []): Promise<T> {
      const id = nextId++;
      const w = ensure();
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
        w.postMessage({ ...body, id } as WorkerRequest, transfer);
      });
    },
    onFailure(listener) {
      failureListeners.push(listener);
    },
    restart(reason) {
      worker?.terminate();
      worker = null;
      for (const p of pending.values()) p.reject(new Error(reason));
      pending.clear();
    },
    dispose() {
      lane.restart('The simulation runner was closed.');
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
 * Create the band lane: a worker that takes Monte Carlo and sensitivity requests and, for a Monte Carlo,
 * runs one share of the replications itself while helper workers run the others; the helpers post their
 * parts to it over message ports (transferred, not copied) and it merges them, so the main thread only
 * ever sees the finished result, as from a single worker.
 */
function createBandLane(helpers: number): { lane: Lane; dispose(): void } {
  const helperLanes: Lane[] = [];
  const lane = createLane((band) => {
    for (let i = 0; i < helpers; i++) {
      const helper = createLane();
      helperLanes.push(helper);
      const channel = new MessageChannel();
      // The set-up replies carry nothing; a failure here also shows as the band requests' errors.
      void helper.call({ op: 'serveParts', port: channel.port2 }, undefined, [channel.port2]).catch(() => undefined);
      void band.call({ op: 'attachHelper', port: channel.port1 }, undefined, [channel.port1]).catch(() => undefined);
      // A helper that dies would leave the band worker waiting for its part for ever: tell it.
      helper.onFailure((message) => void band.call({ op: 'helperLost', reason: message }).catch(() => undefined));
    }
  });
  return {
    lane,
    dispose() {
      lane.dispose();
      for (const h of helperLanes) h.dispose();
      helperLanes.length = 0;
    },
  };
}

/**
 * Create a runner that runs the engine in Web Workers. Expected-value runs get their own worker, so they
 * never wait behind a Monte Carlo or sensitivity batch: the baseline, pins, and the live run of a scenario
 * too slow to run on the main thread. Monte Carlo runs are shared between the band worker and its helpers
 * (createBandLane). `expectedSync` runs the engine on the calling thread: the live scheduler uses it for
 * the current settings while their runs stay quick (live-scheduler.ts, inline-expected.ts).
 */
export function createWorkerRunner(): SimRunner {
  const interactive = createLane();
  const bands = createBandLane(helperCount(typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency));
  const batch = bands.lane;
  // Assumption screenings run for seconds to minutes: they get a worker of their own, so that the bands never
  // wait behind one, and cancelling one stops that worker (a worker busy in the engine reads no message).
  const analysis = createLane();
  return {
    expected: (input) => interactive.call<RunResult>({ op: 'expected', input }),
    expectedSync: (input) => simulateExpected(input),
    simulate: (input, seed, opts) => interactive.call<RunResult>({ op: 'simulate', input, seed, uncertainty: opts?.uncertainty ?? 'noise' }),
    monteCarlo: (input, { onProgress, ...opts }) => batch.call<MonteCarloResult>({ op: 'monteCarlo', input, opts, progress: Boolean(onProgress) }, onProgress),
    sensitivity: (input, { onProgress, ...opts }) => batch.call<SensitivityResult>({ op: 'sensitivity', input, opts, progress: Boolean(onProgress) }, onProgress),
    assumptionSensitivity: (input, { onProgress, signal, ...opts }) => {
      if (signal?.aborted) return Promise.reject(new Error(CANCELLED));
      let settled = false;
      const result = analysis.call<AssumptionSensitivity>({ op: 'assumptionSensitivity', input, opts, progress: Boolean(onProgress) }, onProgress);
      // A signal that aborts after its screening ended must not stop a later one.
      signal?.addEventListener('abort', () => settled || analysis.restart(CANCELLED), { once: true });
      return result.finally(() => {
        settled = true;
      });
    },
    dispose: () => {
      interactive.dispose();
      bands.dispose();
      analysis.dispose();
    },
  };
}
