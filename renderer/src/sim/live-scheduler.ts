import { RUN_SET, type MonteCarloOptions, type MonteCarloResult, type RunResult, type SimInput, type SimRunner, type Uncertainty } from '../../../engine';
import { createInlineRuns, type InlineOutcome, type InlineRuns } from './inline-expected';

// The one scheduler of live runs: what the views show while levers move. It decides where the expected run of
// the current settings is computed (on this thread through the runner's `expectedSync`, or by its worker),
// keeps one request of each kind in flight with the newest input waiting (latest wins), holds the bands back
// until a drag rests, and caches the runs of fixed inputs (the scenario as loaded, the pins). The views only
// subscribe to its state (use-live-run.ts).

/** Replications behind the uncertainty bands (P10–P90) and the typical outcome: the run set's (engine/run-set.ts). */
export const BAND_REPLICATIONS = RUN_SET.replications;
/** The seed of the bands' Monte Carlo runs: the run set's, so the same settings always draw the same bands. */
export const BAND_SEED = RUN_SET.seed;
/** Replications of the quick first estimate of the bands, shown while the full run computes. */
export const QUICK_BAND_REPLICATIONS = 100;
/**
 * The series whose bands the Explore view draws (maturity overall and per pillar, adoption per pillar,
 * fatigue, confidence, capability, benefits). The engine computes bands only for these, which saves part of
 * a band request's time; add an id here when a chart starts drawing its band.
 */
export const BAND_SERIES: readonly string[] = [
  'maturity', 'maturity.patients', 'maturity.clinicians', 'maturity.support',
  'adoption.patients', 'adoption.clinicians', 'adoption.support',
  'fatigue', 'confidence', 'capability', 'benefits',
];
/** How long a drag must rest before the bands are recomputed. */
export const BAND_SETTLE_MS = 150;

/**
 * The Monte Carlo options of every band request the scheduler makes (quick, full, and those of fixed inputs):
 * the one place they are set, so that the draws of the bands are the same everywhere.
 */
export function bandOptions(replications: number = BAND_REPLICATIONS, uncertainty: Uncertainty = RUN_SET.uncertainty): MonteCarloOptions {
  return { replications, seed: BAND_SEED, series: BAND_SERIES, uncertainty };
}

/** The state of a live computation: the newest result accepted, whether a newer one is on its way, and any error. */
export interface Live<T> {
  readonly result: T | null;
  /** The input `result` was computed from. */
  readonly input: SimInput | null;
  readonly pending: boolean;
  readonly error: string | null;
}

/** What a live stream holds: its newest result, the input of its last outcome (success or error), and any error. */
export interface LiveState<T> {
  readonly result: T | null;
  /** The input `result` was computed from. */
  readonly input: SimInput | null;
  /** The input of the last outcome: a result is pending for any other input. */
  readonly settled: SimInput | null;
  readonly error: string | null;
}

/** A computation kept in step with a fast-changing input (a lever being dragged); views subscribe to its state. */
export interface LiveStream<T> {
  /**
   * Make `input` the one to compute next, replacing any input still waiting: at once, or after the stream's
   * settle pause. Return a function that cancels the pause's timer (the input stays wanted: it is sent when
   * the run in progress ends).
   */
  want(input: SimInput): () => void;
  /** Return the current state (the same object until an outcome arrives). */
  state(): LiveState<T>;
  /** Call `listener` after each outcome; return the unsubscribe. While nobody listens, nothing new is sent. */
  subscribe(listener: () => void): () => void;
}

const EMPTY: LiveState<never> = { result: null, input: null, settled: null, error: null };
const noop = () => undefined;

/** Options of a live stream. */
export interface LiveStreamOptions {
  /** How long a wanted input must rest before it is sent when nothing is running; undefined: at once. */
  readonly settleMs?: number;
  /** Runs the notification of the subscribers (the app renders an urgent stream's outcome at once). */
  readonly notify?: (fn: () => void) => void;
}

/**
 * Create a live stream over `compute`. Scheduling is latest-wins with two flags: `runNeeded` says an input
 * was wanted since the last run started, `runInProgress` that a computation is under way. At most one runs
 * at a time; inputs wanted meanwhile overwrite each other, and only the newest is sent when the running one
 * settles (at once: the pause only holds back a start from rest). The same input is never sent twice in a
 * row, and an outcome always belongs to the newest input sent, so a newer request always wins.
 */
