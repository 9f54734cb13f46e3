/**
 * Attribution of the KPI gap between two runs to the settings that differ between them.
 *
 * The "players" are the levers whose values differ, plus one player for everything else in the
 * scenario (portfolio, stages, events, goal, horizon) when that differs too. A coalition S of
 * players is simulated as run A with the players in S taken from run B, always with A's seed,
 * replications and method, so that every coalition sees the same random numbers.
 *
 * Interactions are handled in one of two stated ways:
 * - `shapley` (up to `maxExactPlayers` players, 2^n simulations): each player's effect is its
 *   Shapley value, the average of its marginal effect over every order in which the players
 *   could be swapped in. Interactions are shared out evenly between the players involved, so
 *   the effects add up exactly to the gap and the interaction remainder is zero.
 * - `both-orders` (more players, 2n + 2 simulations): each player's effect is the average of
 *   swapping it alone into A and swapping it alone out of B. What those one-at-a-time swaps
 *   do not account for is reported as `interaction`.
 * Whatever A's sampling cannot explain (B used a different seed, replication count or method)
 * is reported as `sampling`. So effects + interaction + sampling = the gap, for every KPI.
 */
import type { Kpis, LeverDef, LeverValues, SimInput } from '../types';
import type { KpiSummary, SimTask } from './summary';

/** What a comparison needs to know about one run: its input (levers resolved) and sampling. */
export interface RunPoint {
  readonly label: string;
  readonly input: SimInput;
  readonly method: SimTask['method'];
  readonly seed: number;
  readonly replications: number;
  readonly uncertainty?: SimTask['uncertainty'];
}

/** One factor the gap is attributed to. */
export interface AttributionPlayer {
  /** A lever id, or `scenario` for every non-lever difference taken together. */
  readonly id: string;
  readonly label: string;
  readonly kind: 'lever' | 'scenario';
  /** The lever's value in A and in B (levers only). */
  readonly from?: number;
  readonly to?: number;
}

/** The simulations an attribution needs, in order, and how their results will be combined. */
export interface AttributionPlan {
  readonly method: 'shapley' | 'both-orders';
  readonly players: readonly AttributionPlayer[];
  /**
   * The coalition each task simulates: ids of the players taken from B, aligned with `tasks`.
   * For `shapley`, task k takes player i from B when bit i of k is set; for `both-orders`, the
   * tasks are: nothing, everything, then for each player i: only i, everything but i.
   */
  readonly coalitions: readonly (readonly string[])[];
  readonly tasks: readonly SimTask[];
}

/** How much of one KPI's gap one player explains. */
export interface AttributionRow {
  readonly player: string;
  readonly label: string;
  readonly effect: number;
  /** effect / gap; null when the gap is too small to share out. */
  readonly share: number | null;
}

/** The attribution of one KPI's gap (B − A). */
export interface KpiAttribution {
  readonly kpi: string;
  readonly a: number;
  readonly b: number;
  readonly gap: number;
  /** One row per player, largest |effect| first. */
  readonly rows: readonly AttributionRow[];
  /** What one-at-a-time swaps leave unexplained (always 0 for `shapley`). */
  readonly interaction: number;
  /** The part due to B's different seed, replications or method rather than its settings. */
  readonly sampling: number;
}

/** The attribution of every KPI's gap between two runs. */
export interface Attribution {
  readonly method: AttributionPlan['method'];
  /** One sentence on how interactions were treated, for people reading the result. */
  readonly interactionNote: string;
  readonly players: readonly AttributionPlayer[];
  readonly kpis: readonly KpiAttribution[];
}

/** Default cap on players for exact Shapley values (2^6 = 64 simulations). */
export const DEFAULT_MAX_EXACT_PLAYERS = 6;

/** Gaps smaller than this (relative to the KPI's size) are not shared out into percentages. */
const NEGLIGIBLE = 1e-9;

/** Return every lever's value in an input, defaults filled in. */
export function effectiveLevers(levers: LeverValues, defs: readonly LeverDef[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const def of defs) out[def.id] = levers[def.id] ?? def.default;
  return out;
}

function withoutLevers(input: SimInput): string {
  const { levers: _levers, ...rest } = input;
  return JSON.stringify(rest);
}

