import { EXPLAIN_PERIOD_WEEKS, type PeriodExplanation } from '../../../engine';

/**
 * What the "why" panel may say while a trainer reveals a scenario step by step.
 *
 * The engine explains a run quarter by quarter (EXPLAIN_PERIOD_WEEKS weeks each): for each quarter, which
 * constraint cost the most progress, from each constraint's losses summed over all of its weeks. At a reveal
 * week R the quarter under way is only partly seen, yet its explanation already counts the weeks after R. It is
 * hidden, not recomputed over its first weeks, because:
 * - the run keeps only each quarter's sums, so the weeks up to R cannot be told apart from the rest without
 *   simulating the run a second time, stopped at R, on every lever step of the reveal;
 * - a quarter's first week or two would name a "binding" constraint from a handful of noisy weeks, and the
 *   panel would then say something that the same quarter, once complete, may contradict;
 * - hidden, every quarter the room sees reads exactly as it will in the whole run: advancing the reveals only
 *   adds quarters and never rewrites one.
 * The panel says how far its explanation reaches and when the quarter under way will be explained.
 */

/** How far the "why" panel's explanation reaches at a reveal week. */
export interface RevealExplained {
  /** The week the charts stop at. */
  readonly revealWeek: number;
  /** The last week the shown explanations cover; −1 while no quarter has ended yet. */
  readonly throughWeek: number;
  /** The quarter under way at the reveal week, hidden until it ends; null when the last shown quarter ends at the reveal week. */
  readonly pending: { readonly fromWeek: number; readonly toWeek: number } | null;
}

/** Return the period explanations known at `week`: those of periods that end at or before it, unchanged. */
export function explanationsUntilWeek(explanations: readonly PeriodExplanation[], week: number): PeriodExplanation[] {
  return explanations.filter((p) => p.toWeek <= week);
}

/**
 * Return how far the explanations shown at a reveal week reach, and which quarter is still under way.
 * `shown` are the explanations already cut to the reveal week (see explanationsUntilWeek).
 */
export function revealExplained(shown: readonly PeriodExplanation[], revealWeek: number, horizonWeeks: number): RevealExplained {
  const throughWeek = shown.reduce((w, p) => Math.max(w, p.toWeek), -1);
  const fromWeek = throughWeek + 1;
  if (fromWeek > revealWeek) return { revealWeek, throughWeek, pending: null };
  // The engine's periods are aligned on multiples of EXPLAIN_PERIOD_WEEKS, the last one cut at the horizon.
  const toWeek = Math.min(horizonWeeks, fromWeek + EXPLAIN_PERIOD_WEEKS - 1);
  return { revealWeek, throughWeek, pending: { fromWeek, toWeek } };
}

/** Return the line the "why" panel shows during a reveal: how far its explanation reaches and what waits. */
export function revealWhyNote(r: RevealExplained): string {
  const lessons = "the run's lessons show with the whole run";
  if (r.throughWeek < 0) {
    const first = r.pending ?? { fromWeek: 0, toWeek: EXPLAIN_PERIOD_WEEKS - 1 };
    return `Too early to say what holds progress back: the first quarter (weeks ${first.fromWeek}–${first.toWeek}) is explained once the reveals reach week ${first.toWeek}, and ${lessons}.`;
  }
  if (!r.pending) return `Explained up to week ${r.throughWeek}, where the charts stop; ${lessons}.`;
  return (
    `Explained up to week ${r.throughWeek}: the quarter under way (weeks ${r.pending.fromWeek}–${r.pending.toWeek}) is explained once the reveals reach week ${r.pending.toWeek}, ` +
    `and ${lessons}.`
  );
}
