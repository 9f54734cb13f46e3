import type { Kpis, LeverDef, LeverValues, Weeks } from '../types';

/**
 * A challenge as a scenario states it (the `targets` of a scenario file): a KPI that must
 * reach at least / stay at most a value, optionally while one lever stays at or below a limit
 * (e.g. "maturity 3 by year 3 without running more than 4 priorities").
 */
export interface ChallengeTarget {
  readonly id: string;
  readonly label: string;
  /** A KPI id of the run (e.g. `maturityAtHorizon`), or a series id when `byWeek` is given. */
  readonly kpi: string;
  readonly atLeast?: number;
  readonly atMost?: number;
  /** Read the series `kpi` at this week instead of the KPI at the horizon. */
  readonly byWeek?: Weeks;
  readonly maxLever?: { readonly leverId: string; readonly atMost: number };
}

/** What a challenge is checked against: the current what-if's run and lever values. */
export interface ChallengeContext {
  readonly kpis: Kpis;
  /** The what-if's lever values; missing ids take the lever's default from `leverDefs`. */
  readonly levers: LeverValues;
  readonly leverDefs: readonly LeverDef[];
  /** The run's weekly series, needed only for targets with `byWeek`. */
  readonly series?: Readonly<Record<string, ArrayLike<number>>>;
}

/** One condition of a challenge. `margin` > 0 is slack, < 0 is the shortfall, both in the subject's unit. */
export interface ChallengeCheck {
  readonly kind: 'at-least' | 'at-most' | 'lever-at-most';
  /** The KPI, series or lever id the condition is about. */
  readonly subject: string;
  /** The week the value was read at, for series conditions. */
  readonly week?: Weeks;
  readonly actual: number;
  readonly required: number;
  readonly margin: number;
  readonly pass: boolean;
  /** Set when the subject is a week count (`weeksTo…`) and the run never got there. */
  readonly notReached?: true;
}

/** The verdict on one challenge: it passes when every check passes and nothing was missing. */
export interface ChallengeResult {
  readonly id: string;
  readonly label: string;
  readonly pass: boolean;
  readonly checks: readonly ChallengeCheck[];
  /** Plain reasons the challenge could not be checked fully (unknown KPI or lever, no condition). */
  readonly missing: readonly string[];
}

// Floating-point sums land a hair off round targets (2.9999999 for 3); a target met to a
// millionth counts as met.
const TOLERANCE = 1e-6;

/**
 * Return whether a KPI counts weeks until something happens; the engine reports -1 when it
 * never did, which must not read as "very early".
 */
export function isWeeksUntilKpi(kpi: string): boolean {
  return /^weeksTo[A-Z]/.test(kpi);
}

function notReachedCheck(kind: 'at-least' | 'at-most', subject: string, actual: number, required: number, week?: Weeks): ChallengeCheck {
  // Never getting there satisfies "at least N weeks" and fails "within N weeks" by more than any number.
  const pass = kind === 'at-least';
  return { kind, subject, actual, required, margin: pass ? Infinity : -Infinity, pass, notReached: true, ...(week === undefined ? {} : { week }) };
}

function check(kind: ChallengeCheck['kind'], subject: string, actual: number, required: number, week?: Weeks): ChallengeCheck {
  const margin = kind === 'at-least' ? actual - required : required - actual;
  return { kind, subject, actual, required, margin, pass: margin >= -TOLERANCE, ...(week === undefined ? {} : { week }) };
}

function readSubject(target: ChallengeTarget, ctx: ChallengeContext): { value: number; week?: Weeks } | string {
  if (target.byWeek !== undefined) {
    const series = ctx.series?.[target.kpi];
    if (!series || series.length === 0) return `the run has no series "${target.kpi}"`;
    const week = Math.max(0, Math.min(series.length - 1, Math.round(target.byWeek)));
    const value = series[week];
    if (value === undefined || !Number.isFinite(value)) return `the series "${target.kpi}" has no value at week ${week}`;
    return { value, week };
  }
  const value = ctx.kpis[target.kpi];
  if (value === undefined || !Number.isFinite(value)) return `the run has no KPI "${target.kpi}"`;
  return { value };
}

/** Check one challenge against the current what-if and say by how much each condition passes or fails. */
export function evaluateChallenge(target: ChallengeTarget, ctx: ChallengeContext): ChallengeResult {
  const checks: ChallengeCheck[] = [];
  const missing: string[] = [];
  if (target.atLeast !== undefined || target.atMost !== undefined) {
    const subject = readSubject(target, ctx);
    if (typeof subject === 'string') missing.push(subject);
    else {
      const make = isWeeksUntilKpi(target.kpi) && subject.value < 0 ? notReachedCheck : check;
      if (target.atLeast !== undefined) checks.push(make('at-least', target.kpi, subject.value, target.atLeast, subject.week));
      if (target.atMost !== undefined) checks.push(make('at-most', target.kpi, subject.value, target.atMost, subject.week));
    }
  }
  if (target.maxLever) {
    const { leverId, atMost } = target.maxLever;
    const def = ctx.leverDefs.find((l) => l.id === leverId);
    const value = ctx.levers[leverId] ?? def?.default;
    if (value === undefined) missing.push(`there is no lever "${leverId}"`);
    else checks.push(check('lever-at-most', leverId, value, atMost));
  }
  if (checks.length === 0 && missing.length === 0) missing.push('the challenge states no condition');
  return {
    id: target.id,
    label: target.label,
    pass: missing.length === 0 && checks.every((c) => c.pass),
    checks,
    missing,
  };
}

/** Check every challenge of a scenario against the same what-if, in the scenario's order. */
export function evaluateChallenges(targets: readonly ChallengeTarget[], ctx: ChallengeContext): ChallengeResult[] {
  return targets.map((t) => evaluateChallenge(t, ctx));
}