/** Plan the simulations that attribute the gap between A and B to the differences between them. */
export function planAttribution(
  a: RunPoint,
  b: RunPoint,
  defs: readonly LeverDef[],
  opts: { maxExactPlayers?: number } = {},
): AttributionPlan {
  const leversA = effectiveLevers(a.input.levers, defs);
  const leversB = effectiveLevers(b.input.levers, defs);
  const players: AttributionPlayer[] = [];
  for (const def of defs) {
    if (leversA[def.id] !== leversB[def.id]) {
      players.push({ id: def.id, label: def.label, kind: 'lever', from: leversA[def.id], to: leversB[def.id] });
    }
  }
  if (withoutLevers(a.input) !== withoutLevers(b.input)) {
    players.push({ id: 'scenario', label: 'Scenario (portfolio, stages, events, goal, horizon)', kind: 'scenario' });
  }
  const n = players.length;
  // Exact Shapley needs 2^n runs; the cap keeps that affordable (and bit masks within 31 bits).
  const exact = n <= Math.min(opts.maxExactPlayers ?? DEFAULT_MAX_EXACT_PLAYERS, 20);
  const members: boolean[][] = [];
  if (exact) {
    for (let mask = 0; mask < 2 ** n; mask++) members.push(players.map((_, i) => (mask & (1 << i)) !== 0));
  } else {
    members.push(players.map(() => false), players.map(() => true));
    for (let i = 0; i < n; i++) members.push(players.map((_, j) => j === i), players.map((_, j) => j !== i));
  }
  const tasks = members.map((inB): SimTask => {
    const levers: Record<string, number> = { ...leversA };
    let base = a.input;
    players.forEach((p, i) => {
      if (!inB[i]) return;
      if (p.kind === 'scenario') base = b.input;
      else levers[p.id] = leversB[p.id]!;
    });
    return { input: { ...base, levers }, method: a.method, seed: a.seed, replications: a.replications, uncertainty: a.uncertainty };
  });
  const coalitions = members.map((inB) => players.filter((_, i) => inB[i]).map((p) => p.id));
  return { method: exact ? 'shapley' : 'both-orders', players, coalitions, tasks };
}

function factorial(k: number): number {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return f;
}

function popcount(mask: number): number {
  let c = 0;
  for (let m = mask; m !== 0; m &= m - 1) c++;
  return c;
}

/**
 * Combine the plan's simulation results (aligned with `plan.tasks`) with the two runs' own
 * KPIs into the attribution of every KPI present in both runs.
 */
export function completeAttribution(plan: AttributionPlan, results: readonly KpiSummary[], kpisA: Kpis, kpisB: Kpis): Attribution {
  if (results.length !== plan.tasks.length) throw new Error(`expected ${plan.tasks.length} results, got ${results.length}`);
  const n = plan.players.length;
  const exact = plan.method === 'shapley';
  const all = exact ? 2 ** n - 1 : -1;
  const names = Object.keys(kpisA).filter((k) => k in kpisB).sort();
  const weights = Array.from({ length: n }, (_, s) => (factorial(s) * factorial(n - s - 1)) / factorial(n));

  const kpis = names.map((kpi): KpiAttribution => {
    // For `shapley` the task index is the coalition's bit mask; see AttributionPlan.coalitions.
    const v = (index: number) => results[index]!.kpis[kpi] ?? Number.NaN;
    const none = 0;
    const everything = exact ? all : 1;
    const a = kpisA[kpi]!;
    const b = kpisB[kpi]!;
    const gap = b - a;
    const effects = plan.players.map((_, i) => {
      if (exact) {
        const bit = 1 << i;
        let phi = 0;
        for (let mask = 0; mask <= all; mask++) {
          if ((mask & bit) !== 0) continue;
          phi += weights[popcount(mask)]! * (v(mask | bit) - v(mask));
        }
        return phi;
      }
      const swapIn = v(2 + 2 * i) - v(none);
      const swapOut = v(everything) - v(3 + 2 * i);
      return (swapIn + swapOut) / 2;
    });
    const explained = effects.reduce((s, e) => s + e, 0);
    // With A's own sampling, the empty coalition is A itself; v(all) differs from B only by sampling.
    const settingsGap = v(everything) - v(none);
    const interaction = exact ? 0 : settingsGap - explained;
    const sampling = gap - settingsGap;
    const scale = Math.max(Math.abs(a), Math.abs(b), 1);
    const shareable = Math.abs(gap) > NEGLIGIBLE * scale;
    const rows = plan.players
      .map((p, i): AttributionRow => ({ player: p.id, label: p.label, effect: effects[i]!, share: shareable ? effects[i]! / gap : null }))
      .sort((x, y) => Math.abs(y.effect) - Math.abs(x.effect) || x.player.localeCompare(y.player));
    return { kpi, a, b, gap, rows, interaction, sampling };
  });

  const interactionNote =
    plan.method === 'shapley'
      ? `Shapley values over ${n} differing setting${n === 1 ? '' : 's'}: each effect averages that setting's swap over every order of swapping, so interactions are shared evenly and the effects add up to the gap.`
      : `${n} differing settings are too many for exact Shapley values: each effect averages swapping that setting alone into A and alone out of B; what those one-at-a-time swaps miss is shown as interaction.`;
  return { method: plan.method, interactionNote, players: plan.players, kpis };
}
