/**
 * Monte Carlo: N replications of the same input, each with its own random stream (seed, replication),
 * summarised as P10/P50/P90/mean bands per series and the distribution of every KPI.
 */
import { drawKeys, drawParameters, type Uncertainty } from './assumptions';
import { DEFAULT_PARAMETERS, useDefaultParameters, useParameters } from './parameter-values';
import { resolveSettings, type Settings } from './levers';
import { buildDrawnPath, buildPath, type Path } from './exogenous';
import { compileInput, type CompiledInput } from './portfolio';
import { createRng, reseed } from './random';
import { KPI_COUNT, KPIS, SERIES, SERIES_COUNT } from './series';
import { PATH_SERIES, runCore, writePathSeries, writePathSeriesAt } from './simulate';
import { createWorkspace, type OutcomeSink, type Sink } from './workspace';
import { copyRuns, createBandScratch, createRuns, percentileRank, resetRuns, selectInPlace, storeRuns, summariseInPlace, summariseLoadedWeeks, type BandScratch, type WeekLoader } from './stats';
import {
  OUTCOME_FAILED, OUTCOME_FAILED_AT_END, OUTCOME_LIVE,
  type InitiativeOdds, type KpiDistribution, type MonteCarloPart, type MonteCarloResult, type SeriesBands, type SimInput,
} from './types';
import { ENGINE_VERSION } from './version';

/** Most replications one call accepts. */
export const MAX_REPLICATIONS = 100_000;
/** Replications per block of the store (see replicationStore). */
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
  /**
   * 'noise' (the default): every parameter at its default, so the bands show luck alone. 'all': each replication
   * also draws the model's uncertain parameters from their plausible ranges (assumptions.ts).
   */
  readonly uncertainty?: Uncertainty;
}

