import type {
  AssumptionSensitivity, AssumptionSensitivityOptions, MonteCarloOptions, MonteCarloResult, RunResult, SensitivityOptions, SensitivityResult, SimInput,
} from '../../../engine';

/** A request from the UI thread to a simulation worker. */
export type WorkerRequest =
  | { readonly id: number; readonly op: 'expected'; readonly input: SimInput }
  | { readonly id: number; readonly op: 'simulate'; readonly input: SimInput; readonly seed: number; readonly uncertainty: 'noise' | 'all' }
  | { readonly id: number; readonly op: 'monteCarlo'; readonly input: SimInput; readonly opts: Omit<MonteCarloOptions, 'onProgress'>; readonly progress?: boolean }
  | { readonly id: number; readonly op: 'sensitivity'; readonly input: SimInput; readonly opts: Omit<SensitivityOptions, 'onProgress'>; readonly progress?: boolean }
  | { readonly id: number; readonly op: 'assumptionSensitivity'; readonly input: SimInput; readonly opts: Omit<AssumptionSensitivityOptions, 'onProgress'>; readonly progress?: boolean }
  /** Share Monte Carlo replications with the helper worker at the other end of `port` (sent once, at start). */
  | { readonly id: number; readonly op: 'attachHelper'; readonly port: MessagePort }
  /** Become a helper: run the Monte Carlo parts requested on `port` (sent once, at start). */
  | { readonly id: number; readonly op: 'serveParts'; readonly port: MessagePort }
  /** The helper worker attached earlier is gone: fail the parts awaited from it and stop sharing. */
  | { readonly id: number; readonly op: 'helperLost'; readonly reason: string };

/** Progress of a request that asked for it (`progress: true`): sent before the reply, any number of times. */
export interface WorkerProgress {
  readonly id: number;
  readonly progress: readonly [done: number, total: number];
}

/** The worker's reply to one request (`result` is null for the set-up requests). */
export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly result: RunResult | MonteCarloResult | SensitivityResult | AssumptionSensitivity | null }
  | { readonly id: number; readonly ok: false; readonly error: string };

