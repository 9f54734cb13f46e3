import { KPI_TABLE } from '../components/kpi-meta';

/**
 * Labels for KPI and series ids. The app's KPI table is the source of truth for KPIs it knows;
 * other ids are turned into words ("maturityAtHorizon" → "Maturity at horizon") rather than shown raw.
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
  return KPI_TABLE.find((k) => k.ids.includes(id))?.label ?? humanise(id);
}

/** Return which direction of a KPI is better for the trust, when the app knows it. */
export function kpiBetter(id: string): 'higher' | 'lower' | undefined {
  return KPI_TABLE.find((k) => k.ids.includes(id))?.better;
}

/** KPIs an analyst most often starts from, in order of preference. */
const PREFERRED_KPIS = ['maturityAtHorizon', 'weeksToGoal', 'benefitsRealised'];

/** Return the KPI to select first from a list: the first preferred one present, else the first. */
export function defaultKpi(ids: readonly string[]): string {
  return PREFERRED_KPIS.find((k) => ids.includes(k)) ?? ids[0] ?? '';
}

/** Return the label of a series. */
export function seriesLabel(id: string): string {
  return humanise(id);
}
