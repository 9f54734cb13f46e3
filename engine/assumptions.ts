/**
 * Uncertainty in the model's assumptions. With uncertainty 'all', each Monte Carlo replication draws the
 * parameters below from their plausible ranges (the parameter registry), so the bands show what the model's
 * own judgement could change as well as luck. With 'noise', every parameter keeps its default and the bands
 * show luck alone.
 *
 * Replication r's draw depends only on the seed and r: every what-if run with the same seed meets the same
 * assumptions in replication r, so comparisons stay paired, and any split of the replications into parts
 * gives the same draws. The draws follow a randomised R_d low-discrepancy sequence (Roberts 2018): in every
 * parameter the first n draws spread over its range about as evenly as a Latin hypercube of n would, whatever
 * n is, which a Latin hypercube (fixed to one n) cannot do for parts run on several threads.
 */
import { PARAMETERS } from './parameter-registry';
import { createRng, nextFloat } from './random';
import type { ParameterDef } from './types';

/** Which uncertainty the bands show: luck alone, or luck and the model's assumptions. */
export type Uncertainty = 'noise' | 'all';

/** The uncertainty modes, in the order a user is offered them. */
export const UNCERTAINTY_MODES: readonly Uncertainty[] = ['all', 'noise'];

/**
 * The parameters drawn with uncertainty 'all', in slot order. Each enters the run at one point as a multiplier
 * of its default: the team's pace, adoption speed, build risk, go-live failure, the go-live dip, the benefit
 * lag, the spread of effort estimates and the weekly productivity noise. They are among the parameters the
 * model's results depend on most and rest mostly on judgement; the rest of the registry keeps its defaults.
 */
export const DRAWN_PARAMETERS = [
  'REFERENCE_TEAM_OUTPUT',
  'WITHIN_TRUST_SPEEDUP',
  'BUILD_HAZARD',
  'GO_LIVE_FAILURE',
  'DIP_BIG_BANG',
  'BENEFIT_DELAY_WEEKS',
  'EFFORT_SIGMA',
  'PRODUCTIVITY_SIGMA',
] as const;

/** Slot of the team's pace (REFERENCE_TEAM_OUTPUT) in an assumptions array. */
export const A_PACE = 0;
/** Slot of adoption speed (WITHIN_TRUST_SPEEDUP). */
export const A_ADOPTION = 1;
/** Slot of the build hazard (BUILD_HAZARD). */
export const A_BUILD_RISK = 2;
/** Slot of go-live failure (GO_LIVE_FAILURE). */
export const A_GO_LIVE_RISK = 3;
/** Slot of the go-live dip (DIP_BIG_BANG). */
export const A_DIP = 4;
/** Slot of the benefit lag (BENEFIT_DELAY_WEEKS). */
export const A_BENEFIT_DELAY = 5;
/** Slot of the spread of effort estimates (EFFORT_SIGMA). */
export const A_EFFORT_SIGMA = 6;
/** Slot of the weekly productivity noise (PRODUCTIVITY_SIGMA). */
export const A_PRODUCTIVITY_SIGMA = 7;
/** Slots in an assumptions array. */
export const ASSUMPTION_COUNT = DRAWN_PARAMETERS.length;

/** The registry entry of each drawn parameter, in slot order. */
export const DRAWN_DEFS: readonly ParameterDef[] = DRAWN_PARAMETERS.map((id) => {
  const def = PARAMETERS.find((p) => p.id === id);
  if (!def) throw new Error(`The parameter registry has no '${id}'.`);
  return def;
});

/** Stream of the generator that draws the sequence's random shift (apart from every replication's stream). */
const SHIFT_STREAM = 0x5eed;

/** Return φ_d, the root of x^(d+1) = x + 1 that sets the R_d sequence's steps (Roberts 2018). */
function harmonious(d: number): number {
  let x = 2;
  for (let i = 0; i < 64; i++) x = Math.pow(1 + x, 1 / (d + 1));
  return x;
}

/** The R_d sequence's step in each dimension: α_j = φ_d^−(j+1), taken modulo 1. */
const STEPS: readonly number[] = (() => {
  const phi = harmonious(ASSUMPTION_COUNT);
  return DRAWN_PARAMETERS.map((_, j) => Math.pow(1 / phi, j + 1) % 1);
})();

/** Return the value of a triangular distribution on [min, max] with its mode at `mode`, at quantile u (0–1). */
export function triangularQuantile(u: number, min: number, mode: number, max: number): number {
  if (max <= min) return mode;
  const f = (mode - min) / (max - min);
  if (u < f) return min + Math.sqrt(u * (max - min) * (mode - min));
  return max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/** Fill `out` with the defaults: every slot's multiplier 1. */
export function defaultAssumptions(out: Float64Array): void {
  for (let j = 0; j < ASSUMPTION_COUNT; j++) out[j] = 1;
}

/** Return the sequence's random shift for a seed, one value in [0, 1) per drawn parameter. */
export function assumptionShifts(seed: number): Float64Array {
  const rng = createRng(seed, SHIFT_STREAM);
  const shifts = new Float64Array(ASSUMPTION_COUNT);
  for (let j = 0; j < ASSUMPTION_COUNT; j++) shifts[j] = nextFloat(rng);
  return shifts;
}

/**
 * Fill `out` with replication r's assumptions for the shifts of a seed (assumptionShifts): each slot holds the
 * drawn value divided by the parameter's default, so that 1 is the default.
 */
export function assumptionsAt(shifts: Float64Array, r: number, out: Float64Array): void {
  for (let j = 0; j < ASSUMPTION_COUNT; j++) {
    const def = DRAWN_DEFS[j]!;
    const v = shifts[j]! + (r + 1) * STEPS[j]!;
    const u = v - Math.floor(v);
    out[j] = triangularQuantile(u, def.min, def.default, def.max) / def.default;
  }
}

/** Return replication r's drawn value of each drawn parameter, by id (for reports and tests). */
export function drawnValues(seed: number, r: number): Record<string, number> {
  const out = new Float64Array(ASSUMPTION_COUNT);
  assumptionsAt(assumptionShifts(seed), r, out);
  const values: Record<string, number> = {};
  DRAWN_DEFS.forEach((def, j) => (values[def.id] = out[j]! * def.default));
  return values;
}