export function createLiveStream<T>(compute: (input: SimInput) => Promise<T>, options: LiveStreamOptions = {}): LiveStream<T> {
  const { settleMs, notify = (fn) => fn() } = options;
  let state: LiveState<T> = EMPTY;
  const listeners = new Set<() => void>();
  let wanted: SimInput | null = null;
  let lastSent: SimInput | null = null;
  let runNeeded = false;
  let runInProgress = false;

  const settle = (input: SimInput, outcome: { result: T } | { error: string }) => {
    state = 'error' in outcome ? { ...state, settled: input, error: outcome.error } : { result: outcome.result, input, settled: input, error: null };
    notify(() => {
      for (const listener of [...listeners]) listener();
    });
  };
  const run = () => {
    runNeeded = false;
    const next = wanted;
    if (next === null || next === lastSent) return;
    runInProgress = true;
    lastSent = next;
    // The executor calls `compute` at once; a synchronous throw becomes the outcome's error.
    new Promise<T>((resolve) => resolve(compute(next)))
      .then(
        (result) => settle(next, { result }),
        (e: unknown) => settle(next, { error: e instanceof Error ? e.message : String(e) }),
      )
      .finally(() => {
        runInProgress = false;
        if (runNeeded) run();
      });
  };
  const start = () => {
    if (!runInProgress) run();
  };
  return {
    want(input) {
      wanted = input;
      runNeeded = true;
      if (settleMs === undefined) {
        start();
        return noop;
      }
      const id = setTimeout(start, settleMs);
      return () => clearTimeout(id);
    },
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        // The last view is gone: what it wanted and was not yet sent is dropped (a run under way still lands).
        if (listeners.size === 0) runNeeded = false;
      };
    },
  };
}

/** Results of fixed inputs, computed once per input object; a failed one is forgotten so that it is tried again. */
export interface ResultCache<T> {
  /** Return the result of `input`, computing it on first request. */
  get(input: SimInput): Promise<T>;
  /** Return whether `input` has been requested (or lent) and not failed. */
  has(input: SimInput): boolean;
  /** Take `result`, computed for an input of the same content, as `input`'s, unless it has one already. */
  lend(input: SimInput, result: T): void;
}

function createResultCache<T>(compute: (input: SimInput) => Promise<T>): ResultCache<T> {
  const byInput = new WeakMap<SimInput, Promise<T>>();
  return {
    get(input) {
      let p = byInput.get(input);
      if (!p) {
        p = compute(input);
        byInput.set(input, p);
        p.catch(() => byInput.delete(input));
      }
      return p;
    },
    has: (input) => byInput.has(input),
    lend(input, result) {
      if (!byInput.has(input)) byInput.set(input, Promise.resolve(result));
    },
  };
}

/** A run a view shows, with the input it was computed from. */
export interface ShownRun {
  readonly result: RunResult;
  readonly input: SimInput;
}

/** What a view's expected run carries from one render to the next (see showExpected). */
export interface ExpectedMemory {
  /** The run shown: the newest successful inline outcome or worker reply. */
  shown: ShownRun | null;
  /** The input of the worker's state last looked at, so that each reply is considered once, on arrival. */
  workerSeen: SimInput | null;
}

/** Return an empty memory for a view's expected run. */
export function emptyExpectedMemory(): ExpectedMemory {
  return { shown: null, workerSeen: null };
}

/**
 * Return what a view shows of its expected run, given this render's inline outcome (null when its scenario's
 * runs go to the worker) and the worker path's state, and update `memory`. Inline, the outcome is the current
 * input's: nothing is pending, and a failure keeps the last good run on show beside its error, as a failed
 * worker reply did. In worker mode the last run shown stays, pending, until the worker's first reply. A worker
 * reply is taken once, when it arrives, and only in worker mode, so that a reply still in flight when the
 * scenario changed, or one from an earlier stay in worker mode, never replaces a newer inline run.
 */
export function showExpected(memory: ExpectedMemory, outcome: InlineOutcome | null, worker: Live<RunResult>): Live<RunResult> {
  if (outcome?.result && memory.shown?.input !== outcome.input) memory.shown = { result: outcome.result, input: outcome.input };
  if (worker.input !== memory.workerSeen) {
    memory.workerSeen = worker.input;
    if (!outcome && worker.result && worker.input) memory.shown = { result: worker.result, input: worker.input };
  }
  const shown = memory.shown;
  return {
    result: shown?.result ?? null,
    input: shown?.input ?? null,
    pending: outcome ? false : worker.pending,
    error: outcome ? (outcome.error ?? null) : worker.error,
  };
}

