/**
 * Which assumptions matter: Morris elementary-effects screening (Morris 1991; Campolongo, Cariboni & Saltelli
 * 2007, μ*) over the parameters that uncertainty 'all' draws. Each trajectory starts at a random point of a
 * grid over the parameters' plausible ranges and moves one parameter at a time by a fixed step; the change in
 * the KPI's mean over the same replications (common random numbers) is that parameter's elementary effect.
 * μ* is the mean of their absolute values, scaled to a move across the whole range, so it reads in the KPI's
 * own unit: how far the result moves when that assumption goes from the low to the high end of its range.
 */
import { ASSUMPTION_COUNT, DRAWN_DEFS, DRAWN_SLOTS, keepStructure } from './assumptions';
import { kpiMeans } from './montecarlo';
import { DEFAULT_PARAMETERS } from './parameter-values';
import { createRng, nextFloat, type Rng } from './random';
import { KPIS } from './series';
import type { EvidenceClass, SimInput } from './types';

/** Options of an assumption screening. */
export interface AssumptionSensitivityOptions {
  readonly kpi: string;
  readonly seed: number;
  /** Replications behind each KPI mean (common random numbers across every point). */
  readonly replications: number;
  /** Morris trajectories; each costs one run per parameter plus one. Default 10. */
  readonly trajectories?: number;
  /** Called with (runs done, runs in all); must not throw. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** One assumption's effect on the KPI. */
export interface AssumptionRow {
  readonly id: string;
  readonly label: string;
  readonly evidence: EvidenceClass;
  /** μ*: the mean absolute elementary effect, in the KPI's unit per move across the plausible range. */
  readonly index: number;
  /** μ: the mean signed effect (positive when raising the parameter raises the KPI). */
  readonly meanEffect: number;
}

/** The screening's result: the KPI and the assumptions, largest index first. */
export interface AssumptionSensitivity {
  readonly kpi: string;
  readonly replications: number;
  readonly trajectories: number;
  readonly rows: readonly AssumptionRow[];
}

/** Grid levels per parameter (p in Morris's notation); the step is p / (2(p − 1)) of the range. */
const LEVELS = 4;
const STEP = LEVELS / (2 * (LEVELS - 1));

/** Return a random whole number in [0, n). */
function pick(rng: Rng, n: number): number {
  return Math.min(n - 1, Math.floor(nextFloat(rng) * n));
}

/** Return a drawn parameter's value at a position u (0–1) of its plausible range. */
function valueAt(j: number, u: number): number {
  const def = DRAWN_DEFS[j]!;
  return def.min + u * (def.max - def.min);
}

/**
 * Return how much each drawn assumption moves a KPI (Morris μ*), largest first. Deterministic for a seed; throws
 * on an unknown KPI.
 */
export function assumptionSensitivity(input: SimInput, opts: AssumptionSensitivityOptions): AssumptionSensitivity {
  const k = KPIS.findIndex((d) => d.id === opts.kpi);
  if (k < 0) throw new Error(`Unknown KPI '${opts.kpi}'. Known: ${KPIS.map((d) => d.id).join(', ')}`);
  const R = Math.max(1, Math.floor(opts.replications));
  const T = Math.max(1, Math.floor(opts.trajectories ?? 10));
  const seed = Math.trunc(opts.seed);
  const rng = createRng(seed, 0x4d0a15);
  const n = ASSUMPTION_COUNT;
  const total = T * (n + 1);
  const abs = new Float64Array(n), signed = new Float64Array(n);
  const params = DEFAULT_PARAMETERS.slice();
  let done = 0;
  const evaluate = (u: Float64Array): number => {
    for (let j = 0; j < n; j++) params[DRAWN_SLOTS[j]!] = valueAt(j, u[j]!);
    keepStructure(params);
    const y = kpiMeans(input, R, seed, 'noise', params)[k]!;
    opts.onProgress?.(++done, total);
    return y;
  };
  const u = new Float64Array(n);
  for (let t = 0; t < T; t++) {
    // A start on the grid from which every step up or down stays inside [0, 1].
    for (let j = 0; j < n; j++) u[j] = pick(rng, LEVELS / 2) / (LEVELS - 1);
    // Each parameter moves once, in a random order, upwards or downwards at random.
    const order = Array.from({ length: n }, (_, j) => j);
    for (let j = n - 1; j > 0; j--) {
      const r = pick(rng, j + 1);
      [order[j], order[r]] = [order[r]!, order[j]!];
    }
    let y = evaluate(u);
    for (const j of order) {
      const up = u[j]! + STEP <= 1 + 1e-12;
      u[j] = u[j]! + (up ? STEP : -STEP);
      const next = evaluate(u);
      const effect = ((next - y) / STEP) * (up ? 1 : -1);
      abs[j] = abs[j]! + Math.abs(effect);
      signed[j] = signed[j]! + effect;
      y = next;
    }
  }
  const rows: AssumptionRow[] = DRAWN_DEFS.map((def, j) => ({
    id: def.id,
    label: def.label,
    evidence: def.evidence,
    index: abs[j]! / T,
    meanEffect: signed[j]! / T,
  }));
  rows.sort((a, b) => b.index - a.index || a.id.localeCompare(b.id));
  return { kpi: opts.kpi, replications: R, trajectories: T, rows };
}
