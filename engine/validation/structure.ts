/** Structure and units: every stock stays in its range and every stock is the sum of its flows. */
import { KPIS, SERIES } from '../series';
import { fmt } from './helpers';
import type { CaseOutcome, ValidationCase, ValidationContext } from './types';

/** Slack for single-precision band values (SPEC R9) compared with a bound. */
const EPS = 1e-6;

/** Return whether a series is bounded by its declared range (shares and maturity, SPEC R6), not only by its minimum. */
function hardBounded(unit: string): boolean {
  return unit === 'share' || unit.startsWith('score');
}

/** Return the ids of the prepared scenarios in a fixed order. */
function scenarioIds(ctx: ValidationContext): string[] {
  return Object.keys(ctx.scenarios).sort();
}

/** Return the outcome of a check that lists its violations (at most `shown` of them in the detail). */
function violations(found: string[], checked: number, what: string, shown = 8): CaseOutcome {
  const more = found.length > shown ? ` and ${found.length - shown} more` : '';
  return {
    figure: `${found.length} outside`,
    pass: found.length === 0,
    detail: found.length === 0 ? `${checked} ${what} checked; all within range.` : `${found.slice(0, shown).join('; ')}${more}.`,
  };
}

/** The structure and units cases, in order. */
export const STRUCTURE_CASES: readonly ValidationCase[] = [
  {
    id: 'S-series-ranges',
    category: 'structure',
    title: 'Every weekly series stays within its declared range in every prepared scenario',
    source: 'Sterman 2000 ch. 21 (structure and dimensional consistency); engine/series.ts declared ranges',
    threshold: 'expected run of every prepared scenario: every series within [min, max] of engine/series.ts every week',
    evaluate(ctx) {
      const found: string[] = [];
      let checked = 0;
      for (const id of scenarioIds(ctx)) {
        const r = ctx.expected(ctx.scenarios[id]!);
        for (const def of SERIES) {
          const v = r.series[def.id];
          if (v === undefined) {
            found.push(`${id}: no series ${def.id}`);
            continue;
          }
          checked++;
          let lo = Infinity, hi = -Infinity, finite = true;
          for (const x of v) {
            if (!Number.isFinite(x)) finite = false;
            if (x < lo) lo = x;
            if (x > hi) hi = x;
          }
          if (!finite) found.push(`${id}: ${def.id} is not finite`);
          else if (lo < def.min - EPS || hi > def.max + EPS) found.push(`${id}: ${def.id} spans ${fmt(lo)}–${fmt(hi)}, declared ${def.min}–${def.max}`);
        }
      }
      return violations(found, checked, 'series');
    },
  },
  {
    id: 'S-share-bounds',
    category: 'structure',
    title: 'Shares (fatigue, confidence, adoption and the rest) stay in [0, 1] and maturity in [1, 5] across the Monte Carlo',
    source: 'Engine SPEC R6',
    threshold: 'every prepared scenario: P10, P50, P90 and mean of every share series within [0, 1], of maturity within [1, 5], every week',
    evaluate(ctx) {
      const found: string[] = [];
      let checked = 0;
      for (const id of scenarioIds(ctx)) {
        const r = ctx.run(ctx.scenarios[id]!);
        for (const def of SERIES) {
          if (!hardBounded(def.unit)) continue;
          const b = r.bands[def.id];
          if (b === undefined) {
            found.push(`${id}: no bands of ${def.id}`);
            continue;
          }
          checked++;
          for (const [name, v] of [['P10', b.p10], ['P50', b.p50], ['P90', b.p90], ['mean', b.mean]] as const) {
            const bad = v.findIndex((x) => !(x >= def.min - EPS && x <= def.max + EPS));
            if (bad >= 0) {
              found.push(`${id}: ${def.id} ${name} is ${fmt(v[bad]!)} at week ${bad}`);
              break;
            }
          }
        }
      }
      return violations(found, checked, 'bounded series');
    },
  },
  {
    id: 'S-kpi-ranges',
    category: 'structure',
    title: 'Every replication\'s KPIs are finite and consistent with their units',
    source: 'Engine SPEC R5, R6',
    threshold: 'every replication of every prepared scenario: KPIs finite; shares in [0, 1]; scores in [1, 5]; goal reached 0 or 1 and 1 exactly when weeks to goal ≤ horizon; 0 ≤ delivered ≤ portfolio size; failed ≥ 0',
    evaluate(ctx) {
      const found: string[] = [];
      let checked = 0;
      for (const id of scenarioIds(ctx)) {
        const r = ctx.run(ctx.scenarios[id]!);
        const H = r.horizonWeeks, n = r.initiatives.length;
        const k = (kpi: string) => r.kpis[kpi]?.values ?? new Float64Array(0);
        for (const def of KPIS) {
          const v = k(def.id);
          const lo = def.unit === 'share' ? 0 : def.unit.startsWith('score') ? 1 : -Infinity;
          const hi = def.unit === 'share' ? 1 : def.unit.startsWith('score') ? 5 : Infinity;
          const bad = v.findIndex((x) => !Number.isFinite(x) || x < lo - EPS || x > hi + EPS);
          if (v.length === 0) found.push(`${id}: no KPI ${def.id}`);
          else if (bad >= 0) found.push(`${id}: ${def.id} is ${fmt(v[bad]!)} in replication ${bad}`);
        }
        const reached = k('goalReached'), weeks = k('weeksToGoal'), delivered = k('initiativesDelivered'), failed = k('initiativesFailed');
        for (let i = 0; i < reached.length; i++) {
          checked++;
          const g = reached[i]!, w = weeks[i]!;
          if ((g !== 0 && g !== 1) || (g === 1) !== (w <= H) || w < 0 || w > H + 1) {
            found.push(`${id}: replication ${i} has goal reached ${g} and weeks to goal ${w} (horizon ${H})`);
            break;
          }
          if (!(delivered[i]! >= 0 && delivered[i]! <= n) || !(failed[i]! >= 0)) {
            found.push(`${id}: replication ${i} delivers ${delivered[i]} and fails ${failed[i]} of ${n} initiatives`);
            break;
          }
        }
      }
      return violations(found, checked, 'replications');
    },
  },
  {
    id: 'S-stock-flow',
    category: 'structure',
    title: 'Cumulative benefits are the running sum of the weekly benefit rate',
    source: 'Sterman 2000 ch. 21 (a stock is the integral of its flows; benefit-weeks = Σ benefit-weeks/week × 1 week)',
    threshold: 'expected run of every prepared scenario: each week\'s change in benefits equals that week\'s (or the previous week\'s) rate within 1e-6 of the total, and the KPI equals the series at the horizon',
    evaluate(ctx) {
      const found: string[] = [];
      let checked = 0;
      for (const id of scenarioIds(ctx)) {
        const r = ctx.expected(ctx.scenarios[id]!);
        const stock = r.series.benefits, rate = r.series.benefitsRate;
        if (stock === undefined || rate === undefined) {
          found.push(`${id}: no benefits or benefitsRate series`);
          continue;
        }
        checked++;
        const H = stock.length - 1;
        const tol = 1e-6 * Math.max(1, Math.abs(stock[H]!));
        // Euler with a step of one week may add the rate recorded the same week or the one before; either is consistent.
        let errSame = Math.abs(stock[0]!), errBefore = Math.abs(stock[0]!);
        for (let w = 1; w <= H; w++) {
          const d = stock[w]! - stock[w - 1]!;
          errSame = Math.max(errSame, Math.abs(d - rate[w]!));
          errBefore = Math.max(errBefore, Math.abs(d - rate[w - 1]!));
        }
        if (Math.min(errSame, errBefore) > tol) found.push(`${id}: the stock departs from the summed rate by up to ${fmt(Math.min(errSame, errBefore))} benefit-weeks`);
        const kpi = r.kpis.benefitsRealised;
        if (kpi === undefined || Math.abs(kpi - stock[H]!) > tol) found.push(`${id}: KPI benefitsRealised ${fmt(kpi ?? Number.NaN)} ≠ benefits at the horizon ${fmt(stock[H]!)}`);
      }
      return violations(found, checked, 'scenarios');
    },
  },
];
