/**
 * Fan simulation tasks out to worker threads. Every task carries its own seed, and results
 * are stored by task index, so the output is identical whatever the number of workers; with
 * one worker (or one task) everything runs on the main thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createInProcessRunner, evaluateTask, type KpiSummary, type SimTask } from '../engine';

/** A task sent to a worker. */
export interface WorkerRequest {
  readonly index: number;
  readonly task: SimTask;
}

/** A worker's answer: the summary, or the error it hit. */
export type WorkerReply = { readonly index: number; readonly summary: KpiSummary } | { readonly index: number; readonly error: string };

/** How to run a batch of tasks. */
export interface PoolOptions {
  /** Worker threads to use (1 runs on the main thread); undefined chooses by the size of the job. */
  readonly workers: number | undefined;
  /** Called after each finished task with the count done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Return the number of cores the machine offers. */
export function coreCount(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Below this many replications in total a job runs on the main thread when no worker count is
 * given: starting a worker (loading the model through tsx) costs about as much as simulating
 * a few thousand replications, so small jobs would only get slower.
 */
export const AUTO_PARALLEL_MIN_REPLICATIONS = 5000;

/** Return the workers to use: as requested, or every core for a large job and 1 for a small one. */
export function workersFor(tasks: readonly SimTask[], requested: number | undefined): number {
  if (requested !== undefined) return requested;
  const replications = tasks.reduce((n, t) => n + (t.method === 'monte-carlo' ? t.replications : 1), 0);
  return replications >= AUTO_PARALLEL_MIN_REPLICATIONS ? coreCount() : 1;
}

const WORKER_ENTRY = new URL('./bin/worker.mjs', import.meta.url);

/** Simulate every task and return the KPI summaries in task order. */
export async function evaluateAll(tasks: readonly SimTask[], opts: PoolOptions): Promise<KpiSummary[]> {
  const workers = Math.min(Math.max(1, Math.floor(workersFor(tasks, opts.workers))), tasks.length);
  if (workers <= 1) return evaluateInProcess(tasks, opts);
  return evaluateInWorkers(tasks, workers, opts);
}

async function evaluateInProcess(tasks: readonly SimTask[], opts: PoolOptions): Promise<KpiSummary[]> {
  const runner = createInProcessRunner();
  const out: KpiSummary[] = [];
  for (const task of tasks) {
    out.push(await evaluateTask(task, runner));
    opts.onProgress?.(out.length, tasks.length);
  }
  return out;
}

function evaluateInWorkers(tasks: readonly SimTask[], count: number, opts: PoolOptions): Promise<KpiSummary[]> {
  return new Promise((resolve, reject) => {
    const results: (KpiSummary | undefined)[] = new Array<KpiSummary | undefined>(tasks.length);
    const pool: Worker[] = [];
    let next = 0;
    let done = 0;
    let settled = false;

    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of pool) void w.terminate();
      if (err) reject(err);
      else resolve(results as KpiSummary[]);
    };
    const feed = (w: Worker) => {
      if (next >= tasks.length) return;
      const index = next++;
      w.postMessage({ index, task: tasks[index]! } satisfies WorkerRequest);
    };

    for (let i = 0; i < count; i++) {
      const w = new Worker(WORKER_ENTRY);
      pool.push(w);
      w.on('message', (reply: WorkerReply) => {
        if ('error' in reply) {
          finish(new Error(`a worker failed on task ${reply.index + 1}: ${reply.error}`));
          return;
        }
        results[reply.index] = reply.summary;
        done++;
        opts.onProgress?.(done, tasks.length);
        if (done === tasks.length) finish();
        else feed(w);
      });
      w.on('error', (err) => finish(err));
      w.on('exit', (code) => {
        if (!settled && code !== 0) finish(new Error(`a worker thread stopped with code ${code}`));
      });
      feed(w);
    }
  });
}
