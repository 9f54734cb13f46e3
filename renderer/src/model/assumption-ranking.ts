import type { AssumptionSensitivity, EvidenceClass, ParameterDef } from '../../../engine';
import { formatNumber, formatSignificant } from './format';
import { kpiLabel, kpiUnit } from './metadata';

/** The words and the tag style of each evidence class, as How it works and the assumptions view show them. */
export const EVIDENCE_WORDS: Readonly<Record<EvidenceClass, { readonly label: string; readonly className: string }>> = {
  evidence: { label: 'Evidence', className: 'tag-evidence' },
  mixed: { label: 'Evidence + judgement', className: 'tag-mixed' },
  judgement: { label: 'Judgement', className: 'tag-judgement' },
};

/**
 * Rows the view shows before "Show all": the top five, which the sentence under the list speaks of, keep that
 * sentence on a projector's first screen.
 */
export const TOP_ASSUMPTIONS = 5;

/** One assumption as the view lists it. */
export interface AssumptionViewRow {
  readonly rank: number;
  /** The registry id: for an analyst's tooltip, never the row's text. */
  readonly id: string;
  /** The assumption in words: the first sentence of the registry's label. */
  readonly label: string;
  /** The registry's label in full (the title of the row's name when it was shortened). */
  readonly fullLabel: string;
  readonly mechanism: string;
  readonly evidence: EvidenceClass;
  readonly evidenceLabel: string;
  readonly evidenceClass: string;
  /** μ*, in the KPI's unit, and as the size of a move in that KPI's words. */
  readonly index: number;
  readonly indexText: string;
  /** The bar's length: the index as a share (0–1) of the largest. */
  readonly share: number;
  /** What a higher value of the assumption does to the KPI, in words. */
  readonly direction: string;
}

/** The view's content: the ranked rows (the top ones, or all), how many more there are, and the plain-language reading. */
export interface AssumptionRanking {
  readonly kpi: string;
  readonly rows: readonly AssumptionViewRow[];
  /** Rows left out (shown with "Show all"). */
  readonly more: number;
  /** Assumptions screened in all. */
  readonly total: number;
  /** The sentence under the list: what the top assumption rests on, and what follows for conclusions. */
  readonly summary: string;
}

/**
 * Format the size of a move in a KPI (never negative) in the KPI's words: months for week counts, percentage
 * points for shares and chances, scores to two decimals, the number itself otherwise.
 */
export function formatKpiMove(kpi: string, size: number): string {
  const unit = kpiUnit(kpi);
  if (unit === 'weeks') {
    const months = size / 4.345;
    return months < 1 ? 'under a month' : `${Math.round(months)} month${Math.round(months) === 1 ? '' : 's'}`;
  }
  if (unit === 'share' || unit === '0/1') {
    const points = size * 100;
    return `${points < 1 ? formatSignificant(points) : Math.round(points)} pts`;
  }
  if (unit.startsWith('score')) return formatNumber(size, 2);
  return formatSignificant(size);
}

/** Return the first sentence of a registry label (labels sometimes go on to explain the mechanism). */
export function shortLabel(label: string): string {
  const end = label.search(/\.\s/);
  return (end > 0 ? label.slice(0, end) : label).replace(/\.$/, '');
}

/**
 * Return what a higher value does to the KPI in words, from the mean signed effect μ and μ*: one direction
 * when μ carries most of μ* (the effect has the same sign nearly everywhere), else "either way".
 */
export function directionWords(meanEffect: number, index: number): string {
  if (index <= 0) return 'no effect';
  if (meanEffect >= 0.5 * index) return 'raises it';
  if (meanEffect <= -0.5 * index) return 'lowers it';
  return 'either way';
}

/** Return the plain-language reading of a ranking: what its top assumption rests on, and what that means. */
export function rankingSummary(rows: readonly AssumptionViewRow[], kpi: string): string {
  const name = kpiLabel(kpi);
  const top = rows[0];
  if (!top || top.index <= 0) return `None of the model's assumptions moved ${name} in this analysis: its conclusions do not hang on them.`;
  const moves = `across its plausible range it moves ${name} by ${top.indexText} on average`;
  const judged = rows.slice(0, 5).filter((r) => r.evidence === 'judgement' && r.index > 0);
  const others = judged.filter((r) => r !== top).length;
  const rest = others > 0 ? ` ${others === 1 ? 'One more' : `${others} more`} of the top five ${others === 1 ? 'rests' : 'rest'} on judgement alone.` : '';
  switch (top.evidence) {
    case 'judgement':
      return `The top assumption here, '${top.label}', rests on judgement alone (${moves}): treat conclusions that depend on it with care.${rest}`;
    case 'mixed':
      return `The top assumption here, '${top.label}', mixes a published source with judgement (${moves}): check what it assumes before relying on a conclusion that depends on it.${rest}`;
    case 'evidence':
      return `The top assumption here, '${top.label}', rests on a published source (${moves}).${rest}`;
  }
}

/**
 * Turn a screening into the view's rows, largest μ* first (the engine's order, kept): label, mechanism and
 * evidence class from the registry, a bar scaled to the largest index, and the summary sentence. With `all`
 * unset only the top TOP_ASSUMPTIONS rows are returned and `more` counts the rest.
 */
export function assumptionRanking(result: AssumptionSensitivity, registry: readonly ParameterDef[], all = false): AssumptionRanking {
  const byId = new Map(registry.map((p) => [p.id, p]));
  const largest = result.rows.reduce((m, r) => Math.max(m, r.index), 0);
  const ranked = result.rows.map((r, i): AssumptionViewRow => {
    const def = byId.get(r.id);
    const fullLabel = def?.label ?? r.label;
    const words = EVIDENCE_WORDS[r.evidence];
    return {
      rank: i + 1,
      id: r.id,
      label: shortLabel(fullLabel),
      fullLabel,
      mechanism: def?.mechanism ?? '',
      evidence: r.evidence,
      evidenceLabel: words.label,
      evidenceClass: words.className,
      index: r.index,
      indexText: formatKpiMove(result.kpi, r.index),
      share: largest > 0 ? r.index / largest : 0,
      direction: directionWords(r.meanEffect, r.index),
    };
  });
  const rows = all ? ranked : ranked.slice(0, TOP_ASSUMPTIONS);
  return { kpi: result.kpi, rows, more: ranked.length - rows.length, total: ranked.length, summary: rankingSummary(ranked, result.kpi) };
}
