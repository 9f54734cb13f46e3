/**
 * Where a command's time goes, printed on stderr when MOMENTUM_TIMINGS=1: moments since the process
 * started (start-up, workers started and ready, compute, output) as they happen, then the length of
 * the compute phase. For diagnosing speed; what a command prints on stdout or writes never depends on it.
 */
import type { CliIo } from './io';

/** A named moment of the command. */
export type Mark = 'command started' | 'workers started' | 'workers ready' | 'compute started' | 'compute finished' | 'output written';

const marks = new Map<Mark, number>();
let live: ((text: string) => void) | undefined;

/** Return whether timings were asked for (MOMENTUM_TIMINGS=1). */
export function timingsWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.MOMENTUM_TIMINGS === '1';
}

/** Forget earlier marks (a new command starts); when timings are wanted, print each new mark on the io's stderr as it happens. */
export function resetMarks(io?: CliIo, env: NodeJS.ProcessEnv = process.env): void {
  marks.clear();
  live = io && timingsWanted(env) ? (text) => io.stderr(text) : undefined;
}

/** Record a moment (milliseconds since the process started); the first record of a name wins unless `overwrite`. */
export function mark(name: Mark, overwrite = false): void {
  if (!overwrite && marks.has(name)) return;
  const t = performance.now();
  marks.set(name, t);
  live?.(`timings: ${name} at ${t.toFixed(1)} ms\n`);
}

/**
 * Return the length of the compute phase: from the moment every worker is ready (or the work starts, if
 * later; on the main thread alone, when the work starts) to the last result. Undefined when nothing was
 * computed.
 */
export function computePhase(): number | undefined {
  const start = marks.get('compute started');
  const end = marks.get('compute finished');
  if (start === undefined || end === undefined) return undefined;
  return end - Math.max(start, marks.get('workers ready') ?? start);
}

/** Write the length of the compute phase and the end on stderr, when timings were asked for (the moments themselves were printed as they happened). */
export function reportTimings(io: CliIo, env: NodeJS.ProcessEnv = process.env): void {
  if (!timingsWanted(env)) return;
  const compute = computePhase();
  const lines = compute === undefined ? [] : [`timings: compute phase (workers ready → last result) ${compute.toFixed(1)} ms`];
  lines.push(`timings: command finished at ${performance.now().toFixed(1)} ms`);
  io.stderr(`${lines.join('\n')}\n`);
}
