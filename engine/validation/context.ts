/** The context validation cases run in: memoised Monte Carlo runs with one seed for all (common random numbers). */
import { monteCarlo } from '../montecarlo';
import { simulateExpected } from '../simulate';
import type { KpiDistribution, LeverValues, MonteCarloResult, RunResult, SimInput } from '../types';
import type { PreparedInputs, ValidationContext } from './types';

/** Replications of a validation run unless a case asks for fewer. */
export const VALIDATION_REPLICATIONS = 300;
/** Seed of every validation run. */
export const VALIDATION_SEED = 1;

/** Options of a validation context. */
export interface ValidationContextOptions {
  readonly replications?: number;
  readonly seed?: number;
  /** Called after each run that was not memoised, with its replications (0 for an expected run). */
  readonly onRun?: (replications: number) => void;
}

/** Return `input` with `levers` laid over its own. */
export function withLevers(input: SimInput, levers: LeverValues | undefined): SimInput {
  if (levers === undefined || Object.keys(levers).length === 0) return input;
  return { ...input, levers: { ...input.levers, ...levers } };
}

/** Return a key that is equal for inputs that run alike, whatever the order their levers were written in. */
function inputKey(input: SimInput): string {
  const levers: Record<string, number> = {};
  for (const id of Object.keys(input.levers).sort()) levers[id] = input.levers[id]!;
  return JSON.stringify({ ...input, levers });
}

/** Create a validation context over the prepared scenarios, memoising every run it is asked for. */
export function createValidationContext(scenarios: PreparedInputs, opts: ValidationContextOptions = {}): ValidationContext {
  const replications = opts.replications ?? VALIDATION_REPLICATIONS;
  const seed = opts.seed ?? VALIDATION_SEED;
  const runs = new Map<string, MonteCarloResult>();
  const kpiRuns = new Map<string, Readonly<Record<string, KpiDistribution>>>();
  const expectedRuns = new Map<string, RunResult>();
  return {
    scenarios,
    replications,
    seed,
    run(input, levers, reps = replications) {
      const full = withLevers(input, levers);
      const key = `${reps}|${inputKey(full)}`;
      let r = runs.get(key);
      if (r === undefined) {
        r = monteCarlo(full, { replications: reps, seed });
        runs.set(key, r);
        opts.onRun?.(reps);
      }
      return r;
    },
    kpis(input, levers, reps = replications) {
      const full = withLevers(input, levers);
      const key = `${reps}|${inputKey(full)}`;
      const whole = runs.get(key);
      if (whole !== undefined) return whole.kpis;
      let k = kpiRuns.get(key);
      if (k === undefined) {
        // The KPIs are the same numbers with or without bands (SPEC R9); leaving the bands out saves their memory.
        k = monteCarlo(full, { replications: reps, seed, series: [] }).kpis;
        kpiRuns.set(key, k);
        opts.onRun?.(reps);
      }
      return k;
    },
    expected(input, levers) {
      const full = withLevers(input, levers);
      const key = inputKey(full);
      let r = expectedRuns.get(key);
      if (r === undefined) {
        r = simulateExpected(full);
        expectedRuns.set(key, r);
        opts.onRun?.(0);
      }
      return r;
    },
  };
}
