/// <reference lib="webworker" />
import { monteCarlo, sensitivity, simulate, simulateExpected } from '../../../engine';
import type { WorkerProgress, WorkerRequest, WorkerResponse } from './protocol';
import { collectTransferables } from './transfer';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  // Functions cannot cross postMessage, so progress travels back as messages of its own.
  const onProgress =
    (req.op === 'monteCarlo' || req.op === 'sensitivity') && req.progress
      ? (done: number, total: number) => self.postMessage({ id: req.id, progress: [done, total] } satisfies WorkerProgress)
      : undefined;
  let response: WorkerResponse;
  try {
    const result =
      req.op === 'expected'
        ? simulateExpected(req.input)
        : req.op === 'simulate'
          ? simulate(req.input, req.seed)
          : req.op === 'monteCarlo'
            ? monteCarlo(req.input, { ...req.opts, onProgress })
            : sensitivity(req.input, { ...req.opts, onProgress });
    response = { id: req.id, ok: true, result };
  } catch (err) {
    response = { id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(response, collectTransferables(response));
};
