import type { RunResult } from '../../../engine';
import { formatNumber, formatWeeks } from '../model/format';

// How the app shows the engine's KPIs. Each row lists the names the engine may use for it, first
// match wins, so a renamed KPI shows up as a dash in the table rather than a crash.

/** How a KPI is shown and which direction is better. */
export interface KpiMeta {
  readonly id: string;
  readonly label: string;
  readonly format: 'score' | 'weeks' | 'count' | 'share' | 'number';
  readonly better: 'higher' | 'lower';
}

/** The KPIs the table shows, in order, under each name the engine may use. */
export const KPI_TABLE: readonly (KpiMeta & { readonly ids: readonly string[] })[] = [
  { id: 'maturity', ids: ['maturityAtHorizon'], label: 'Digital maturity at the end (1–5)', format: 'score', better: 'higher' },
  { id: 'weeksToGoal', ids: ['weeksToGoal'], label: 'Time to reach the goal', format: 'weeks', better: 'lower' },
  { id: 'firstWin', ids: ['firstWinWeek'], label: 'First visible win', format: 'weeks', better: 'lower' },
  { id: 'delivered', ids: ['initiativesDelivered', 'delivered', 'initiativesLive'], label: 'Initiatives delivered', format: 'count', better: 'higher' },
  { id: 'failed', ids: ['initiativesFailed', 'failed'], label: 'Initiatives failed', format: 'count', better: 'lower' },
  { id: 'benefits', ids: ['benefitsRealised', 'benefits', 'benefitsAtHorizon'], label: 'Benefits realised (benefit-weeks)', format: 'number', better: 'higher' },
  { id: 'fatigue', ids: ['peakFatigue', 'fatiguePeak'], label: 'Peak change fatigue', format: 'share', better: 'lower' },
  { id: 'capability', ids: ['capabilityRetained', 'capabilityAtHorizon'], label: 'In-house capability at the end', format: 'share', better: 'higher' },
  { id: 'confidence', ids: ['boardConfidence', 'confidenceAtHorizon', 'boardConfidenceAtHorizon'], label: 'Board confidence at the end', format: 'share', better: 'higher' },
];

/** Return a KPI's value in a run under any of its names; a week count past the horizon (never reached) comes back as −1. */
export function kpiValue(run: RunResult, ids: readonly string[]): number | undefined {
  for (const id of ids) {
    const v = run.kpis[id];
    if (v === undefined) continue;
    // The engine reports "never" as the horizon + 1 week.
    if ((id === 'weeksToGoal' || id === 'firstWinWeek') && v > run.horizonWeeks) return -1;
    return v;
  }
  return undefined;
}

/** Return a KPI value formatted as a person reads it. */
export function formatKpi(meta: KpiMeta, value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  switch (meta.format) {
    case 'score':
      return formatNumber(value, 1);
    case 'weeks':
      return formatWeeks(value);
    case 'count':
      return String(Math.round(value));
    case 'share':
      return `${Math.round(value * 100)}%`;
    default:
      return String(Math.round(value));
  }
}

/** What each whole level of the 1–5 digital maturity scale means, in a board's words. */
export const MATURITY_LEVELS: readonly string[] = [
  'paper-based, little digital use',
  'basic systems in place, used unevenly',
  'core systems used across the trust',
  'digital embedded in everyday care',
  'leading: data-driven care and services',
];

/** Return what a maturity score means in words ("level 3: core systems used across the trust"); a level counts once reached. */
export function maturityWords(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  const level = Math.min(5, Math.max(1, Math.floor(value + 1e-9)));
  return `level ${level}: ${MATURITY_LEVELS[level - 1]}`;
}

/** The words a change takes for each direction of each format: [when the value rose, when it fell]. */
const DELTA_WORDS: Readonly<Record<KpiMeta['format'], readonly [string, string]>> = {
  score: ['higher', 'lower'],
  weeks: ['later', 'sooner'],
  count: ['more', 'fewer'],
  share: ['higher', 'lower'],
  number: ['more', 'fewer'],
};

/**
 * Return the difference of a KPI from the baseline in words, with no sign ("0.4 higher", "4 months sooner",
 * "2 fewer", "20 pts lower"), or '' when it rounds to nothing. Whether it is better is for `isBetter` to say:
 * the words follow the figure, the arrow and colour follow good and bad.
 */
export function formatKpiDelta(meta: KpiMeta, value: number | undefined, baseline: number | undefined): string {
  if (value === undefined || baseline === undefined || !Number.isFinite(value) || !Number.isFinite(baseline)) return '';
  if (meta.format === 'weeks' && (value < 0 || baseline < 0)) return value === baseline ? '' : value < 0 ? 'not reached' : 'now reached';
  const d = value - baseline;
  const word = DELTA_WORDS[meta.format][d > 0 ? 0 : 1];
  const a = Math.abs(d);
  switch (meta.format) {
    case 'score':
      return a < 0.05 ? '' : `${a.toFixed(1)} ${word}`;
    case 'weeks': {
      const months = Math.round(a / 4.345);
      return months === 0 ? '' : `${months} month${months === 1 ? '' : 's'} ${word}`;
    }
    case 'count':
      return Math.round(a) === 0 ? '' : `${Math.round(a)} ${word}`;
    case 'share':
      return Math.round(a * 100) === 0 ? '' : `${Math.round(a * 100)} pts ${word}`;
    default:
      return a < 0.5 ? '' : `${Math.round(a)} ${word}`;
  }
}

/** Return the arrow and word that say whether a change is good for the trust ("▲ better", "▼ worse"), '' when neither. */
export function verdict(better: boolean | null): string {
  return better === true ? '▲ better' : better === false ? '▼ worse' : '';
}

/** Return whether a value is better than the baseline (true), worse (false) or the same (null). */
export function isBetter(meta: KpiMeta, value: number | undefined, baseline: number | undefined): boolean | null {
  if (value === undefined || baseline === undefined || value === baseline || Number.isNaN(value) || Number.isNaN(baseline)) return null;
  if (meta.format === 'weeks') {
    // −1 means the goal was not reached: worse than any reached week.
    if (value < 0) return false;
    if (baseline < 0) return true;
  }
  return meta.better === 'higher' ? value > baseline : value < baseline;
}

