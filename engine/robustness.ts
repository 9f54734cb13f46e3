/**
 * How robust a what-if is: in how many paired replications it beats the scenario on a KPI, and by how much in
 * the typical one. Paired means replication r of both runs met the same luck and, with uncertainty 'all', the
 * same assumptions (assumptions.ts), so the comparison is of the decision alone.
 */
import { KPIS } from './series';
import type { MonteCarloResult } from './types';

/** A what-if's robustness on one KPI against a scenario. */
export interface Robustness {
  readonly kpi: string;
  /** Share of paired replications in which the what-if is better; a tie counts as half. */
  readonly share: number;
  /** Share of paired replications in which the two are equal. */
  readonly ties: number;
  /** Median over the paired replications of the what-if's gain, in the KPI's unit, positive when better. */
  readonly medianGain: number;
  readonly replications: number;
  readonly uncertainty: MonteCarloResult['uncertainty'];
}

/**
 * Return the robustness of `whatIf` against `scenario` on a KPI. Both must come from Monte Carlos with the same
 * seed, replications and uncertainty (otherwise their replications are not paired), else this throws an error
 * that says which differs.
 */
export function robustness(scenario: MonteCarloResult, whatIf: MonteCarloResult, kpi: string): Robustness {
  const def = KPIS.find((k) => k.id === kpi);
  if (!def) throw new Error(`Unknown KPI '${kpi}'. Known: ${KPIS.map((k) => k.id).join(', ')}`);
  for (const key of ['seed', 'replications', 'uncertainty'] as const) {
    if (scenario[key] !== whatIf[key]) {
      throw new Error(`The two runs are not paired: ${key} ${String(scenario[key])} against ${String(whatIf[key])}. Run both with the same seed, replications and uncertainty.`);
    }
  }
  const a = scenario.kpis[kpi]!.values, b = whatIf.kpis[kpi]!.values;
  const R = a.length;
  const sign = def.better === 'higher' ? 1 : -1;
  const gains = new Float64Array(R);
  let wins = 0, ties = 0;
  for (let r = 0; r < R; r++) {
    const g = sign * (b[r]! - a[r]!);
    gains[r] = g;
    if (g > 0) wins++;
    else if (g === 0) ties++;
  }
  gains.sort();
  const medianGain = R % 2 === 1 ? gains[(R - 1) / 2]! : (gains[R / 2 - 1]! + gains[R / 2]!) / 2;
  return { kpi, share: (wins + ties / 2) / R, ties: ties / R, medianGain, replications: R, uncertainty: scenario.uncertainty };
}
