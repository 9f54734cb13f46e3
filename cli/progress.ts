/** A progress bar on stderr, drawn only when stderr is a terminal; silent otherwise. */
import type { CliIo } from './io';

/** A progress reporter for one batch of work. */
export interface Progress {
  update(done: number, total: number): void;
  /** Clear the bar so later output starts on a clean line. */
  end(): void;
}

const WIDTH = 30;

/** Return a progress reporter that draws `label [#####.....] done/total` on a terminal. */
export function createProgress(io: CliIo, label: string): Progress {
  if (!io.isTTY) return { update: () => undefined, end: () => undefined };
  let lastFilled = -1;
  let drawn = false;
  return {
    update(done, total) {
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      // Redraw only when the bar moves or at the end, so thousands of tasks cost few writes.
      if (filled === lastFilled && done !== total) return;
      lastFilled = filled;
      drawn = true;
      io.stderr(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total}`);
    },
    end() {
      if (drawn) io.stderr(`\r${' '.repeat(label.length + WIDTH + 24)}\r`);
    },
  };
}