/** Return the uncertainty asked for, or throw an error that names the modes. */
function uncertaintyOf(u: Uncertainty | undefined): Uncertainty {
  if (u === undefined) return 'noise';
  if (u !== 'noise' && u !== 'all') throw new Error(`Unknown uncertainty '${String(u)}': use 'all' (luck and the model's assumptions) or 'noise' (luck alone).`);
  return u;
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

// Scratch reused across calls of monteCarlo (not of monteCarloPart, whose arrays leave with the part): the
// replication store is large (series × replications × weeks) and allocating it afresh for each live update
// would dominate the run time. Its contents never leak into results. It holds single precision (7 significant
// digits, ample for bands); KPIs stay in double. It is laid out in blocks of BLOCK replications: block k holds
// week w of replication 16k + b at k·16W + 16w + b, so that a block's replications, written by runCore one after
// another, touch one contiguous run of memory (which stays in cache) instead of scattering over a week-major store.
let store: Float32Array[] = [];
let storeSize = 0;

function replicationStore(size: number, uncertainty: Uncertainty): Float32Array[] {
  if (size > storeSize || store.length !== SERIES_COUNT) {
    store = [];
    for (let i = 0; i < SERIES_COUNT; i++) store.push(new Float32Array(0));
    storeSize = size;
  }
  // The path's series vary only when the parameters do: their arrays are made the first time they are kept.
  for (let i = 0; i < SERIES_COUNT; i++) if (kept(i, uncertainty) && store[i]!.length < storeSize) store[i] = new Float32Array(storeSize);
  return store;
}

/**
 * Return whether series s is kept per replication: every stochastic series, and with uncertainty 'all' the
 * path's series too (the path is built from each replication's parameters); with 'noise' the path is the same
 * in every replication and its bands collapse onto it.
 */
function kept(s: number, uncertainty: Uncertainty): boolean {
  return !PATH_SERIES[s] || uncertainty === 'all';
}

// Per weeks count, a block's worth (BLOCK·W values) of single precision per series, written by runCore for the
// series a run does not keep (every series is written; the unwanted ones land here and are never read).
let discard: Float32Array[] = [];
let discardWeeks = 0;

function discardBuffers(W: number): Float32Array[] {
  if (discardWeeks !== W || discard.length !== SERIES_COUNT) {
    discard = [];
    for (let s = 0; s < SERIES_COUNT; s++) discard.push(new Float32Array(BLOCK * W));
    discardWeeks = W;
  }
  return discard;
}

/**
 * Return a loader of weeks from blocked stores (see replicationStore): stores[p] holds replications
 * froms[p] … froms[p+1]−1 (the last ending at R), in order; one store for monteCarlo, one per part for a merge.
 */
function blockedLoader(stores: readonly Float32Array[], froms: readonly number[], W: number, R: number): WeekLoader {
  const span = W * BLOCK;
  const acc = createRuns();
  return (w, count, dst, sum, min, max) => {
    resetRuns(acc);
    // Block by block, in replication order; a group's weeks of one block are BLOCK values each, one after another.
    for (let p = 0; p < stores.length; p++) {
      const st = stores[p]!, from = froms[p]!, N = (p + 1 < froms.length ? froms[p + 1]! : R) - from;
      for (let k = 0; k * BLOCK < N; k++) copyRuns(st, k * span + w * BLOCK, BLOCK, Math.min(BLOCK, N - k * BLOCK), count, dst, from + k * BLOCK, R, acc);
    }
    storeRuns(acc, w, count, sum, min, max);
  };
}

/** What a range of replications needs besides its buffers: the compiled input, settings and exogenous path. */
interface Prepared {
  readonly ci: CompiledInput;
  readonly settings: Settings;
  readonly path: Path;
}

function prepare(input: SimInput): Prepared {
  const ci = compileInput(input);
  const settings = resolveSettings(input.levers);
  // The losses explain a single run; no replication reads them.
  return { ci, settings, path: buildPath(ci, settings, DEFAULT_PARAMETERS, undefined, false) };
}

/** Return fresh arrays for how each of n initiatives ended in N replications (SPEC R11). */
function createOutcomes(n: number, N: number): OutcomeSink {
  return { goLiveWeeks: new Int16Array(n * N), outcomes: new Uint8Array(n * N) };
}

/**
 * Run replications [from, to) and write each wanted stochastic series into values[s] in the blocked layout
 * of replicationStore (counting replications from `from`), each KPI into kpis[k][i], and how each initiative
 * ended into `outcomes` (replication from + i's initiative j at i·n + j).
 */
function runRange(p: Prepared, seed: number, uncertainty: Uncertainty, from: number, to: number, want: readonly boolean[], values: readonly Float32Array[],
  kpis: Float64Array[], outcomes: OutcomeSink, onProgress: ((done: number, total: number) => void) | undefined): void {
  const { ci, settings } = p;
  const ws = createWorkspace(ci);
  const W = ci.horizon + 1;
  const N = to - from;
  // Each replication writes its weeks straight into its block of the store (see replicationStore): runCore
  // gets, per series, a view of the block and writes week w of block position b at b + w·BLOCK.
  const junk = discardBuffers(W);
  const views: Float32Array[] = junk.slice();
  const sink: Sink = { series: views, offset: 0, stride: BLOCK, kpis, kpiIndex: 0, detail: null, outcomes };
  const rng = createRng(seed, 0);
  const keys = uncertainty === 'all' ? drawKeys(seed) : null;
  // With the parameters drawn, each replication builds its own path into these arrays (made by the first).
  let path: Path | undefined = keys ? undefined : p.path;
  const every = Math.max(1, Math.floor(N / 20));
  const span = BLOCK * W;
  for (let i0 = 0; i0 < N; i0 += BLOCK) {
    const B = Math.min(BLOCK, N - i0);
    for (let s = 0; s < SERIES_COUNT; s++) {
      if (want[s] && kept(s, uncertainty)) views[s] = values[s]!.subarray(i0 * W, i0 * W + span);
    }
    for (let b = 0; b < B; b++) {
      const i = i0 + b;
      reseed(rng, seed, from + i);
      if (keys) {
        // The replication's parameters, and the exogenous path they give.
        // Installed here for its path, and again by runCore for its run; the defaults go back after the range.
        drawParameters(keys, from + i, ws.params);
        useParameters(ws.params);
        path = buildDrawnPath(ci, settings, path);
        writePathSeriesAt(path, views, b, BLOCK);
      }
      sink.offset = b;
      sink.kpiIndex = i;
      runCore(ci, settings, path!, ws, rng, sink);
      if (onProgress && ((i + 1) % every === 0 || i + 1 === N)) onProgress(i + 1, N);
    }
  }
  useDefaultParameters();
}

/** Summarise each week of a series, read through its loader (R values per week), into bands. */
function bandsOf(load: WeekLoader, W: number, R: number, sc: BandScratch): SeriesBands {
  const p10 = new Float64Array(W), p50 = new Float64Array(W), p90 = new Float64Array(W), mean = new Float64Array(W);
  summariseLoadedWeeks(load, W, R, sc, p10, p50, p90, mean);
  return { p10, p50, p90, mean };
}

/** Return the week of rank k (0-based) among the go-live weeks counted in `hist` (hist[w] = how many at week w). */
function weekOfRank(hist: Int32Array, k: number): number {
  let seen = 0;
  for (let w = 0; w < hist.length; w++) {
    seen += hist[w]!;
    if (seen > k) return w;
  }
  return hist.length - 1;
}

/**
 * Summarise how each initiative ended over R replications (SPEC R11): shares of the replications, and the
 * go-live week's nearest-rank percentiles (R9) among those where it went live, counted week by week (go-live
 * weeks are whole weeks 0 … H) rather than sorted.
 */
function initiativeOdds(ids: readonly string[], R: number, H: number, oc: OutcomeSink): InitiativeOdds[] {
  const n = ids.length;
  const hist = new Int32Array(H + 1);
  const out: InitiativeOdds[] = [];
  for (let i = 0; i < n; i++) {
    hist.fill(0);
    let live = 0, failed = 0, failedAtEnd = 0;
    for (let r = 0, at = i; r < R; r++, at += n) {
      const f = oc.outcomes[at]!;
      if (f & OUTCOME_LIVE) {
        live++;
        hist[oc.goLiveWeeks[at]!]++;
      }
      if (f & OUTCOME_FAILED) failed++;
      if (f & OUTCOME_FAILED_AT_END) failedAtEnd++;
    }
    const q = (p: number) => (live > 0 ? weekOfRank(hist, percentileRank(p, live)) : null);
    out.push({ id: ids[i]!, live: live / R, failed: failed / R, failedAtEnd: failedAtEnd / R, goLiveP10: q(0.1), goLiveP50: q(0.5), goLiveP90: q(0.9) });
  }
  return out;
}

/**
 * Turn R replications (the weeks of stochastic series s read through loaders[s], null for series not wanted
 * or exogenous), the KPI values (R each, kept as the result's `values`) and how each initiative ended into a result.
 */
function summariseRuns(p: Prepared, seed: number, uncertainty: Uncertainty, R: number, want: readonly boolean[], loaders: readonly (WeekLoader | null)[], kpis: readonly Float64Array[],
  outcomes: OutcomeSink): MonteCarloResult {
  const H = p.ci.horizon;
  const W = H + 1;
  const bands: Record<string, SeriesBands> = {};
  // Series of the exogenous path are the same in every replication: their bands collapse onto the path.
  const pathSeries: Float64Array[] = [];
  for (let s = 0; s < SERIES_COUNT; s++) pathSeries.push(new Float64Array(PATH_SERIES[s] ? W : 0));
  writePathSeries(p.path, pathSeries);
  const bandScratch = createBandScratch(R, W);
  const tmp = new Float64Array(4);
  for (let s = 0; s < SERIES_COUNT; s++) {
    if (!want[s]) continue;
    const id = SERIES[s]!.id;
    if (!kept(s, uncertainty)) {
      const v = pathSeries[s]!;
      bands[id] = { p10: v.slice(), p50: v.slice(), p90: v.slice(), mean: v };
      continue;
    }
    bands[id] = bandsOf(loaders[s]!, W, R, bandScratch);
  }
  const scratch = new Float64Array(R);
  const kpiOut: Record<string, KpiDistribution> = {};
  for (let k = 0; k < KPI_COUNT; k++) {
    scratch.set(kpis[k]!);
    summariseInPlace(scratch, R, tmp);
    kpiOut[KPIS[k]!.id] = { p10: tmp[0]!, p50: tmp[1]!, p90: tmp[2]!, mean: tmp[3]!, values: kpis[k]! };
  }
  const initiatives = initiativeOdds(p.ci.initiatives.map((it) => it.id), R, H, outcomes);
  return { engineVersion: ENGINE_VERSION, seed, uncertainty, replications: R, horizonWeeks: H, bands, kpis: kpiOut, initiatives };
}

function clampReplications(replications: number): number {
  return Math.max(1, Math.min(MAX_REPLICATIONS, Math.floor(Number.isFinite(replications) ? replications : 1)));
}

function normaliseSeed(seed: number): number {
  return Number.isFinite(seed) ? Math.trunc(seed) : 0;
}

/**
 * Run N replications and return bands per series and the distribution of each KPI. The same numbers, bit for
 * bit, as mergeMonteCarlo of monteCarloPart over [0, N) or over any split of it (SPEC R10).
 */
export function monteCarlo(input: SimInput, opts: MonteCarloRunOptions): MonteCarloResult {
  const R = clampReplications(opts.replications);
  const seed = normaliseSeed(opts.seed);
  const uncertainty = uncertaintyOf(opts.uncertainty);
  const want = wantedSeries(opts.series);
  const p = prepare(input);
  const W = p.ci.horizon + 1;
  // One part over every replication, written straight into the reusable store (a part handed to a caller
  // gets arrays of its own instead); the same numbers either way.
  const st = replicationStore(Math.ceil(R / BLOCK) * BLOCK * W, uncertainty);
  const kpis: Float64Array[] = [];
  for (let k = 0; k < KPI_COUNT; k++) kpis.push(new Float64Array(R));
  const outcomes = createOutcomes(p.ci.n, R);
  runRange(p, seed, uncertainty, 0, R, want, st, kpis, outcomes, opts.onProgress);
  return summariseRuns(p, seed, uncertainty, R, want, st.map((a, s) => (want[s] && kept(s, uncertainty) ? blockedLoader([a], [0], W, R) : null)), kpis, outcomes);
}

/** Options of one part of a Monte Carlo: replications [from, to) of the run with this seed. */
export interface MonteCarloPartOptions {
  readonly seed: number;
  /** First replication (an integer ≥ 0). */
  readonly from: number;
  /** End, exclusive (an integer > from, at most MAX_REPLICATIONS). */
  readonly to: number;
  /** As in MonteCarloRunOptions; every part of one Monte Carlo must ask for the same series. */
  readonly series?: readonly string[];
  /** Called with (done, total) counted within the part (total = to − from); must not throw. */
  readonly onProgress?: (done: number, total: number) => void;
  /** As in MonteCarloRunOptions; every part of one Monte Carlo must ask for the same. */
  readonly uncertainty?: Uncertainty;
}

/** Return the length of a part's array of one series: whole blocks of BLOCK replications × W weeks. */
function partValuesLength(W: number, N: number): number {
  return Math.ceil(N / BLOCK) * BLOCK * W;
}

/** Return a human-readable name of a part's range for error messages. */
function rangeName(part: { readonly from: number; readonly to: number }): string {
  return `part [${part.from}, ${part.to})`;
}

/**
 * Run replications [from, to) of the Monte Carlo with this seed and return their raw values, for another
 * thread to merge with the other parts (mergeMonteCarlo). Throws on a range that is not whole numbers
 * 0 ≤ from < to ≤ MAX_REPLICATIONS, or on an unknown series id.
 */
export function monteCarloPart(input: SimInput, opts: MonteCarloPartOptions): MonteCarloPart {
  const { from, to } = opts;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to <= from || to > MAX_REPLICATIONS) {
    throw new Error(`A Monte Carlo part needs whole numbers 0 ≤ from < to ≤ ${MAX_REPLICATIONS}; got from ${from}, to ${to}.`);
  }
  const seed = normaliseSeed(opts.seed);
  const uncertainty = uncertaintyOf(opts.uncertainty);
  const want = wantedSeries(opts.series);
  const p = prepare(input);
  const W = p.ci.horizon + 1;
  const N = to - from;
  const columns: Float32Array[] = [];
  for (let s = 0; s < SERIES_COUNT; s++) columns.push(new Float32Array(want[s] && kept(s, uncertainty) ? partValuesLength(W, N) : 0));
  const kpiBufs: Float64Array[] = [];
  for (let k = 0; k < KPI_COUNT; k++) kpiBufs.push(new Float64Array(N));
  const outcomes = createOutcomes(p.ci.n, N);
  runRange(p, seed, uncertainty, from, to, want, columns, kpiBufs, outcomes, opts.onProgress);
  const series: string[] = [];
  const values: Record<string, Float32Array> = {};
  for (let s = 0; s < SERIES_COUNT; s++) {
    if (!want[s]) continue;
    const id = SERIES[s]!.id;
    series.push(id);
    if (kept(s, uncertainty)) values[id] = columns[s]!;
  }
  const kpis: Record<string, Float64Array> = {};
  for (let k = 0; k < KPI_COUNT; k++) kpis[KPIS[k]!.id] = kpiBufs[k]!;
  const initiatives = p.ci.initiatives.map((it) => it.id);
  return { engineVersion: ENGINE_VERSION, seed, uncertainty, from, to, horizonWeeks: p.ci.horizon, series, values, kpis, initiatives, ...outcomes };
}

