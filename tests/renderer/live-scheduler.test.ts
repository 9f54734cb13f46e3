import { afterEach, describe, expect, it, vi } from 'vitest';
import { blankInput, createInProcessRunner, simulateExpected, type MonteCarloOptions, type MonteCarloResult, type RunResult, type SimInput, type SimRunner } from '../../engine';
import {
  BAND_REPLICATIONS, BAND_SEED, BAND_SERIES, BAND_SETTLE_MS, bandOptions, createLiveScheduler, createLiveStream, QUICK_BAND_REPLICATIONS,
  type LiveState,
} from '../../renderer/src/sim/live-scheduler';

/** A computation whose replies the test releases by hand, in any order. */
function manual<T = string>() {
  const calls: { input: SimInput; resolve: (v: T) => void; reject: (e: Error) => void }[] = [];
  const compute = (input: SimInput) => new Promise<T>((resolve, reject) => calls.push({ input, resolve, reject }));
  return { calls, compute };
}
const settle = () => new Promise((r) => setTimeout(r, 0));
// Distinct input objects (the scheduler tells inputs apart by identity, as the store keeps them).
const base = blankInput();
const [a, b, c] = [1, 2, 3].map((i): SimInput => ({ ...base, levers: { ...base.levers, 'goal.clarity': i / 10 } }));

/** Subscribe to a stream and record every state it reports. */
function watch<T>(stream: { subscribe(l: () => void): () => void; state(): LiveState<T> }) {
  const seen: LiveState<T>[] = [];
  const stop = stream.subscribe(() => seen.push(stream.state()));
  return { seen, stop };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('a live stream (latest wins while a lever is dragged)', () => {
  it('runs one computation at a time and, when it settles, sends only the newest input wanted meanwhile', async () => {
    const { calls, compute } = manual();
    const stream = createLiveStream(compute);
    const { seen } = watch(stream);
    stream.want(a);
    stream.want(b);
    stream.want(c);
    expect(calls.map((x) => x.input)).toEqual([a]);
    calls[0]!.resolve('A');
    await settle();
    expect(seen).toEqual([{ result: 'A', input: a, settled: a, error: null }]);
    expect(calls.map((x) => x.input)).toEqual([a, c]);
    calls[1]!.resolve('C');
    await settle();
    expect(stream.state()).toEqual({ result: 'C', input: c, settled: c, error: null });
    expect(calls).toHaveLength(2);
  });

  it('does not send the same input twice in a row, and reports an error beside the last result', async () => {
    const { calls, compute } = manual();
    const stream = createLiveStream(compute);
    watch(stream);
    stream.want(a);
    calls[0]!.resolve('A');
    await settle();
    stream.want(a);
    expect(calls).toHaveLength(1);
    stream.want(b);
    calls[1]!.reject(new Error('engine failed'));
    await settle();
    expect(stream.state()).toEqual({ result: 'A', input: a, settled: b, error: 'engine failed' });
    // A computation that throws at once is an outcome too, and the stream goes on.
    const throwing = createLiveStream<string>(() => {
      throw new Error('no worker');
    });
    throwing.want(a);
    await settle();
    expect(throwing.state().error).toBe('no worker');
  });

  it('holds a start from rest until the input has rested, and cancels the pause of a superseded input', async () => {
    vi.useFakeTimers();
    const { calls, compute } = manual();
    const stream = createLiveStream(compute, { settleMs: BAND_SETTLE_MS });
    watch(stream);
    const cancelA = stream.want(a);
    vi.advanceTimersByTime(BAND_SETTLE_MS - 1);
    cancelA();
    stream.want(b);
    vi.advanceTimersByTime(BAND_SETTLE_MS - 1);
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(calls.map((x) => x.input)).toEqual([b]);
    // While a run is under way, the newest input is sent as soon as it ends, with no second pause.
    stream.want(c);
    calls[0]!.resolve('B');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((x) => x.input)).toEqual([b, c]);
  });

  it('drops what nobody listens for any more, but keeps the outcome of the run under way', async () => {
    const { calls, compute } = manual();
    const stream = createLiveStream(compute);
    const { stop } = watch(stream);
    stream.want(a);
    stream.want(b);
    stop();
    calls[0]!.resolve('A');
    await settle();
    expect(calls).toHaveLength(1);
    expect(stream.state().input).toBe(a);
  });

  it('notifies through the function it is given (the app renders urgent outcomes at once)', async () => {
    const { calls, compute } = manual();
    const wrapped: string[] = [];
    const stream = createLiveStream(compute, { notify: (fn) => (wrapped.push('in'), fn(), wrapped.push('out')) });
    const { seen } = watch(stream);
    stream.want(a);
    calls[0]!.resolve('A');
    await settle();
    expect(wrapped).toEqual(['in', 'out']);
    expect(seen).toHaveLength(1);
  });
});

