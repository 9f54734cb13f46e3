import { useId, useMemo, useState } from 'react';
import { toCsv } from '../../../../engine';
import { ChartFrame } from '../../analyst/chart-frame';
import { runColour, runDash } from '../../analyst/chart-setup';
import { exportThroughPlatform } from '../../analyst/export-file';
import { orderSeries, seriesLabel, seriesUnit } from '../../model/metadata';
import { getRunResult } from '../../analyst/run-results';
import { resultHorizon, runSeries, seriesIds } from '../../analyst/run-series';
import { SeriesChart, type SeriesLine } from '../../components/series-chart';
import { useAppStore } from '../../store';
import type { OpenRun } from '../../store/runs/runs-slice';
import { overlayCsvRows } from '../../model/compare-model';
import { fileStem } from '../../analyst/chart-image';

/** Format a share (0–1) as a whole percentage for the axis and tooltips. */
function formatShare(v: number): string {
  return `${Math.round(v * 100)}%`;
}

/** Render the overlay of one chosen series across every open run, with a series picker and CSV export. */
export function OverlayPanel({ runs, resultsVersion }: { runs: readonly OpenRun[]; resultsVersion: number }) {
  const selected = useAppStore((s) => s.selectedSeries);
  const setSelected = useAppStore((s) => s.setSelectedSeries);
  const [bands, setBands] = useState(false);
  const [status, setStatus] = useState('');
  const pickerId = useId();
  const results = useMemo(() => runs.map((r) => getRunResult(r.id)),
    // resultsVersion changes whenever a run's simulation arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [runs, resultsVersion]);
  const ids = useMemo(() => orderSeries([...new Set(results.flatMap((r) => (r ? seriesIds(r) : [])))]), [results]);
  const series = ids.includes(selected) ? selected : (ids[0] ?? '');
  const lines = useMemo<SeriesLine[]>(
    () =>
      runs.flatMap((r, i) => {
        const res = results[i];
        const s = res && runSeries(res, series);
        if (!s) return [];
        return [{ label: r.run.label, colour: runColour(i), values: s.values, dash: runDash(i), width: 2.5, ...(bands && s.band ? { band: s.band } : {}) }];
      }),
    [runs, results, series, bands],
  );

  async function exportCsv() {
    const horizon = Math.max(0, ...results.map((r) => (r ? resultHorizon(r) : 0)));
    const columns = results.map((r) => (r ? runSeries(r, series)?.values : undefined));
    const csv = toCsv(['week', ...runs.map((r) => r.run.label)], overlayCsvRows(horizon, columns));
    setStatus(await exportThroughPlatform(`${fileStem(series)}-by-run.csv`, csv));
  }

  if (ids.length === 0) return <p className="status">Simulating the open runs…</p>;
  const title = `${seriesLabel(series)} over time`;
  const unit = seriesUnit(series);
  return (
    <ChartFrame
      title={title}
      subject={`Runs: ${runs.map((r) => r.run.label).join(', ')}`}
      fileName={`${series}-by-run`}
      controls={
        <>
          <label htmlFor={pickerId}>Series</label>
          <select id={pickerId} value={series} onChange={(e) => setSelected(e.target.value)}>
            {ids.map((id) => (
              <option key={id} value={id}>
                {seriesLabel(id)}
              </option>
            ))}
          </select>
          <label className="inline">
            <input type="checkbox" checked={bands} onChange={(e) => setBands(e.target.checked)} /> P10–P90 bands
          </label>
          <button type="button" onClick={() => void exportCsv()}>
            Export series CSV
          </button>
        </>
      }
    >
      <div data-testid="overlay-chart" data-series={series} data-lines={lines.length} data-labels={JSON.stringify(lines.map((l) => l.label))}>
        <SeriesChart
          lines={lines}
          yLabel={unit && unit !== 'share' ? `${seriesLabel(series)} (${unit})` : seriesLabel(series)}
          formatY={unit === 'share' ? formatShare : undefined}
          label={`${title} for ${lines.length} runs (medians across replications${bands ? ', with P10–P90 bands' : ''}).`}
        />
      </div>
      <p className="status" role="status">
        {status}
      </p>
    </ChartFrame>
  );
}
