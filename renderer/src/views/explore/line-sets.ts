import type { Goal, MonteCarloResult, RunResult } from '../../../../engine';
import type { EventMark } from '../../components/event-lines';
import { BASELINE_COLOUR, CURRENT_COLOUR, GOAL_COLOUR, PIN_COLOURS, PIN_DASHES } from '../../components/palette';
import { formatNumber } from '../../model/format';
import type { SeriesLine } from '../../components/series-chart';
import { PILLAR_LABELS, pickId, pickSeries } from './outputs';
import type { ExploreRuns, ShownLine } from './use-explore-runs';

/** Return the band of one series from a Monte Carlo result, looked up under the same names as the series. */
export function pickBand(bands: MonteCarloResult | null, ids: readonly string[]) {
  if (!bands) return undefined;
  const id = pickId(bands.bands, ids);
  return id === undefined ? undefined : bands.bands[id];
}

/**
 * Return the line to draw for one series of one run: its median across the replications when the view
 * shows the typical outcome, else the expected run's values (the quick estimate). In typical mode a
 * series without a band has no median to draw and comes back undefined.
 */
export function shownSeries(shown: ShownLine, run: RunResult | null, mc: MonteCarloResult | null, ids: readonly string[]): Float64Array | undefined {
  if (shown.kind === 'typical') return pickBand(mc, ids)?.p50;
  return run ? pickSeries(run.series, ids) : undefined;
}

/** Return whether a series is drawn from the replications' median in the shown mode (it has a band). */
export function isTypical(shown: ShownLine, mc: MonteCarloResult | null, ids: readonly string[]): boolean {
  return shown.kind === 'typical' && pickBand(mc, ids) !== undefined;
}

/** Return the legend label of the current settings' line, saying which line it is. */
export function currentLabel(shown: ShownLine): string {
  return shown.kind === 'typical' ? 'Your settings (median)' : 'Your settings (quick estimate)';
}

/** Return, for captions, what the lines of a chart are: the median of the runs or the quick estimate. */
export function lineBasis(shown: ShownLine): string {
  return shown.kind === 'typical' ? `Typical outcome (median of ${shown.replications} runs)` : 'Quick estimate (noise off)';
}

/**
 * Return the comparison lines of one series: the current settings (with band), the baseline (dashed) and
 * each pin, all medians in typical mode (a pin whose runs are not in yet is left out until they are) or all
 * expected runs while the estimate shows.
 */
export function comparisonLines(ids: readonly string[], runs: Pick<ExploreRuns, 'current' | 'bands' | 'baseline' | 'baselineBands' | 'pinned' | 'shown'>): SeriesLine[] {
  const { shown } = runs;
  const lines: SeriesLine[] = [];
  const b = shownSeries(shown, runs.baseline, runs.baselineBands, ids);
  if (b) lines.push({ label: 'Scenario as loaded', colour: BASELINE_COLOUR, values: b, dash: [8, 5], width: 2.5 });
  runs.pinned.forEach(({ pin, run, bands }, i) => {
    const v = shownSeries(shown, run, bands, ids);
    if (v) lines.push({ label: pin.name, colour: PIN_COLOURS[i % PIN_COLOURS.length]!, dash: PIN_DASHES[i % PIN_DASHES.length], values: v, width: 2.5 });
  });
  const c = shownSeries(shown, runs.current, runs.bands, ids);
  if (c) {
    const band = pickBand(runs.bands, ids);
    lines.push({ label: currentLabel(shown), colour: CURRENT_COLOUR, values: c, width: 4, band: band && { p10: band.p10, p90: band.p90 } });
  }
  return lines;
}

const typicalRuns = new WeakMap<RunResult, WeakMap<MonteCarloResult, RunResult>>();

/**
 * Return the run whose KPIs the headline, table and announcer read: in typical mode the expected run with
 * every KPI replaced by its median across the replications (a KPI the run hides during a trainer's reveal
 * stays hidden); otherwise the expected run itself. Null while either part is missing. Cached per pair so
 * the same inputs give the same object.
 */
export function kpiRun(shown: ShownLine, run: RunResult | null, mc: MonteCarloResult | null): RunResult | null {
  if (shown.kind === 'estimate') return run;
  if (!run || !mc) return null;
  let byMc = typicalRuns.get(run);
  if (!byMc) typicalRuns.set(run, (byMc = new WeakMap()));
  const hit = byMc.get(mc);
  if (hit) return hit;
  const kpis: Record<string, number> = {};
  for (const [id, v] of Object.entries(run.kpis)) kpis[id] = Number.isNaN(v) ? v : (mc.kpis[id]?.p50 ?? Number.NaN);
  const out: RunResult = { ...run, kpis };
  byMc.set(mc, out);
  return out;
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

/** The series a goal is a level of: maturity for a maturity goal, a pillar's adoption for an adoption goal. */
export type GoalChart = 'maturity' | 'adoption';

const goalLevels = new WeakMap<Goal, Float64Array>();

/**
 * Return the goal drawn as a level across a chart (black, long dashes, in the legend as "Goal: …"), or null when
 * the scenario's goal is not a level of that chart's series (a goal of initiatives going live has no level: its
 * moment is marked instead, goalMark). `weeks` is the number of points of the chart's lines.
 */
export function goalLine(goal: Goal, chart: GoalChart, weeks: number): SeriesLine | null {
  if (weeks <= 0) return null;
  if (chart === 'maturity' && goal.kind !== 'maturity') return null;
  if (chart === 'adoption' && goal.kind !== 'adoption') return null;
  if (goal.kind === 'initiatives-live') return null;
  let values = goalLevels.get(goal);
  if (!values || values.length !== weeks) {
    values = new Float64Array(weeks).fill(goal.atLeast);
    goalLevels.set(goal, values);
  }
  const label = goal.kind === 'maturity' ? `Goal: maturity ${formatNumber(goal.atLeast, 1)}` : `Goal: ${Math.round(goal.atLeast * 100)}% adoption (${PILLAR_LABELS[goal.pillar].toLowerCase()})`;
  return { label, colour: GOAL_COLOUR, values, dash: [14, 6], width: 2 };
}

/**
 * Return the moment the goal is reached with the board's settings (the typical week, or the estimate's) as a
 * mark on the time axis, or null when it is not reached within the horizon.
 */
export function goalMark(shown: ShownLine, run: RunResult | null, mc: MonteCarloResult | null): EventMark | null {
  const week = kpiRun(shown, run, mc)?.kpis.weeksToGoal;
  if (week === undefined || !run || !Number.isFinite(week) || week > run.horizonWeeks) return null;
  return { x: week / 52, label: shown.kind === 'typical' ? 'Goal reached (typical run)' : 'Goal reached (quick estimate)' };
}
