import type { MonteCarloResult, RunResult, SensitivityResult, SimRunner } from '../../../engine';
import type { WorkerRequest, WorkerResponse } from './protocol';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** Create a runner that runs the engine in a dedicated Web Worker. */
export function createWorkerRunner(): SimRunner {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const msg = event.data;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(new Error(msg.error));
  };
  worker.onerror = (event) => {
    const error = new Error(`Simulation worker failed: ${event.message}`);
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  function call<T>(body: RequestBody): Promise<T> {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...body, id } as WorkerRequest);
    });
  }
  return {
    expected: (input) => call<RunResult>({ op: 'expected', input }),
    simulate: (input, seed) => call<RunResult>({ op: 'simulate', input, seed }),
    monteCarlo: (input, opts) => call<MonteCarloResult>({ op: 'monteCarlo', input, opts }),
    sensitivity: (input, opts) => call<SensitivityResult>({ op: 'sensitivity', input, opts }),
    dispose: () => worker.terminate(),
  };
}
