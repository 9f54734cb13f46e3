import type { RunResult } from '../../../engine';
import { formatKpi, formatKpiDelta, isBetter, KPI_TABLE, kpiValue } from './kpi-meta';

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

/** Render the KPIs of several runs side by side, each against the first column (the baseline). */
export function KpiTable({ columns, caption }: KpiTableProps) {
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
          return (
            <tr key={k.id} data-kpi={k.id}>
              <th scope="row">{k.label}</th>
              {columns.map((c, i) => {
                const v = c.run ? kpiValue(c.run, k.ids) : undefined;
                const delta = i === 0 ? '' : formatKpiDelta(k, v, b);
                const better = i === 0 ? null : isBetter(k, v, b);
                return (
                  <td key={c.key} data-column={c.key}>
                    <span className="kpi-value">{c.run ? formatKpi(k, v) : '…'}</span>
                    {delta && (
                      <span className={`kpi-delta ${better === true ? 'better' : better === false ? 'worse' : ''}`}>
                        {better === true ? '▲ ' : better === false ? '▼ ' : ''}
                        {delta}
                        <span className="sr-only">{better === true ? ' (better)' : better === false ? ' (worse)' : ''}</span>
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
