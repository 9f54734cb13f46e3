import { formatKpiValue, kpiLabel, orderKpis } from '../../model/metadata';
import type { OpenRun } from '../../store/runs/runs-slice';

/**
 * Render what re-simulating an opened run found, in plain words; when the numbers differ, show the
 * stored and the fresh value of every KPI side by side.
 */
export function ReproductionDetails({ run }: { run: OpenRun }) {
  const check = run.check;
  if (check.status === 'failed') return <p className="check-detail">{check.message}</p>;
  if (check.status !== 'checked') return null;
  const report = check.report;
  if (report.status === 'reproduced') {
    // The status already says "Reproduced"; the detail keeps only what follows it (which engine).
    const detail = report.message.replace(/^Reproduced:\s*/, '');
    return <p className="check-detail">{detail.charAt(0).toUpperCase() + detail.slice(1)}</p>;
  }
  const order = orderKpis(report.differences.map((d) => d.kpi));
  const valueDiffs = report.differences.filter((d) => d.statistic === 'value').sort((a, b) => order.indexOf(a.kpi) - order.indexOf(b.kpi));
  return (
    <details className="check-detail" open>
      <summary>{report.message}</summary>
      <table aria-label={`Stored and re-simulated KPIs of "${run.run.label}"`}>
        <thead>
          <tr>
            <th scope="col">KPI</th>
            <th scope="col">Stored (engine {report.storedEngineVersion})</th>
            <th scope="col">Now (engine {report.currentEngineVersion})</th>
          </tr>
        </thead>
        <tbody>
          {valueDiffs.map((d) => (
            <tr key={d.kpi}>
              <th scope="row">{kpiLabel(d.kpi)}</th>
              <td>{d.stored === null ? 'absent' : formatKpiValue(d.kpi, d.stored)}</td>
              <td>{d.current === null ? 'absent' : formatKpiValue(d.kpi, d.current)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
