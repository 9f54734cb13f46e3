import type { RunResult, SimInput } from '../../../engine';

// The expected-value run of the current settings is computed on the main thread, in the task of the lever
// change, so the lever, the run and the redrawn chart all reach the same frame. A run costs a fraction of a
// millisecond for the prepared scenarios, less than posting a message to a worker; and Chromium holds back a
// worker's reply until the key press's frame has been produced (DeferRendererTasksAfterInput), which put the
// chart a frame late whenever the run went to a worker. A scenario whose runs turn out to be slow here goes
// back to the worker, so that a very large one never blocks the main thread for long.

/** An inline run slower than this (ms) counts as slow: with React's and chart.js's share, the update would miss the frame. */
export const INLINE_SLOW_MS = 6;
/** Slow inline runs in a row, for the same scenario, after which its runs go to the worker. */
export const INLINE_SLOW_IN_A_ROW = 3;
/** The session's first inline runs, made before V8 has optimised the engine, which only the huge limit judges. */
export const INLINE_WARMUP_RUNS = 10;
/** A single inline run slower than this (ms) sends its scenario's runs to the worker at once. */
export const INLINE_HUGE_MS = 50;

/** The outcome of one inline expected run: the result, or the engine's error message. */
export type InlineOutcome =
  | { readonly input: SimInput; readonly result: RunResult; readonly error?: undefined; readonly ms: number }
  | { readonly input: SimInput; readonly result?: undefined; readonly error: string; readonly ms: number };

/** Options of createInlineRuns: the run, and the app's defaults for the rest (tests inject a clock and the limits). */
export interface InlineRunsOptions {
  /** The run itself: the runner's `expectedSync`, the engine function its worker runs for 'expected' requests. */
  readonly run: (input: SimInput) => RunResult;
  /** The clock in ms. */
  readonly now?: () => number;
  readonly slowMs?: number;
  readonly slowInARow?: number;
  readonly hugeMs?: number;
  readonly warmupRuns?: number;
  /** How many recent outcomes are kept, so that several views reading the same input run it once. */
  readonly remember?: number;
}

/** Expected runs on the main thread, timed, with the rule that sends a slow scenario's runs to the worker. */
export interface InlineRuns {
  /** Return whether `input`'s expected run should be computed here (its scenario has not proved slow, or it was just run here). */
  inline(input: SimInput): boolean;
  /** Run `input` here (or return the outcome of the same input object run recently) and time it. */
  run(input: SimInput): InlineOutcome;
}

/**
 * Return a key for the scenario behind an input: what a lever change leaves alone and what the cost of a run
 * grows with (weeks, initiatives, stages, events). Inputs built from the same scenario share it whatever
 * the levers; another scenario of the same size shares it too, and is as slow.
 */
export function scenarioKey(input: SimInput): string {
  // Read defensively: a malformed input must reach the engine and come back as its error, not throw here.
  const count = (list: readonly unknown[] | undefined) => list?.length ?? 0;
  return `${input?.horizonWeeks}/${count(input?.initiatives)}/${count(input?.stages)}/${count(input?.events)}`;
}

/**
 * Create the main thread's expected runs. The rule: a scenario's runs move to the worker, for the rest of the
 * session, after INLINE_SLOW_IN_A_ROW inline runs in a row slower than INLINE_SLOW_MS, or after a single one
 * slower than INLINE_HUGE_MS; the session's first INLINE_WARMUP_RUNS runs are judged by the huge limit only.
 * The first runs of the session are made before V8 has optimised the engine and are many times slower (the
 * first dozen runs of a prepared scenario took 1.5–19 ms each in Node on the loaded build machine; warm, it
 * takes 0.2 ms there and 0.5 ms in the page): they say nothing about the scenario. After that, several slow
 * runs in a row, because a single slow one is usually a garbage collection or the thread losing its core to
 * another process; wall time only ever adds to a run's cost, so three in a row over the limit mean the run
 * itself is that slow. The single huge run, because a second
 * would block the main thread as long again. It never moves back: a scenario wrongly sent to the worker only
 * loses a frame of latency, as before, while one wrongly kept here would freeze the view.
 */
export function createInlineRuns(options: InlineRunsOptions): InlineRuns {
  const {
    run,
    now = () => performance.now(),
    slowMs = INLINE_SLOW_MS,
    slowInARow = INLINE_SLOW_IN_A_ROW,
    hugeMs = INLINE_HUGE_MS,
    warmupRuns = INLINE_WARMUP_RUNS,
    remember = 4,
  } = options;
  let runs = 0;
  const slowScenarios = new Set<string>();
  // Slow runs in a row of the scenario run last (a run of another scenario starts the count again).
  let streakKey = '';
  let streak = 0;
  const recent: InlineOutcome[] = [];

  const record = (key: string, ms: number) => {
    if (key !== streakKey) {
      streakKey = key;
      streak = 0;
    }
    runs++;
    streak = ms > slowMs && runs > warmupRuns ? streak + 1 : 0;
    if (streak >= slowInARow || ms > hugeMs) slowScenarios.add(key);
  };

  return {
    // An input already run here keeps its outcome: the run that found its scenario slow is not sent to the
    // worker again when the view re-renders with the same input (as its deferred panels do at once).
    inline: (input) => recent.some((o) => o.input === input) || !slowScenarios.has(scenarioKey(input)),
    run(input) {
      const known = recent.find((o) => o.input === input);
      if (known) return known;
      const t0 = now();
      let outcome: InlineOutcome;
      try {
        const result = run(input);
        outcome = { input, result, ms: now() - t0 };
      } catch (err) {
        // The message the worker path reports for the same failure (worker.ts's `failure`).
        outcome = { input, error: err instanceof Error ? err.message : String(err), ms: now() - t0 };
      }
      record(scenarioKey(input), outcome.ms);
      recent.unshift(outcome);
      if (recent.length > remember) recent.length = remember;
      return outcome;
    },
  };
}
