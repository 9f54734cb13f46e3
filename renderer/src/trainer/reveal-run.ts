import type { MonteCarloResult, RunResult, SeriesBands } from '../../../engine';

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

const runCache = new WeakMap<RunResult, Map<number, RunResult>>();
const bandCache = new WeakMap<MonteCarloResult, Map<number, MonteCarloResult>>();

/**
 * Return the run as seen at `week`: series blank after it, end-of-run KPIs unknown (NaN),
 * initiatives' later starts, go-lives and failures not yet happened, later events dropped. `null` shows the whole run. Results are
 * cached per run and week so that charts keep stable inputs.
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
    timeline: run.timeline.map((o) => ({
      ...o,
      startWeek: o.startWeek > week ? -1 : o.startWeek,
      goLiveWeek: o.goLiveWeek > week ? -1 : o.goLiveWeek,
      failedWeek: o.failedWeek > week ? -1 : o.failedWeek,
      pilotWeeks: o.startWeek > week ? 0 : o.pilotWeeks,
    })),
    events: run.events.filter((e) => e.week <= week),
    explanations: run.explanations.filter((p) => p.fromWeek <= week),
  };
  byWeek.set(week, seen);
  return seen;
}

function cutBands(b: SeriesBands, week: number): SeriesBands {
  return { p10: cut(b.p10, week), p50: cut(b.p50, week), p90: cut(b.p90, week), mean: cut(b.mean, week) };
}

/** Return Monte Carlo bands as seen at `week` (blank after it); `null` shows them whole. */
export function bandsUntilWeek(mc: MonteCarloResult | null, week: number | null): MonteCarloResult | null {
  if (!mc || week === null || week >= mc.horizonWeeks) return mc;
  let byWeek = bandCache.get(mc);
  if (!byWeek) bandCache.set(mc, (byWeek = new Map()));
  const hit = byWeek.get(week);
  if (hit) return hit;
  const bands: Record<string, SeriesBands> = {};
  for (const [id, b] of Object.entries(mc.bands)) bands[id] = cutBands(b, week);
  const seen: MonteCarloResult = { ...mc, bands };
  byWeek.set(week, seen);
  return seen;
}
