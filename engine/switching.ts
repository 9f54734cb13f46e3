/**
 * Mechanism 1: the switching cost of concurrent priorities (Weinberg 1992; Little's law).
 */

/** Share of time on real work with 1, 2, 3, 4, 5 concurrent priorities. Default 100/80/60/40/25%; unit share; source Weinberg, Quality Software Management (1992). */
export const WEINBERG_TABLE: readonly number[] = [1, 0.8, 0.6, 0.4, 0.25];
/** Floor the real-work share falls towards beyond five priorities. Default 0.15; range 0.10–0.20; unit share; judgement. */
export const SWITCHING_FLOOR = 0.15;
/** How fast the share falls from 25% towards the floor beyond five priorities. Default 6; range 3–10; unit priorities (e-folding); judgement. */
export const SWITCHING_DECAY = 6;

/** Return the share of team time spent on real work when running `priorities` at once (1 ≤ p; fractions interpolate). */
export function realWorkShare(priorities: number): number {
  const p = priorities < 1 ? 1 : priorities;
  if (p <= 5) {
    const i = Math.floor(p);
    if (i >= 5) return WEINBERG_TABLE[4]!;
    const f = p - i;
    return WEINBERG_TABLE[i - 1]! * (1 - f) + WEINBERG_TABLE[i]! * f;
  }
  return SWITCHING_FLOOR + (WEINBERG_TABLE[4]! - SWITCHING_FLOOR) * Math.exp(-(p - 5) / SWITCHING_DECAY);
}

/** Return the share of the portfolio's real work that goes to its active initiatives: they are `active` of `priorities` demands. */
export function portfolioShare(active: number, priorities: number): number {
  if (active <= 0) return 0;
  return priorities <= active ? 1 : active / priorities;
}
