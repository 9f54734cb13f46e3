import { memo } from 'react';
import type { RunResult } from '../../../engine';
import { formatKpi, formatKpiDelta, isBetter, KPI_TABLE, kpiValue, maturityWords, verdict, type KpiMeta } from './kpi-meta';

/** One column of the KPI table: a run under a name, drawn in the same colour as its chart line. */
export interface KpiColumn {
  readonly key: string;
  readonly name: string;
  readonly colour: string;
  readonly run: RunResult | null;
}

/** Props of KpiTable. */
export interface KpiTableProps {
  /** The baseline first; every other column shows its difference from it. */
  readonly columns: readonly KpiColumn[];
  readonly caption: string;
}

/** Return whether two runs would show the same figures in the table (same KPI values and horizon). */
export function sameKpis(a: RunResult | null, b: RunResult | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.horizonWeeks !== b.horizonWeeks) return false;
  const keys = Object.keys(a.kpis);
  return keys.length === Object.keys(b.kpis).length && keys.every((k) => Object.is(a.kpis[k], b.kpis[k]));
}

/** Return whether two sets of columns would draw the same table. */
export function sameColumns(a: readonly KpiColumn[], b: readonly KpiColumn[]): boolean {
  return a === b || (a.length === b.length && a.every((c, i) => {
    const d = b[i]!;
    return c.key === d.key && c.name === d.name && c.colour === d.colour && sameKpis(c.run, d.run);
  }));
}

/** One cell of the table, already formatted, so that a row can tell whether anything in it changed. */
interface Cell {
  readonly key: string;
  readonly text: string;
  readonly delta: string;
  readonly better: boolean | null;
  /** What the value means in words, for maturity ("level 3: …"); '' otherwise. */
  readonly words: string;
}

const KpiRow = memo(
  function KpiRow({ meta, cells }: { readonly meta: KpiMeta; readonly cells: readonly Cell[] }) {
    return (
      <tr data-kpi={meta.id}>
        <th scope="row">{meta.label}</th>
        {cells.map((c) => (
          <td key={c.key} data-column={c.key}>
            <span className="kpi-value" title={c.words || undefined}>{c.text}</span>
            {c.delta && (
              <span className={`kpi-delta ${c.better === true ? 'better' : c.better === false ? 'worse' : ''}`}>
                {c.delta} {verdict(c.better)}
              </span>
            )}
          </td>
        ))}
      </tr>
    );
  },
  // A row re-renders only when one of its formatted cells changed: most lever steps move a few figures.
  (p, n) => p.meta === n.meta && p.cells.length === n.cells.length && p.cells.every((c, i) => {
    const d = n.cells[i]!;
    return c.key === d.key && c.text === d.text && c.delta === d.delta && c.better === d.better && c.words === d.words;
  }),
);

/**
 * Render the KPIs of several runs side by side, each against the first column (the baseline). Memoised on the
 * figures, not the objects: a lever step that leaves every KPI as it was renders nothing, and one that moves
 * some renders only their rows.
 */
export const KpiTable = memo(function KpiTable({ columns, caption }: KpiTableProps) {
  const base = columns[0]?.run ?? null;
  const rows = KPI_TABLE.filter((k) => columns.some((c) => c.run && kpiValue(c.run, k.ids) !== undefined));
  return (
    <table className="kpi-table" data-testid="kpi-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          {columns.map((c) => (
            <th key={c.key} scope="col">
              <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
              {c.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((k) => {
          const b = base ? kpiValue(base, k.ids) : undefined;
          const cells = columns.map((c, i): Cell => {
            const v = c.run ? kpiValue(c.run, k.ids) : undefined;
            return { key: c.key, text: c.run ? formatKpi(k, v) : '…', delta: i === 0 ? '' : formatKpiDelta(k, v, b), better: i === 0 ? null : isBetter(k, v, b), words: k.format === 'score' ? maturityWords(v) : '' };
          });
          return <KpiRow key={k.id} meta={k} cells={cells} />;
        })}
      </tbody>
    </table>
  );
}, (p, n) => p.caption === n.caption && sameColumns(p.columns, n.columns));
