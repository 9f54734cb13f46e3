/**
 * Monte Carlo: N replications of the same input, each with its own random stream (seed, replication),
 * summarised as P10/P50/P90/mean bands per series and the distribution of every KPI.
 */
import { resolveSettings } from './levers';
import { buildPath } from './exogenous';
import { compileInput } from './portfolio';
import { createRng, reseed } from './random';
import { KPI_COUNT, KPIS, SERIES, SERIES_COUNT } from './series';
import { createWorkspace, PATH_SERIES, runCore, writePathSeries, type Sink } from './simulate';
import { createColumnScratch, summariseColumn, summariseInPlace, type ColumnScratch } from './stats';
import type { KpiDistribution, MonteCarloResult, SeriesBands, SimInput } from './types';
import { ENGINE_VERSION } from './version';

/** Most replications one call accepts. */
export const MAX_REPLICATIONS = 100_000;
/** Replications run before their rows are transposed into the week-major store (rows stay in cache). */
const BLOCK = 16;

/** Options of a Monte Carlo run. */
export interface MonteCarloRunOptions {
  readonly replications: number;
  readonly seed: number;
  /** Called with (done, total) every so often; must not throw. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Ids of the series whose bands the caller wants (a chart asks only for what it draws); default every
   * series. Bands of other series are left out of the result; KPIs are always complete. Unknown ids throw.
   */
  readonly series?: readonly string[];
}

/** Return, per series index, whether its bands are wanted. */
function wantedSeries(ids: readonly string[] | undefined): boolean[] {
  if (ids === undefined) return SERIES.map(() => true);
  const want = SERIES.map(() => false);
  for (const id of ids) {
    const i = SERIES.findIndex((d) => d.id === id);
    if (i < 0) throw new Error(`Unknown series '${id}'. Known: ${SERIES.map((d) => d.id).join(', ')}`);
    want[i] = true;
  }
  return want;
}

// Scratch reused across calls: the replication store is large (series × replications × weeks) and allocating
// it afresh for each live update would dominate the run time. Its contents never leak into results. It holds
// single precision (7 significant digits, ample for bands) so that it stays in cache; KPIs stay in double.
// The percentiles read each column's bit patterns through an integer view of the same memory.
let store: Float32Array[] = [];
let storeBits: Int32Array[] = [];
let storeSize = 0;

function replicationStore(size: number): Float32Array[] {
  if (size > storeSize || store.length !== SERIES_COUNT) {
    store = [];
    for (let i = 0; i < SERIES_COUNT; i++) store.push(new Float32Array(PATH_SERIES[i] ? 0 : size));
    storeBits = store.map((f) => new Int32Array(f.buffer, f.byteOffset, f.length));
    storeSize = size;
  }
  return store;
}

// Per series, one buffer holding a block of replications' rows back to back (replication b at b·W).
let blockCache: Float64Array[] = [];
let rowCache: Float64Array[][] = [];
let rowWeeks = 0;

function rowBuffers(W: number): Float64Array[][] {
  if (rowWeeks !== W) {
    blockCache = [];
    for (let s = 0; s < SERIES_COUNT; s++) blockCache.push(new Float64Array(PATH_SERIES[s] ? 0 : BLOCK * W));
    rowCache = [];
    for (let b = 0; b < BLOCK; b++) rowCache.push(blockCache.map((blk) => (blk.length > 0 ? blk.subarray(b * W, (b + 1) * W) : blk)));
    rowWeeks = W;
  }
  return rowCache;
}

/** Copy a block of B replications' rows (replication b's week w at b·W + w) into the week-major store. */
function transposeBlock(blk: Float64Array, dst: Float32Array, r0: number, B: number, W: number, R: number): void {
  for (let w = 0; w < W; w++) {
    const at = w * R + r0;
    for (let b = 0, src = w; b < B; b++, src += W) dst[at + b] = blk[src]!;
  }
}

/** Summarise each week's column of a week-major store (R values per week) into bands. */
function bandsOf(col: Float32Array, bits: Int32Array, W: number, R: number, sc: ColumnScratch, tmp: Float64Array): SeriesBands {
  const p10 = new Float64Array(W), p50 = new Float64Array(W), p90 = new Float64Array(W), mean = new Float64Array(W);
  for (let w = 0; w < W; w++) {
    summariseColumn(col, bits, w * R, R, sc, tmp);
    p10[w] = tmp[0]!; p50[w] = tmp[1]!; p90[w] = tmp[2]!; mean[w] = tmp[3]!;
  }
  return { p10, p50, p90, mean };
}

