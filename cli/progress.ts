/** A progress bar with the time left on stderr, drawn only when stderr is a terminal; silent otherwise. */
import type { CliIo } from './io';

/** A progress reporter for one batch of work. */
export interface Progress {
  update(done: number, total: number): void;
  /** Clear the bar so later output starts on a clean line. */
  end(): void;
}

const WIDTH = 30;
/** No estimate of the time left before this much time has passed: the first batches say little. */
const ETA_AFTER_MS = 1000;
/** Redraw at least this often while the bar stands still, so the time left keeps moving. */
const REDRAW_MS = 1000;

/** Return a duration as short text: `8 s`, `2 min 5 s`, `1 h 3 min`. */
export function durationText(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/**
 * Return the estimated time left as text (` · about 8 s left`), from the pace so far; empty before
 * ETA_AFTER_MS, before anything is done, and at the end.
 */
export function etaText(elapsedMs: number, done: number, total: number): string {
  if (done <= 0 || done >= total || elapsedMs < ETA_AFTER_MS) return '';
  return ` · about ${durationText((elapsedMs / done) * (total - done))} left`;
}

/**
 * Return a progress reporter that draws `label [#####.....] done/total · about 8 s left` on a
 * terminal. `now` gives the time in milliseconds (a parameter so tests can move the clock).
 */
export function createProgress(io: CliIo, label: string, now: () => number = () => performance.now()): Progress {
  if (!io.isTTY) return { update: () => undefined, end: () => undefined };
  const started = now();
  let lastFilled = -1;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let width = 0;
  return {
    update(done, total) {
      const t = now();
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      // Redraw only when the bar moves, once a second for the time left, and at the end, so that
      // thousands of updates cost few writes.
      if (filled === lastFilled && done !== total && t - lastDraw < REDRAW_MS) return;
      lastFilled = filled;
      lastDraw = t;
      const text = `${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total}${etaText(t - started, done, total)}`;
      // Blank out the end of a longer previous line (the time left can get shorter).
      io.stderr(`\r${text.padEnd(width)}`);
      width = Math.max(width, text.length);
    },
    end() {
      if (width > 0) io.stderr(`\r${' '.repeat(width)}\r`);
    },
  };
}
