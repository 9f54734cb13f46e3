import {
  mergeMonteCarlo, monteCarlo, monteCarloPart, partBuffers, splitReplications,
  type MonteCarloPart, type MonteCarloPartOptions, type MonteCarloResult, type SimInput,
} from '../../../engine';
import type { PartReply, PartRequest } from './protocol';

/** Options of a split Monte Carlo: those of `monteCarlo`. */
export interface SplitOptions {
  readonly replications: number;
  readonly seed: number;
  readonly series?: readonly string[];
  readonly onProgress?: (done: number, total: number) => void;
}

/** Where a share of the replications can run: another worker, reached through a message port. */
export interface PartHelper {
  /** Run one part and return it (rejects with the helper's error, or when the helper is lost). */
  run(input: SimInput, opts: Omit<MonteCarloPartOptions, 'onProgress'>): Promise<MonteCarloPart>;
}

/**
 * Fewest replications worth splitting. Below this a part's run is a few milliseconds, comparable to posting
 * the request and the part and merging, so one thread does it all.
 */
export const MIN_SPLIT_REPLICATIONS = 64;

/**
 * Run a Monte Carlo with the replications shared between this thread and `helpers`: the helpers' shares are
 * posted first so that they start at once, this thread runs the first share meanwhile, and the parts are
 * merged here. The result is `monteCarlo(input, opts)` bit for bit (the engine's part/merge contract); with
 * no helper, or too few replications to be worth it, it is exactly that call. Rejects with the first error
 * of any share.
 */
export async function splitMonteCarlo(input: SimInput, opts: SplitOptions, helpers: readonly PartHelper[]): Promise<MonteCarloResult> {
  const R = opts.replications;
  // monteCarlo clamps odd replication counts (fractions, huge numbers); leave those to it unchanged.
  if (helpers.length === 0 || !Number.isInteger(R) || R < MIN_SPLIT_REPLICATIONS) return monteCarlo(input, opts);
  const [mine, ...theirs] = splitReplications(R, helpers.length + 1);
  const remote = theirs.map((range, i) => helpers[i]!.run(input, { seed: opts.seed, series: opts.series, ...range }));
  // Every remote share is awaited (even after one fails) so that no rejection goes unhandled.
  const settled = Promise.allSettled(remote);
  const { onProgress } = opts;
  // Progress of this thread's share stands for the whole: the shares are near-equal and run side by side.
  const progress = onProgress && ((done: number, total: number) => onProgress(Math.min(R, Math.round((done * R) / total)), R));
  const local = monteCarloPart(input, { seed: opts.seed, series: opts.series, ...mine!, onProgress: progress });
  const parts: MonteCarloPart[] = [local];
  for (const s of await settled) {
    if (s.status === 'rejected') throw s.reason instanceof Error ? s.reason : new Error(String(s.reason));
    parts.push(s.value);
  }
  return mergeMonteCarlo(input, parts);
}

/** The side of a message port this code uses: a DOM MessagePort or Node's, or a test double. */
export interface PortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** A PartHelper behind a port, and a way to fail its waiting parts when the worker behind it is gone. */
export interface PortHelper extends PartHelper {
  /** Reject every part still awaited, and all later ones, with `reason`. */
  fail(reason: string): void;
}

/** Return a PartHelper that posts part requests on `port` to a worker serving them (servePartsOn). */
export function createPortHelper(port: PortLike): PortHelper {
  const waiting = new Map<number, { resolve: (p: MonteCarloPart) => void; reject: (e: Error) => void }>();
  let next = 1;
  let lost: string | null = null;
  port.onmessage = (event: MessageEvent<PartReply>) => {
    const reply = event.data;
    const w = waiting.get(reply.job);
    if (!w) return;
    waiting.delete(reply.job);
    if (reply.ok) w.resolve(reply.part);
    else w.reject(new Error(reply.error));
  };
  return {
    run(input, opts) {
      if (lost !== null) return Promise.reject(new Error(lost));
      const job = next++;
      return new Promise<MonteCarloPart>((resolve, reject) => {
        waiting.set(job, { resolve, reject });
        port.postMessage({ job, input, opts } satisfies PartRequest);
      });
    },
    fail(reason) {
      lost = reason;
      for (const w of waiting.values()) w.reject(new Error(reason));
      waiting.clear();
    },
  };
}

/**
 * Serve part requests arriving on `port`: run each with monteCarloPart and post the part back with its
 * buffers transferred (not copied), or the error message.
 */
export function servePartsOn(port: PortLike): void {
  port.onmessage = (event: MessageEvent<PartRequest>) => {
    const { job, input, opts } = event.data;
    let part: MonteCarloPart;
    try {
      part = monteCarloPart(input, opts);
    } catch (err) {
      port.postMessage({ job, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies PartReply);
      return;
    }
    port.postMessage({ job, ok: true, part } satisfies PartReply, partBuffers(part));
  };
}
