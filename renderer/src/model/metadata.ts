import { KPIS, SERIES } from '../../../engine';
import { formatSignificant } from './format';

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

/** Return the label of a KPI. */
export function kpiLabel(id: string): string {
  return KPIS.find((k) => k.id === id)?.label ?? humanise(id);
}

/** Return which direction of a KPI is better for the trust, when the engine says. */
export function kpiBetter(id: string): 'higher' | 'lower' | undefined {
  return KPIS.find((k) => k.id === id)?.better;
}

/** Return the unit of a KPI ('' when unknown). */
export function kpiUnit(id: string): string {
  return KPIS.find((k) => k.id === id)?.unit ?? '';
}

/** Format a KPI value for people: shares as percentages, other values as numbers. */
export function formatKpiValue(id: string, value: number): string {
  if (kpiUnit(id) === 'share') return `${formatSignificant(value * 100)}%`;
  return formatSignificant(value);
}

/** Format a KPI difference with its sign: percentage points for shares. */
export function formatKpiDelta(id: string, delta: number): string {
  if (delta === 0) return '0';
  const sign = delta > 0 ? '+' : '−';
  if (kpiUnit(id) === 'share') return `${sign}${formatSignificant(Math.abs(delta) * 100)} pts`;
  return `${sign}${formatSignificant(Math.abs(delta))}`;
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
