import { effectiveLevers, pointOf, robustness, type Attribution, type KpiSummary, type LeverDef, type MonteCarloResult } from '../../../engine';
import { formatLeverValue } from './format';
import { checkSummary, type OpenRun, type RunsSensitivity } from './open-run';
import { tornadoRows } from './tornado-data';
import { kpiDeltaRows, settingsDiffRows } from './compare-model';
import type { BoardPackChart, BoardPackData, BoardPackInsight, BoardPackTable } from './board-pack';
import { formatKpiDelta, formatKpiValue, kpiLabel, orderKpis, typicalKpis } from './metadata';

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
  /** The newest sensitivity analysis, if one was run. */
  readonly sensitivity?: RunsSensitivity;
  /**
   * Each run's Monte Carlo result (undefined for a run with none, or not simulated yet), in run order: the pack
   * says how robust each run's advantage over the reference is when the two are paired draws.
   */
  readonly results?: readonly (MonteCarloResult | undefined)[];
  /** The newest attribution of a gap, with the KPI to show and the two runs' labels. */
  readonly attribution?: { readonly attribution: Attribution; readonly kpi: string; readonly a: string; readonly b: string };
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
    summaries.map((s, i) => (runs[i] ? typicalKpis(s, pointOf(runs[i].run).input.horizonWeeks) : s.kpis)),
    referenceIndex,
    orderKpis,
  ).map((row) => [
    kpiLabel(row.kpi),
    ...row.cells.map((c, i) => (c === null ? '—' : i === referenceIndex || c.delta === 0 || Number.isNaN(c.delta) ? formatKpiValue(row.kpi, c.value) : `${formatKpiValue(row.kpi, c.value)} (${formatKpiDelta(row.kpi, c.delta)})`)),
  ]);
  return {
    caption: 'Key results (typical outcome: the median across replications; chance of reaching the goal: the share of replications that reached it; differences from the reference run in brackets)',
    columns: ['KPI', ...runs.map((r, i) => label(r, i, referenceIndex))],
    rows,
  };
}

/** Return the attribution of one KPI's gap as a table: each differing setting's effect and share, then what is left. */
export function attributionTable(att: Attribution, kpi: string, a: string, b: string, defs: readonly LeverDef[]): BoardPackTable | null {
  const k = att.kpis.find((x) => x.kpi === kpi);
  if (!k) return null;
  const pct = (x: number) => (k.gap === 0 ? '—' : `${Math.round((x / k.gap) * 100)}%`);
  const rows: string[][] = k.rows.map((r) => {
    const p = att.players.find((x) => x.id === r.player);
    const def = defs.find((d) => d.id === r.player);
    const fromTo = def && p?.from !== undefined && p.to !== undefined ? `${formatLeverValue(def, p.from)} → ${formatLeverValue(def, p.to)}` : 'differs';
    return [r.label, fromTo, formatKpiDelta(kpi, r.effect), r.share === null ? '—' : `${Math.round(r.share * 100)}%`];
  });
  if (att.method === 'both-orders') rows.push(['Interactions between settings', '', formatKpiDelta(kpi, k.interaction), pct(k.interaction)]);
  if (k.sampling !== 0) rows.push(['Different seed or replications', '', formatKpiDelta(kpi, k.sampling), pct(k.sampling)]);
  rows.push(['Total gap', '', formatKpiDelta(kpi, k.gap), '100%']);
  return {
    heading: 'Why the runs differ',
    caption: `${kpiLabel(kpi)}: ${formatKpiValue(kpi, k.a)} in "${a}", ${formatKpiValue(kpi, k.b)} in "${b}"`,
    columns: ['Setting', 'From → to', 'Effect', 'Share of the gap'],
    rows,
    note: `How interactions are handled: ${att.interactionNote}`,
  };
}

/** Levers a pack lists from a sensitivity analysis: the widest swings; the rest move the KPI little. */
export const PACK_TORNADO_ROWS = 10;

