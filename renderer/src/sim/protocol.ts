import type { MonteCarloOptions, MonteCarloResult, RunResult, SensitivityOptions, SensitivityResult, SimInput } from '../../../engine';

/** A request from the UI thread to the simulation worker. */
export type WorkerRequest =
  | { readonly id: number; readonly op: 'expected'; readonly input: SimInput }
  | { readonly id: number; readonly op: 'simulate'; readonly input: SimInput; readonly seed: number }
  | { readonly id: number; readonly op: 'monteCarlo'; readonly input: SimInput; readonly opts: Omit<MonteCarloOptions, 'onProgress'>; readonly progress?: boolean }
  | { readonly id: number; readonly op: 'sensitivity'; readonly input: SimInput; readonly opts: Omit<SensitivityOptions, 'onProgress'>; readonly progress?: boolean };

/** Progress of a request that asked for it (`progress: true`): sent before the reply, any number of times. */
export interface WorkerProgress {
  readonly id: number;
  readonly progress: readonly [done: number, total: number];
}

/** The worker's reply to one request. */
export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly result: RunResult | MonteCarloResult | SensitivityResult }
  | { readonly id: number; readonly ok: false; readonly error: string };
