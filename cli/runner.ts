/**
 * The command line's SimRunner (engine/runner.ts), as the app has one (renderer/src/sim/worker-runner.ts):
 * the engine's lane runner (engine/parallel) over worker_threads. One thread takes the calls and shares
 * each Monte Carlo with the others, attached to it as helpers over message ports; results come back with
 * their typed arrays transferred. With one thread the work stays on the main thread, in batches between
 * which Ctrl+C is heard. Either way a Monte Carlo is bit for bit one `monteCarlo` call (SPEC R10).
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import {
  createInProcessRunner, mergeMonteCarlo, monteCarloPart, type MonteCarloOptions, type MonteCarloPart, type MonteCarloResult, type SimInput, type SimRunner,
} from '../engine/core';
import { attachHelper, laneRunner, nodePort, rpcClient, type RpcClient, type RunnerMethods } from '../engine/parallel';
import { WORKER_ENTRY, planBatches, useWorkersOwnCompiler } from './pool';
import { Interrupted, onStop, type StopSignal } from './signals';
import { mark } from './timings';

/** A runner whose work stops, with Interrupted, on Ctrl+C or SIGTERM (its threads stopped). */
export interface CliRunner extends SimRunner {
  /** Threads doing the work (1: the main thread). */
  readonly threads: number;
}

/** What a worker thread is started as: a runner lane (cli/worker.ts reads it from workerData). */
export const RUNNER_ROLE = 'runner';

/** Return a runner over `threads` worker threads, started now so that they load while the caller goes on; one thread runs on this one. */
export function createCliRunner(threads: number): CliRunner {
  const n = Math.max(1, Math.floor(threads));
  return n > 1 ? threadRunner(n) : mainThreadRunner();
}

/** The main-thread runner: the in-process runner, with a Monte Carlo run in batches that Ctrl+C stops between. */
function mainThreadRunner(): CliRunner {
  return { ...createInProcessRunner(), threads: 1, monteCarlo: monteCarloInBatches };
}

/** Run a Monte Carlo on this thread in parts of about a batch each, yielding between them, and merge them. */
async function monteCarloInBatches(input: SimInput, opts: MonteCarloOptions): Promise<MonteCarloResult> {
  const ranges = planBatches(opts.replications, 1, 1);
  let stopped: StopSignal | undefined;
  const stopListening = onStop((signal) => (stopped ??= signal));
  mark('compute started', true);
  try {
    const parts: MonteCarloPart[] = [];
    for (const { from, to } of ranges) {
      if (stopped) throw new Interrupted(stopped);
      parts.push(monteCarloPart(input, { seed: opts.seed, from, to, series: opts.series, uncertainty: opts.uncertainty }));
      opts.onProgress?.(to, opts.replications);
      if (ranges.length > 1) await new Promise((resolve) => setImmediate(resolve));
    }
    if (stopped) throw new Interrupted(stopped);
    const result = mergeMonteCarlo(input, parts);
    mark('compute finished', true);
    return result;
  } finally {
    stopListening();
  }
}

/** One worker thread serving the engine's runner, and its client. */
interface ThreadLane {
  readonly worker: Worker;
  readonly client: RpcClient<RunnerMethods>;
}

function startLane(onFailure: (err: Error) => void, isClosed: () => boolean): ThreadLane {
  const worker = new Worker(WORKER_ENTRY, { workerData: { role: RUNNER_ROLE } });
  const client = rpcClient<RunnerMethods>(nodePort(worker));
  worker.on('error', (err) => onFailure(err));
  worker.on('exit', (code) => {
    if (!isClosed()) onFailure(new Error(`a worker thread stopped with code ${code}`));
  });
  return { worker, client };
}

/**
 * The worker-thread runner: the first thread takes every call (the command line has no UI to keep
 * responsive, so its expected runs need no lane of their own) and the others help it with Monte Carlo runs.
 */
function threadRunner(threads: number): CliRunner {
  mark('workers started');
  useWorkersOwnCompiler();
  let closed = false;
  let failure: Error | undefined;
  const failed: ((err: Error) => void)[] = [];
  const fail = (err: Error) => {
    if (closed) return;
    failure ??= err;
    for (const lane of lanes) lane.client.fail(err.message);
    for (const listener of failed) listener(err);
  };
  const lanes: ThreadLane[] = [];
  for (let i = 0; i < threads; i++) lanes.push(startLane(fail, () => closed));
  const [batch, ...helpers] = lanes;
  for (const helper of helpers) attachHelper(batch!.client, helper.client, () => new MessageChannel() as { port1: MessagePort; port2: MessagePort });
  const close = () => {
    if (closed) return;
    closed = true;
    for (const { worker } of lanes) {
      // The process need not wait for the threads to wind down: their work is done or abandoned.
      worker.unref();
      void worker.terminate();
    }
  };
  const runner = laneRunner({ interactive: () => batch!.client, batch: () => batch!.client, dispose: close });
  /** Run one call; a stop signal or a failed thread ends it (and closes the runner). */
  const guarded = <T>(work: () => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new Error('the simulation runner is closed'));
    if (failure) return Promise.reject(failure);
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const settle = (err: Error | undefined, value?: T) => {
        if (settled) return;
        settled = true;
        stopListening();
        failed.splice(failed.indexOf(onFailure), 1);
        if (err) {
          close();
          reject(err);
        } else resolve(value as T);
      };
      const onFailure = (err: Error) => settle(err);
      failed.push(onFailure);
      const stopListening = onStop((signal) => settle(new Interrupted(signal)));
      work().then((v) => settle(undefined, v), (err: unknown) => settle(err instanceof Error ? err : new Error(String(err))));
    });
  };
  return {
    threads,
    expected: (input) => guarded(() => runner.expected(input)),
    simulate: (input, seed, opts) => guarded(() => runner.simulate(input, seed, opts)),
    monteCarlo: (input, opts) =>
      guarded(async () => {
        mark('compute started', true);
        const result = await runner.monteCarlo(input, opts);
        mark('compute finished', true);
        return result;
      }),
    sensitivity: (input, opts) => guarded(() => runner.sensitivity(input, opts)),
    assumptionSensitivity: (input, opts) => guarded(() => runner.assumptionSensitivity(input, opts)),
    dispose: close,
  };
}
