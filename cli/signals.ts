/**
 * The signals that stop a command: Ctrl+C (SIGINT) and SIGTERM (what a scheduler or `kill` sends,
 * e.g. when a job's time runs out). Both are handled alike: the work stops, the workers are stopped,
 * no output file is written, and the exit code says which it was (130 or 143, as a shell reports a
 * process killed by them).
 */

/** A signal that stops a command. */
export type StopSignal = 'SIGINT' | 'SIGTERM';

/** The signals handled, in the order they are registered. */
export const STOP_SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM'];

/** Listen for SIGINT and SIGTERM; return the function that stops listening. */
export function onStop(listener: (signal: StopSignal) => void): () => void {
  const handlers = STOP_SIGNALS.map((signal) => [signal, () => listener(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}

/** The command was stopped by a signal while it worked; `note` says what was kept, if anything. */
export class Interrupted extends Error {
  constructor(
    readonly signal: StopSignal = 'SIGINT',
    readonly note?: string,
  ) {
    super('interrupted');
    this.name = 'Interrupted';
  }
}
