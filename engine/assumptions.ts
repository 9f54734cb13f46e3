/**
 * Uncertainty in the model's assumptions. With uncertainty 'all', each Monte Carlo replication draws every
 * parameter of the registry (but the few FIXED_PARAMETERS) from its plausible range, so the bands show what the
 * model's own judgement could change as well as luck. With 'noise', every parameter keeps its default and the
 * bands show luck alone. A draw is a parameter vector (parameter-values.ts) that the run installs for its
 * replication; the mechanisms read every parameter from it.
 *
 * Replication r's draw depends only on the seed and r: every what-if run with the same seed meets the same
 * assumptions in replication r, so comparisons stay paired, and any split of the replications into parts
 * gives the same draws. A Latin hypercube is fixed to one n and cannot be split so; the draws are instead a
 * nested one that extends to any n: in each parameter, replication r takes the r-th point of a base-2 van der
 * Corput sequence, Owen-scrambled (Owen 1995) with a key of its own, at an index shuffled by a second key
 * (Burley 2020, "Practical hash-based Owen scrambling", padding). The first 2^m draws put exactly one value in
 * each of 2^m equal-probability strata of every parameter, whatever m, and any first n come within a few
 * draws of that; the shuffles pair the parameters' strata at random, as a Latin hypercube does. (An R_d
 * sequence, used while 8 parameters were drawn, does not spread in ~150 dimensions: its steps there are all
 * close to 1, so the first hundred draws of a parameter stay in under half of its range.)
 */
import { PARAMETERS } from './parameter-registry';
import { DEFAULT_PARAMETERS } from './parameter-values';
import { PARAMETER_COUNT, P_MATURITY_ADOPTION_WEIGHT, P_MATURITY_CAPABILITY_WEIGHT, P_MATURITY_INFRASTRUCTURE_WEIGHT } from './parameter-slots';
import { createRng, nextUint32 } from './random';
import type { ParameterDef } from './types';

/** Which uncertainty the bands show: luck alone, or luck and the model's assumptions. */
export type Uncertainty = 'noise' | 'all';

/** The uncertainty modes, in the order a user is offered them. */
export const UNCERTAINTY_MODES: readonly Uncertainty[] = ['all', 'noise'];

/**
 * Parameters held at their defaults in every draw, each with the reason: they define units, not behaviour, so
 * drawing them would change what a number means rather than what the model assumes.
 */
export const FIXED_PARAMETERS: Readonly<Record<string, string>> = {
  REFERENCE_TEAM_FTE: 'defines the effort-week together with the calibrated pace REFERENCE_TEAM_OUTPUT (which is drawn): the two move together or the unit changes',
  OUTPATIENTS_PER_WEEK: "converts the remote-consultation share into a count for a trust of typical size; its range is the spread of trusts' sizes, not an uncertainty of the model",
};

/** Every parameter that uncertainty 'all' draws: the registry, in its order, but FIXED_PARAMETERS. */
export const DRAWN_PARAMETERS: readonly string[] = PARAMETERS.filter((p) => !(p.id in FIXED_PARAMETERS)).map((p) => p.id);

/** Parameters drawn in each replication (DRAWN_PARAMETERS.length). */
export const ASSUMPTION_COUNT = DRAWN_PARAMETERS.length;

/**
 * Pairs (lower, upper) that stay ordered in every draw: a minimum and its maximum, a fast time and its slow one.
 * A draw that reversed a pair swaps the two values (with today's ranges none can: each pair's ranges do not overlap).
 */
export const ORDERED_PAIRS: readonly (readonly [lower: string, upper: string])[] = [
  ['REWORK_MIN', 'REWORK_MAX'],
  ['STAFFING_WEEKS_FAST', 'STAFFING_WEEKS_SLOW'],
  ['FRICTION_MIN', 'FRICTION_MAX'],
  ['SCOPE_GROWTH_CLEAR', 'SCOPE_GROWTH_VAGUE'],
  ['REMOTE_BASE_SHARE', 'REMOTE_MAX_SHARE'],
  ['PRIORITY_DROP_WEEKS', 'PRIORITY_RETURN_WEEKS'],
];

/**
 * Parameters that count whole things (initiatives a person carries, tries, weeks of a retry's delay), drawn and
 * then rounded to the nearest whole number.
 */
export const INTEGER_PARAMETERS: readonly string[] = ['MAX_JUGGLED', 'MAX_RETRIES', 'RETRY_DELAY_WEEKS'];

/**
 * Weights that share one whole: maturity's gain is adoption, capability and infrastructure weighted 0.7, 0.15
 * and 0.15. The capability and infrastructure weights are drawn; adoption's is the rest (1 minus them, 0.55–0.85,
 * inside its range), so that a draw changes the mix, not the scale's top.
 */

/** Return a parameter's slot, or throw naming the id. */
function slotOf(id: string): number {
  const j = PARAMETERS.findIndex((p) => p.id === id);
  if (j < 0) throw new Error(`The parameter registry has no '${id}'.`);
  return j;
}

/** Slots of the drawn parameters, in DRAWN_PARAMETERS order. */
export const DRAWN_SLOTS: Int32Array = Int32Array.from(DRAWN_PARAMETERS, slotOf);
/** The registry entry of each drawn parameter, in DRAWN_PARAMETERS order. */
export const DRAWN_DEFS: readonly ParameterDef[] = Array.from(DRAWN_SLOTS, (j) => PARAMETERS[j]!);
const PAIR_SLOTS: readonly (readonly [number, number])[] = ORDERED_PAIRS.map(([lo, hi]) => [slotOf(lo), slotOf(hi)]);
const INTEGER_SLOTS: readonly number[] = INTEGER_PARAMETERS.map(slotOf);