/** A runner that records its requests and answers each with a marker of the request. */
function recordingRunner(sync = true) {
  const monteCarlo: MonteCarloOptions[] = [];
  let expected = 0;
  const runner: SimRunner = {
    expected: async (input) => (expected++, { horizonWeeks: input.horizonWeeks } as RunResult),
    ...(sync ? { expectedSync: (input: SimInput) => simulateExpected(input) } : {}),
    simulate: () => Promise.reject(new Error('unused')),
    monteCarlo: async (_input, opts) => (monteCarlo.push(opts), { replications: opts.replications } as MonteCarloResult),
    sensitivity: () => Promise.reject(new Error('unused')),
    assumptionSensitivity: () => Promise.reject(new Error('unused')),
    dispose: () => undefined,
  };
  return { runner, monteCarlo, expectedCount: () => expected };
}

describe('the live scheduler', () => {
  it('runs the expected run on this thread through the runner, bit for bit the engine, and only where the runner can', () => {
    const scheduler = createLiveScheduler(createInProcessRunner());
    expect(scheduler.runsInline(a)).toBe(true);
    expect(scheduler.expectedNow(a).result).toEqual(simulateExpected(a));
    // The same input object is run once while it is recent.
    expect(scheduler.expectedNow(a)).toBe(scheduler.expectedNow(a));
    const asyncOnly = createLiveScheduler(recordingRunner(false).runner);
    expect(asyncOnly.runsInline(a)).toBe(false);
    expect(() => asyncOnly.expectedNow(a)).toThrow(/no synchronous/);
  });

  it('asks for every band with the options of one place: quick, full and fixed, in the uncertainty asked for', async () => {
    vi.useFakeTimers();
    expect(bandOptions()).toEqual({ replications: BAND_REPLICATIONS, seed: BAND_SEED, series: BAND_SERIES, uncertainty: 'all' });
    const { runner, monteCarlo } = recordingRunner();
    const scheduler = createLiveScheduler(runner);
    const all = scheduler.bandsFor('all');
    expect(scheduler.bandsFor('all')).toBe(all);
    watch(all.quickBands);
    watch(all.bands);
    all.quickBands.want(a);
    all.bands.want(a);
    await all.fixedBands.get(b);
    expect(monteCarlo).toEqual([bandOptions()]);
    await vi.advanceTimersByTimeAsync(BAND_SETTLE_MS);
    expect(monteCarlo).toEqual([bandOptions(), bandOptions(QUICK_BAND_REPLICATIONS), bandOptions()]);
    expect(all.quickBands.state().result?.replications).toBe(QUICK_BAND_REPLICATIONS);
    expect(all.bands.state().result?.replications).toBe(BAND_REPLICATIONS);
    // Luck-only bands are runs of their own, cached apart: the same input is asked for again, with 'noise'.
    const noise = scheduler.bandsFor('noise');
    expect(noise).not.toBe(all);
    await noise.fixedBands.get(b);
    expect(monteCarlo.at(-1)).toEqual(bandOptions(BAND_REPLICATIONS, 'noise'));
  });

  it('computes each fixed input once, forgets a failure so that it is tried again, and takes a lent result', async () => {
    const { runner, monteCarlo, expectedCount } = recordingRunner();
    const scheduler = createLiveScheduler(runner);
    const first = scheduler.fixedRuns.get(a);
    expect(scheduler.fixedRuns.get(a)).toBe(first);
    await first;
    expect(expectedCount()).toBe(1);

    let fail = true;
    const flaky = createLiveScheduler({ ...runner, expected: () => (fail ? Promise.reject(new Error('lost')) : runner.expected(a)) });
    await expect(flaky.fixedRuns.get(a)).rejects.toThrow('lost');
    await settle();
    expect(flaky.fixedRuns.has(a)).toBe(false);
    fail = false;
    await expect(flaky.fixedRuns.get(a)).resolves.toBeTruthy();

    const lent = { replications: BAND_REPLICATIONS } as MonteCarloResult;
    const fixedBands = scheduler.bandsFor('all').fixedBands;
    fixedBands.lend(c, lent);
    expect(fixedBands.has(c)).toBe(true);
    expect(await fixedBands.get(c)).toBe(lent);
    // A lent result never replaces one already there.
    fixedBands.lend(c, { replications: 1 } as MonteCarloResult);
    expect(await fixedBands.get(c)).toBe(lent);
    expect(monteCarlo).toEqual([]);
  });
});
