/**
 * One-at-a-time sensitivity: the chosen KPI with every lever at the low and at the high end of its range,
 * all else at the input's values, over the same replications (common random numbers), so the swing is the
 * lever's effect and not noise.
 */
import type { Uncertainty } from './assumptions';
import { LEVERS } from './levers';
import { kpiMeans } from './montecarlo';
import { KPIS } from './series';
import type { SensitivityResult, SensitivityRow, SimInput } from './types';

/** Options of a sensitivity analysis. */
export interface SensitivityRunOptions {
  readonly kpi: string;
  readonly seed: number;
  readonly replications: number;
  /** Called with (done, total) after each lever; must not throw. */
  readonly onProgress?: (done: number, total: number) => void;
  /** 'noise' (default) or 'all': every setting meets the same assumptions in replication r, as in a Monte Carlo. */
  readonly uncertainty?: Uncertainty;
}

/** Return the swing of one KPI for every lever, sorted by swing, largest first. */
export function sensitivity(input: SimInput, opts: SensitivityRunOptions): SensitivityResult {
  const k = KPIS.findIndex((d) => d.id === opts.kpi);
  if (k < 0) throw new Error(`Unknown KPI '${opts.kpi}'. Known: ${KPIS.map((d) => d.id).join(', ')}`);
  const R = Math.max(1, Math.floor(Number.isFinite(opts.replications) ? opts.replications : 1));
  const seed = Number.isFinite(opts.seed) ? Math.trunc(opts.seed) : 0;
  const u = opts.uncertainty ?? 'noise';
  const baseline = kpiMeans(input, R, seed, u)[k]!;
  const rows: SensitivityRow[] = [];
  LEVERS.forEach((lever, i) => {
    const at = (v: number): number => kpiMeans({ ...input, levers: { ...input.levers, [lever.id]: v } }, R, seed, u)[k]!;
    const kpiAtLow = at(lever.min);
    const kpiAtHigh = at(lever.max);
    rows.push({ leverId: lever.id, lowValue: lever.min, highValue: lever.max, kpiAtLow, kpiAtHigh, swing: Math.abs(kpiAtHigh - kpiAtLow) });
    opts.onProgress?.(i + 1, LEVERS.length);
  });
  rows.sort((a, b) => b.swing - a.swing || a.leverId.localeCompare(b.leverId));
  return { kpi: opts.kpi, baseline, rows };
}