/** Return the parts sorted by their first replication after checking that they make one whole Monte Carlo. */
function checkParts(parts: readonly MonteCarloPart[], horizon: number, ids: readonly string[]): MonteCarloPart[] {
  if (parts.length === 0) throw new Error('mergeMonteCarlo needs at least one part.');
  const first = parts[0]!;
  const W = horizon + 1;
  for (const part of parts) {
    const name = rangeName(part);
    if (!Number.isInteger(part.from) || !Number.isInteger(part.to) || part.from < 0 || part.to <= part.from) {
      throw new Error(`The ${name} is not a range of replications (whole numbers with 0 ≤ from < to).`);
    }
    if (part.engineVersion !== ENGINE_VERSION) {
      throw new Error(`The ${name} was made by engine ${part.engineVersion}; this is engine ${ENGINE_VERSION}. Run it again.`);
    }
    if (part.seed !== first.seed) {
      throw new Error(`The ${name} has seed ${part.seed} but the ${rangeName(first)} has seed ${first.seed}: the parts of one Monte Carlo share a seed.`);
    }
    if ((part.uncertainty ?? 'noise') !== (first.uncertainty ?? 'noise')) {
      throw new Error(`The ${name} was run with uncertainty '${part.uncertainty ?? 'noise'}' but the ${rangeName(first)} with '${first.uncertainty ?? 'noise'}': the parts of one Monte Carlo share it.`);
    }
    if (part.horizonWeeks !== horizon) {
      throw new Error(`The ${name} covers ${part.horizonWeeks} weeks but the input's horizon is ${horizon} weeks.`);
    }
    if (part.series.length !== first.series.length || part.series.some((id, i) => id !== first.series[i])) {
      throw new Error(`The ${name} has bands of [${part.series.join(', ')}] but the ${rangeName(first)} of [${first.series.join(', ')}]: every part must ask for the same series.`);
    }
    const N = part.to - part.from;
    for (let s = 0; s < SERIES_COUNT; s++) {
      const id = SERIES[s]!.id;
      if (!kept(s, first.uncertainty ?? 'noise') || !part.series.includes(id)) continue;
      const v = part.values[id];
      if (!(v instanceof Float32Array) || v.length !== partValuesLength(W, N)) {
        throw new Error(`The ${name} lacks the values of series '${id}' (${partValuesLength(W, N)} single-precision numbers expected).`);
      }
    }
    for (const k of KPIS) {
      const v = part.kpis[k.id];
      if (!(v instanceof Float64Array) || v.length !== N) throw new Error(`The ${name} lacks the values of KPI '${k.id}' (${N} numbers expected).`);
    }
    const own = part.initiatives;
    if (!Array.isArray(own) || own.length !== ids.length || own.some((id, i) => id !== ids[i])) {
      throw new Error(`The ${name} ran the initiatives [${Array.isArray(own) ? own.join(', ') : ''}] but the input has [${ids.join(', ')}].`);
    }
    const size = N * ids.length;
    if (!(part.goLiveWeeks instanceof Int16Array) || part.goLiveWeeks.length !== size || !(part.outcomes instanceof Uint8Array) || part.outcomes.length !== size) {
      throw new Error(`The ${name} lacks how its initiatives ended (go-live weeks and outcomes, ${size} of each expected).`);
    }
    for (let j = 0; j < size; j++) {
      const week = part.goLiveWeeks[j]!;
      // Live at the horizon exactly when it has a go-live week within the run (the summary counts those weeks).
      if ((part.outcomes[j]! & OUTCOME_LIVE) !== 0 ? week < 0 || week > horizon : week !== -1) {
        throw new Error(`The ${name} has go-live week ${week} for replication ${part.from + Math.floor(j / ids.length)}'s initiative '${ids[j % ids.length]}', which does not fit its outcome.`);
      }
    }
  }
  const sorted = [...parts].sort((a, b) => a.from - b.from || a.to - b.to);
  let end = 0;
  for (const part of sorted) {
    if (part.from > end) throw new Error(`Replications ${end} to ${part.from - 1} are missing: no part covers them.`);
    if (part.from < end) throw new Error(`The ${rangeName(part)} overlaps another part: replications ${part.from} to ${Math.min(end, part.to) - 1} appear twice.`);
    end = part.to;
  }
  if (end > MAX_REPLICATIONS) throw new Error(`The parts hold ${end} replications; at most ${MAX_REPLICATIONS} can be merged.`);
  return sorted;
}