/** Return the widest swings of a sensitivity analysis as a table. */
export function sensitivityTable(sens: RunsSensitivity, defs: readonly LeverDef[]): BoardPackTable {
  const kpi = sens.result.kpi;
  const rows = tornadoRows(sens.result, defs)
    .slice(0, PACK_TORNADO_ROWS)
    .map((r) => [r.label, `${r.lowText} → ${formatKpiValue(kpi, r.kpiAtLow)}`, `${r.highText} → ${formatKpiValue(kpi, r.kpiAtHigh)}`, formatKpiValue(kpi, r.swing)]);
  return {
    heading: `What moves ${kpiLabel(kpi)} most`,
    caption: `${sens.sourceLabel}: each lever at the low and the high end of its range, the others unchanged (baseline ${formatKpiValue(kpi, sens.result.baseline)})`,
    columns: ['Lever', 'Low end → KPI', 'High end → KPI', 'Swing'],
    rows,
    note: `${sens.replications} replications per setting, seed ${sens.seed}, the same random numbers for every setting; the ${Math.min(PACK_TORNADO_ROWS, sens.result.rows.length)} widest swings of ${sens.result.rows.length} levers.`,
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
  return [...merged.values()].map((m) => ({ lesson: m.lesson ? `${m.runs.join(', ')} (${m.lesson})` : m.runs.join(', '), text: m.text }));
}

/** Return the pack's answer, a sentence per run: typical maturity (with its level), the chance of the goal and when. */
export function summaryLines(runs: readonly OpenRun[], summaries: readonly KpiSummary[]): string[] {
  return runs.flatMap((r, i) => {
    const s = summaries[i];
    if (!s) return [];
    const k = typicalKpis(s, pointOf(r.run).input.horizonWeeks);
    const parts: string[] = [];
    if (k.maturityAtHorizon !== undefined) parts.push(`maturity ${formatKpiValue('maturityAtHorizon', k.maturityAtHorizon)} of 5 at the end`);
    if (k.goalReached !== undefined) {
      const when = k.weeksToGoal !== undefined && Number.isFinite(k.weeksToGoal) ? `, typically after ${formatKpiValue('weeksToGoal', k.weeksToGoal)}` : '';
      parts.push(`a ${formatKpiValue('goalReached', k.goalReached)} chance of reaching the goal${when}`);
    }
    if (k.initiativesDelivered !== undefined) parts.push(`${formatKpiValue('initiativesDelivered', k.initiativesDelivered)} initiatives delivered`);
    return parts.length > 0 ? [`${r.run.label}: ${parts.join('; ')}.`] : [];
  });
}

/** The KPI the pack judges robustness on: maturity at the end, the goal's own scale. */
export const PACK_ROBUSTNESS_KPI = 'maturityAtHorizon';

/**
 * Return, for each run paired with the reference (same seed, replications and uncertainty, so replication r of
 * both met the same luck and assumptions), in what share of those futures it ends with higher maturity. Runs
 * that are not paired are named as such: their difference cannot be read future by future.
 */
export function robustnessLines(runs: readonly OpenRun[], referenceIndex: number, results: readonly (MonteCarloResult | undefined)[]): string[] {
  const ref = results[referenceIndex];
  const refRun = runs[referenceIndex];
  if (!ref || !refRun) return [];
  return runs.flatMap((r, i) => {
    const mc = results[i];
    if (i === referenceIndex || !mc) return [];
    if (mc.seed !== ref.seed || mc.replications !== ref.replications || mc.uncertainty !== ref.uncertainty) {
      return [`${r.run.label} and ${refRun.run.label} were run with different seeds, replications or uncertainty, so how robust the difference is cannot be read.`];
    }
    const rb = robustness(ref, mc, PACK_ROBUSTNESS_KPI);
    const share = Math.round(rb.share * 100);
    return [`${r.run.label} ends with higher maturity than ${refRun.run.label} in ${share}% of ${rb.replications} plausible futures (paired runs, each with its own luck and assumptions).`];
  });
}

/** Assemble the board pack's data from the open runs, their summaries, charts, insights and notes. */
export function boardPackData(src: BoardPackSources, defs: readonly LeverDef[]): BoardPackData {
  const scenarios = [...new Set(src.runs.map((r) => r.run.scenario.title))];
  const extra = src.attribution ? attributionTable(src.attribution.attribution, src.attribution.kpi, src.attribution.a, src.attribution.b, defs) : null;
  return {
    title: src.title,
    subtitle: scenarios.length === 1 ? `Scenario: ${scenarios[0]}` : `Scenarios: ${scenarios.join('; ')}`,
    preparedOn: src.preparedOn,
    engineVersion: src.engineVersion,
    runs: src.runs.map((r) => ({ label: r.run.label, seed: r.run.seed, replications: r.run.replications, engineVersion: r.run.engineVersion, notes: r.run.notes, check: checkSummary(r) })),
    summary: [...summaryLines(src.runs, src.summaries), ...(src.results ? robustnessLines(src.runs, src.referenceIndex, src.results) : [])],
    settings: settingsTable(src.runs, src.referenceIndex, defs),
    kpis: kpiTable(src.runs, src.referenceIndex, src.summaries),
    charts: src.charts,
    insights: src.insights,
    notes: src.notes,
    extraTables: [...(extra ? [extra] : []), ...(src.sensitivity ? [sensitivityTable(src.sensitivity, defs)] : [])],
  };
}
