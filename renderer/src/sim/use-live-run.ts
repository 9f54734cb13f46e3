import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import type { MonteCarloResult, RunResult, SimInput, SimRunner, Uncertainty } from '../../../engine';
import { createLiveScheduler, emptyExpectedMemory, showExpected, type Live, type LiveScheduler, type LiveStream, type ResultCache } from './live-scheduler';
import { useRunner } from './runner-context';

// The views' side of the live scheduler (live-scheduler.ts): hooks that tell it which input a view shows and
// read its state. The scheduling, the debouncing and the caches are the scheduler's.

const schedulers = new WeakMap<SimRunner, LiveScheduler>();

/**
 * Return the live scheduler of the app's runner. An urgent outcome (an expected run from the worker) is
 * rendered in the task that receives it (flushSync) instead of a later task of React's scheduler, so a frame
 * cannot be painted in between with the old chart.
 */
export function useLiveScheduler(): LiveScheduler {
  const runner = useRunner();
  let scheduler = schedulers.get(runner);
  if (!scheduler) schedulers.set(runner, (scheduler = createLiveScheduler(runner, { urgent: (fn) => flushSync(fn) })));
  return scheduler;
}

/** Subscribe to `stream`, wanting `input` from it while `enabled`; `pending` says its result is not `input`'s. */
function useLiveStream<T>(stream: LiveStream<T>, input: SimInput, enabled = true): Live<T> {
  const { result, input: resultInput, settled, error } = useSyncExternalStore(stream.subscribe, stream.state);
  useEffect(() => (enabled ? stream.want(input) : undefined), [stream, input, enabled]);
  return useMemo(() => ({ result, input: resultInput, pending: settled !== input, error }), [result, resultInput, settled, input, error]);
}

/**
 * Return the expected-value run of `input`, recomputed as soon as the input changes. It is computed on the
 * main thread during the render that the change causes, so the charts drawn in that render's commit show it
 * in the same frame as the moved lever (inline-expected.ts says why); a scenario whose runs prove slow there
 * goes to the worker instead (one request in flight at a time), and its last result stays shown, pending,
 * until the worker's first reply (showExpected).
 */
export function useExpectedRun(input: SimInput): Live<RunResult> {
  const scheduler = useLiveScheduler();
  const inline = scheduler.runsInline(input);
  const outcome = useMemo(() => (inline ? scheduler.expectedNow(input) : null), [scheduler, inline, input]);
  const viaWorker = useLiveStream(scheduler.expected, input, !inline);
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
export function useBands(input: SimInput, uncertainty: Uncertainty): Live<MonteCarloResult> {
  const runs = useLiveScheduler().bandsFor(uncertainty);
  // The quick estimate is wanted first, so its request is sent first and the worker answers it first.
  const quick = useLiveStream(runs.quickBands, input);
  const full = useLiveStream(runs.bands, input);
  const shown = full.input === input ? full : quick.input === input ? quick : full.result ? full : quick;
  return { ...shown, pending: full.input !== input, error: full.error ?? quick.error };
}

/** Return the results of several fixed inputs, from `request` (null: not wanted), each as it arrives. */
function useFixedResults<T>(inputs: readonly SimInput[], request: (input: SimInput) => Promise<T> | null): readonly (T | null)[] {
  const [results, setResults] = useState<ReadonlyMap<SimInput, T>>(new Map());
  useEffect(() => {
    let alive = true;
    for (const input of inputs) {
      request(input)?.then(
        (r) => alive && setResults((m) => (m.get(input) === r ? m : new Map(m).set(input, r))),
        () => undefined,
      );
    }
    return () => {
      alive = false;
    };
  }, [inputs, request]);
  return inputs.map((i) => results.get(i) ?? null);
}

/** Return the expected runs of several fixed inputs (the baseline, the pins), computed once per input object. */
export function useFixedRuns(inputs: readonly SimInput[]): readonly (RunResult | null)[] {
  return useFixedResults(inputs, useLiveScheduler().fixedRuns.get);
}

/**
 * Return the full Monte Carlo of each fixed input, computed once per input object. `known` lends results
 * already computed for an input with the same content (the current settings before any lever moved are the
 * scenario as loaded), so the same runs are not asked for twice; `wanted` says which inputs may be requested.
 */
export function useFixedBands(
  inputs: readonly SimInput[],
  known: ReadonlyMap<SimInput, MonteCarloResult>,
  wanted: (input: SimInput) => boolean,
  uncertainty: Uncertainty,
): readonly (MonteCarloResult | null)[] {
  const cache: ResultCache<MonteCarloResult> = useLiveScheduler().bandsFor(uncertainty).fixedBands;
  const request = useCallback(
    (input: SimInput) => {
      const lent = known.get(input);
      if (lent) cache.lend(input, lent);
      return cache.has(input) || wanted(input) ? cache.get(input) : null;
    },
    [cache, known, wanted],
  );
  return useFixedResults(inputs, request);
}
