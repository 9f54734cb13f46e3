/**
 * Mechanism 6: goal clarity and scope growth (Locke & Latham 2002; source guide, "collecting rocks").
 */
import * as P from './parameter-bindings';

/** Throughput gain of a single, dated goal over a vague one at clarity 1. Default 0.12; range 0.10–0.15; unit share; judgement from Locke & Latham (d ≈ 0.4–0.8). */
export const CLARITY_THROUGHPUT_GAIN = 0.12;
/** Scope growth of active work with a clear goal. Default 0.01; unit share of base effort per month; judgement. */
export const SCOPE_GROWTH_CLEAR = 0.01;
/** Scope growth of active work with a vague goal ("collecting rocks"). Default 0.05; range 0.03–0.08; unit share of base effort per month; judgement. */
export const SCOPE_GROWTH_VAGUE = 0.05;
/** Largest growth of an initiative's effort, as a multiple of its base effort. Default 1; range 0.5–3; unit ×base; judgement. */
export const SCOPE_GROWTH_CAP = 1;
/** Share of capacity a fully clear goal concentrates on the first-ranked active initiative. Default 0.5; range 0–0.7; unit share; judgement. */
export const FOCUS_SHARE = 0.5;
/** Weeks per month used to convert monthly rates. */
export const WEEKS_PER_MONTH = 52 / 12;

/** Return the throughput multiplier of goal clarity. */
export function clarityThroughput(clarity: number): number {
  return 1 + P.CLARITY_THROUGHPUT_GAIN * clarity;
}

/** Return weekly scope growth as a share of base effort for active initiatives. */
export function scopeGrowthPerWeek(clarity: number): number {
  return (P.SCOPE_GROWTH_CLEAR + (P.SCOPE_GROWTH_VAGUE - P.SCOPE_GROWTH_CLEAR) * (1 - clarity)) / WEEKS_PER_MONTH;
}

/** Return the share of capacity focused on the first-ranked initiative (the rest is split evenly). */
export function focusShare(clarity: number): number {
  return P.FOCUS_SHARE * clarity;
}
