/**
 * Explanations and insights: which constraint bound progress in each period, and plain-language lines tied
 * to the lessons L1–L8. Computed only for single runs (never per Monte Carlo replication).
 */
import type { Settings } from './levers';
import { roleCoverage, reworkShare } from './team';
import type { Constraint, InitiativeOutcome, Insight, PeriodExplanation, RunEvent, SimInput } from './types';
import { CONSTRAINTS } from './types';

/** Detail recorded only for single runs (not per Monte Carlo replication): events and constraint losses. */
export interface Detail {
  readonly events: RunEvent[];
  /** Loss per constraint per period: CONSTRAINT_COUNT values per period. */
  readonly losses: Float64Array;
  /** Scope growth added over the run, in reference-team weeks. */
  scopeAdded: number;
  /** Peak number of business-critical initiatives in flight at once. */
  peakCritical: number;
}

/** Weeks per explanation period (a quarter). */
export const EXPLAIN_PERIOD_WEEKS = 13;
/** Number of constraints (CONSTRAINTS.length). */
export const CONSTRAINT_COUNT = CONSTRAINTS.length;

/**
 * Turn per-period losses (−ln of each constraint's factor, summed over the weeks) into shares per period, and
 * keep the losses themselves: shares compare constraints within one run, losses compare runs (explainChange).
 */
export function buildExplanations(losses: Float64Array, horizon: number): PeriodExplanation[] {
  const out: PeriodExplanation[] = [];
  const periods = Math.ceil((horizon + 1) / EXPLAIN_PERIOD_WEEKS);
  for (let p = 0; p < periods; p++) {
    let total = 0;
    for (let c = 0; c < CONSTRAINT_COUNT; c++) total += losses[p * CONSTRAINT_COUNT + c]!;
    const shares = {} as Record<Constraint, number>;
    const absolute = {} as Record<Constraint, number>;
    let binding: Constraint = CONSTRAINTS[0];
    let best = -1;
    CONSTRAINTS.forEach((c, i) => {
      const loss = losses[p * CONSTRAINT_COUNT + i]!;
      const v = total > 0 ? loss / total : 1 / CONSTRAINT_COUNT;
      shares[c] = v;
      absolute[c] = loss;
      if (v > best) { best = v; binding = c; }
    });
    out.push({ fromWeek: p * EXPLAIN_PERIOD_WEEKS, toWeek: Math.min(horizon, (p + 1) * EXPLAIN_PERIOD_WEEKS - 1), binding, shares, losses: absolute });
  }
  return out;
}

/** Plain-language name of each constraint, for sentences. */
export const CONSTRAINT_LABELS: Readonly<Record<Constraint, string>> = {
  switching: 'switching between priorities',
  governance: 'waiting for decisions (governance friction)',
  fatigue: 'change fatigue',
  capability: 'limited in-house capability',
  infrastructure: 'infrastructure not ready',
  scope: 'scope growth',
  team: 'team size and mix',
};

/** What the insight builder reads. */
export interface InsightContext {
  readonly input: SimInput;
  readonly settings: Settings;
  readonly series: Readonly<Record<string, Float64Array>>;
  readonly kpis: Readonly<Record<string, number>>;
  readonly timeline: readonly InitiativeOutcome[];
  readonly explanations: readonly PeriodExplanation[];
  readonly detail: Detail;
  readonly horizon: number;
}

function mean(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return a.length > 0 ? s / a.length : 0;
}

