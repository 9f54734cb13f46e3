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
    dispose: () => undefined,
  };
}
