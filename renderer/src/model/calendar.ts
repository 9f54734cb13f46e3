/**
 * Calendar dates for the time axis. The engine counts weeks from the start of a scenario; a board reads dates.
 * The start is the first day of the current quarter (the scenario format holds no start date), fixed when the
 * app opens so every chart agrees.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const DAY_MS = 86_400_000;

/** Return the first day (UTC) of the calendar quarter that holds `now`. */
export function quarterStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
}

/** Return the date `weeks` weeks after `start` (fractions of a week allowed). */
export function dateAtWeek(start: Date, weeks: number): Date {
  return new Date(start.getTime() + Math.round(weeks * 7) * DAY_MS);
}

/** Return a date as a board reads it on an axis: "Oct 2027". */
export function monthYear(d: Date): string {
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Return a quarter as "Q4 2026". */
export function quarterName(d: Date): string {
  return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
}

/**
 * Return the label of a point on a time axis measured in years from `start`: a whole number of years reads as the
 * start's month that many years on ("Oct 2027"); any other point as the month its week falls in.
 */
export function yearsTickLabel(start: Date, years: number): string {
  if (Number.isInteger(years)) return monthYear(new Date(Date.UTC(start.getUTCFullYear() + years, start.getUTCMonth(), 1)));
  return monthYear(dateAtWeek(start, years * 52));
}

/** The start of the scenarios' time axis: the current quarter when the app opened. */
export const AXIS_START: Date = quarterStart(new Date());

/** Return the time axis's title: the calendar, from the start quarter. */
export function timeAxisTitle(start: Date = AXIS_START): string {
  return `Date (from the start of ${quarterName(start)})`;
}

/** Return a tooltip's title for a point `years` from the start: "Jul 2027 (week 37)". */
export function pointTitle(years: number, start: Date = AXIS_START): string {
  const week = Math.round(years * 52);
  return `${monthYear(dateAtWeek(start, week))} (week ${week})`;
}
