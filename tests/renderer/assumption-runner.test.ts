import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assumptionSensitivity, blankInput, CANCELLED, createInProcessRunner, type AssumptionSensitivity } from '../../engine';
import { createWorkerRunner } from '../../renderer/src/sim/worker-runner';

/** A call as the runner's RPC sends it (engine/parallel/rpc.ts). */
interface WorkerRequest {
  readonly call: number;
  readonly method: string;
  readonly args: { readonly input?: unknown; readonly opts?: unknown };
  readonly progress?: true;
}

/** A stand-in for a Web Worker: records what it is sent and whether it was stopped; the test answers for it. */
class FakeWorker {
  static made: FakeWorker[] = [];
  readonly sent: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: WorkerRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Answer the newest call of `method`, as the worker would. */
  reply(method: string, value: unknown): void {
    const req = this.sent.filter((r) => r.method === method).at(-1)!;
    this.onmessage?.({ data: { call: req.call, ok: true, value } });
  }
}

const opts = { kpi: 'maturityAtHorizon', seed: 2, replications: 3, trajectories: 2 };
const screeningWorkers = () => FakeWorker.made.filter((w) => w.sent.some((r) => r.method === 'assumptionSensitivity'));

describe('assumption screenings through the runners', () => {
  const native = globalThis.Worker;
  beforeEach(() => {
    FakeWorker.made = [];
    globalThis.Worker = FakeWorker as unknown as typeof Worker;
  });
  afterEach(() => {
    globalThis.Worker = native;
  });

  it('gives the engine\'s result in process, and refuses a signal already aborted', async () => {
    const runner = createInProcessRunner();
    expect(await runner.assumptionSensitivity(blankInput(), opts)).toEqual(assumptionSensitivity(blankInput(), opts));
    const controller = new AbortController();
    controller.abort();
    await expect(runner.assumptionSensitivity(blankInput(), { ...opts, signal: controller.signal })).rejects.toThrow(CANCELLED);
  });

  it('runs a screening on a worker of its own, and stops that worker when the signal aborts', async () => {
    const runner = createWorkerRunner();
    const controller = new AbortController();
    const first = runner.assumptionSensitivity(blankInput(), { ...opts, signal: controller.signal, onProgress: () => undefined });
    // Not on the band or interactive workers: those are never started by a screening.
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.sent[0]).toMatchObject({ method: 'assumptionSensitivity', args: { opts }, progress: true });
    controller.abort();
    await expect(first).rejects.toThrow(CANCELLED);
    expect(FakeWorker.made[0]!.terminated).toBe(true);

    // The next screening starts a fresh worker, and a signal aborted after its screening ended stops nothing.
    const later = new AbortController();
    const second = runner.assumptionSensitivity(blankInput(), { ...opts, signal: later.signal });
    expect(screeningWorkers()).toHaveLength(2);
    const fresh = screeningWorkers()[1]!;
    const result = { kpi: opts.kpi, replications: 3, trajectories: 2, rows: [] } satisfies AssumptionSensitivity;
    fresh.reply('assumptionSensitivity', result);
    expect(await second).toEqual(result);
    later.abort();
    expect(fresh.terminated).toBe(false);
    runner.dispose();
    expect(fresh.terminated).toBe(true);
  });
});