/**
 * Join parts covering replications 0 … R−1 (any order, no gap or overlap, one seed, horizon, series list and
 * engine version) into the result of `monteCarlo(input, { replications: R, seed, series })`, bit for bit.
 * Throws an Error that names the fault for parts that do not fit together or do not fit the input's horizon.
 */
export function mergeMonteCarlo(input: SimInput, parts: readonly MonteCarloPart[]): MonteCarloResult {
  const p = prepare(input);
  const H = p.ci.horizon;
  const ids = p.ci.initiatives.map((it) => it.id);
  const sorted = checkParts(parts, H, ids);
  const R = sorted[sorted.length - 1]!.to;
  const want = wantedSeries(sorted[0]!.series);
  // The statistics read the parts' own arrays, a few weeks at a time: nothing is copied whole.
  const froms = sorted.map((part) => part.from);
  const uncertainty = sorted[0]!.uncertainty ?? 'noise';
  const loaders = SERIES.map((d, s) => (want[s] && kept(s, uncertainty) ? blockedLoader(sorted.map((part) => part.values[d.id]!), froms, H + 1, R) : null));
  const kpis: Float64Array[] = [];
  for (let k = 0; k < KPI_COUNT; k++) {
    const all = new Float64Array(R);
    for (const part of sorted) all.set(part.kpis[KPIS[k]!.id]!, part.from);
    kpis.push(all);
  }
  const outcomes = createOutcomes(ids.length, R);
  for (const part of sorted) {
    outcomes.goLiveWeeks.set(part.goLiveWeeks, part.from * ids.length);
    outcomes.outcomes.set(part.outcomes, part.from * ids.length);
  }
  return summariseRuns(p, sorted[0]!.seed, uncertainty, R, want, loaders, kpis, outcomes);
}

