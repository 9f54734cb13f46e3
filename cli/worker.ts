/**
 * A worker thread of the command line: it simulates the tasks the pool sends (one at a time)
 * and posts back their KPI summaries, tagged with the task's index so order never depends on
 * which worker finished first.
 */
import { parentPort } from 'node:worker_threads';
// Narrow imports (not ../engine): a worker needs only the model, so it starts without loading
// zod and the file formats, which roughly halves its start-up time.
import { createInProcessRunner } from '../engine/runner';
import { evaluateTask } from '../engine/run-file/summary';
import type { WorkerReply, WorkerRequest } from './pool';

const port = parentPort;
if (!port) throw new Error('cli/worker.ts must run in a worker thread.');
const runner = createInProcessRunner();

port.on('message', (msg: WorkerRequest) => {
  evaluateTask(msg.task, runner).then(
    (summary) => port.postMessage({ index: msg.index, summary } satisfies WorkerReply),
    (err: unknown) => port.postMessage({ index: msg.index, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies WorkerReply),
  );
});
