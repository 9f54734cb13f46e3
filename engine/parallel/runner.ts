/**
 * A SimRunner (engine/runner.ts) whose work runs in workers reached through Ports: the app's Web Workers
 * and the command line's worker threads are both this runner. A worker serves RunnerMethods
 * (`serveRunner`); the caller holds two lanes, one for expected and seeded runs and one for Monte Carlo and
 * sensitivity batches (`laneRunner`), which may be the same worker. The batch worker shares a Monte Carlo
 * with helper workers attached to it over message ports (`attachHelper`, `serveParts`), so the caller
 * only ever sees the finished result, as from one worker, its typed arrays transferred rather than copied.
 */
import type { Uncertainty } from '../assumptions';
import { assumptionSensitivity, type AssumptionSensitivity, type AssumptionSensitivityOptions } from '../assumption-sensitivity';
import { CANCELLED, type MonteCarloOptions, type SensitivityOptions, type SimRunner } from '../runner';
import { sensitivity } from '../sensitivity';
import { simulate, simulateExpected } from '../simulate';
import type { MonteCarloResult, RunResult, SensitivityResult, SimInput } from '../types';
import type { Port, Transferable } from './port';
import { serveRpc, type Method, type RpcClient } from './rpc';
import { partHelper, serveParts, splitMonteCarlo, type PortHelper } from './split';

/** What a runner's worker serves. `port` is the worker's end of a message channel, moved to it. */
export type RunnerMethods = {
  readonly expected: Method<{ readonly input: SimInput }, RunResult>;
  readonly simulate: Method<{ readonly input: SimInput; readonly seed: number; readonly uncertainty: Uncertainty }, RunResult>;
  readonly monteCarlo: Method<{ readonly input: SimInput; readonly opts: Omit<MonteCarloOptions, 'onProgress'> }, MonteCarloResult>;
  readonly sensitivity: Method<{ readonly input: SimInput; readonly opts: Omit<SensitivityOptions, 'onProgress'> }, SensitivityResult>;
  readonly assumptionSensitivity: Method<{ readonly input: SimInput; readonly opts: Omit<AssumptionSensitivityOptions, 'onProgress'> }, AssumptionSensitivity>;
  /** Share Monte Carlo replications with the helper worker at the other end of `port` (sent once, at start). */
  readonly attachHelper: Method<{ readonly port: Transferable }, null>;
  /** Become a helper: run the Monte Carlo parts requested on `port` (sent once, at start). */
  readonly serveParts: Method<{ readonly port: Transferable }, null>;
  /** The helpers attached earlier are gone: fail the parts awaited from them and stop sharing. */
  readonly helperLost: Method<{ readonly reason: string }, null>;
};

/**
 * Serve a runner's calls arriving on `port`, one at a time in order: most finish inside the message
 * handler; a Monte Carlo shared with helpers finishes when their parts arrive, and calls arriving meanwhile
 * wait their turn, so that a quick band estimate is not held up behind this thread's share of a full run
 * sent after it. `open` turns a message port moved to this worker into a Port (webPort or nodePort).
 */
export function serveRunner(port: Port, open: (endpoint: Transferable) => Port): void {
  let helpers: PortHelper[] = [];
  serveRpc<RunnerMethods>(
    port,
    {
      expected: ({ input }) => simulateExpected(input),
      simulate: ({ input, seed, uncertainty }) => simulate(input, seed, { uncertainty }),
      monteCarlo: ({ input, opts }, { progress }) => splitMonteCarlo(input, { ...opts, onProgress: progress }, helpers),
      sensitivity: ({ input, opts }, { progress }) => sensitivity(input, { ...opts, onProgress: progress }),
      assumptionSensitivity: ({ input, opts }, { progress }) => assumptionSensitivity(input, { ...opts, onProgress: progress }),
      attachHelper: ({ port: end }) => {
        helpers.push(partHelper(open(end)));
        return null;
      },
      serveParts: ({ port: end }) => {
        serveParts(open(end));
        return null;
      },
      helperLost: ({ reason }) => {
        for (const h of helpers) h.fail(reason);
        helpers = [];
        return null;
      },
    },
    { serial: true },
  );
}

/** The workers a lane runner calls: each started on first use, and all stopped by `dispose`. */
export interface RunnerLanes {
  /** The worker for expected and seeded runs. */
  interactive(): RpcClient<RunnerMethods>;
  /** The worker for Monte Carlo and sensitivity batches (it shares Monte Carlo runs with its helpers). */
  batch(): RpcClient<RunnerMethods>;
  /**
   * The worker for assumption screenings, which run for seconds to minutes (default: the batch worker). With
   * `cancelAnalysis`, a cancelled screening stops that worker (a worker busy in the engine reads no message)
   * and the next one starts afresh.
   */
  analysis?(): RpcClient<RunnerMethods>;
  cancelAnalysis?(): void;
  dispose(): void;
}

/**
 * Return a SimRunner over workers serving RunnerMethods. `expectedSync` runs the engine on the calling
 * thread (the live views draw a lever's run with it while the runs stay quick).
 */
export function laneRunner(lanes: RunnerLanes): SimRunner {
  return {
    expected: (input) => lanes.interactive().call('expected', { input }),
    expectedSync: (input) => simulateExpected(input),
    simulate: (input, seed, opts) => lanes.interactive().call('simulate', { input, seed, uncertainty: opts?.uncertainty ?? 'noise' }),
    monteCarlo: (input, { onProgress, ...opts }) => lanes.batch().call('monteCarlo', { input, opts }, [], onProgress),
    sensitivity: (input, { onProgress, ...opts }) => lanes.batch().call('sensitivity', { input, opts }, [], onProgress),
    assumptionSensitivity: (input, { onProgress, signal, ...opts }) => {
      if (signal?.aborted) return Promise.reject(new Error(CANCELLED));
      const result = (lanes.analysis ?? lanes.batch)().call('assumptionSensitivity', { input, opts }, [], onProgress);
      if (!signal) return result;
      return new Promise<AssumptionSensitivity>((resolve, reject) => {
        // A signal that aborts after its screening ended must not stop a later one.
        let settled = false;
        result.then(
          (r) => {
            settled = true;
            resolve(r);
          },
          (e: unknown) => {
            settled = true;
            reject(e);
          },
        );
        signal.addEventListener(
          'abort',
          () => {
            if (settled) return;
            settled = true;
            lanes.cancelAnalysis?.();
            reject(new Error(CANCELLED));
          },
          { once: true },
        );
      });
    },
    dispose: () => lanes.dispose(),
  };
}

/** A message channel's two ends, as the DOM and worker_threads both make them. */
export interface ChannelEnds {
  readonly port1: Transferable;
  readonly port2: Transferable;
}

/**
 * Attach a helper worker to a batch worker: open a channel (`channel()`), make the helper serve parts on
 * one end and the batch worker share its Monte Carlo runs over the other. Returns the call that tells the
 * batch worker its helpers are gone, for when the helper worker fails.
 */
export function attachHelper(batch: RpcClient<RunnerMethods>, helper: RpcClient<RunnerMethods>, channel: () => ChannelEnds): (reason: string) => void {
  const { port1, port2 } = channel();
  // The set-up replies carry nothing; a failure here also shows as the batch calls' errors.
  helper.call('serveParts', { port: port2 }, [port2]).catch(() => undefined);
  batch.call('attachHelper', { port: port1 }, [port1]).catch(() => undefined);
  return (reason) => void batch.call('helperLost', { reason }).catch(() => undefined);
}
