import { useMemo, useState } from 'react';
import { LEVERS, pointOf, toCsv, type CsvCell } from '../../../../engine';
import '../../analyst/analyst.css';
import { exportThroughPlatform } from '../../analyst/export-file';
import { orderKpis, typicalKpis } from '../../model/metadata';
import { formatLeverValue } from '../../model/format';
import { useOpenRunResults } from '../../analyst/run-results';
import { useAppStore } from '../../store';
import { AttributionPanel, currentSummary } from './attribution-panel';
import { BoardPackPanel } from './board-pack-panel';
import { kpiDeltaRows, settingsDiffRows } from '../../model/compare-model';
import { KpiDeltaTable, SettingsDiffTable } from './compare-tables';
import { OverlayPanel } from './overlay-panel';
import { RoundPanel } from './round-panel';
import { RunsPanel } from './runs-panel';
import { SaveRunForm } from './save-run-form';

/** Header of the KPI comparison CSV (one row per run and KPI), fixed so scripts can rely on it. */
export const KPI_CSV_HEADER = ['run', 'reference', 'kpi', 'value', 'p10', 'p50', 'p90', 'delta'] as const;

/**
 * Render the Compare page: open saved runs and what-ifs side by side, overlay any series, see
 * only the settings that differ, the KPI deltas against a reference run and why the runs differ.
 */
export function CompareView() {
  const runs = useAppStore((s) => s.openRuns);
  const referenceRunId = useAppStore((s) => s.referenceRunId);
  const resultsVersion = useOpenRunResults();
  const [status, setStatus] = useState('');
  const referenceIndex = Math.max(
    0,
    runs.findIndex((r) => r.id === referenceRunId),
  );
  const reference = runs[referenceIndex];
  const diffRows = useMemo(() => settingsDiffRows(runs.map((r) => pointOf(r.run)), referenceIndex, LEVERS, formatLeverValue), [runs, referenceIndex]);
  const summaries = useMemo(
    () => runs.map(currentSummary),
    // resultsVersion changes whenever a re-simulation arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [runs, resultsVersion],
  );
  // The board reads typical outcomes (medians) and the chance of reaching the goal; the CSV keeps the means beside P10/P50/P90.
  const shownRows = useMemo(
    () => kpiDeltaRows(summaries.map((s, i) => typicalKpis(s, pointOf(runs[i]!.run).input.horizonWeeks)), referenceIndex, orderKpis),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [summaries, referenceIndex],
  );
  const deltaRows = useMemo(() => kpiDeltaRows(summaries.map((s) => s.kpis), referenceIndex, orderKpis), [summaries, referenceIndex]);

  async function exportKpis() {
    const rows: CsvCell[][] = [];
    for (const row of deltaRows) {
      row.cells.forEach((c, i) => {
        if (!c) return;
        const d = summaries[i]?.distribution?.[row.kpi];
        rows.push([runs[i]!.run.label, i === referenceIndex ? 'yes' : 'no', row.kpi, c.value, d?.p10 ?? '', d?.p50 ?? '', d?.p90 ?? '', c.delta]);
      });
    }
    setStatus(await exportThroughPlatform('kpis-by-run.csv', toCsv(KPI_CSV_HEADER, rows)));
  }

  return (
    <main className="analyst-view compare-view" aria-labelledby="compare-h">
      <h1 id="compare-h">Compare runs</h1>
      <RunsPanel />
      <SaveRunForm />
      <RoundPanel />
      {reference && (
        <>
          <section aria-labelledby="overlay-h" className="analyst-panel">
            <h2 id="overlay-h">Series</h2>
            <OverlayPanel runs={runs} resultsVersion={resultsVersion} />
          </section>
          <section aria-labelledby="diff-h" className="analyst-panel">
            <h2 id="diff-h">Settings that differ</h2>
            <SettingsDiffTable rows={diffRows} runs={runs} referenceIndex={referenceIndex} />
          </section>
          <section aria-labelledby="deltas-h" className="analyst-panel">
            <div className="table-head">
              <h2 id="deltas-h">Key results against "{reference.run.label}"</h2>
              <button type="button" onClick={() => void exportKpis()}>
                Export KPIs CSV
              </button>
            </div>
            <p className="note">
              Typical outcome of each run (the median across its replications) and the chance of reaching the goal (the share of
              replications that reached it); a goal reached in fewer than half the replications reads &quot;not reached&quot;. Differences
              from the reference run in brackets.
            </p>
            <KpiDeltaTable rows={shownRows} runs={runs} referenceIndex={referenceIndex} />
            <p className="status" role="status" aria-live="polite">
              {status}
            </p>
          </section>
          <AttributionPanel runs={runs} reference={reference} />
          <BoardPackPanel runs={runs} referenceIndex={referenceIndex} />
        </>
      )}
    </main>
  );
}
