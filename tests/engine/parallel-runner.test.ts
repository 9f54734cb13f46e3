// One parallel runner (engine/parallel) for the app's Web Workers and the command line's worker threads:
// over a worker_threads port (a command-line worker, cli/worker.ts, serving parts) and over an in-process
// port that clones every message as postMessage does, the split Monte Carlo gives the bits of one
// monteCarlo call, and the buffers listed for transfer move (the sender's copies are detached).
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankInput, monteCarlo, type MonteCarloResult } from '../../engine';
import { nodePort, partHelper, serveParts, splitMonteCarlo, type Port, type PortHelper } from '../../engine/parallel';

/** The same result, number for number: toStrictEqual compares numbers with Object.is (so -0 and NaN count). */
function expectSameBits(actual: MonteCarloResult, expected: MonteCarloResult): void {
  expect(Object.keys(actual.bands)).toEqual(Object.keys(expected.bands));
  expect(actual).toStrictEqual(expected);
}

/** Two ports joined on this thread: each message is cloned with its transfer list, as postMessage does. */
function inProcessChannel(moved: ArrayBuffer[]): [Port, Port] {
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
    const moved: ArrayBuffer[] = [];
    const [here, there] = inProcessChannel(moved);
    serveParts(there);
    const inProcess = await splitMonteCarlo(input, opts, [partHelper(here)]);
    const threads = await splitMonteCarlo(input, opts, [overThreads]);
    expectSameBits(inProcess, whole);
    expectSameBits(threads, whole);
    // The part came back and the values went out transferred: every moved buffer is detached at its sender.
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((b) => b.byteLength === 0)).toBe(true);
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