/** The live runs of one runner: where the views' runs are computed, scheduled and cached. */
export interface LiveScheduler {
  /**
   * Return whether the expected run of `input` is computed on this thread: the runner offers a synchronous
   * run and the input's scenario has not proved too slow for this thread (inline-expected.ts), or the input
   * was just run here. Otherwise its run goes through `expected`.
   */
  runsInline(input: SimInput): boolean;
  /** Return the expected run of `input` computed on this thread now, or the outcome of the same input object run recently. */
  expectedNow(input: SimInput): InlineOutcome;
  /** The expected run through the runner's worker, sent as soon as it is wanted; its outcomes are urgent. */
  readonly expected: LiveStream<RunResult>;
  /** The expected runs of fixed inputs: the scenario as loaded, the pins. */
  readonly fixedRuns: ResultCache<RunResult>;
  /** The band streams and caches of one uncertainty mode ('all' draws the model's assumptions too). */
  bandsFor(uncertainty: Uncertainty): BandRuns;
}

/** The Monte Carlo runs behind the bands, for one uncertainty mode. */
export interface BandRuns {
  /** The quick first estimate of the bands (QUICK_BAND_REPLICATIONS), sent once the input has rested. */
  readonly quickBands: LiveStream<MonteCarloResult>;
  /** The full bands (BAND_REPLICATIONS), sent once the input has rested. */
  readonly bands: LiveStream<MonteCarloResult>;
  /** The full Monte Carlo of fixed inputs. */
  readonly fixedBands: ResultCache<MonteCarloResult>;
}

/** Options of createLiveScheduler. */
export interface LiveSchedulerOptions {
  /** Runs the notification of an urgent outcome (the app: React's flushSync, so the chart is drawn in that task). */
  readonly urgent?: (fn: () => void) => void;
  /** The inline runs, for tests; by default the runner's `expectedSync` under the rule of inline-expected.ts. */
  readonly inline?: InlineRuns | null;
}

/**
 * Create the live scheduler of `runner`. One serves the whole app: a scenario found slow in one view is slow in
 * all of them, and views that show the same input (Explore and its trainer panel) share its runs.
 */
export function createLiveScheduler(runner: SimRunner, options: LiveSchedulerOptions = {}): LiveScheduler {
  const sync = runner.expectedSync?.bind(runner);
  const inline = options.inline !== undefined ? options.inline : sync ? createInlineRuns({ run: sync }) : null;
  // Each uncertainty mode has streams and caches of its own, made when first asked for: switching back to a
  // mode finds its bands still there.
  const byUncertainty = new Map<Uncertainty, BandRuns>();
  // An expected run that goes to the worker is sent as soon as the input changes: the stream already keeps
  // one request in flight and sends only the newest input when it returns, and browsers deliver pointer
  // moves at most once a frame, so waiting for the next animation frame would only add up to a frame of
  // latency (the reply then arrived after that frame was painted, a frame later on screen).
  return {
    runsInline: (input) => inline?.inline(input) ?? false,
    expectedNow(input) {
      if (!inline) throw new Error('This runner has no synchronous expected run.');
      return inline.run(input);
    },
    expected: createLiveStream((input) => runner.expected(input), { notify: options.urgent }),
    fixedRuns: createResultCache((input) => runner.expected(input)),
    bandsFor(uncertainty) {
      let runs = byUncertainty.get(uncertainty);
      if (!runs) {
        runs = {
          quickBands: createLiveStream((input) => runner.monteCarlo(input, bandOptions(QUICK_BAND_REPLICATIONS, uncertainty)), { settleMs: BAND_SETTLE_MS }),
          bands: createLiveStream((input) => runner.monteCarlo(input, bandOptions(BAND_REPLICATIONS, uncertainty)), { settleMs: BAND_SETTLE_MS }),
          fixedBands: createResultCache((input) => runner.monteCarlo(input, bandOptions(BAND_REPLICATIONS, uncertainty))),
        };
        byUncertainty.set(uncertainty, runs);
      }
      return runs;
    },
  };
}
