import { effectiveLevers, pointOf, type KpiSummary, type LeverDef } from '../../../engine';
import { formatLeverValue } from '../components/format';
import type { OpenRun } from '../store/runs/runs-slice';
import { checkSummary } from '../views/compare/reproduction';
import { kpiDeltaRows, settingsDiffRows } from '../views/compare/compare-model';
import type { BoardPackChart, BoardPackData, BoardPackInsight, BoardPackTable } from './board-pack';
import { formatKpiDelta, formatKpiValue, kpiLabel, orderKpis } from './metadata';

/** Everything the board pack is assembled from. */
export interface BoardPackSources {
  readonly title: string;
  readonly notes: string;
  readonly preparedOn: string;
  readonly engineVersion: string;
  readonly runs: readonly OpenRun[];
  readonly referenceIndex: number;
  /** The KPI summary each run is compared on, in run order. */
  readonly summaries: readonly KpiSummary[];
  readonly charts: readonly BoardPackChart[];
  readonly insights: readonly BoardPackInsight[];
}

function label(run: OpenRun, i: number, ref: number): string {
  return i === ref ? `${run.run.label} (reference)` : run.run.label;
}

/** Return the settings table of a pack: every lever in every run, rows that differ highlighted, then other differences. */
export function settingsTable(runs: readonly OpenRun[], referenceIndex: number, defs: readonly LeverDef[]): BoardPackTable {
  const values = runs.map((r) => effectiveLevers(pointOf(r.run).input.levers, defs));
  const rows: string[][] = [];
  const highlightRows: number[] = [];
  for (const def of defs) {
    const ref = values[referenceIndex]?.[def.id];
    if (values.some((v) => v[def.id] !== ref)) highlightRows.push(rows.length);
    rows.push([def.label, ...values.map((v) => formatLeverValue(def, v[def.id]!))]);
  }
  for (const d of settingsDiffRows(runs.map((r) => pointOf(r.run)), referenceIndex, defs)) {
    if (d.kind === 'lever') continue;
    highlightRows.push(rows.length);
    rows.push([d.label, ...d.values]);
  }
  return {
    caption: 'Board settings of each run (highlighted rows differ from the reference run)',
    columns: ['Setting', ...runs.map((r, i) => label(r, i, referenceIndex))],
    rows,
    highlightRows,
  };
}

/** Return the KPI table of a pack: each KPI in every run, with its difference from the reference run. */
export function kpiTable(runs: readonly OpenRun[], referenceIndex: number, summaries: readonly KpiSummary[]): BoardPackTable {
  const rows = kpiDeltaRows(
    summaries.map((s) => s.kpis),
    referenceIndex,
    orderKpis,
  ).map((row) => [
    kpiLabel(row.kpi),
    ...row.cells.map((c, i) => (c === null ? '—' : i === referenceIndex || c.delta === 0 ? formatKpiValue(row.kpi, c.value) : `${formatKpiValue(row.kpi, c.value)} (${formatKpiDelta(row.kpi, c.delta)})`)),
  ]);
  return {
    caption: 'Key results (Monte Carlo means; differences from the reference run in brackets)',
    columns: ['KPI', ...runs.map((r, i) => label(r, i, referenceIndex))],
    rows,
  };
}

/**
 * Merge insights that several runs share into one line naming every run it applies to, so the
 * board reads each point once; order is kept (first appearance).
 */
export function mergeInsights(perRun: readonly { run: string; lesson: string; text: string }[]): BoardPackInsight[] {
  const merged = new Map<string, { runs: string[]; lesson: string; text: string }>();
  for (const i of perRun) {
    const key = `${i.lesson}\u0000${i.text}`;
    const m = merged.get(key);
    if (m) {
      if (!m.runs.includes(i.run)) m.runs.push(i.run);
    } else merged.set(key, { runs: [i.run], lesson: i.lesson, text: i.text });
  }
  return [...merged.values()].map((m) => ({ lesson: `${m.runs.join(', ')} (${m.lesson})`, text: m.text }));
}

/** Assemble the board pack's data from the open runs, their summaries, charts, insights and notes. */
export function boardPackData(src: BoardPackSources, defs: readonly LeverDef[]): BoardPackData {
  const scenarios = [...new Set(src.runs.map((r) => r.run.scenario.title))];
  return {
    title: src.title,
    subtitle: scenarios.length === 1 ? `Scenario: ${scenarios[0]}` : `Scenarios: ${scenarios.join('; ')}`,
    preparedOn: src.preparedOn,
    engineVersion: src.engineVersion,
    runs: src.runs.map((r) => ({ label: r.run.label, seed: r.run.seed, replications: r.run.replications, engineVersion: r.run.engineVersion, notes: r.run.notes, check: checkSummary(r.check) })),
    settings: settingsTable(src.runs, src.referenceIndex, defs),
    kpis: kpiTable(src.runs, src.referenceIndex, src.summaries),
    charts: src.charts,
    insights: src.insights,
    notes: src.notes,
  };
}
