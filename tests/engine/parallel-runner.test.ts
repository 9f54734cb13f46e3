// One parallel runner (engine/parallel) for the app's Web Workers and the command line's worker threads:
// over a worker_threads port (a command-line worker, cli/worker.ts, serving parts) and over an in-process
// port that clones every message as postMessage does, the split Monte Carlo gives the bits of one
// monteCarlo call, and the buffers listed for transfer move (the sender's copies are detached).
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankInput, monteCarlo, sensitivity, simulate, simulateExpected, type MonteCarloResult } from '../../engine';
import {
  attachHelper, laneRunner, nodePort, partHelper, rpcClient, serveParts, serveRpc, serveRunner, splitMonteCarlo,
  type Method, type Port, type PortHelper, type RunnerMethods,
} from '../../engine/parallel';

/** The same result, number for number: toStrictEqual compares numbers with Object.is (so -0 and NaN count). */
function expectSameBits(actual: MonteCarloResult, expected: MonteCarloResult): void {
  expect(Object.keys(actual.bands)).toEqual(Object.keys(expected.bands));
  expect(actual).toStrictEqual(expected);
}

/** Two ports joined on this thread: each message is cloned with its transfer list, as postMessage does. */
function inProcessChannel(moved: object[]): [Port, Port] {
  const handlers: [((m: unknown) => void) | null, ((m: unknown) => void) | null] = [null, null];
  const end = (me: 0 | 1): Port => ({
    post(message, transfer = []) {
      moved.push(...transfer);
      const copy = structuredClone(message, { transfer: [...transfer] });
      queueMicrotask(() => handlers[me === 0 ? 1 : 0]?.(copy));
    },
    listen(handler) {
      handlers[me] = handler;
    },
  });
  return [end(0), end(1)];
}

const cases = [
  { name: 'every series, noise', opts: { replications: 200, seed: 11 } },
  { name: 'two series, assumptions too', opts: { replications: 130, seed: 5, series: ['maturity', 'maturity.patients'], uncertainty: 'all' as const } },
];

describe('one parallel runner over either kind of port', () => {
  let worker: Worker;
  let overThreads: PortHelper;
  beforeAll(() => {
    worker = new Worker(new URL('../../cli/bin/worker.mjs', import.meta.url));
    overThreads = partHelper(nodePort(worker));
    worker.on('error', (err) => overThreads.fail(err.message));
  });
  afterAll(async () => {
    await worker.terminate();
  });

  it.each(cases)('gives the bits of one monteCarlo call over a worker_threads port and an in-process port ($name)', async ({ opts }) => {
    const input = blankInput();
    const whole = monteCarlo(input, opts);
    const moved: object[] = [];
    const [here, there] = inProcessChannel(moved);
    serveParts(there);
    const inProcess = await splitMonteCarlo(input, opts, [partHelper(here)]);
    const threads = await splitMonteCarlo(input, opts, [overThreads]);
    expectSameBits(inProcess, whole);
    expectSameBits(threads, whole);
    // The part came back and the values went out transferred: every moved buffer is detached at its sender.
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((b) => b instanceof ArrayBuffer && b.byteLength === 0)).toBe(true);
  }, 60_000);

  it('rejects the waiting parts when the worker behind the port is gone, and every later one', async () => {
    const [here] = inProcessChannel([]);
    const helper = partHelper(here);
    const waiting = helper.run(blankInput(), { seed: 1, from: 0, to: 2 });
    helper.fail('the helper stopped');
    await expect(waiting).rejects.toThrow('the helper stopped');
    await expect(helper.run(blankInput(), { seed: 1, from: 0, to: 2 })).rejects.toThrow('the helper stopped');
  });
});

