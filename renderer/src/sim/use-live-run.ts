import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { MonteCarloResult, RunResult, SimInput, SimRunner } from '../../../engine';
import { createInlineRuns, emptyExpectedMemory, showExpected } from './inline-expected';
import { createLatestRequest, type LatestRequest } from './latest-request';
import { useRunner } from './runner-context';

/** Replications behind the uncertainty bands (P10–P90). */
export const BAND_REPLICATIONS = 500;
/** The seed of the bands' Monte Carlo runs: fixed, so the same settings always draw the same bands. */
export const BAND_SEED = 20_201;
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

/** The state of a live computation: the newest result accepted, whether a newer one is on its way, and any error. */
export interface Live<T> {
  readonly result: T | null;
  /** The input `result` was computed from. */
  readonly input: SimInput | null;
  readonly pending: boolean;
  readonly error: string | null;
}

/**
 * Keep `result` in step with `input` through a latest-request queue (one computation at a time,
 * the newest input wins), sending when `schedule` fires: at once for an expected run that goes to the
 * worker, after a pause for the bands. An `urgent` result is rendered in the task that receives it
 * (flushSync) instead of a later task of React's scheduler, so a frame cannot be painted in between with
 * the old chart. While not `enabled`, nothing is sent (the result is computed elsewhere).
 */
function useLatest<T>(
  input: SimInput,
  compute: (runner: SimRunner, input: SimInput) => Promise<T>,
  schedule: (fn: () => void) => () => void,
  urgent = false,
  enabled = true,
): Live<T> {
  const runner = useRunner();
  // `settled`: the input of the last outcome, success or error. Whether a result is pending follows from
  // it and the current input at render time, so a new input needs no state update (and no second render
  // of the whole view per lever step) to say so.
  const [state, setState] = useState<{ result: T | null; input: SimInput | null; settled: SimInput | null; error: string | null }>({
    result: null, input: null, settled: null, error: null,
  });
  // The queue outlives each effect run: a drag changes the input every frame, and the reply to
  // the request sent one frame ago must still be shown.
  const [queue] = useState(() => ({ current: null as LatestRequest<SimInput> | null }));
  useEffect(() => {
    const q = createLatestRequest<SimInput, T>(
      (i) => compute(runner, i),
      (o) => {
        const apply = () =>
          setState((s) =>
            o.error !== undefined
              ? { ...s, settled: o.input, error: o.error }
              : { result: o.result ?? null, input: o.input, settled: o.input, error: null },
          );
        if (urgent) flushSync(apply);
        else apply();
      },
    );
    queue.current = q;
    return () => {
      q.close();
      queue.current = null;
    };
  }, [runner, compute, queue, urgent]);

  useEffect(() => {
    const q = queue.current;
    if (!q || !enabled) return;
    q.want(input);
    return schedule(() => q.send());
  }, [input, schedule, queue, runner, compute, enabled]);

  const { result, input: resultInput, settled, error } = state;
  return useMemo(() => ({ result, input: resultInput, pending: settled !== input, error }), [result, resultInput, settled, input, error]);
}

// An expected run that goes to the worker is sent as soon as the input changes: the latest-request queue
// already keeps one request in flight and sends only the newest input when it returns, and browsers deliver
// pointer moves at most once a frame, so waiting for the next animation frame would only add up to a frame
// of latency (the reply then arrived after that frame was painted, a frame later on screen).
const atOnce = (fn: () => void) => {
  fn();
  return () => undefined;
};
const afterSettle = (fn: () => void) => {
  const id = window.setTimeout(fn, BAND_SETTLE_MS);
  return () => window.clearTimeout(id);
};
const expected = (runner: SimRunner, input: SimInput) => runner.expected(input);
const bands = (runner: SimRunner, input: SimInput) => runner.monteCarlo(input, { replications: BAND_REPLICATIONS, seed: BAND_SEED, series: BAND_SERIES });
const quickBands = (runner: SimRunner, input: SimInput) => runner.monteCarlo(input, { replications: QUICK_BAND_REPLICATIONS, seed: BAND_SEED, series: BAND_SERIES });

// One for the whole app: a scenario found slow in one view is slow in all of them, and views that show the
// same input (Explore and its trainer panel) share its run.
const inlineRuns = createInlineRuns();

/**
 * Return the expected-value run of `input`, recomputed as soon as the input changes. It is computed on the
 * main thread during the render that the change causes, so the charts drawn in that render's commit show it
 * in the same frame as the moved lever (inline-expected.ts says why); a scenario whose runs prove slow there
 * goes to the worker instead (one request in flight at a time), and its last result stays shown, pending,
 * until the worker's first reply (showExpected).
 */
export function useExpectedRun(input: SimInput): Live<RunResult> {
  const inline = inlineRuns.inline(input);
  const outcome = useMemo(() => (inline ? inlineRuns.run(input) : null), [inline, input]);
  const viaWorker = useLatest(input, expected, atOnce, true, !inline);
  // Updated during render (showExpected): it only ever records real runs of inputs this view was given, so a
  // render that React throws away leaves nothing wrong behind.
  const [memory] = useState(emptyExpectedMemory);
  const { result, input: shownInput, pending, error } = showExpected(memory, outcome, viaWorker);
  return useMemo(() => ({ result, input: shownInput, pending, error }), [result, shownInput, pending, error]);
}

/**
 * Return the Monte Carlo bands of `input`, recomputed once the input has rested for BAND_SETTLE_MS:
 * first a quick estimate (QUICK_BAND_REPLICATIONS), then the full BAND_REPLICATIONS, which replace
 * it. `pending` stays true until the full bands of the current input are in.
 */
export function useBands(input: SimInput): Live<MonteCarloResult> {
  // The quick request is scheduled first, so the worker answers it first.
  const quick = useLatest(input, quickBands, afterSettle);
  const full = useLatest(input, bands, afterSettle);
  const shown = full.input === input ? full : quick.input === input ? quick : full.result ? full : quick;
  return { ...shown, pending: full.input !== input, error: full.error ?? quick.error };
}

// Expected runs of fixed inputs (the baseline and pinned what-ifs) are computed once per runner and
// input object; a failed run is forgotten so that it is tried again.
const fixedRuns = new WeakMap<SimRunner, WeakMap<SimInput, Promise<RunResult>>>();

function fixedRun(runner: SimRunner, input: SimInput): Promise<RunResult> {
  let byInput = fixedRuns.get(runner);
  if (!byInput) fixedRuns.set(runner, (byInput = new WeakMap()));
  let p = byInput.get(input);
  if (!p) {
    p = runner.expected(input);
    byInput.set(input, p);
    p.catch(() => byInput.delete(input));
  }
  return p;
}

/** Return the expected runs of several fixed inputs (the baseline, the pins), cached per input object. */
export function useFixedRuns(inputs: readonly SimInput[]): readonly (RunResult | null)[] {
  const runner = useRunner();
  const [results, setResults] = useState<ReadonlyMap<SimInput, RunResult>>(new Map());
  useEffect(() => {
    let alive = true;
    for (const input of inputs) {
      fixedRun(runner, input).then(
        (r) => alive && setResults((m) => (m.get(input) === r ? m : new Map(m).set(input, r))),
        () => undefined,
      );
    }
    return () => {
      alive = false;
    };
  }, [inputs, runner]);
  return inputs.map((i) => results.get(i) ?? null);
}
