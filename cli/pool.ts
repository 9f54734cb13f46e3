/**
 * Fan jobs (cli/job.ts) out to worker threads. Each worker gets a job once, then batches that are only
 * ranges of its units, two in flight so that it never waits for its next; results come back packed in
 * transferred typed arrays and are stored by range, so the output is identical whatever the number of
 * workers. With one worker everything runs on the main thread. A pool can be started before the job is
 * known, so that workers load while the command still reads and checks its input.
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { KpiSummary, SimTask } from '../engine/core';
import { nodePort, rpcClient, type RpcClient } from '../engine/parallel';
import { UnitError, jobSize, runUnits, unitCost, unpackSummaries, type Job, type Payload, type RunReply, type WorkerMethods } from './job';
import { Interrupted, onStop, type StopSignal } from './signals';
import { mark } from './timings';

/** How to run a list of tasks. */
export interface PoolOptions {
  /** Worker threads to use (1 runs on the main thread); undefined chooses by the size of the job. */
  readonly workers: number | undefined;
  /** Called as work finishes with the count of units done so far and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export { Interrupted } from './signals';

/** Return the number of cores the machine offers. */
export function coreCount(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Below this many replications in total a job runs on the main thread alone when no worker count is
 * given. A worker thread costs its start (tens of ms from the bundle) and, above all, compiling the
 * model again in its own isolate: about 0.4 s of CPU, which on a single lane runs on an idle core for
 * free. A second lane only pays once the work itself is larger than that, a few thousand replications.
 */
export const AUTO_PARALLEL_MIN_REPLICATIONS = 5000;

/** Return the workers to use for this many replications in all: as requested, or every core for a large job and 1 for a small one. */
export function workersForReplications(replications: number, requested: number | undefined): number {
  if (requested !== undefined) return requested;
  return replications >= AUTO_PARALLEL_MIN_REPLICATIONS ? coreCount() : 1;
}

/** Return the workers to use for these tasks: as requested, or every core for a large job and 1 for a small one. */
export function workersFor(tasks: readonly SimTask[], requested: number | undefined): number {
  return workersForReplications(tasks.reduce((n, t) => n + (t.method === 'monte-carlo' ? t.replications : 1), 0), requested);
}

/** About this many replications go into one batch: large enough that messages cost little, small enough to balance the load. */
export const BATCH_REPLICATIONS = 100;

/**
 * Return the ranges a job of `size` units, each costing about `cost` replications, is cut into for
 * `lanes` parallel lanes: about BATCH_REPLICATIONS replications per batch, and at least 8 batches per
 * lane when there are enough units, so that the last batches finish close together.
 */
export function planBatches(size: number, cost: number, lanes: number): { from: number; to: number }[] {
  return planBatchesIn(0, size, cost, lanes);
}

/** Return the batches of units [start, end) as {@link planBatches} cuts a job of that many units. */
export function planBatchesIn(start: number, end: number, cost: number, lanes: number): { from: number; to: number }[] {
  const size = Math.max(0, end - start);
  const byCost = Math.max(1, Math.floor(BATCH_REPLICATIONS / Math.max(1, cost)));
  const bySpread = Math.max(1, Math.ceil(size / (Math.max(1, lanes) * 8)));
  const per = Math.min(byCost, bySpread);
  const out: { from: number; to: number }[] = [];
  for (let from = start; from < end; from += per) out.push({ from, to: Math.min(end, from + per) });
  return out;
}

/** Which units of a job to compute, and what to do with each batch as it arrives. */
export interface RunOptions {
  /** The batches to compute, in the order their payloads are returned (default: every unit, cut by {@link planBatches}). */
  readonly ranges?: readonly { readonly from: number; readonly to: number }[];
  /** Called with each batch as it finishes (in any order on a pool). */
  readonly onBatch?: (range: { readonly from: number; readonly to: number }, payload: Payload) => void;
}

/** Return the batches a run computes and the units they hold. */
function rangesOf(job: Job, lanes: number, opts: RunOptions): { ranges: readonly { readonly from: number; readonly to: number }[]; total: number } {
  const ranges = opts.ranges ?? planBatches(jobSize(job), unitCost(job), lanes);
  return { ranges, total: ranges.reduce((n, r) => n + r.to - r.from, 0) };
}

/**
 * Return the worker threads' entry (cli/worker.ts): from the TypeScript sources (tsx, vitest) it is loaded
 * through tsx; from the bundle the worker bundle sits next to the command's own (see cli/bin/bundle.mjs).
 */
export const WORKER_ENTRY = import.meta.url.endsWith('.ts') ? new URL('./bin/worker.mjs', import.meta.url) : new URL('./worker.mjs', import.meta.url);

/** Return how a unit is named in an error message. */
function unitName(unit: number): string {
  return `task ${unit + 1}`;
}

/** Worker threads that compute jobs, one job at a time, each called over the engine's RPC (cli/worker.ts). */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly clients: RpcClient<WorkerMethods>[] = [];
  private readyCount = 0;
  private nextJobId = 1;
  private closed = false;
  private failure: Error | undefined;
  /** What the pool does when a worker fails while a job runs. */
  private onFailure: ((err: Error) => void) | undefined;

  /** Start `size` worker threads now; they load the model while the caller goes on. */
  constructor(readonly size: number) {
    mark('workers started');
    useWorkersOwnCompiler();
    for (let i = 0; i < size; i++) {
      const w = new Worker(WORKER_ENTRY);
      const client = rpcClient<WorkerMethods>(nodePort(w));
      this.workers.push(w);
      this.clients.push(client);
      // Answered once the worker has loaded (calls wait in its port until then).
      client.call('ready', null).then(
        () => {
          if (++this.readyCount === this.size) mark('workers ready');
        },
        () => undefined,
      );
      w.on('error', (err) => this.fail(err));
      w.on('exit', (code) => {
        if (!this.closed) this.fail(new Error(`a worker thread stopped with code ${code}`));
      });
    }
  }

  private fail(err: Error): void {
    if (this.closed) return;
    this.failure ??= err;
    this.onFailure?.(err);
    for (const c of this.clients) c.fail(err.message);
  }

  /**
   * Compute every unit of a job across the workers and return the payloads in unit order (one per
   * batch). Rejects with the first failure, or with Interrupted on Ctrl+C or SIGTERM (the pool is closed then).
   */
  run(job: Job, onProgress?: (done: number, total: number) => void, opts: RunOptions = {}): Promise<Payload[]> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    if (this.failure) return Promise.reject(this.failure);
    if (this.onFailure) return Promise.reject(new Error('the worker pool is already running a job'));
    const { ranges, total } = rangesOf(job, this.size, opts);
    if (ranges.length === 0) return Promise.resolve([]);
    return new Promise<Payload[]>((resolve, reject) => {
      const id = this.nextJobId++;
      const results = new Array<Payload | undefined>(ranges.length);
      const inFlight = this.workers.map(() => 0);
      const knows = this.workers.map(() => false);
      let next = 0;
      let received = 0;
      let done = 0;
      let settled = false;

      const settle = (err?: Error) => {
        if (settled) return;
        settled = true;
        stopListening();
        this.onFailure = undefined;
        if (err) {
          this.close();
          reject(err);
          return;
        }
        mark('compute finished', true);
        for (let i = 0; i < this.size; i++) if (knows[i]) this.clients[i]!.notify('forget', { id });
        resolve(results as Payload[]);
      };
      let stopListening = () => undefined as void;
      const arrived = (index: number, payload: Payload) => {
        results[index] = payload;
        received++;
        opts.onBatch?.(ranges[index]!, payload);
        done += ranges[index]!.to - ranges[index]!.from;
        onProgress?.(done, total);
        if (received === ranges.length) settle();
      };
      const answered = (i: number, index: number, reply: RunReply) => {
        if (settled) return;
        if (!reply.ok) {
          settle(new Error(`${unitName(reply.unit)} failed in a worker thread: ${reply.message}`));
          return;
        }
        inFlight[i]!--;
        arrived(index, reply.payload);
        if (!settled) feed(i);
      };
      const feed = (i: number) => {
        const client = this.clients[i]!;
        while (inFlight[i]! < 2 && next < ranges.length) {
          if (!knows[i]) {
            client.notify('job', { id, job });
            knows[i] = true;
          }
          const index = next++;
          const r = ranges[index]!;
          client.call('run', { id, from: r.from, to: r.to }).then(
            (reply) => answered(i, index, reply),
            (err: unknown) => settle(err instanceof Error ? err : new Error(String(err))),
          );
          inFlight[i]!++;
        }
      };
      this.onFailure = (err) => settle(err);
      stopListening = onStop((signal) => settle(new Interrupted(signal)));
      mark('compute started', true);
      for (let i = 0; i < this.size; i++) feed(i);
    });
  }