/**
 * Split replications 0 … replications−1 into `parts` contiguous ranges whose sizes differ by at most one
 * (the larger first); never an empty range, so fewer ranges come back when there are fewer replications.
 */
export function splitReplications(replications: number, parts: number): { from: number; to: number }[] {
  if (!Number.isInteger(replications) || replications < 1) throw new Error(`Replications must be a whole number ≥ 1; got ${replications}.`);
  if (!Number.isInteger(parts) || parts < 1) throw new Error(`Parts must be a whole number ≥ 1; got ${parts}.`);
  const n = Math.min(parts, replications);
  const base = Math.floor(replications / n);
  const extra = replications % n;
  const out: { from: number; to: number }[] = [];
  let from = 0;
  for (let i = 0; i < n; i++) {
    const to = from + base + (i < extra ? 1 : 0);
    out.push({ from, to });
    from = to;
  }
  return out;
}

/** Return the distinct buffers of a part's arrays, to list as transferables when posting it to another thread. */
export function partBuffers(part: MonteCarloPart): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const v of Object.values(part.values)) out.add(v.buffer as ArrayBuffer);
  for (const v of Object.values(part.kpis)) out.add(v.buffer as ArrayBuffer);
  out.add(part.goLiveWeeks.buffer as ArrayBuffer);
  out.add(part.outcomes.buffer as ArrayBuffer);
  return [...out];
}

