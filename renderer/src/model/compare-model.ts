import { diffSettings, effectiveLevers, kpiDeltas, type Kpis, type LeverDef, type RunPoint } from '../../../engine';

/** One row of the multi-run settings diff: a setting that differs somewhere, its value in every run. */
export interface SettingsDiffRow {
  readonly key: string;
  readonly label: string;
  readonly kind: 'lever' | 'scenario' | 'sampling';
  /** The setting's value in each run, in run order, as display text. */
  readonly values: readonly string[];
  /** Whether each run's value differs from the reference run's. */
  readonly differs: readonly boolean[];
}

/**
 * Return the settings that differ between the reference run and at least one other run, with
 * every run's value. Settings equal in every run are left out: the diff shows only what differs.
 * `formatLever`, when given, writes lever values (e.g. shares as percentages, as the levers panel does).
 */
export function settingsDiffRows(
  points: readonly RunPoint[],
  referenceIndex: number,
  defs: readonly LeverDef[],
  formatLever?: (def: LeverDef, value: number) => string,
): SettingsDiffRow[] {
  const ref = points[referenceIndex];
  if (!ref) return [];
  const diffs = points.map((p, i) => (i === referenceIndex ? [] : diffSettings(ref, p, defs)));
  // Keep the engine's order (levers in lever order, then scenario, then sampling), first seen wins.
  const order: { key: string; label: string; kind: SettingsDiffRow['kind']; refText: string }[] = [];
  for (const d of diffs) {
    for (const s of d) if (!order.some((o) => o.key === s.key)) order.push({ key: s.key, label: s.label, kind: s.kind, refText: s.baseline });
  }
  const kindRank = { lever: 0, scenario: 1, sampling: 2 } as const;
  const leverRank = new Map(defs.map((d, i) => [d.id, i]));
  order.sort((a, b) => kindRank[a.kind] - kindRank[b.kind] || (leverRank.get(a.key) ?? 0) - (leverRank.get(b.key) ?? 0));
  const levers = points.map((p) => effectiveLevers(p.input.levers, defs));
  return order.map((o) => {
    const values: string[] = [];
    const differs: boolean[] = [];
    const def = o.kind === 'lever' && formatLever ? defs.find((d) => d.id === o.key) : undefined;
    points.forEach((_, i) => {
      const hit = diffs[i]!.find((s) => s.key === o.key);
      values.push(def && formatLever ? formatLever(def, levers[i]![def.id]!) : hit ? hit.other : o.refText);
      differs.push(Boolean(hit));
    });
    return { key: o.key, label: o.label, kind: o.kind, values, differs };
  });
}

/** One cell of the KPI delta table: a run's value and its difference from the reference run. */
export interface KpiDeltaCell {
  readonly value: number;
  readonly delta: number;
  /** delta / |reference|; null when the reference is 0. */
  readonly relative: number | null;
}

/** One KPI across all runs. */
export interface KpiDeltaRow {
  readonly kpi: string;
  readonly reference: number;
  /** One cell per run, in run order; null where that run lacks the KPI. The reference's own delta is 0. */
  readonly cells: readonly (KpiDeltaCell | null)[];
}

/** Return every KPI of the reference run with each run's value and delta against the reference, in `order` (default: by name). */
export function kpiDeltaRows(kpis: readonly Kpis[], referenceIndex: number, order: (ids: string[]) => string[] = (ids) => ids.sort()): KpiDeltaRow[] {
  const ref = kpis[referenceIndex];
  if (!ref) return [];
  const perRun = kpis.map((k) => new Map(kpiDeltas(ref, k).map((d) => [d.kpi, d])));
  return order(Object.keys(ref)).map((kpi) => ({
      kpi,
      reference: ref[kpi]!,
      cells: perRun.map((m) => {
        const d = m.get(kpi);
        return d ? { value: d.other, delta: d.delta, relative: d.relative } : null;
      }),
    }));
}

/** One line of the series overlay CSV: the week and each run's value. */
export function overlayCsvRows(weeks: number, columns: readonly (Float64Array | undefined)[]): (number | string)[][] {
  const rows: (number | string)[][] = [];
  for (let w = 0; w <= weeks; w++) rows.push([w, ...columns.map((c) => (c && w < c.length ? c[w]! : ''))]);
  return rows;
}
