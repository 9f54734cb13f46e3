/**
 * Monte Carlo: N replications of the same input, each with its own random stream (seed, replication),
 * summarised as P10/P50/P90/mean bands per series and the distribution of every KPI.
 */
import { resolveSettings } from './levers';
import { compileInput } from './portfolio';
import { createRng, reseed } from './random';
import { KPI_COUNT, KPIS, SERIES, SERIES_COUNT } from './series';
import { createWorkspace, runCore, type Sink } from './simulate';
import { summarise } from './stats';
import type { KpiDistribution, MonteCarloResult, SeriesBands, SimInput } from './types';
import { ENGINE_VERSION } from './version';

/** Most replications one call accepts. */
export const MAX_REPLICATIONS = 100_000;

/** Options of a Monte Carlo run. */
export interface MonteCarloRunOptions {
  readonly replications: number;
  readonly seed: number;
  /** Called with (done, total) every so often; must not throw. */
  readonly onProgress?: (done: number, total: number) => void;
}

// Scratch reused across calls: the column store is large (series × weeks × replications) and allocating it
// afresh for each live update would dominate the run time. Contents never leak into results.
let store: Float64Array[] = [];
let storeSize = 0;

function columnStore(size: number): Float64Array[] {
  if (size > storeSize || store.length !== SERIES_COUNT) {
    store = [];
    for (let i = 0; i < SERIES_COUNT; i++) store.push(new Float64Array(size));
    storeSize = size;
  }
  return store;
}

/** Run N replications and return bands per series and the distribution of each KPI. */
export function monteCarlo(input: SimInput, opts: MonteCarloRunOptions): MonteCarloResult {
  const R = Math.max(1, Math.min(MAX_REPLICATIONS, Math.floor(Number.isFinite(opts.replications) ? opts.replications : 1)));
  const seed = Number.isFinite(opts.seed) ? Math.trunc(opts.seed) : 0;
  const ci = compileInput(input);
  const settings = resolveSettings(input.levers);
  const ws = createWorkspace(ci);
  const H = ci.horizon;
  const W = H + 1;
  const cols = columnStore(W * R);
  const kpis: Float64Array[] = [];
  for (let k = 0; k < KPI_COUNT; k++) kpis.push(new Float64Array(R));
  // Series are stored week-major (value of replication r in week w at w·R + r) so each week's column is contiguous.
  const sink: Sink = { series: cols, offset: 0, stride: R, kpis, kpiIndex: 0, detail: null };
  const rng = createRng(seed, 0);
  const every = Math.max(1, Math.floor(R / 20));
  for (let r = 0; r < R; r++) {
    reseed(rng, seed, r);
    sink.offset = r;
    sink.kpiIndex = r;
    runCore(ci, settings, ws, rng, sink);
    if (opts.onProgress && ((r + 1) % every === 0 || r + 1 === R)) opts.onProgress(r + 1, R);
  }

  const scratch = new Float64Array(R);
  const tmp = new Float64Array(4);
  const bands: Record<string, SeriesBands> = {};
  for (let s = 0; s < SERIES_COUNT; s++) {
    const p10 = new Float64Array(W), p50 = new Float64Array(W), p90 = new Float64Array(W), mean = new Float64Array(W);
    const col = cols[s]!;
    for (let w = 0; w < W; w++) {
      summarise(col, w * R, R, scratch, tmp);
      p10[w] = tmp[0]!; p50[w] = tmp[1]!; p90[w] = tmp[2]!; mean[w] = tmp[3]!;
    }
    bands[SERIES[s]!.id] = { p10, p50, p90, mean };
  }
  const kpiOut: Record<string, KpiDistribution> = {};
  for (let k = 0; k < KPI_COUNT; k++) {
    summarise(kpis[k]!, 0, R, scratch, tmp);
    kpiOut[KPIS[k]!.id] = { p10: tmp[0]!, p50: tmp[1]!, p90: tmp[2]!, mean: tmp[3]!, values: kpis[k]! };
  }
  return { engineVersion: ENGINE_VERSION, seed, replications: R, horizonWeeks: H, bands, kpis: kpiOut };
}

/**
 * Return the mean of every KPI over N replications with streams (seed, 0..N−1) — no bands, no series kept.
 * Sensitivity uses it so that each lever setting sees the same random numbers (common random numbers).
 */
export function kpiMeans(input: SimInput, replications: number, seed: number): Float64Array {
  const R = Math.max(1, Math.floor(replications));
  const ci = compileInput(input);
  const settings = resolveSettings(input.levers);
  const ws = createWorkspace(ci);
  const W = ci.horizon + 1;
  const series: Float64Array[] = [];
  for (let i = 0; i < SERIES_COUNT; i++) series.push(new Float64Array(W));
  const kpis: Float64Array[] = [];
  for (let k = 0; k < KPI_COUNT; k++) kpis.push(new Float64Array(R));
  const sink: Sink = { series, offset: 0, stride: 1, kpis, kpiIndex: 0, detail: null };
  const rng = createRng(seed, 0);
  for (let r = 0; r < R; r++) {
    reseed(rng, seed, r);
    sink.kpiIndex = r;
    runCore(ci, settings, ws, rng, sink);
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
