/**
 * One parallel Monte Carlo for the app's Web Workers and the command line's worker threads: split the
 * replications, run the parts on helpers reached through a Port (port.ts), their typed arrays transferred
 * rather than copied, and merge them, bit for bit one `monteCarlo` call (SPEC R10).
 */
import { mergeMonteCarlo, monteCarlo, monteCarloPart, partBuffers, splitReplications, type MonteCarloPartOptions } from '../montecarlo';
import type { MonteCarloPart, MonteCarloResult, SeriesBands, SimInput } from '../types';
import { webPort, type Port, type WebEndpoint } from './port';
import { rpcClient, serveRpc, transferred, type Handlers, type Method } from './rpc';

/** Options of a split Monte Carlo: those of `monteCarlo`. */
export interface SplitOptions {
  readonly replications: number;
  readonly seed: number;
  readonly series?: readonly string[];
  readonly onProgress?: (done: number, total: number) => void;
  readonly uncertainty?: 'noise' | 'all';
}

/** Where a share of the work can run: another worker, reached through a message port. */
export interface PartHelper {
  /** Run one part and return it (rejects with the helper's error, or when the helper is lost). */
  run(input: SimInput, opts: Omit<MonteCarloPartOptions, 'onProgress'>): Promise<MonteCarloPart>;
  /** Merge parts that carry a share of the series (their buffers are handed over) and return the result. */
  merge(input: SimInput, parts: readonly MonteCarloPart[]): Promise<MonteCarloResult>;
}

/**
 * Fewest replications worth splitting. Below this a part's run is a few milliseconds, comparable to posting
 * the request and the part and merging, so one thread does it all.
 */
export const MIN_SPLIT_REPLICATIONS = 64;

/** Return the part cut down to the series `ids` (a subset of its own, kept in its order); KPIs stay whole. */
export function partWithSeries(part: MonteCarloPart, ids: ReadonlySet<string>): MonteCarloPart {
  const values: Record<string, Float32Array> = {};
  for (const id of Object.keys(part.values)) if (ids.has(id)) values[id] = part.values[id]!;
  return { ...part, series: part.series.filter((id) => ids.has(id)), values };
}

/**
 * Deal the series of a part into `n` shares for merging side by side: the series with values (whose
 * percentiles are the work) round-robin, the exogenous ones (copied from the path) to the first share.
 */
export function seriesShares(part: MonteCarloPart, n: number): Set<string>[] {
  const shares = Array.from({ length: n }, () => new Set<string>());
  let next = 0;
  for (const id of part.series) {
    if (part.values[id] === undefined) shares[0]!.add(id);
    else shares[next++ % n]!.add(id);
  }
  return shares;
}

/**
 * Run a Monte Carlo with the work shared between this thread and `helpers`. The helpers' replications are
 * posted first so that they start at once, and this thread runs the first share meanwhile. The merge, the
 * per-week percentiles of every series, is then shared too: each helper gets every part's values of its
 * share of the series (handed over, not copied) and returns those bands, while this thread merges the rest.
 * The result is `monteCarlo(input, opts)` bit for bit: a series' bands depend only on its own values in
 * replication order, and the parts and merges are the engine's (SPEC R10). With no helper, or too few
 * replications to be worth it, it is exactly that call. Rejects with the first error of any share.
 */