/** Stream of the generator that draws a seed's scrambling keys (apart from every replication's stream). */
const KEY_STREAM = 0x5eed;

/** Return a triangular distribution's value on [min, max] with its mode at `mode`, at quantile u (0–1). */
export function triangularQuantile(u: number, min: number, mode: number, max: number): number {
  if (max <= min) return mode;
  const f = (mode - min) / (max - min);
  if (u < f) return min + Math.sqrt(u * (max - min) * (mode - min));
  return max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/**
 * Return the value at quantile u (0–1) of the two-piece triangular distribution on [min, max] whose mode and
 * median are both `mode`: half the probability on each side, each side a triangle rising to the mode. A plain
 * triangular with its mode at the default puts the median elsewhere when the range is lopsided (BUILD_HAZARD
 * 0.0015 on 0.0005–0.004 has its median at 0.0019), and across ~150 parameters those shifts compound: drawn
 * so, the blank trust's median benefits at week 209 fell from 18.5 to 4.8. Split at the median, each parameter
 * is as likely above its default as below, and the luck-only medians stay inside the bands.
 */
export function splitTriangularQuantile(u: number, min: number, mode: number, max: number): number {
  if (u < 0.5) return mode - (mode - min) * (1 - Math.sqrt(2 * u));
  return mode + (max - mode) * (1 - Math.sqrt(2 * (1 - u)));
}

/** Return the 32 bits of x in reverse order. */
function reverseBits(x: number): number {
  x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  x = ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
  x = ((x >>> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8);
  return ((x >>> 16) | (x << 16)) >>> 0;
}

/** Return the Laine–Karras permutation of x under a key (Burley 2020): each bit flips by the bits below it. */
function laineKarras(x: number, key: number): number {
  x ^= Math.imul(x, 0x3d20adea);
  x = (x + key) | 0;
  x = Math.imul(x, (key >>> 16) | 1);
  x ^= Math.imul(x, 0x05526c56);
  x ^= Math.imul(x, 0x53a22864);
  return x >>> 0;
}

/** Return the seed's scrambling keys: two 32-bit keys per parameter slot (the index shuffle, the value scramble). */
export function drawKeys(seed: number): Uint32Array {
  const rng = createRng(seed, KEY_STREAM);
  const keys = new Uint32Array(2 * PARAMETER_COUNT);
  for (let k = 0; k < keys.length; k++) keys[k] = nextUint32(rng);
  return keys;
}

/**
 * Return replication r's point in (0, 1) for parameter slot j under a seed's keys (drawKeys): the van der
 * Corput point of r's index shuffled by an Owen scramble under the first key, Owen-scrambled under the second key. With
 * `reversed` = reverseBits(r) given, the same number with two bit reversals fewer (drawParameters, per slot).
 */
export function unitDraw(keys: Uint32Array, j: number, r: number, reversed = reverseBits(r >>> 0)): number {
  // Owen scrambling of x read as a base-2 fraction is reverseBits(laineKarras(reverseBits(x), key)) (Burley 2020).
  const index = reverseBits(laineKarras(reversed, keys[2 * j]!));
  return (reverseBits(laineKarras(index, keys[2 * j + 1]!)) + 0.5) / 4294967296;
}

/**
 * Fill `out` (PARAMETER_COUNT values, by slot) with replication r's parameters for a seed's keys (drawKeys):
 * each drawn parameter over its plausible range (splitTriangularQuantile: mode and median at the default), the
 * fixed ones at their defaults; then ordered pairs kept in order, counts rounded, and maturity's adoption
 * weight set to what the other two leave of one.
 */
export function drawParameters(keys: Uint32Array, r: number, out: Float64Array): void {
  out.set(DEFAULT_PARAMETERS);
  const reversed = reverseBits(r >>> 0);
  for (let k = 0; k < DRAWN_SLOTS.length; k++) {
    const j = DRAWN_SLOTS[k]!;
    const def = PARAMETERS[j]!;
    out[j] = splitTriangularQuantile(unitDraw(keys, j, r, reversed), def.min, def.default, def.max);
  }
  keepStructure(out);
}

/**
 * Make a parameter vector keep the model's structure: ordered pairs in order (swapped if a draw reversed one),
 * counts whole, and maturity's weights summing to one (adoption's the rest). Every point a run meets goes through it: the draws of
 * uncertainty 'all' and the points of the assumption screening.
 */
export function keepStructure(out: Float64Array): void {
  for (const [lo, hi] of PAIR_SLOTS) {
    if (out[lo]! > out[hi]!) {
      const t = out[lo]!;
      out[lo] = out[hi]!;
      out[hi] = t;
    }
  }
  for (const j of INTEGER_SLOTS) out[j] = Math.round(out[j]!);
  out[P_MATURITY_ADOPTION_WEIGHT] = 1 - out[P_MATURITY_CAPABILITY_WEIGHT]! - out[P_MATURITY_INFRASTRUCTURE_WEIGHT]!;
}

/** Return replication r's drawn value of each drawn parameter, by id (for reports and tests). */
export function drawnValues(seed: number, r: number): Record<string, number> {
  const out = new Float64Array(PARAMETER_COUNT);
  drawParameters(drawKeys(seed), r, out);
  const values: Record<string, number> = {};
  DRAWN_DEFS.forEach((def, k) => (values[def.id] = out[DRAWN_SLOTS[k]!]!));
  return values;
}