/** Run N replications and return bands per series and the distribution of each KPI. */
export function monteCarlo(input: SimInput, opts: MonteCarloRunOptions): MonteCarloResult {
  const R = Math.max(1, Math.min(MAX_REPLICATIONS, Math.floor(Number.isFinite(opts.replications) ? opts.replications : 1)));
  const seed = Number.isFinite(opts.seed) ? Math.trunc(opts.seed) : 0;
  const want = wantedSeries(opts.series);
  const ci = compileInput(input);
  const settings = resolveSettings(input.levers);
  const path = buildPath(ci, settings);
  const ws = createWorkspace(ci);
  const H = ci.horizon;
  const W = H + 1;
  // Replication r's week w of a stochastic series lives at r·W + w: each replication writes contiguously.
  const store = replicationStore(W * R);
  const kpis: Float64Array[] = [];
  for (let k = 0; k < KPI_COUNT; k++) kpis.push(new Float64Array(R));
  // Replications run in blocks; each writes one row per series into a small double buffer that stays in
  // cache, and a full block is then transposed into the week-major store (week w of replication r at w·R + r),
  // so that each week's values across replications are contiguous for the percentiles.
  const rows = rowBuffers(W);
  const sink: Sink = { series: rows[0]!, offset: 0, kpis, kpiIndex: 0, detail: null };
  const rng = createRng(seed, 0);
  const every = Math.max(1, Math.floor(R / 20));
  for (let r0 = 0; r0 < R; r0 += BLOCK) {
    const B = Math.min(BLOCK, R - r0);
    for (let b = 0; b < B; b++) {
      const r = r0 + b;
      reseed(rng, seed, r);
      sink.series = rows[b]!;
      sink.kpiIndex = r;
      runCore(ci, settings, path, ws, rng, sink);
      if (opts.onProgress && ((r + 1) % every === 0 || r + 1 === R)) opts.onProgress(r + 1, R);
    }
    for (let s = 0; s < SERIES_COUNT; s++) if (want[s] && !PATH_SERIES[s]) transposeBlock(blockCache[s]!, store[s]!, r0, B, W, R);
  }

  const bands: Record<string, SeriesBands> = {};
  // Series of the exogenous path are the same in every replication: their bands collapse onto the path.
  const pathSeries: Float64Array[] = [];
  for (let s = 0; s < SERIES_COUNT; s++) pathSeries.push(new Float64Array(PATH_SERIES[s] ? W : 0));
  writePathSeries(path, pathSeries);
  const scratch = new Float64Array(R);
  const columnScratch = createColumnScratch(R);
  const tmp = new Float64Array(4);
  for (let s = 0; s < SERIES_COUNT; s++) {
    if (!want[s]) continue;
    const id = SERIES[s]!.id;
    if (PATH_SERIES[s]) {
      const v = pathSeries[s]!;
      bands[id] = { p10: v.slice(), p50: v.slice(), p90: v.slice(), mean: v };
      continue;
    }
    bands[id] = bandsOf(store[s]!, storeBits[s]!, W, R, columnScratch, tmp);
  }
  const kpiOut: Record<string, KpiDistribution> = {};
  for (let k = 0; k < KPI_COUNT; k++) {
    scratch.set(kpis[k]!);
    summariseInPlace(scratch, R, tmp);
    kpiOut[KPIS[k]!.id] = { p10: tmp[0]!, p50: tmp[1]!, p90: tmp[2]!, mean: tmp[3]!, values: kpis[k]! };
  }
  return { engineVersion: ENGINE_VERSION, seed, replications: R, horizonWeeks: H, bands, kpis: kpiOut };
}

/**
 * Return the mean of every KPI over N replications with streams (seed, 0..N−1), keeping no series.
 * Sensitivity uses it so that each lever setting sees the same random numbers (common random numbers).
 */
export function kpiMeans(input: SimInput, replications: number, seed: number): Float64Array {
  const R = Math.max(1, Math.floor(replications));
  const ci = compileInput(input);
  const settings = resolveSettings(input.levers);
  const path = buildPath(ci, settings);
  const ws = createWorkspace(ci);
  const W = ci.horizon + 1;
  const series: Float64Array[] = [];
  for (let i = 0; i < SERIES_COUNT; i++) series.push(new Float64Array(PATH_SERIES[i] ? 0 : W));
  const kpis: Float64Array[] = [];
  for (let k = 0; k < KPI_COUNT; k++) kpis.push(new Float64Array(R));
  const sink: Sink = { series, offset: 0, kpis, kpiIndex: 0, detail: null };
  const rng = createRng(seed, 0);
  for (let r = 0; r < R; r++) {
    reseed(rng, seed, r);
    sink.kpiIndex = r;
    runCore(ci, settings, path, ws, rng, sink);
  }
  const out = new Float64Array(KPI_COUNT);
  for (let k = 0; k < KPI_COUNT; k++) {
    let s = 0;
    const v = kpis[k]!;
    for (let r = 0; r < R; r++) s += v[r]!;
    out[k] = s / R;
  }
  return out;
}
