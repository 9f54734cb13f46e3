import type { MonteCarloResult, RunResult } from '../../../../engine';
import type { EventMark } from '../../components/event-lines';
import { BASELINE_COLOUR, CURRENT_COLOUR, PIN_COLOURS, PIN_DASHES } from '../../components/palette';
import type { SeriesLine } from '../../components/series-chart';
import { pickId, pickSeries } from './outputs';
import type { PinnedRun } from './use-explore-runs';

/** Return the band of one series from a Monte Carlo result, looked up under the same names as the series. */
export function pickBand(bands: MonteCarloResult | null, ids: readonly string[]) {
  if (!bands) return undefined;
  const id = pickId(bands.bands, ids);
  return id === undefined ? undefined : bands.bands[id];
}

/** Return the comparison lines of one series: the current settings (with band), the baseline (dashed) and each pin. */
export function comparisonLines(
  ids: readonly string[],
  current: RunResult | null,
  bands: MonteCarloResult | null,
  baseline: RunResult | null,
  pinned: readonly PinnedRun[],
): SeriesLine[] {
  const lines: SeriesLine[] = [];
  const b = baseline && pickSeries(baseline.series, ids);
  if (b) lines.push({ label: 'Scenario as loaded', colour: BASELINE_COLOUR, values: b, dash: [8, 5], width: 2.5 });
  pinned.forEach(({ pin, run }, i) => {
    const v = run && pickSeries(run.series, ids);
    if (v) lines.push({ label: pin.name, colour: PIN_COLOURS[i % PIN_COLOURS.length]!, dash: PIN_DASHES[i % PIN_DASHES.length], values: v, width: 2.5 });
  });
  const c = current && pickSeries(current.series, ids);
  if (c) {
    const band = pickBand(bands, ids);
    lines.push({ label: 'Your settings', colour: CURRENT_COLOUR, values: c, width: 4, band: band && { p10: band.p10, p90: band.p90 } });
  }
  return lines;
}

/** Return the last value of a series. */
export function last(values: Float64Array | undefined): number | undefined {
  return values && values.length > 0 ? values[values.length - 1] : undefined;
}

/** Return the last week with a value and that value; a revealed run is blank (NaN) after the reveal week. */
export function lastShown(values: Float64Array | undefined): { readonly week: number; readonly value: number } | undefined {
  if (!values) return undefined;
  for (let w = values.length - 1; w >= 0; w--) if (Number.isFinite(values[w]!)) return { week: w, value: values[w]! };
  return undefined;
}

/** Return the run's scenario-level events (shocks, stages opening, leadership changes) as marks in years. */
export function scenarioEvents(run: RunResult | null): EventMark[] {
  if (!run) return [];
  return run.events.filter((e) => !e.initiativeId).map((e) => ({ x: e.week / 52, label: e.label }));
}
