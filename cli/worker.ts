/**
 * A worker thread of the command line. Started as a runner lane (`workerData.role` 'runner', cli/runner.ts)
 * it serves the engine's runner (engine/parallel), as the app's Web Workers do. Otherwise it serves the
 * calls of the pool (cli/pool.ts) over the engine's typed RPC: it keeps the jobs it is sent (once each),
 * computes the ranges of them it is asked for and returns the results, their typed arrays transferred; it
 * also serves Monte Carlo parts and merges as the app's helper workers do. Each reply answers its own
 * call, so the order of the output never depends on which worker finished first.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { nodePort, partHandlers, serveRpc, serveRunner, transferred } from '../engine/parallel';
import { UnitError, payloadBuffers, runUnits, type Job, type WorkerMethods } from './job';

if (!parentPort) throw new Error('cli/worker.ts must run in a worker thread.');
const jobs = new Map<number, Job>();

if ((workerData as { role?: string } | null)?.role === 'runner') {
  serveRunner(nodePort(parentPort), (end) => nodePort(end as MessagePort));
} else {
  serveRpc<WorkerMethods>(nodePort(parentPort), {
    ...partHandlers,
    ready: () => null,
    job: ({ id, job }) => {
      jobs.set(id, job);
      return null;
    },
    forget: ({ id }) => {
      jobs.delete(id);
      return null;
    },
    run: ({ id, from, to }) => {
      const job = jobs.get(id);
      if (!job) return { ok: false, unit: from, message: `job ${id} was never sent to this worker` };
      try {
        const payload = runUnits(job, from, to);
        return transferred({ ok: true, payload }, payloadBuffers(payload));
      } catch (err) {
        const unit = err instanceof UnitError ? err.unit : from;
        return { ok: false, unit, message: err instanceof Error ? err.message : String(err) };
      }
    },
  });
}
