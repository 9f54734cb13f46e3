/**
 * CSV and JSON exports of runs: weekly series and KPIs, as text. Pure, so the desktop app and
 * the command line write exactly the same bytes for the same run.
 *
 * CSV follows RFC 4180 (comma separated, quotes doubled) but ends lines with `\n`. Numbers are
 * written with JavaScript's shortest round-trip form, so reading them back gives the same
 * doubles. Text cells that a spreadsheet would treat as a formula (starting with = + - @ or a
 * tab) are prefixed with an apostrophe so opening an export can never run anything.
 */
import type { KpiStats, KpiSummary } from '../run-file/summary';
import type { MonteCarloResult, RunResult } from '../types';

/** A CSV cell: text or a number. */
export type CsvCell = string | number;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Return one CSV cell as text, quoted when needed and defused when it could be a formula. */
export function csvCell(value: CsvCell): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Return CSV text for a header and rows, one line each, ending with a newline. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

/** Return the series ids of a run in a stable (sorted) order. */
function sortedKeys(record: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(record).sort();
}

/** Return CSV of a run's weekly series: a `week` column then one column per series. */
export function seriesCsv(run: RunResult): string {
  const ids = sortedKeys(run.series);
  const rows: CsvCell[][] = [];
  for (let w = 0; w <= run.horizonWeeks; w++) rows.push([w, ...ids.map((id) => run.series[id]![w] ?? Number.NaN)]);
  return toCsv(['week', ...ids], rows);
}

/** Return CSV of a Monte Carlo run's bands: `week`, then `<series>.p10/.p50/.p90/.mean` per series. */
export function bandsCsv(mc: MonteCarloResult): string {
  const ids = sortedKeys(mc.bands);
  const stats = ['p10', 'p50', 'p90', 'mean'] as const;
  const header = ['week', ...ids.flatMap((id) => stats.map((s) => `${id}.${s}`))];
  const rows: CsvCell[][] = [];
  for (let w = 0; w <= mc.horizonWeeks; w++) {
    rows.push([w, ...ids.flatMap((id) => stats.map((s) => mc.bands[id]![s][w] ?? Number.NaN))]);
  }
  return toCsv(header, rows);
}

/** Return CSV of a KPI summary: `kpi,value` or, for Monte Carlo, `kpi,mean,p10,p50,p90`. */
export function kpisCsv(summary: KpiSummary): string {
  const names = sortedKeys(summary.kpis);
  const dist = summary.distribution;
  if (dist) {
    return toCsv(['kpi', 'mean', 'p10', 'p50', 'p90'], names.map((k) => {
      const d: KpiStats | undefined = dist[k];
      return [k, summary.kpis[k]!, d?.p10 ?? Number.NaN, d?.p50 ?? Number.NaN, d?.p90 ?? Number.NaN];
    }));
  }
  return toCsv(['kpi', 'value'], names.map((k) => [k, summary.kpis[k]!]));
}

/** Header of an export, saying what produced the numbers. */
export interface ExportMeta {
  readonly scenario: string;
  readonly label: string;
  readonly engineVersion: string;
  readonly method: string;
  readonly seed: number;
  readonly replications: number;
  readonly levers: Readonly<Record<string, number>>;
}

/** Return a JSON export (stable key order, two-space indent) of a run's settings, KPIs and series. */
export function runJson(meta: ExportMeta, summary: KpiSummary, result: { run: RunResult } | { monteCarlo: MonteCarloResult }): string {
  const series: Record<string, unknown> = {};
  if ('run' in result) {
    for (const id of sortedKeys(result.run.series)) series[id] = Array.from(result.run.series[id]!);
  } else {
    for (const id of sortedKeys(result.monteCarlo.bands)) {
      const b = result.monteCarlo.bands[id]!;
      series[id] = { p10: Array.from(b.p10), p50: Array.from(b.p50), p90: Array.from(b.p90), mean: Array.from(b.mean) };
    }
  }
  const levers: Record<string, number> = {};
  for (const id of sortedKeys(meta.levers)) levers[id] = meta.levers[id]!;
  const doc = {
    scenario: meta.scenario,
    label: meta.label,
    engineVersion: meta.engineVersion,
    method: meta.method,
    seed: meta.seed,
    replications: meta.replications,
    levers,
    kpis: summary.kpis,
    ...(summary.distribution ? { distribution: summary.distribution } : {}),
    horizonWeeks: 'run' in result ? result.run.horizonWeeks : result.monteCarlo.horizonWeeks,
    series,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
