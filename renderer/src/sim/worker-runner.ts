import type { MonteCarloResult, RunResult, SensitivityResult, SimRunner } from '../../../engine';
import type { WorkerProgress, WorkerRequest, WorkerResponse } from './protocol';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: (done: number, total: number) => void };
type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Lane {
  call<T>(body: RequestBody, onProgress?: (done: number, total: number) => void): Promise<T>;
  dispose(): void;
}

function createLane(): Lane {
  let worker: Worker | null = null;
  const pending = new Map<number, Pending>();
  let nextId = 1;
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
    };
    worker = w;
    return w;
  };
  return {
    call<T>(body: RequestBody, onProgress?: (done: number, total: number) => void): Promise<T> {
      const id = nextId++;
      const w = ensure();
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
        w.postMessage({ ...body, id } as WorkerRequest);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      for (const p of pending.values()) p.reject(new Error('The simulation runner was closed.'));
      pending.clear();
    },
  };
}

/**
 * Create a runner that runs the engine in Web Workers. Expected-value runs (one per animation
 * frame while a lever is dragged) get their own worker, so they never wait behind a Monte Carlo
 * or sensitivity batch that can take a second or more.
 */
export function createWorkerRunner(): SimRunner {
  const interactive = createLane();
  const batch = createLane();
  return {
    expected: (input) => interactive.call<RunResult>({ op: 'expected', input }),
    simulate: (input, seed) => interactive.call<RunResult>({ op: 'simulate', input, seed }),
    monteCarlo: (input, { onProgress, ...opts }) => batch.call<MonteCarloResult>({ op: 'monteCarlo', input, opts, progress: Boolean(onProgress) }, onProgress),
    sensitivity: (input, { onProgress, ...opts }) => batch.call<SensitivityResult>({ op: 'sensitivity', input, opts, progress: Boolean(onProgress) }, onProgress),
    dispose: () => {
      interactive.dispose();
      batch.dispose();
    },
  };
}