/**
 * Return the mean of every KPI over N replications with streams (seed, 0..N−1), keeping no series.
 * The assumption screening uses it: elementary effects are effects on the mean. `params` (PARAMETER_COUNT
 * values, by slot) fixes the parameters of every replication; uncertainty 'all' draws them per replication.
 */
export function kpiMeans(input: SimInput, replications: number, seed: number, uncertainty: Uncertainty = 'noise', params?: Float64Array): Float64Array {
  const columns = kpiColumns(input, replications, seed, uncertainty, params);
  const out = new Float64Array(KPI_COUNT);
  for (let k = 0; k < KPI_COUNT; k++) out[k] = meanOf(columns[k]!);
  return out;
}

/**
 * Return the typical outcome of every KPI over N replications with streams (seed, 0..N−1), as a Monte Carlo of
 * the same input, seed and uncertainty reports it: the median (P50, nearest rank) of each KPI, and for a 0/1 KPI
 * (goal reached) the share of replications where it is 1. Sensitivity uses it, so that its baseline is the
 * figure Explore headlines for the same run set, and every lever setting sees the same random numbers.
 */
export function kpiTypical(input: SimInput, replications: number, seed: number, uncertainty: Uncertainty = 'noise'): Float64Array {
  const columns = kpiColumns(input, replications, seed, uncertainty);
  const out = new Float64Array(KPI_COUNT);
  for (let k = 0; k < KPI_COUNT; k++) {
    const v = columns[k]!;
    out[k] = KPIS[k]!.unit === '0/1' ? meanOf(v) : selectInPlace(v, 0, v.length - 1, percentileRank(0.5, v.length));
  }
  return out;
}

