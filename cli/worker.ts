/**
 * A worker thread of the command line: it keeps the jobs the pool sends (once each), computes the
 * ranges of them it is asked for and posts the results back, their typed arrays transferred. Each
 * reply names its range, so the order of the output never depends on which worker finished first.
 */
import { parentPort } from 'node:worker_threads';
import { UnitError, payloadBuffers, runUnits, type Job } from './job';
import type { FromWorker, ToWorker } from './pool';

const port = parentPort;
if (!port) throw new Error('cli/worker.ts must run in a worker thread.');
const jobs = new Map<number, Job>();

function reply(msg: FromWorker, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(msg, transfer);
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'job') {
    jobs.set(msg.id, msg.job);
    return;
  }
  if (msg.type === 'forget') {
    jobs.delete(msg.id);
    return;
  }
  const job = jobs.get(msg.id);
  if (!job) {
    reply({ type: 'failed', id: msg.id, unit: msg.from, message: `job ${msg.id} was never sent to this worker` });
    return;
  }
  try {
    const payload = runUnits(job, msg.from, msg.to);
    reply({ type: 'done', id: msg.id, from: msg.from, to: msg.to, payload }, payloadBuffers(payload));
  } catch (err) {
    const unit = err instanceof UnitError ? err.unit : msg.from;
    reply({ type: 'failed', id: msg.id, unit, message: err instanceof Error ? err.message : String(err) });
  }
});
reply({ type: 'ready' });
