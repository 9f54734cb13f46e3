/**
 * Mechanism 4: the capability trap (Repenning & Sterman 2001).
 */

import * as P from './parameter-bindings';

/** Share of time spent improving (learning, tooling, ways of working) with no pressure. Default 0.15; range 0.05–0.25; unit share; judgement. */
export const IMPROVEMENT_SHARE = 0.15;
/** Capability erosion time constant. Default 52; range 22–104 (5–24 months); unit weeks; source Repenning & Sterman 2001. */
export const CAPABILITY_EROSION_WEEKS = 52;
/** Learning rate per reference team of learning input per week. Default 0.045; unit 1/week; judgement (calibrated so a staffed internal team reaches ≈0.7). */
export const LEARNING_RATE = 0.045;
/** Share of learning that comes from doing rather than from protected improvement time. Default 0.4; unit share; judgement. */
export const LEARNING_BY_DOING = 0.4;
/** Capability at week 0 with no staff readiness. Default 0.15; unit share; judgement. */
export const CAPABILITY_START_MIN = 0.15;
/** Extra capability at week 0 at full staff readiness. Default 0.35; unit share; judgement. */
export const CAPABILITY_START_READINESS = 0.35;

/** Delivery pressure at full urgency. Default 0.35; unit share; judgement. */
export const URGENCY_PRESSURE = 0.35;
/** Delivery pressure per priority beyond three. Default 0.02; range 0.01–0.04; unit share per priority; judgement. */
export const PRIORITY_PRESSURE = 0.02;

/** Return the productivity multiplier of capability K (0.6 at K = 0, 1.0 at 0.5, 1.4 at 1). */
export function capabilityProductivity(capability: number): number {
  return 0.6 + 0.8 * capability;
}

/** Return delivery pressure 0–1 from urgency and the number of priorities. */
export function deliveryPressure(urgency: number, priorities: number): number {
  const p = P.URGENCY_PRESSURE * urgency + P.PRIORITY_PRESSURE * (priorities > 3 ? priorities - 3 : 0);
  return p > 1 ? 1 : p;
}

/** Return the share of time protected for improvement given pressure and sponsorship protection (both 0–1). */
export function improvementShare(pressure: number, protection: number): number {
  return P.IMPROVEMENT_SHARE * (1 - pressure * (1 - protection));
}

/** Return capability after one week: learning from (internal + transferred) time, erosion with a 12-month constant. */
export function stepCapability(capability: number, learningFte: number, improvement: number): number {
  const input = (learningFte / P.REFERENCE_TEAM_FTE) * (P.LEARNING_BY_DOING + (1 - P.LEARNING_BY_DOING) * (improvement / P.IMPROVEMENT_SHARE));
  const next = capability + P.LEARNING_RATE * input * (1 - capability) - capability / P.CAPABILITY_EROSION_WEEKS;
  return next < 0 ? 0 : next > 1 ? 1 : next;
}
