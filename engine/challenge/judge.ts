import type { Kpis, LeverDef, LeverValues } from '../types';
import { evaluateChallenge, type ChallengeResult, type ChallengeTarget } from './evaluate';

/**
 * What a verdict was judged on: `typical`, the medians (P50) of the Monte Carlo replications, the
 * figures the headline shows; `estimate`, the expected-value run (noise off), quick but favourable,
 * so its verdict is provisional.
 */
export type ChallengeBasis = 'typical' | 'estimate';

/** The medians of a Monte Carlo (a MonteCarloResult fits): only `p50` is read. */
export interface TypicalOutcome {
  readonly replications: number;
  readonly kpis: Readonly<Record<string, { readonly p50: number }>>;
  readonly bands: Readonly<Record<string, { readonly p50: ArrayLike<number> }>>;
}

/** The expected-value run's figures (a RunResult fits). */
export interface EstimateOutcome {
  readonly kpis: Kpis;
  readonly series: Readonly<Record<string, ArrayLike<number>>>;
}

/** A challenge's verdict and the figures it was judged on. */
export interface JudgedChallenge extends ChallengeResult {
  readonly basis: ChallengeBasis;
  /** How many replications the typical outcome came from; absent for the quick estimate. */
  readonly replications?: number;
}

/** What to judge challenges against: the typical outcome when it is in, the quick estimate, and the board's levers. */
export interface JudgeInputs {
  readonly typical: TypicalOutcome | null;
  readonly estimate: EstimateOutcome | null;
  readonly levers: LeverValues;
  readonly leverDefs: readonly LeverDef[];
}

/** Return each KPI's median across the replications, as a plain KPI record. */
export function medianKpis(typical: Pick<TypicalOutcome, 'kpis'>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, d] of Object.entries(typical.kpis)) out[id] = d.p50;
  return out;
}

function medianSeries(typical: TypicalOutcome): Record<string, ArrayLike<number>> {
  const out: Record<string, ArrayLike<number>> = {};
  for (const [id, b] of Object.entries(typical.bands)) out[id] = b.p50;
  return out;
}

/** Return whether the typical outcome holds the figure a target's KPI condition reads. */
function typicalHas(target: ChallengeTarget, typical: TypicalOutcome): boolean {
  if (target.atLeast === undefined && target.atMost === undefined) return true;
  if (target.byWeek !== undefined) return typical.bands[target.kpi] !== undefined;
  const d = typical.kpis[target.kpi];
  return d !== undefined && Number.isFinite(d.p50);
}

/**
 * Judge a scenario's challenges the way the headline reads the run: on the medians of the replications
 * once they are in, else on the quick estimate (provisional). A challenge whose figure the typical
 * outcome lacks (a series the Monte Carlo keeps no band of) falls back to the quick estimate and says so
 * through its basis. Returns null while neither is available.
 */
export function judgeChallenges(targets: readonly ChallengeTarget[], inputs: JudgeInputs): JudgedChallenge[] | null {
  const { typical, estimate, levers, leverDefs } = inputs;
  if (!typical && !estimate) return null;
  const typicalCtx = typical && { kpis: medianKpis(typical), series: medianSeries(typical), levers, leverDefs };
  const estimateCtx = estimate && { kpis: estimate.kpis, series: estimate.series, levers, leverDefs };
  return targets.map((t) => {
    if (typical && typicalCtx && (typicalHas(t, typical) || !estimateCtx)) {
      return { ...evaluateChallenge(t, typicalCtx), basis: 'typical', replications: typical.replications };
    }
    return { ...evaluateChallenge(t, estimateCtx!), basis: 'estimate' };
  });
}
