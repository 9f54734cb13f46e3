import { KPIS, SERIES, type KpiSummary, type Kpis } from '../../../engine';
import { formatNumber, formatSignificant, formatWeeks } from './format';

/**
 * Labels, units and formats for KPI and series ids, from the engine's metadata. Ids the engine
 * does not describe (e.g. from a run saved by another engine version) are turned into words
 * ("maturityAtHorizon" → "Maturity at horizon") rather than shown raw.
 */

/** Turn a camelCase or dotted id into a sentence-case label. */
export function humanise(id: string): string {
  const words = id
    .replace(/[._-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Labels a board reads in place of the engine's, where the engine's name is a statistic's, not a question's. */
const BOARD_LABELS: Readonly<Record<string, string>> = {
  goalReached: 'Chance of reaching the goal',
  weeksToGoal: 'Time to reach the goal',
  firstWinWeek: 'First visible win',
};

/** Return the label of a KPI. */
export function kpiLabel(id: string): string {
  return BOARD_LABELS[id] ?? KPIS.find((k) => k.id === id)?.label ?? humanise(id);
}

/** Return which direction of a KPI is better for the trust, when the engine says. */
export function kpiBetter(id: string): 'higher' | 'lower' | undefined {
  return KPIS.find((k) => k.id === id)?.better;
}

/** Return the unit of a KPI ('' when unknown). */
export function kpiUnit(id: string): string {
  return KPIS.find((k) => k.id === id)?.unit ?? '';
}

/**
 * Format a KPI value for people: shares and chances as percentages, counts as whole numbers, maturity to one
 * decimal, week counts as years and months ("never" is +Infinity, see `typicalKpis`: "not reached").
 */
export function formatKpiValue(id: string, value: number): string {
  const unit = kpiUnit(id);
  if (Number.isNaN(value)) return '—';
  if (unit === 'weeks') return Number.isFinite(value) ? formatWeeks(value) : 'not reached';
  if (unit === 'share' || unit === '0/1') return `${Math.round(value * 100)}%`;
  if (unit === 'initiatives') return String(Math.round(value));
  if (unit.startsWith('score')) return formatNumber(value, 1);
  return formatSignificant(value);
}

/** Format a KPI difference in words a board reads: "4 months sooner", "2 more", "+12 pts", "−0.3". */
export function formatKpiDelta(id: string, delta: number): string {
  const unit = kpiUnit(id);
  if (unit === 'weeks' && !Number.isFinite(delta)) return Number.isNaN(delta) ? '' : delta > 0 ? 'not reached' : 'now reached';
  if (delta === 0 || Number.isNaN(delta)) return '0';
  const sign = delta > 0 ? '+' : '−';
  const a = Math.abs(delta);
  if (unit === 'weeks') {
    const months = Math.round(a / 4.345);
    return months === 0 ? 'under a month' + (delta > 0 ? ' later' : ' sooner') : `${months} month${months === 1 ? '' : 's'} ${delta > 0 ? 'later' : 'sooner'}`;
  }
  if (unit === 'share' || unit === '0/1') return `${sign}${Math.round(a * 100)} pts`;
  if (unit === 'initiatives') return `${Math.round(a)} ${delta > 0 ? 'more' : 'fewer'}`;
  if (unit.startsWith('score')) return `${sign}${formatNumber(a, 1)}`;
  return `${sign}${formatSignificant(a)}`;
}

/**
 * Return the figures a board reads for a run: the typical outcome (the median across replications) of each KPI,
 * and the chance of reaching the goal (the share of replications that reached it). A week count past the horizon
 * ("never") is +Infinity, so it is never averaged in as a week; "not reached" shows when fewer than half the
 * replications reached it. A single or expected run has no distribution and gives its own values.
 */
export function typicalKpis(summary: KpiSummary, horizonWeeks: number): Kpis {
  const out: Record<string, number> = {};
  for (const [id, mean] of Object.entries(summary.kpis)) {
    const v = id === 'goalReached' ? mean : (summary.distribution?.[id]?.p50 ?? mean);
    out[id] = kpiUnit(id) === 'weeks' && v > horizonWeeks ? Number.POSITIVE_INFINITY : v;
  }
  return out;
}

/** Return KPI ids in the engine's order (unknown ids last, alphabetically). */
export function orderKpis(ids: readonly string[]): string[] {
  const rank = new Map(KPIS.map((k, i) => [k.id, i]));
  return [...ids].sort((a, b) => (rank.get(a) ?? 1e9) - (rank.get(b) ?? 1e9) || a.localeCompare(b));
}

/** KPIs an analyst most often starts from, in order of preference. */
const PREFERRED_KPIS = ['maturityAtHorizon', 'weeksToGoal', 'benefitsRealised'];

/** Return the KPI to select first from a list: the first preferred one present, else the first. */
export function defaultKpi(ids: readonly string[]): string {
  return PREFERRED_KPIS.find((k) => ids.includes(k)) ?? ids[0] ?? '';
}

/** Return the label of a series. */
export function seriesLabel(id: string): string {
  return SERIES.find((s) => s.id === id)?.label ?? humanise(id);
}

/** Return the unit of a series ('' when unknown). */
export function seriesUnit(id: string): string {
  return SERIES.find((s) => s.id === id)?.unit ?? '';
}

/** Return series ids in the engine's order (unknown ids last, alphabetically). */
export function orderSeries(ids: readonly string[]): string[] {
  const rank = new Map(SERIES.map((s, i) => [s.id, i]));
  return [...ids].sort((a, b) => (rank.get(a) ?? 1e9) - (rank.get(b) ?? 1e9) || a.localeCompare(b));
}