function meanOf(v: Float64Array): number {
  let s = 0;
  for (let r = 0; r < v.length; r++) s += v[r]!;
  return s / v.length;
}

/** Return every KPI's value in each of N replications with streams (seed, 0..N−1), keeping no series. */
function kpiColumns(input: SimInput, replications: number, seed: number, uncertainty: Uncertainty, params?: Float64Array): Float64Array[] {
  const R = Math.max(1, Math.floor(replications));
  const ci = compileInput(input);
  const settings = resolveSettings(input.levers);
  const ws = createWorkspace(ci);
  const keys = uncertaintyOf(uncertainty) === 'all' ? drawKeys(seed) : null;
  if (params && !keys) ws.params.set(params);
  let path = buildPath(ci, settings, ws.params);
  const W = ci.horizon + 1;
  // The series are not kept: they go, in the Monte Carlo's precision (one element kind for runCore), to scratch.
  const series: Float32Array[] = [];
  for (let i = 0; i < SERIES_COUNT; i++) series.push(new Float32Array(PATH_SERIES[i] ? 0 : W));
  const kpis: Float64Array[] = [];
  for (let k = 0; k < KPI_COUNT; k++) kpis.push(new Float64Array(R));
  // No outcomes (only KPIs are read); the field is listed so that runCore sees one shape of sink.
  const sink: Sink = { series, offset: 0, stride: 1, kpis, kpiIndex: 0, detail: null, outcomes: null };
  const rng = createRng(seed, 0);
  for (let r = 0; r < R; r++) {
    reseed(rng, seed, r);
    if (keys) {
      // As in runRange: installed for its path, and again by runCore for its run.
      drawParameters(keys, r, ws.params);
      useParameters(ws.params);
      path = buildDrawnPath(ci, settings, path);
    }
    sink.kpiIndex = r;
    runCore(ci, settings, path, ws, rng, sink);
  }
  useDefaultParameters();
  return kpis;
}