  /** Stop every worker (safe to call more than once). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.workers) {
      // The process need not wait for the threads to wind down: their work is done or abandoned.
      w.unref();
      void w.terminate();
    }
  }
}

/**
 * Compute every unit of a job on the main thread, a batch at a time, yielding between batches so
 * that Ctrl+C is heard. Returns the payloads in unit order.
 */
export async function runInProcess(job: Job, onProgress?: (done: number, total: number) => void, opts: RunOptions = {}): Promise<Payload[]> {
  const { ranges, total } = rangesOf(job, 1, opts);
  let interrupted: StopSignal | undefined;
  const stopListening = onStop((signal) => (interrupted ??= signal));
  mark('compute started', true);
  try {
    const out: Payload[] = [];
    let done = 0;
    for (const r of ranges) {
      if (interrupted) throw new Interrupted(interrupted);
      let payload: Payload;
      try {
        payload = runUnits(job, r.from, r.to);
      } catch (err) {
        if (err instanceof UnitError) throw new Error(`${unitName(err.unit)} failed: ${err.message}`);
        throw err;
      }
      out.push(payload);
      opts.onBatch?.(r, payload);
      done += r.to - r.from;
      onProgress?.(done, total);
      if (ranges.length > 1) await new Promise((resolve) => setImmediate(resolve));
    }
    if (interrupted) throw new Interrupted(interrupted);
    mark('compute finished', true);
    return out;
  } finally {
    stopListening();
  }
}

/** Compute a job on the pool when one is given, else on the main thread. */
export function runJob(job: Job, pool: WorkerPool | undefined, onProgress?: (done: number, total: number) => void, opts: RunOptions = {}): Promise<Payload[]> {
  return pool ? pool.run(job, onProgress, opts) : runInProcess(job, onProgress, opts);
}

/** Return a pool of `workers` threads, or undefined when one (the main thread) is all that is wanted. */
export function startPool(workers: number): WorkerPool | undefined {
  const n = Math.max(1, Math.floor(workers));
  return n > 1 ? new WorkerPool(n) : undefined;
}

/**
 * Have V8 compile the model in each worker on that worker's own thread rather than on its shared
 * background threads. With one lane, that background compiling runs on an idle core for free; with a
 * worker on every core it competes with them and costs more CPU than compiling in place (a 10,000-run
 * sweep on 2 workers: 1.36 s against 1.75 s, docs/PERFORMANCE.md). Set before the workers' isolates
 * exist; results never depend on it. MOMENTUM_CONCURRENT_JIT=1 keeps V8's default.
 */
export function useWorkersOwnCompiler(env: NodeJS.ProcessEnv = process.env): void {
  if (env.MOMENTUM_CONCURRENT_JIT !== '1') setFlagsFromString('--no-concurrent-recompilation');
}

/** Return the KPI summaries of a task-list or grid job, in unit order. */
export async function evaluateJob(job: Job, pool: WorkerPool | undefined, onProgress?: (done: number, total: number) => void): Promise<KpiSummary[]> {
  const payloads = await runJob(job, pool, onProgress);
  return payloads.flatMap(unpackSummaries);
}

/** Simulate every task and return the KPI summaries in task order. */
export async function evaluateAll(tasks: readonly SimTask[], opts: PoolOptions): Promise<KpiSummary[]> {
  const workers = Math.min(Math.max(1, Math.floor(workersFor(tasks, opts.workers))), tasks.length);
  const pool = startPool(workers);
  try {
    return await evaluateJob({ kind: 'tasks', tasks }, pool, opts.onProgress);
  } finally {
    pool?.close();
  }
}
