import type { LeverDef, LeverValues, MonteCarloResult, RunResult, SimInput, SensitivityResult } from './types';
import { ENGINE_VERSION } from './version';

// Placeholder model proving the wiring; replaced by the real model (engine issue).

/** The placeholder's single lever. */
export const LEVERS: readonly LeverDef[] = [
  {
    id: 'priorities.concurrent',
    label: 'Concurrent priorities',
    group: 'priorities',
    unit: 'priorities',
    min: 1,
    max: 40,
    step: 1,
    default: 12,
    explanation: 'How many priorities the organisation runs at once.',
    source: 'Weinberg 1992',
  },
];

function leverValue(levers: LeverValues, id: string): number {
  return levers[id] ?? LEVERS.find((l) => l.id === id)?.default ?? 0;
}

/** Return a deterministic placeholder run: maturity rising at a rate set by priorities. */
export function simulateExpected(input: SimInput): RunResult {
  const n = input.horizonWeeks + 1;
  const maturity = new Float64Array(n);
  const rate = 1 / (20 * leverValue(input.levers, 'priorities.concurrent'));
  for (let w = 1; w < n; w++) maturity[w] = maturity[w - 1]! + rate * (5 - maturity[w - 1]!);
  return {
    engineVersion: ENGINE_VERSION,
    seed: 0,
    horizonWeeks: input.horizonWeeks,
    series: { maturity },
    timeline: [],
    events: [],
    kpis: { maturityAtHorizon: maturity[n - 1]! },
    explanations: [],
    insights: [],
  };
}

/** Return the placeholder run (no noise yet). */
export function simulate(input: SimInput, seed: number): RunResult {
  return { ...simulateExpected(input), seed };
}

/** Return placeholder bands equal to the expected run. */
export function monteCarlo(input: SimInput, opts: { replications: number; seed: number }): MonteCarloResult {
  const r = simulateExpected(input);
  const m = r.series.maturity!;
  const k = r.kpis.maturityAtHorizon!;
  return {
    engineVersion: ENGINE_VERSION,
    seed: opts.seed,
    replications: opts.replications,
    horizonWeeks: input.horizonWeeks,
    bands: { maturity: { p10: m, p50: m, p90: m, mean: m } },
    kpis: { maturityAtHorizon: { p10: k, p50: k, p90: k, mean: k, values: new Float64Array(opts.replications).fill(k) } },
  };
}

/** Return an empty sensitivity result. */
export function sensitivity(_input: SimInput, opts: { kpi: string }): SensitivityResult {
  return { kpi: opts.kpi, baseline: 0, rows: [] };
}
