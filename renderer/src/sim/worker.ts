/// <reference lib="webworker" />
import { assumptionSensitivity, sensitivity, simulate, simulateExpected } from '../../../engine/core';
import { collectTransferables, createPortHelper, servePartsOn, splitMonteCarlo, type PortHelper } from './band-split';
import type { WorkerProgress, WorkerRequest, WorkerResponse } from './protocol';


declare const self: DedicatedWorkerGlobalScope;

// Helpers attached by the runner (the band worker gets them; the interactive worker never does).
let helpers: PortHelper[] = [];

type Result = Extract<WorkerResponse, { ok: true }>['result'];

/** Handle one request: synchronously where it can, or with a promise while helpers run their parts. */
function handle(req: WorkerRequest): Result | Promise<Result> {
  // Functions cannot cross postMessage, so progress travels back as messages of its own.
  const onProgress =
    (req.op === 'monteCarlo' || req.op === 'sensitivity' || req.op === 'assumptionSensitivity') && req.progress
      ? (done: number, total: number) => self.postMessage({ id: req.id, progress: [done, total] } satisfies WorkerProgress)
      : undefined;
  switch (req.op) {
    case 'expected':
      return simulateExpected(req.input);
    case 'simulate':
      return simulate(req.input, req.seed, { uncertainty: req.uncertainty });
    case 'monteCarlo':
      return splitMonteCarlo(req.input, { ...req.opts, onProgress }, helpers);
    case 'sensitivity':
      return sensitivity(req.input, { ...req.opts, onProgress });
    case 'assumptionSensitivity':
      return assumptionSensitivity(req.input, { ...req.opts, onProgress });
    case 'attachHelper':
      helpers.push(createPortHelper(req.port));
      return null;
    case 'serveParts':
      servePartsOn(req.port);
      return null;
    case 'helperLost':
      for (const h of helpers) h.fail(req.reason);
      helpers = [];
      return null;
    default:
      throw new Error(`Unknown operation '${(req as { op?: unknown }).op}'.`);
  }
}

function reply(response: WorkerResponse): void {
  self.postMessage(response, collectTransferables(response));
}

const failure = (id: number, err: unknown): WorkerResponse => ({ id, ok: false, error: err instanceof Error ? err.message : String(err) });

// Requests are handled one at a time, in order. Most finish inside the message handler; a Monte Carlo shared
// with helpers finishes when their parts arrive, and requests arriving meanwhile wait their turn, so that a
// quick band estimate is not held up behind this thread's share of the full run that was sent after it.
const queue: WorkerRequest[] = [];
let waiting = false;

function drain(): void {
  while (!waiting && queue.length > 0) {
    const req = queue.shift()!;
    let out: Result | Promise<Result>;
    try {
      out = handle(req);
    } catch (err) {
      reply(failure(req.id, err));
      continue;
    }
    if (out instanceof Promise) {
      waiting = true;
      out
        .then(
          (result) => reply({ id: req.id, ok: true, result }),
          (err: unknown) => reply(failure(req.id, err)),
        )
        .finally(() => {
          waiting = false;
          drain();
        });
    } else {
      reply({ id: req.id, ok: true, result: out });
    }
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  queue.push(event.data);
  drain();
};
