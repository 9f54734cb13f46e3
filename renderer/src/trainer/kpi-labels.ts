import { isWeeksUntilKpi, KPIS, type ChallengeCheck, type ChallengeResult, type LeverDef } from '../../../engine';
import { kpiLabel } from '../model/metadata';
import { formatLeverValue, formatNumber, formatWeeks } from '../model/format';

/** A KPI's name as the engine labels it, or one spelled out from its id (shared with the analyst views). */
export { kpiLabel };

function kpiUnit(kpi: string): string {
  return KPIS.find((k) => k.id === kpi)?.unit ?? (isWeeksUntilKpi(kpi) ? 'weeks' : '');
}

/** Return an amount of a KPI as a trainer reads it (shares as percentages, weeks with years and months). */
export function formatKpiAmount(kpi: string, value: number): string {
  const unit = kpiUnit(kpi);
  if (unit === 'share') return `${formatNumber(value * 100, 0)}%`;
  if (unit === 'weeks') return `${Math.round(value)} weeks`;
  if (unit === 'score 1–5') return formatNumber(value, 2);
  const n = Number.isInteger(value) ? String(value) : formatNumber(value, 2);
  if (!unit || unit === '0/1') return n;
  // Counts read "1 initiative", not "1 initiatives".
  const one = value === 1 && (unit === 'initiatives' || unit === 'priorities') ? unit.replace(/ies$/, 'y').replace(/s$/, '') : unit;
  return `${n} ${one}`;
}

/** Return a KPI value as a trainer reads it; week counts past the horizon read "not reached". */
export function formatKpiValue(kpi: string, value: number, horizonWeeks?: number): string {
  if (kpiUnit(kpi) === 'weeks') {
    if (value < 0 || (horizonWeeks !== undefined && value > horizonWeeks)) return 'not reached within the run';
    return `${Math.round(value)} weeks (${formatWeeks(value)})`;
  }
  return formatKpiAmount(kpi, value);
}

function amount(check: ChallengeCheck, value: number, def: LeverDef | undefined): string {
  if (check.kind === 'lever-at-most') return def ? formatLeverValue(def, value) : formatNumber(value, 2);
  return formatKpiAmount(check.subject, value);
}

/** Return one check of a challenge in plain words, including by how much it passes or fails. */
export function describeCheck(check: ChallengeCheck, leverDefs: readonly LeverDef[], horizonWeeks?: number): string {
  const def = check.kind === 'lever-at-most' ? leverDefs.find((l) => l.id === check.subject) : undefined;
  const subject = check.kind === 'lever-at-most' ? (def?.label ?? check.subject) : kpiLabel(check.subject);
  const when = check.week === undefined ? '' : ` by week ${check.week}`;
  const need = check.kind === 'at-least' ? 'at least' : 'at most';
  const required = amount(check, check.required, def);
  if (check.notReached) {
    return check.pass
      ? `${subject}: never reached in this run, which meets "${need} ${required}".`
      : `${subject}: not reached within the run; needs ${need} ${required}.`;
  }
  const actual = check.kind === 'lever-at-most' ? amount(check, check.actual, def) : formatKpiValue(check.subject, check.actual, horizonWeeks);
  const by = amount(check, Math.abs(check.margin), def);
  const miss = check.kind === 'at-least' ? 'short by' : kpiUnit(check.subject) === 'weeks' ? 'too late by' : 'over the limit by';
  const verdict = Math.abs(check.margin) < 1e-6 ? 'exactly on the mark' : check.pass ? `met with ${by} to spare` : `${miss} ${by}`;
  return `${subject}${when}: ${actual}; needs ${need} ${required}: ${verdict}.`;
}

/** Return a one-line verdict for a whole challenge. */
export function challengeVerdict(result: ChallengeResult): string {
  if (result.missing.length > 0) return `Cannot be checked: ${result.missing.join('; ')}.`;
  const failed = result.checks.filter((c) => !c.pass).length;
  return result.pass ? 'Passed with the current settings.' : `Not met with the current settings (${failed} of ${result.checks.length} conditions failed).`;
}
