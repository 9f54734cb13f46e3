/**
 * Where a command's time goes, printed on stderr when MOMENTUM_TIMINGS=1: moments since the process
 * started (start-up, workers started and ready, compute, output). For diagnosing speed; the numbers
 * a command prints on stdout or writes never depend on it.
 */
import type { CliIo } from './io';

/** A named moment of the command. */
export type Mark = 'command started' | 'workers started' | 'workers ready' | 'compute started' | 'compute finished' | 'output written';

const marks = new Map<Mark, number>();

/** Return whether timings were asked for (MOMENTUM_TIMINGS=1). */
export function timingsWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.MOMENTUM_TIMINGS === '1';
}

/** Forget earlier marks (a new command starts). */
export function resetMarks(): void {
  marks.clear();
}

/** Record a moment (milliseconds since the process started); the first record of a name wins unless `overwrite`. */
export function mark(name: Mark, overwrite = false): void {
  if (overwrite || !marks.has(name)) marks.set(name, performance.now());
}

/** Return the moment recorded under a name, if any. */
export function markOf(name: Mark): number | undefined {
  return marks.get(name);
}

/**
 * Return the length of the compute phase: from the moment every worker was ready (or the work started,
 * if later) to the last result. Undefined when nothing was computed.
 */
export function computePhase(): number | undefined {
  const start = marks.get('compute started');
  const end = marks.get('compute finished');
  if (start === undefined || end === undefined) return undefined;
  const ready = marks.get('workers ready');
  return end - Math.max(start, ready ?? start);
}

/** Write the recorded moments on stderr, one `timings:` line each, when timings were asked for. */
export function reportTimings(io: CliIo, env: NodeJS.ProcessEnv = process.env): void {
  if (!timingsWanted(env)) return;
  const lines = [...marks].sort((a, b) => a[1] - b[1]).map(([name, t]) => `timings: ${name} at ${t.toFixed(1)} ms`);
  const compute = computePhase();
  if (compute !== undefined) lines.push(`timings: compute phase (workers ready → last result) ${compute.toFixed(1)} ms`);
  lines.push(`timings: command finished at ${performance.now().toFixed(1)} ms`);
  io.stderr(`${lines.join('\n')}\n`);
}
