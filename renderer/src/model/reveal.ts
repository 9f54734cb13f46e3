/**
 * Reveal stepping: a trainer advances the simulation clock from one scripted moment of the
 * scenario to the next, and the charts show only the weeks up to that moment.
 */

/** One scripted moment (a scenario's `trainer.reveals` entry). */
export interface RevealStep {
  readonly week: number;
  readonly title: string;
  readonly note: string;
}

/**
 * Where the trainer is in the reveals: `null` = not revealing (the whole run shows),
 * otherwise the index into the ordered reveals.
 */
export type RevealPosition = number | null;

/** Return the reveals in the order the clock meets them (by week; ties keep the file's order). */
export function orderReveals<T extends RevealStep>(reveals: readonly T[]): T[] {
  return reveals
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.week - b.r.week || a.i - b.i)
    .map((x) => x.r);
}

/** Return the position after one step forward; the last reveal stays where it is. */
export function nextRevealPosition(position: RevealPosition, count: number): RevealPosition {
  if (count <= 0) return null;
  if (position === null) return 0;
  return Math.min(position + 1, count - 1);
}

/** Return the position after one step back; the first reveal stays where it is. */
export function previousRevealPosition(position: RevealPosition, count: number): RevealPosition {
  if (count <= 0 || position === null) return null;
  return Math.max(0, Math.min(position, count) - 1);
}

/** Return a position that is valid for `count` reveals (a new scenario may have fewer). */
export function clampRevealPosition(position: RevealPosition, count: number): RevealPosition {
  if (position === null || count <= 0) return null;
  return Math.max(0, Math.min(position, count - 1));
}

/**
 * Return the last week the charts may show at this position, or `null` for the whole run.
 * The week is clamped to the run's horizon so a reveal past the end shows everything.
 */
export function revealVisibleUntilWeek(reveals: readonly RevealStep[], position: RevealPosition, horizonWeeks: number): number | null {
  const ordered = orderReveals(reveals);
  const at = clampRevealPosition(position, ordered.length);
  if (at === null) return null;
  return Math.max(0, Math.min(Math.round(ordered[at]!.week), horizonWeeks));
}

/**
 * Return whether what the whole run teaches is still hidden: the scenario's lesson line, the run's insights, the
 * "why" panel's lessons and the challenges' verdicts. They wait until the reveal reaches the end of the run (a step
 * at the horizon, or "Show whole run"), because the room votes on what will happen while the charts stop short.
 */
export function revealHidesEnding(visibleUntilWeek: number | null, horizonWeeks: number): boolean {
  return visibleUntilWeek !== null && visibleUntilWeek < horizonWeeks;
}

/**
 * Return what the reveal banner says about the charts at a reveal week. A reveal at (or past) the horizon shows the
 * whole run, end-of-run figures included, so the banner must not say they read "—" while they are on screen.
 */
export function revealBannerNote(week: number, horizonWeeks: number): string {
  if (week >= horizonWeeks) return 'This is the end of the run: the charts and the end-of-run figures show all of it.';
  return 'The charts stop here; end-of-run figures show “—” until the whole run is shown.';
}

/** Which week a chart of scores by year reads, the slider's last year, and how to name what is shown. */
export interface YearChoice {
  readonly maxYear: number;
  readonly year: number;
  readonly week: number;
  /** "Year 3", or "Week 26" when a reveal cuts the year short. */
  readonly label: string;
}

/**
 * Return what a chart of scores at a chosen year shows. During a reveal (`revealWeek` not null) the runs are blank
 * after the reveal week, so the choice stops at the year under way and that year is read at the reveal week:
 * a later year's scores would be made up from blank weeks.
 */
export function yearChoice(wanted: number, horizonWeeks: number, revealWeek: number | null): YearChoice {
  const horizonYears = Math.max(1, Math.round(horizonWeeks / 52));
  const maxYear = revealWeek === null || revealWeek >= horizonWeeks ? horizonYears : Math.max(1, Math.min(horizonYears, Math.ceil(revealWeek / 52)));
  const year = Math.max(1, Math.min(wanted, maxYear));
  const week = revealWeek === null ? year * 52 : Math.min(year * 52, revealWeek);
  return { maxYear, year, week, label: week < year * 52 ? `Week ${week}` : `Year ${year}` };
}
