/**
 * One-at-a-time sensitivity: the chosen KPI with every lever at the low and at the high end of its range,
 * all else at the input's values, over the same replications (common random numbers), so the swing is the
 * lever's effect and not noise. Each setting's KPI is its typical outcome (the median; for the goal, the
 * chance of reaching it), the statistic every view shows, so the baseline equals Explore's headline figure
 * for the same replications, seed and uncertainty.
 */
import type { Uncertainty } from './assumptions';
import { LEVERS, plausibleRange } from './levers';
import { kpiTypical } from './montecarlo';
import { KPIS } from './series';
import type { LeverDef, SensitivityResult, SensitivityRow, SimInput } from './types';

/** Options of a sensitivity analysis. */
export interface SensitivityRunOptions {
  readonly kpi: string;
  readonly seed: number;
  readonly replications: number;
  /** Called with (done, total) after each lever; must not throw. */
  readonly onProgress?: (done: number, total: number) => void;
  /** 'noise' (default) or 'all': every setting meets the same assumptions in replication r, as in a Monte Carlo. */
  readonly uncertainty?: Uncertainty;
  /** 'plausible' (default): each lever over the range a board would plausibly choose; 'full': over min–max. */
  readonly range?: SensitivityRange;
}

/** Which part of each lever's range a sensitivity analysis moves it over. */
export type SensitivityRange = 'plausible' | 'full';

/** Return the low and high values a sensitivity analysis sets a lever to. */
export function sensitivityEnds(def: LeverDef, range: SensitivityRange = 'plausible'): readonly [number, number] {
  return range === 'full' ? [def.min, def.max] : plausibleRange(def);
}

/** Return the swing of one KPI for every lever, sorted by swing, largest first. */
export function sensitivity(input: SimInput, opts: SensitivityRunOptions): SensitivityResult {
  const k = KPIS.findIndex((d) => d.id === opts.kpi);
  if (k < 0) throw new Error(`Unknown KPI '${opts.kpi}'. Known: ${KPIS.map((d) => d.id).join(', ')}`);
  const R = Math.max(1, Math.floor(Number.isFinite(opts.replications) ? opts.replications : 1));
  const seed = Number.isFinite(opts.seed) ? Math.trunc(opts.seed) : 0;
  const u = opts.uncertainty ?? 'noise';
  const baseline = kpiTypical(input, R, seed, u)[k]!;
  const rows: SensitivityRow[] = [];
  LEVERS.forEach((lever, i) => {
    const at = (v: number): number => kpiTypical({ ...input, levers: { ...input.levers, [lever.id]: v } }, R, seed, u)[k]!;
    const [low, high] = sensitivityEnds(lever, opts.range);
    const kpiAtLow = at(low);
    const kpiAtHigh = at(high);
    rows.push({ leverId: lever.id, lowValue: low, highValue: high, kpiAtLow, kpiAtHigh, swing: Math.abs(kpiAtHigh - kpiAtLow) });
    opts.onProgress?.(i + 1, LEVERS.length);
  });
  rows.sort((a, b) => b.swing - a.swing || a.leverId.localeCompare(b.leverId));
  return { kpi: opts.kpi, baseline, rows };
}