describe('the RPC', () => {
  type Api = { readonly count: Method<{ readonly to: number }, number>; readonly wait: Method<{ readonly ms: number; readonly tag: string }, string> };

  it('relays a method\'s progress to the caller who asked for it, before the result', async () => {
    const [here, there] = inProcessChannel([]);
    serveRpc<Api>(there, {
      count: ({ to }, { progress }) => {
        for (let i = 1; i <= to; i++) progress?.(i, to);
        return to;
      },
      wait: ({ tag }) => tag,
    });
    const client = rpcClient<Api>(here);
    const heard: number[] = [];
    const result = await client.call('count', { to: 3 }, [], (done) => heard.push(done));
    expect(heard).toEqual([1, 2, 3]);
    expect(result).toBe(3);
    // Without a listener the method gets no progress to report.
    expect(await client.call('count', { to: 2 })).toBe(2);
  });

  it.each([
    { serial: true, order: ['slow', 'quick'] },
    { serial: false, order: ['quick', 'slow'] },
  ])('serves calls one after another when serial ($serial), else as they come', async ({ serial, order }) => {
    const [here, there] = inProcessChannel([]);
    const finished: string[] = [];
    serveRpc<Api>(
      there,
      {
        count: ({ to }) => to,
        wait: ({ ms, tag }) =>
          new Promise((resolve) =>
            setTimeout(() => {
              finished.push(tag);
              resolve(tag);
            }, ms),
          ),
      },
      { serial },
    );
    const client = rpcClient<Api>(here);
    await Promise.all([client.call('wait', { ms: 40, tag: 'slow' }), client.call('wait', { ms: 1, tag: 'quick' })]);
    expect(finished).toEqual(order);
  });

  it('rejects the calls awaited when told, and lets later ones through', async () => {
    const [here] = inProcessChannel([]);
    const client = rpcClient<Api>(here);
    const waiting = client.call('count', { to: 1 });
    client.rejectWaiting('the worker threw');
    await expect(waiting).rejects.toThrow('the worker threw');
    const [a, b] = inProcessChannel([]);
    serveRpc<Api>(b, { count: ({ to }) => to, wait: ({ tag }) => tag });
    const live = rpcClient<Api>(a);
    live.rejectWaiting('nothing waits');
    expect(await live.call('count', { to: 5 })).toBe(5);
  });
});

describe('the lane runner over served runners', () => {
  /** A runner whose batch worker has one helper, all on in-process ports that clone as postMessage does. */
  function inProcessRunner() {
    const served = (): ReturnType<typeof rpcClient<RunnerMethods>> => {
      const [here, there] = inProcessChannel([]);
      serveRunner(there, (end) => end as Port);
      return rpcClient<RunnerMethods>(here);
    };
    const interactive = served();
    const batch = served();
    const helper = served();
    attachHelper(batch, helper, () => {
      const [port1, port2] = inProcessChannel([]);
      return { port1, port2 };
    });
    return laneRunner({ interactive: () => interactive, batch: () => batch, dispose: () => undefined });
  }

  it('gives what the engine gives: expected, seeded, Monte Carlo (bit for bit, shared with the helper) and sensitivity', async () => {
    const input = { ...blankInput(), horizonWeeks: 60 };
    const runner = inProcessRunner();
    expect(await runner.expected(input)).toEqual(simulateExpected(input));
    expect(runner.expectedSync!(input)).toEqual(simulateExpected(input));
    expect(await runner.simulate(input, 9, { uncertainty: 'all' })).toEqual(simulate(input, 9, { uncertainty: 'all' }));
    const progress: number[] = [];
    const opts = { replications: 150, seed: 3, series: ['maturity'] };
    expectSameBits(await runner.monteCarlo(input, { ...opts, onProgress: (done) => progress.push(done) }), monteCarlo(input, opts));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[progress.length - 1]).toBe(150);
    const sOpts = { kpi: 'maturityAtHorizon', seed: 2, replications: 2 };
    expect(await runner.sensitivity(input, sOpts)).toEqual(sensitivity(input, sOpts));
  }, 60_000);
});
