/**
 * The session timer's arithmetic. The clock is passed in (`nowMs`) so the store and the tests
 * decide what time it is; the component ticks only to re-render.
 */

/** A stopwatch that can be paused: time run before the current start, plus the current run. */
export interface SessionTimer {
  readonly running: boolean;
  /** When the current run started (ms since the epoch), or null when paused. */
  readonly startedAtMs: number | null;
  /** Time counted before the current run. */
  readonly accumulatedMs: number;
}

/** A timer at zero, not running. */
export const STOPPED_TIMER: SessionTimer = { running: false, startedAtMs: null, accumulatedMs: 0 };

/** Return the timer running from `nowMs`; a running timer is left as it is. */
export function startTimer(t: SessionTimer, nowMs: number): SessionTimer {
  return t.running ? t : { running: true, startedAtMs: nowMs, accumulatedMs: t.accumulatedMs };
}

/** Return the timer paused at `nowMs`, keeping the time counted so far. */
export function pauseTimer(t: SessionTimer, nowMs: number): SessionTimer {
  return t.running ? { running: false, startedAtMs: null, accumulatedMs: elapsedMs(t, nowMs) } : t;
}

/** Return the time the timer has counted at `nowMs` (never negative, even if the clock went back). */
export function elapsedMs(t: SessionTimer, nowMs: number): number {
  const current = t.running && t.startedAtMs !== null ? Math.max(0, nowMs - t.startedAtMs) : 0;
  return t.accumulatedMs + current;
}

/** Format a duration as m:ss, or h:mm:ss from one hour on. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Say a duration in words for screen readers ("12 minutes 5 seconds"). */
export function speakDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (h) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (m) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  if (s || parts.length === 0) parts.push(`${s} second${s === 1 ? '' : 's'}`);
  return parts.join(' ');
}