/** Format a count with thousands separators (no locale, so the text is the same everywhere). */
export function thousands(x: number): string {
  return String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function pct(x: number): number {
  return Math.round(100 * x);
}

/** Return "n thing", with the singular form for exactly one. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function weekLabel(w: number): string {
  if (w < 8) return `week ${w}`;
  const months = Math.round(w / (52 / 12));
  return months < 24 ? `month ${months} (week ${w})` : `year ${(w / 52).toFixed(1)} (week ${w})`;
}

/** Build the run's insights: short sentences, each tied to a lesson, weighted by how much it mattered. */
export function buildInsights(ctx: InsightContext): Insight[] {
  const { settings: s, series, kpis, explanations, detail, horizon } = ctx;
  const insights: Insight[] = [];
  const totals: Record<Constraint, number> = { switching: 0, governance: 0, fatigue: 0, capability: 0, infrastructure: 0, scope: 0, team: 0 };
  for (const e of explanations) for (const c of CONSTRAINTS) totals[c] += e.shares[c];
  const n = Math.max(1, explanations.length);
  for (const c of CONSTRAINTS) totals[c] /= n;

  // L1: concurrency.
  const prios = series.activePriorities!;
  const meanP = mean(prios);
  const lost = kpis.meanSwitchingLoss ?? 0;
  insights.push({
    id: 'switching',
    lesson: 'L1',
    text: meanP >= 2.5
      ? `Running ${Math.round(meanP)} priorities at once cost the team about ${pct(lost)}% of its time in switching. Cutting to two would leave 80% for real work.`
      : `With about ${count(Math.max(1, Math.round(meanP)), 'priority', 'priorities')} at a time, only ${pct(lost)}% of the team's time went on switching.`,
    weight: totals.switching + (meanP >= 5 ? 0.2 : 0),
  });

  // L3: leadership and governance.
  const friction = mean(series.governanceFriction!);
  if (friction > 0.15) {
    insights.push({
      id: 'governance',
      lesson: 'L3',
      text: `Waiting for decisions and for blockers to be cleared took about ${pct(friction)}% of the team's capacity.${s.ownership < 3 ? ' When the whole board owns digital, each member unblocks their own portfolio and this falls.' : ''}`,
      weight: totals.governance,
    });
  }
  const infraLoss = totals.infrastructure;
  if (infraLoss > 0.08) {
    insights.push({
      id: 'infrastructure',
      lesson: 'L3',
      text: `Work that needs solid foundations crawled while infrastructure readiness was ${pct(series.infrastructure![0]!)}%: getting the basics in place first avoids failures later.`,
      weight: infraLoss,
    });
  }

  // L6: team.
  const coverage = roleCoverage(s.fte);
  if (coverage < 0.7) {
    const present = Math.round(coverage * 7);
    insights.push({
      id: 'team-mix',
      lesson: 'L6',
      text: `The first team covers only about ${present} of 7 role families, so about ${pct(reworkShare(coverage))}% of its work is rework and fewer staff adopt what it builds. A small multidisciplinary team can show the thing.`,
      weight: totals.team + (1 - coverage) * 0.3,
    });
  }
  const cap = series.capability!;
  const cap0 = cap[0]!;
  const capEnd = cap[horizon]!;
  if (s.external >= 0.5 || capEnd < cap0 - 0.05) {
    insights.push({
      id: 'capability',
      lesson: 'L6',
      text: s.external >= 0.5
        ? `${pct(s.external)}% of the team are consultants or contractors: capacity came at once, but in-house capability ${capEnd > cap0 ? 'only reached' : 'fell to'} ${pct(capEnd)}%, and what they knew leaves with them.`
        : `In-house capability fell from ${pct(cap0)}% to ${pct(capEnd)}%: under pressure, time for improvement gave way to doing (the capability trap).`,
      weight: totals.capability + 0.15,
    });
  }

  // L7: goal.
  const firstWin = kpis.firstWinWeek ?? horizon + 1;
  if (s.clarity < 0.5 && detail.scopeAdded > 0) {
    let planned = 0;
    for (const it of ctx.input.initiatives.length > 0 ? ctx.input.initiatives : []) planned += it.effortWeeks;
    const grew = planned > 0 ? detail.scopeAdded / planned : 0;
    insights.push({
      id: 'scope',
      lesson: 'L7',
      // Growth that rounds to 0% is not worth a number.
      text: planned > 0 && pct(grew) > 0
        ? `Without a single clear goal, scope grew by about ${pct(grew)}% of the planned effort: each fix pulled in others ("collecting rocks").`
        : 'Without a single clear goal, scope kept growing: each fix pulled in others ("collecting rocks").',
      weight: totals.scope + 0.1,
    });
  }
  insights.push({
    id: 'first-win',
    lesson: 'L7',
    text: firstWin <= horizon
      ? `The first visible win came in ${weekLabel(firstWin)}.${s.clarity >= 0.7 ? ' A single clear goal concentrated the team on it.' : ' A single, clear, dated goal would bring it sooner.'}`
      : 'Nothing went live within the horizon: there was no visible win to build momentum on.',
    weight: firstWin <= horizon ? 0.1 + (firstWin < 52 ? 0.1 : 0) : 0.5,
  });

  // L8: confidence.
  const conf = series.confidence!;
  const c0 = conf[0]!;
  const cEnd = conf[horizon]!;
  insights.push({
    id: 'confidence',
    lesson: 'L8',
    text: cEnd >= c0
      ? `Board confidence went from ${pct(c0)}% to ${pct(cEnd)}%: visible wins build it, and risk appetite follows (now ${pct(series.riskAppetite![horizon]!)}%).`
      : `Board confidence fell from ${pct(c0)}% to ${pct(cEnd)}%: failures and go-live dips cost more than wins added, and risk appetite followed (now ${pct(series.riskAppetite![horizon]!)}%).`,
    weight: 0.1 + Math.abs(cEnd - c0),
  });

  // L2: critical changes at once, and failures.
  const failed = kpis.initiativesFailed ?? 0;
  if (detail.peakCritical >= 3) {
    insights.push({
      id: 'critical',
      lesson: 'L2',
      text: failed > 0
        ? `Up to ${detail.peakCritical} business-critical changes ran at once and ${count(failed, 'attempt', 'attempts')} failed. Staging the journey, with at most about two at a time, fails less.`
        : `Up to ${detail.peakCritical} business-critical changes ran at once. None failed this time, but each one beyond two at a time raises the risk of failure; staging the journey lowers it.`,
      weight: 0.1 * detail.peakCritical + 0.2 * failed,
    });
  } else if (failed > 0) {
    insights.push({
      id: 'failures',
      lesson: 'L2',
      text: `${failed === 1 ? 'One delivery attempt' : `${failed} delivery attempts`} failed: slow, stretched work piles up risk, and every failure costs board confidence.`,
      weight: 0.15 * failed,
    });
  }
  const fat = kpis.peakFatigue ?? 0;
  if (fat > 0.3) {
    insights.push({
      id: 'fatigue',
      lesson: 'L2',
      text: `Change fatigue peaked at ${pct(fat)}%: staff absorb two or three changes at a time, and more slowed adoption.`,
      weight: totals.fatigue + fat * 0.3,
    });
  }

  // L4: benefit lag.
  const rate = series.benefitsRate!;
  const adopt = kpis.adoptionAtHorizon ?? 0;
  const endRate = rate[horizon]!;
  if (adopt > 0.05 && endRate > 0 && horizon >= 104) {
    const a2 = (series['adoption.patients']![104]! + series['adoption.clinicians']![104]! + series['adoption.support']![104]!) / 3;
    if (a2 >= 0.1) insights.push({
      id: 'benefit-lag',
      lesson: 'L4',
      text: `Benefits lag adoption by two to three years: by year 2 adoption had reached ${pct(a2)}% of its potential, but the weekly benefit was only ${pct(rate[104]! / endRate)}% of what it reached by the end.`,
      weight: 0.15,
    });
  }

  // L5: urgency.
  const shocks = ctx.input.events.filter((e) => e.kind === 'urgency-shock');
  if (shocks.length > 0) {
    const remote = series.remoteConsultations!;
    const w0 = Math.max(0, Math.min(horizon, shocks[0]!.week));
    const before = remote[Math.max(0, w0 - 1)]!;
    let six = 0;
    for (let w = w0; w < Math.min(horizon + 1, w0 + 6); w++) six += remote[w]!;
    const later = remote[Math.min(horizon, w0 + 52)]!;
    insights.push({
      id: 'urgency',
      lesson: 'L5',
      text: `Urgency changed everything at once: remote consultations went from about ${Math.round(before)} to ${thousands(six)} in six weeks, priorities fell to ${Math.round(prios[Math.min(horizon, w0 + 4)]!)}, and a year later ${thousands(later)} a week remained.`,
      weight: 0.6,
    });
  }

  return insights.sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
}