export async function splitMonteCarlo(input: SimInput, opts: SplitOptions, helpers: readonly PartHelper[]): Promise<MonteCarloResult> {
  const R = opts.replications;
  // monteCarlo clamps odd replication counts (fractions, huge numbers); leave those to it unchanged.
  if (helpers.length === 0 || !Number.isInteger(R) || R < MIN_SPLIT_REPLICATIONS) return monteCarlo(input, opts);
  const [mine, ...theirs] = splitReplications(R, helpers.length + 1);
  const remote = theirs.map((range, i) => helpers[i]!.run(input, { seed: opts.seed, series: opts.series, uncertainty: opts.uncertainty, ...range }));
  const { onProgress } = opts;
  // Progress of this thread's share stands for the whole: the shares are near-equal and run side by side.
  const progress = onProgress && ((done: number, total: number) => onProgress(Math.min(R, Math.round((done * R) / total)), R));
  let local: MonteCarloPart;
  try {
    local = monteCarloPart(input, { seed: opts.seed, series: opts.series, uncertainty: opts.uncertainty, ...mine!, onProgress: progress });
  } finally {
    // Settle every remote share even when this one threw, so that no rejection goes unhandled.
    void Promise.allSettled(remote);
  }
  const parts = [local, ...(await allOrFirstError(remote))];
  const shares = seriesShares(local, helpers.length + 1);
  const merged = shares.slice(1).map((ids, i) => (ids.size > 0 ? helpers[i]!.merge(input, parts.map((p) => partWithSeries(p, ids))) : null));
  let result: MonteCarloResult;
  try {
    result = mergeMonteCarlo(input, parts.map((p) => partWithSeries(p, shares[0]!)));
  } finally {
    void Promise.allSettled(merged.filter((m) => m !== null));
  }
  const others = await allOrFirstError(merged.filter((m): m is Promise<MonteCarloResult> => m !== null));
  if (others.length === 0) return result;
  // The bands in the order one call lists them (its series order), whichever thread summarised them.
  const bands: Record<string, SeriesBands> = {};
  for (const id of local.series) bands[id] = result.bands[id] ?? others.find((o) => o.bands[id])!.bands[id]!;
  return { ...result, bands };
}

/** Await every promise; reject with the first error (by position) once all have settled. */
async function allOrFirstError<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const out: T[] = [];
  for (const s of await Promise.allSettled(promises)) {
    if (s.status === 'rejected') throw s.reason instanceof Error ? s.reason : new Error(String(s.reason));
    out.push(s.value);
  }
  return out;
}

/** The methods a part helper serves: run one part, or merge parts carrying its share of the series. */
export type PartMethods = {
  readonly part: Method<{ readonly input: SimInput; readonly opts: Omit<MonteCarloPartOptions, 'onProgress'> }, MonteCarloPart>;
  readonly merge: Method<{ readonly input: SimInput; readonly parts: readonly MonteCarloPart[] }, MonteCarloResult>;
};

/** A PartHelper behind a port, and a way to fail its waiting parts when the worker behind it is gone. */
export interface PortHelper extends PartHelper {
  /** Reject every part still awaited, and all later ones, with `reason`. */
  fail(reason: string): void;
}

/** Return a PartHelper that calls, over `port`, a worker serving parts (partHandlers). */
export function partHelper(port: Port): PortHelper {
  const client = rpcClient<PartMethods>(port);
  return {
    run: (input, opts) => client.call('part', { input, opts }),
    // The values go (transferred: this thread is done with them); the KPIs and how each initiative ended are
    // copied, as the caller keeps them for its own merge (the part a helper runs comes back with all of its
    // buffers transferred: partHandlers lists partBuffers).
    merge: (input, parts) => client.call('merge', { input, parts }, parts.flatMap((p) => Object.values(p.values).map((v) => v.buffer as ArrayBuffer))),
    fail: (reason) => client.fail(reason),
  };
}

/**
 * How a helper serves parts: run one with monteCarloPart (every buffer of it transferred back), or merge
 * parts with mergeMonteCarlo (the result's typed arrays transferred back).
 */
export const partHandlers: Handlers<PartMethods> = {
  part: ({ input, opts }) => {
    const part = monteCarloPart(input, opts);
    return transferred(part, partBuffers(part));
  },
  merge: ({ input, parts }) => mergeMonteCarlo(input, parts),
};

/** Serve part and merge requests arriving on `port` (a helper worker's side of partHelper). */
export function serveParts(port: Port): void {
  serveRpc<PartMethods>(port, partHandlers);
}

/** Return a PartHelper over a Web Worker's or DOM MessagePort's endpoint (see partHelper). */
export function createPortHelper<E extends { readonly data: unknown }>(endpoint: WebEndpoint<E>): PortHelper {
  return partHelper(webPort(endpoint));
}

/** Serve parts on a Web Worker's or DOM MessagePort's endpoint (see serveParts). */
export function servePartsOn<E extends { readonly data: unknown }>(endpoint: WebEndpoint<E>): void {
  serveParts(webPort(endpoint));
}
