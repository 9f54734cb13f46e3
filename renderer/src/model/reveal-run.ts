import type { InitiativeOutcome, KpiDistribution, MonteCarloResult, RunResult, SeriesBands } from '../../../engine';
import { explanationsUntilWeek } from './reveal-why';

/**
 * Hiding the future while a trainer reveals a scenario step by step: series keep their full
 * length (so the chart's time axis stays the whole run and the room sees how far in it is) but
 * every week after the reveal week becomes NaN, which charts draw as nothing.
 */

function cut(values: Float64Array, week: number): Float64Array {
  if (week >= values.length - 1) return values;
  const out = values.slice();
  out.fill(Number.NaN, Math.max(0, week + 1));
  return out;
}

/**
 * Return one initiative's outcome as known at `week`: attempts not yet started are dropped (a retry that
 * starts later leaves the first attempt as the only one), later failures and go-lives are unknown, and the
 * pilot's length is known only once it went live. Every field is listed, none copied wholesale, so that a
 * field the engine adds later cannot carry the future into a reveal unnoticed.
 */
export function outcomeUntilWeek(o: InitiativeOutcome, week: number): InitiativeOutcome {
  const firstStart = o.firstStartWeek ?? o.startWeek;
  const lastFailed = o.lastFailedWeek ?? o.failedWeek;
  const attempts = o.attempts ?? (o.startWeek >= 0 ? 1 : 0);
  if (firstStart < 0 || firstStart > week) {
    return { id: o.id, startWeek: -1, goLiveWeek: -1, failedWeek: -1, pilotWeeks: 0, firstStartWeek: -1, attempts: 0, lastFailedWeek: -1 };
  }
  const retryStarted = o.startWeek <= week;
  const failedWeek = o.failedWeek >= 0 && o.failedWeek <= week ? o.failedWeek : -1;
  // Failures come one per attempt: the latest failure seen is the retry's if it happened by now, else the first.
  const lastFailedWeek = lastFailed >= 0 && lastFailed <= week ? lastFailed : failedWeek;
  const goLiveWeek = retryStarted && o.goLiveWeek >= 0 && o.goLiveWeek <= week ? o.goLiveWeek : -1;
  return {
    id: o.id,
    startWeek: retryStarted ? o.startWeek : firstStart,
    goLiveWeek,
    failedWeek,
    pilotWeeks: goLiveWeek >= 0 ? o.pilotWeeks : 0,
    firstStartWeek: firstStart,
    attempts: retryStarted ? attempts : 1,
    lastFailedWeek,
  };
}

const runCache = new WeakMap<RunResult, Map<number, RunResult>>();
const bandCache = new WeakMap<MonteCarloResult, Map<number, MonteCarloResult>>();

/**
 * Return the run as seen at `week`: series blank after it, end-of-run KPIs unknown (NaN),
 * initiatives' later starts, go-lives and failures not yet happened, later events, the whole-run insights and the
 * explanation of the quarter still under way dropped. `null` shows the whole run. Results are cached per run and
 * week so that charts keep stable inputs.
 */
export function runUntilWeek(run: RunResult, week: number | null): RunResult;
export function runUntilWeek(run: RunResult | null, week: number | null): RunResult | null;
export function runUntilWeek(run: RunResult | null, week: number | null): RunResult | null {
  if (!run || week === null || week >= run.horizonWeeks) return run;
  let byWeek = runCache.get(run);
  if (!byWeek) runCache.set(run, (byWeek = new Map()));
  const hit = byWeek.get(week);
  if (hit) return hit;
  const series: Record<string, Float64Array> = {};
  for (const [id, values] of Object.entries(run.series)) series[id] = cut(values, week);
  // End-of-run KPIs would give the ending away, so they read as unknown until the whole run shows.
  const kpis: Record<string, number> = {};
  for (const id of Object.keys(run.kpis)) kpis[id] = Number.NaN;
  const seen: RunResult = {
    ...run,
    kpis,
    series,
    timeline: run.timeline.map((o) => outcomeUntilWeek(o, week)),
    // Insights read the whole run (what failed, what it cost), so they wait for the end like the KPIs.
    insights: [],
    events: run.events.filter((e) => e.week <= week),
    // Only quarters that have ended: the one under way is explained over weeks not yet shown (see reveal-why.ts).
    explanations: explanationsUntilWeek(run.explanations, week),
  };
  byWeek.set(week, seen);
  return seen;
}

function cutBands(b: SeriesBands, week: number): SeriesBands {
  return { p10: cut(b.p10, week), p50: cut(b.p50, week), p90: cut(b.p90, week), mean: cut(b.mean, week) };
}

/**
 * Return Monte Carlo bands as seen at `week` (blank after it, KPI distributions unknown, no initiative's odds);
 * `null` shows them whole.
 */
export function bandsUntilWeek(mc: MonteCarloResult | null, week: number | null): MonteCarloResult | null {
  if (!mc || week === null || week >= mc.horizonWeeks) return mc;
  let byWeek = bandCache.get(mc);
  if (!byWeek) bandCache.set(mc, (byWeek = new Map()));
  const hit = byWeek.get(week);
  if (hit) return hit;
  const bands: Record<string, SeriesBands> = {};
  for (const [id, b] of Object.entries(mc.bands)) bands[id] = cutBands(b, week);
  // KPI distributions are end-of-run figures: unknown until the whole run shows, like the run's own KPIs.
  const kpis: Record<string, KpiDistribution> = {};
  for (const id of Object.keys(mc.kpis)) kpis[id] = { p10: Number.NaN, p50: Number.NaN, p90: Number.NaN, mean: Number.NaN, values: new Float64Array(0) };
  // Each initiative's odds (live at the end, failed, when it goes live) are whole-run figures too: none until the end.
  const seen: MonteCarloResult = { ...mc, bands, kpis, initiatives: [] };
  byWeek.set(week, seen);
  return seen;
}
