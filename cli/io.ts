/** Where a command writes, so tests can capture output without a child process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress bars only then). */
  readonly isTTY: boolean;
  readonly cwd: string;
}

/** Exit codes scripts can rely on (3 also when standard output cannot be written: cli/bin/momentum.mjs). */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3, interrupted: 130, terminated: 143 } as const;
