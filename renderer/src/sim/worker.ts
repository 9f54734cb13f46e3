/// <reference lib="webworker" />
import { monteCarlo, sensitivity, simulate, simulateExpected } from '../../../engine';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { collectTransferables } from './transfer';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  let response: WorkerResponse;
  try {
    const result =
      req.op === 'expected'
        ? simulateExpected(req.input)
        : req.op === 'simulate'
          ? simulate(req.input, req.seed)
          : req.op === 'monteCarlo'
            ? monteCarlo(req.input, req.opts)
            : sensitivity(req.input, req.opts);
    response = { id: req.id, ok: true, result };
  } catch (err) {
    response = { id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(response, collectTransferables(response));
};
