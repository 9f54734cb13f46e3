import type { TaskResult } from '../../../engine';

/** One run's line for a series: the values drawn and, for Monte Carlo runs, the P10–P90 band. */
export interface RunSeries {
  readonly values: Float64Array;
  readonly band?: { readonly p10: Float64Array; readonly p90: Float64Array };
}

/** Return the series ids a result holds, sorted. */
export function seriesIds(result: TaskResult): string[] {
  return Object.keys(result.method === 'monte-carlo' ? result.monteCarlo.bands : result.run.series).sort();
}

/**
 * Return one series of a result: the median (P50) across replications for a Monte Carlo run, with
 * its P10–P90 band, or the run's own values for an expected or single run.
 */
export function runSeries(result: TaskResult, id: string): RunSeries | undefined {
  if (result.method === 'monte-carlo') {
    const b = result.monteCarlo.bands[id];
    return b ? { values: b.p50, band: { p10: b.p10, p90: b.p90 } } : undefined;
  }
  const v = result.run.series[id];
  return v ? { values: v } : undefined;
}

/** Return the horizon of a result in weeks. */
export function resultHorizon(result: TaskResult): number {
  return result.method === 'monte-carlo' ? result.monteCarlo.horizonWeeks : result.run.horizonWeeks;
}
