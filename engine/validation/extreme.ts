/** Extreme conditions: the model stays sensible where the inputs are at their ends (Sterman 2000, §21.4.3). */
import { blankInput } from '../defaults';
import { SERIES } from '../series';
import type { MonteCarloResult } from '../types';
import { allLeversAt, aroundShock, figure, fmt, meanBand, meanKpi, noTeamLevers, ratio, scenarioInput, shockWeek } from './helpers';
import type { CaseOutcome, ValidationCase } from './types';

/** Slack for single-precision band values compared with a bound. */
const EPS = 1e-6;

/** Return what is wrong with a Monte Carlo's numbers: non-finite values, or series outside their bounds (SPEC R5, R6). */
function rangeProblems(r: MonteCarloResult): string[] {
  const found: string[] = [];
  for (const [id, d] of Object.entries(r.kpis)) {
    const bad = d.values.findIndex((x) => !Number.isFinite(x));
    if (bad >= 0) found.push(`KPI ${id} is ${d.values[bad]} in replication ${bad}`);
  }
  for (const def of SERIES) {
    const b = r.bands[def.id];
    if (b === undefined) {
      found.push(`no bands of ${def.id}`);
      continue;
    }
    // Shares and maturity are bounded both ways; counts, capacity and benefits only below (their max is an axis hint).
    const hi = def.unit === 'share' || def.unit.startsWith('score') ? def.max : Infinity;
    for (const [name, v] of [['P10', b.p10], ['P50', b.p50], ['P90', b.p90], ['mean', b.mean]] as const) {
      const bad = v.findIndex((x) => !Number.isFinite(x) || x < def.min - EPS || x > hi + EPS);
      if (bad >= 0) {
        found.push(`${def.id} ${name} is ${fmt(v[bad]!)} at week ${bad} (range ${def.min}–${hi === Infinity ? '∞' : hi})`);
        break;
      }
    }
  }
  return found;
}

/** Return the outcome of running the blank trust with every lever at one end of its range. */
function allAt(end: 'min' | 'max', r: MonteCarloResult): CaseOutcome {
  const found = rangeProblems(r);
  const m = r.kpis.maturityAtHorizon?.mean ?? Number.NaN;
  return {
    figure: found.length === 0 ? `all in range; maturity ${fmt(m)}` : `${found.length} out of range`,
    pass: found.length === 0,
    detail: found.length === 0
      ? `Every lever at its ${end}imum: every KPI finite, every series within its bounds; mean maturity at the horizon ${fmt(m)}, mean delivered ${fmt(r.kpis.initiativesDelivered?.mean ?? Number.NaN)}.`
      : found.slice(0, 8).join('; '),
  };
}

/** The extreme-condition cases, in order. */
export const EXTREME_CASES: readonly ValidationCase[] = [
  {
    id: 'X-all-min',
    category: 'extreme',
    title: 'Every lever at its minimum: numbers stay finite and in range',
    source: 'Sterman 2000 ch. 21 (extreme conditions); engine SPEC R5, R6',
    threshold: 'every KPI finite; every series\' P10, P50, P90 and mean finite, ≥ its minimum, shares ≤ 1 and maturity in 1–5',
    evaluate: (ctx) => allAt('min', ctx.run(blankInput(), allLeversAt('min'))),
  },
  {
    id: 'X-all-max',
    category: 'extreme',
    title: 'Every lever at its maximum: numbers stay finite and in range',
    source: 'Sterman 2000 ch. 21 (extreme conditions); engine SPEC R5, R6',
    threshold: 'every KPI finite; every series\' P10, P50, P90 and mean finite, ≥ its minimum, shares ≤ 1 and maturity in 1–5',
    evaluate: (ctx) => allAt('max', ctx.run(blankInput(), allLeversAt('max'))),
  },
  {
    id: 'X-no-team',
    category: 'extreme',
    title: 'No team: nothing is built and nothing fails',
    source: 'MODEL-BRIEF "Validating the model" (no team → nothing is built and nothing fails)',
    threshold: 'blank trust, every FTE lever 0 and no consultants: mean delivered = 0 and mean failed = 0',
    evaluate(ctx) {
      const delivered = meanKpi(ctx, blankInput(), noTeamLevers(), 'initiativesDelivered');
      const failed = meanKpi(ctx, blankInput(), noTeamLevers(), 'initiativesFailed');
      return {
        figure: `delivered ${fmt(delivered)}, failed ${fmt(failed)}`,
        pass: delivered === 0 && failed === 0,
        detail: `With no team: mean initiatives delivered ${fmt(delivered)}, failed ${fmt(failed)}.`,
      };
    },
  },
  {
    id: 'X-one-priority',
    category: 'extreme',
    title: 'One priority at a time still delivers',
    source: 'Weinberg 1992 (one project: all time on real work)',
    threshold: 'blank trust at 1 priority: mean delivered ≥ 1',
    evaluate(ctx) {
      const delivered = meanKpi(ctx, blankInput(), { 'priorities.concurrent': 1 }, 'initiativesDelivered');
      return { figure: figure(delivered), pass: delivered >= 1, detail: `Mean initiatives delivered at 1 priority: ${fmt(delivered)}.` };
    },
  },
  {
    id: 'X-forty-priorities',
    category: 'extreme',
    title: 'Forty priorities still deliver something, but less than four',
    source: 'Weinberg 1992; source guide (30 priorities cut to 2)',
    threshold: 'blank trust at 40 priorities: mean delivered ≥ 1 and < mean delivered at 4',
    evaluate(ctx) {
      const at40 = meanKpi(ctx, blankInput(), { 'priorities.concurrent': 40 }, 'initiativesDelivered');
      const at4 = meanKpi(ctx, blankInput(), { 'priorities.concurrent': 4 }, 'initiativesDelivered');
      return {
        figure: `${fmt(at40)} vs ${fmt(at4)} at 4`,
        pass: at40 >= 1 && at40 < at4,
        detail: `Mean initiatives delivered: 40 priorities ${fmt(at40)}, 4 priorities ${fmt(at4)}.`,
      };
    },
  },
  {
    id: 'X-shock-nothing-live',
    category: 'extreme',
    title: 'A shock with nothing live: remote consultations rise only as far as the telephone takes them',
    source: 'MODEL-BRIEF "Validating the model" (a shock with nothing live); Nuffield Trust QualityWatch 2020 (telephone use rose without new platforms)',
    threshold: 'covid-19 with no team: the rise in mean remote consultations from the week before the shock to six weeks after is at most a fifth of the prepared case\'s rise',
    evaluate(ctx) {
      const covid = scenarioInput(ctx, 'covid-19');
      const s = shockWeek(covid);
      const none = meanBand(ctx.run(covid, noTeamLevers()).bands, 'remoteConsultations');
      const prepared = meanBand(ctx.run(covid).bands, 'remoteConsultations');
      const rise = (series: Float64Array): number => {
        const [before, after] = aroundShock(series, s);
        return after - before;
      };
      const a = rise(none), b = rise(prepared);
      const r = ratio(a, b);
      return {
        figure: figure(r),
        pass: a <= 0 || (b > 0 && a <= 0.2 * b),
        detail: `Rise in mean remote consultations a week from week ${s - 1} to week ${s + 6}: no team ${fmt(a)}, prepared case ${fmt(b)}.`,
      };
    },
  },
];
