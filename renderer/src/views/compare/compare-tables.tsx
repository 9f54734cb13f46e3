import { formatDelta } from '../../analyst/format-delta';
import { formatKpiDelta, formatKpiValue, kpiBetter, kpiLabel, kpiUnit } from '../../model/metadata';
import type { OpenRun } from '../../store/runs/runs-slice';
import type { KpiDeltaRow, SettingsDiffRow } from '../../model/compare-model';

/** Return the CSS class of a KPI difference: better or worse for the trust when the KPI's direction is known. */
function deltaClass(kpi: string, delta: number): string {
  const better = kpiBetter(kpi);
  if (delta === 0 || Number.isNaN(delta) || !better) return 'same';
  return (delta > 0) === (better === 'higher') ? 'better' : 'worse';
}

/** Render a table head: a first column, then one column per run with the reference run marked. */
function RunColumnsHead({ first, runs, referenceIndex }: { first: string; runs: readonly OpenRun[]; referenceIndex: number }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {runs.map((r, i) => (
          <th scope="col" key={r.id}>
            {r.run.label}
            {i === referenceIndex ? ' (reference)' : ''}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Render the settings diff: only settings that differ somewhere, reference run first, changed cells marked. */
export function SettingsDiffTable({ rows, runs, referenceIndex }: { rows: readonly SettingsDiffRow[]; runs: readonly OpenRun[]; referenceIndex: number }) {
  if (rows.length === 0) {
    return <p className="empty">Every open run has the same settings{runs.length < 2 ? ' (open at least two runs to compare)' : ''}.</p>;
  }
  return (
    <table className="diff-table" aria-labelledby="diff-h" data-testid="settings-diff">
      <RunColumnsHead first="Setting" runs={runs} referenceIndex={referenceIndex} />
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-setting={row.key}>
            <th scope="row">{row.label}</th>
            {row.values.map((v, i) => (
              <td key={runs[i]!.id} className={row.differs[i] ? 'differs' : undefined}>
                {v}
                {row.differs[i] && <span className="sr-only"> (differs from the reference)</span>}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Render every KPI for every run with its difference from the reference run. */
export function KpiDeltaTable({ rows, runs, referenceIndex }: { rows: readonly KpiDeltaRow[]; runs: readonly OpenRun[]; referenceIndex: number }) {
  return (
    <table className="delta-table" aria-labelledby="deltas-h" data-testid="kpi-deltas">
      <RunColumnsHead first="KPI" runs={runs} referenceIndex={referenceIndex} />
      <tbody>
        {rows.map((row) => (
          <tr key={row.kpi} data-kpi={row.kpi}>
            <th scope="row">{kpiLabel(row.kpi)}</th>
            {row.cells.map((c, i) => (
              <td key={runs[i]!.id}>
                {c === null ? (
                  '—'
                ) : (
                  <>
                    <span className="value">{formatKpiValue(row.kpi, c.value)}</span>
                    {i !== referenceIndex && !Number.isNaN(c.delta) && (
                      <span className={`delta ${deltaClass(row.kpi, c.delta)}`}>
                        {' '}
                        ({formatKpiDelta(row.kpi, c.delta)}
                        {c.relative !== null && Number.isFinite(c.relative) && c.delta !== 0 && !['share', '0/1', 'weeks', 'initiatives'].includes(kpiUnit(row.kpi)) ? `, ${formatDelta(c.relative * 100)}%` : ''})
                      </span>
                    )}
                  </>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
