import { isWeeksUntilKpi, type ChallengeCheck, type ChallengeResult, type LeverDef } from '../../../engine';
import { formatLeverValue, formatNumber, formatWeeks } from '../components/format';

// Names a trainer reads for the KPIs challenges usually name; anything else is spelled out from its id.
const KPI_LABELS: Readonly<Record<string, string>> = {
  maturityAtHorizon: 'Digital maturity at the end of the run',
  weeksToGoal: 'Time to reach the goal',
  delivered: 'Initiatives delivered',
  failed: 'Initiatives failed',
  benefits: 'Benefits realised',
  peakFatigue: 'Peak change fatigue',
  capabilityRetained: 'Capability retained',
  boardConfidence: 'Board confidence',
  maturity: 'Digital maturity',
};

/** Return a KPI's name as a trainer reads it ("weeksToGoal" → "Time to reach the goal"). */
export function kpiLabel(kpi: string): string {
  const known = KPI_LABELS[kpi];
  if (known) return known;
  const words = kpi.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[._-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Return a KPI value as a trainer reads it: week counts in years and months, others with two decimals. */
export function formatKpiValue(kpi: string, value: number): string {
  if (isWeeksUntilKpi(kpi)) return value < 0 ? 'not reached' : `${Math.round(value)} weeks (${formatWeeks(value)})`;
  return Number.isInteger(value) ? String(value) : formatNumber(value, 2);
}

function amount(check: ChallengeCheck, value: number, def: LeverDef | undefined): string {
  if (check.kind === 'lever-at-most') return def ? formatLeverValue(def, value) : formatNumber(value, 2);
  if (isWeeksUntilKpi(check.subject)) return `${Math.round(value)} weeks`;
  return Number.isInteger(value) ? String(value) : formatNumber(value, 2);
}

/** Return one check of a challenge in plain words, including by how much it passes or fails. */
export function describeCheck(check: ChallengeCheck, leverDefs: readonly LeverDef[]): string {
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
  const actual = check.kind === 'lever-at-most' ? amount(check, check.actual, def) : formatKpiValue(check.subject, check.actual);
  const by = amount(check, Math.abs(check.margin), def);
  const verdict = Math.abs(check.margin) < 1e-6 ? 'exactly on the mark' : check.pass ? `met with ${by} to spare` : `short by ${by}`;
  return `${subject}${when}: ${actual}; needs ${need} ${required} — ${verdict}.`;
}

/** Return a one-line verdict for a whole challenge. */
export function challengeVerdict(result: ChallengeResult): string {
  if (result.missing.length > 0) return `Cannot be checked: ${result.missing.join('; ')}.`;
  const failed = result.checks.filter((c) => !c.pass).length;
  return result.pass ? 'Passed with the current settings.' : `Not met with the current settings (${failed} of ${result.checks.length} conditions failed).`;
}
