import type { LeverDef, SensitivityResult } from '../../../engine';
import { formatLeverValue as formatLever, formatSignificant } from './format';

/** One bar of the tornado: a lever, the KPI at each end of its range, and the swing between them. */
export interface TornadoRow {
  readonly leverId: string;
  readonly label: string;
  /** The lever's low and high values, formatted with its unit (or option label). */
  readonly lowText: string;
  readonly highText: string;
  readonly kpiAtLow: number;
  readonly kpiAtHigh: number;
  readonly swing: number;
}

/** Format a lever value for people: an option's label, a percentage or a number with its unit (as the levers panel does). */
export function formatLeverValue(lever: LeverDef | undefined, value: number): string {
  return lever ? formatLever(lever, value) : formatSignificant(value);
}


/**
 * Turn a sensitivity result into tornado rows, widest swing first, skipping levers whose swing is
 * zero when `hideFlat` is set (they would only add empty rows).
 */
export function tornadoRows(result: SensitivityResult, levers: readonly LeverDef[], hideFlat = false): TornadoRow[] {
  const byId = new Map(levers.map((l) => [l.id, l]));
  return [...result.rows]
    .filter((r) => !hideFlat || r.swing > 0)
    .sort((a, b) => b.swing - a.swing || a.leverId.localeCompare(b.leverId))
    .map((r) => {
      const lever = byId.get(r.leverId);
      return {
        leverId: r.leverId,
        label: lever?.label ?? r.leverId,
        lowText: formatLeverValue(lever, r.lowValue),
        highText: formatLeverValue(lever, r.highValue),
        kpiAtLow: r.kpiAtLow,
        kpiAtHigh: r.kpiAtHigh,
        swing: r.swing,
      };
    });
}

/** The two floating-bar datasets of a tornado: from the baseline to the KPI at the low and at the high end. */
export interface TornadoDatasets {
  readonly labels: string[];
  readonly low: [number, number][];
  readonly high: [number, number][];
}

/** Return chart.js floating-bar data ([start, end] pairs) for tornado rows around a baseline. */
export function tornadoDatasets(rows: readonly TornadoRow[], baseline: number): TornadoDatasets {
  return {
    labels: rows.map((r) => r.label),
    low: rows.map((r) => [baseline, r.kpiAtLow]),
    high: rows.map((r) => [baseline, r.kpiAtHigh]),
  };
}
