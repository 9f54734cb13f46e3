import { toCsv, type LeverDef, type SensitivityResult } from '../../../engine';

/** Header of the sensitivity CSV, fixed so scripts can rely on it. */
export const SENSITIVITY_CSV_HEADER = ['kpi', 'baseline', 'lever', 'label', 'low', 'kpiAtLow', 'high', 'kpiAtHigh', 'swing'] as const;

/** Return CSV of a sensitivity result: one row per lever, widest swing first. */
export function sensitivityCsv(result: SensitivityResult, levers: readonly LeverDef[]): string {
  const labels = new Map(levers.map((l) => [l.id, l.label]));
  const rows = [...result.rows]
    .sort((a, b) => b.swing - a.swing || a.leverId.localeCompare(b.leverId))
    .map((r) => [result.kpi, result.baseline, r.leverId, labels.get(r.leverId) ?? r.leverId, r.lowValue, r.kpiAtLow, r.highValue, r.kpiAtHigh, r.swing]);
  return toCsv(SENSITIVITY_CSV_HEADER, rows);
}
