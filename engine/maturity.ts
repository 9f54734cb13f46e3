/**
 * Maturity per pillar on the 1–5 scale of the Digital Maturity Assessment (self-assessed), and its inputs.
 */

/** Weight of adoption of the pillar's portfolio in the maturity gain. Default 0.7; unit share; judgement. */
export const MATURITY_ADOPTION_WEIGHT = 0.7;
/** Weight of capability gained since week 0. Default 0.15; unit share; judgement. */
export const MATURITY_CAPABILITY_WEIGHT = 0.15;
/** Weight of infrastructure gained since week 0. Default 0.15; unit share; judgement. */
export const MATURITY_INFRASTRUCTURE_WEIGHT = 0.15;

/** Return the weighted contribution of capability and infrastructure gains (both 0–1) shared by every pillar. */
export function foundationsGain(capabilityGain: number, infrastructureGain: number): number {
  return MATURITY_CAPABILITY_WEIGHT * capabilityGain + MATURITY_INFRASTRUCTURE_WEIGHT * infrastructureGain;
}

/** Return a pillar's maturity (1–5) from its starting score, its adoption (0–1) and the shared foundations gain. */
export function pillarMaturity(start: number, adoption: number, foundations: number): number {
  const m = start + (5 - start) * (MATURITY_ADOPTION_WEIGHT * adoption + foundations);
  return m < 1 ? 1 : m > 5 ? 5 : m;
}

/** Return the normalised gain of a 0–1 stock over its starting value (0 when it fell). */
export function gainOver(value: number, start: number): number {
  if (value <= start || start >= 1) return 0;
  return (value - start) / (1 - start);
}
