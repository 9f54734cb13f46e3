import { assumptionSensitivity, type AssumptionSensitivity, type AssumptionSensitivityOptions } from './assumption-sensitivity';
import { monteCarlo } from './montecarlo';
import { sensitivity } from './sensitivity';
import { simulate, simulateExpected } from './simulate';
import type { Uncertainty } from './assumptions';
import type { MonteCarloResult, RunResult, SensitivityResult, SimInput } from './types';

/** Options for a Monte Carlo request. */
export interface MonteCarloOptions {
  readonly replications: number;
  readonly seed: number;
  /** Called with (done, total) as replications finish (in-process only; a worker cannot pass functions). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Ids of the series whose bands are wanted; default every series (see MonteCarloRunOptions.series). */
  readonly series?: readonly string[];
  /** 'noise' (default) or 'all' (see MonteCarloRunOptions.uncertainty). */
  readonly uncertainty?: Uncertainty;
}

/** Options for a sensitivity request. */
export interface SensitivityOptions {
  readonly kpi: string;
  readonly seed: number;
  readonly replications: number;
  /** Called with (levers done, levers in all) as each lever finishes; the worker runner relays it from its worker. */
  readonly onProgress?: (done: number, total: number) => void;
  /** 'noise' (default) or 'all', as for a Monte Carlo. */
  readonly uncertainty?: Uncertainty;
  /** 'plausible' (default) or 'full' lever ranges (see SensitivityRunOptions.range). */
  readonly range?: 'plausible' | 'full';
}

/**
 * A signal that a long request is no longer wanted: the DOM's and Node's AbortSignal fit it. The engine's
 * layer has neither type, so it names only what a runner reads.
 */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { readonly once?: boolean }): void;
}

/** Options for an assumption screening: those of assumptionSensitivity, and a way to stop it. */
export interface AssumptionSensitivityRequest extends AssumptionSensitivityOptions {
  /** When it aborts, the runner stops the work where it can and the promise rejects with the error 'Cancelled.'. */
  readonly signal?: CancelSignal;
}

/** The message of the error a cancelled request rejects with. */
export const CANCELLED = 'Cancelled.';

/**
 * One way to run the engine. The in-process runner serves tests and the command line's small runs;
 * the lane runner (engine/parallel/runner.ts) implements the same interface over workers: the app's
 * Web Workers (renderer/src/sim/worker-runner.ts) and the command line's threads (cli/runner.ts).
 */
export interface SimRunner {
  expected(input: SimInput): Promise<RunResult>;
  /**
   * The expected-value run computed on the calling thread and returned at once, for a runner that can
   * offer it (throws the engine's error). The live views use it to draw a lever's run in the same task
   * as the lever's move; `expected` is the way that never blocks the caller.
   */
  expectedSync?(input: SimInput): RunResult;
  /** One seeded replication; with uncertainty 'all', replication 0's assumptions too (simulate's option). */
  simulate(input: SimInput, seed: number, opts?: { readonly uncertainty?: Uncertainty }): Promise<RunResult>;
  monteCarlo(input: SimInput, opts: MonteCarloOptions): Promise<MonteCarloResult>;
  sensitivity(input: SimInput, opts: SensitivityOptions): Promise<SensitivityResult>;
  /** Which assumptions move a KPI most (Morris μ*, assumption-sensitivity.ts); a long run, so it can be cancelled. */
  assumptionSensitivity(input: SimInput, opts: AssumptionSensitivityRequest): Promise<AssumptionSensitivity>;
  dispose(): void;
}

/** Create a runner that calls the engine on the current thread. */
export function createInProcessRunner(): SimRunner {
  return {
    expected: async (input) => simulateExpected(input),
    expectedSync: (input) => simulateExpected(input),
    simulate: async (input, seed, opts) => simulate(input, seed, opts),
    monteCarlo: async (input, opts) => monteCarlo(input, opts),
    sensitivity: async (input, opts) => sensitivity(input, opts),
    // On this thread the screening runs to its end once started; a signal already aborted stops it before.
    assumptionSensitivity: async (input, { signal, ...opts }) => {
      if (signal?.aborted) throw new Error(CANCELLED);
      return assumptionSensitivity(input, opts);
    },
    dispose: () => undefined,
  };
}
