import { useId, useState } from 'react';
import { ENGINE_VERSION, LEVERS } from '../../../../engine';
import { buildBoardPack, type BoardPackChart } from '../../model/board-pack';
import { LESSONS } from '../../components/why-panel';
import { boardPackData, mergeInsights, PACK_TORNADO_ROWS } from '../../model/board-pack-data';
import { fileStem } from '../../analyst/chart-image';
import { exportThroughPlatform } from '../../analyst/export-file';
import { defaultKpi, kpiLabel, seriesLabel } from '../../model/metadata';
import { lineChartPng, tornadoChartPng } from '../../analyst/offscreen-chart';
import { tornadoRows } from '../../model/tornado-data';
import { printHtml } from '../../analyst/print';
import { getPlatform } from '../../platform';
import { getRunResult } from '../../analyst/run-results';
import { runSeries, seriesIds } from '../../analyst/run-series';
import { runInput } from '../../analyst/sources';
import { useRunner } from '../../sim/runner-context';
import { useAppStore } from '../../store';
import type { OpenRun } from '../../store/runs/runs-slice';
import { currentSummary } from './attribution-panel';

/** Series every board pack charts when the runs have them, besides the one the analyst is looking at. */
const PACK_SERIES = ['maturity'];
/** Insights per run in the pack: the board reads the top few, not every one. */
const INSIGHTS_PER_RUN = 3;

/** Return the newest attribution for the pack, when both of its runs are still open. */
function attributionSource(runs: readonly OpenRun[]) {
  const s = useAppStore.getState();
  const att = s.attribution;
  const a = runs.find((r) => r.id === att?.referenceId);
  const b = runs.find((r) => r.id === att?.otherId);
  if (!att || !a || !b) return {};
  const kpis = att.attribution.kpis.map((k) => k.kpi);
  const kpi = kpis.includes(s.selectedKpi) ? s.selectedKpi : defaultKpi(kpis);
  return { attribution: { attribution: att.attribution, kpi, a: a.run.label, b: b.run.label } };
}

/** Render the board pack panel: title and notes, then export as HTML or print (to PDF). */
export function BoardPackPanel({ runs, referenceIndex }: { runs: readonly OpenRun[]; referenceIndex: number }) {
  const runner = useRunner();
  const selectedSeries = useAppStore((s) => s.selectedSeries);
  const scenarioTitle = runs[referenceIndex]?.run.scenario.title ?? 'Momentum';
  const [title, setTitle] = useState('');
  const [notes, setNotes] = useState('');
  const [status, setStatus] = useState('');
  const ids = { title: useId(), notes: useId() };
  const platform = getPlatform();
  const pdf = platform.renderPdf ? (html: string) => platform.renderPdf!(html) : null;

  async function build(): Promise<{ html: string; name: string }> {
    const results = runs.map((r) => getRunResult(r.id));
    const available = new Set(results.flatMap((r) => (r ? seriesIds(r) : [])));
    const chartSeries = [...new Set([selectedSeries, ...PACK_SERIES])].filter((s) => available.has(s));
    const charts: BoardPackChart[] = chartSeries.map((id) => {
      const lines = runs.flatMap((r, i) => {
        const s = results[i] && runSeries(results[i], id);
        return s ? [{ label: r.run.label, values: s.values }] : [];
      });
      return {
        title: `${seriesLabel(id)} over time (median of each run)`,
        description: `Line chart of ${seriesLabel(id).toLowerCase()} over the horizon for ${lines.map((l) => l.label).join(', ')}.`,
        pngDataUrl: lineChartPng(lines, seriesLabel(id)),
      };
    });
    // Insights come from each run's expected-value simulation (noise off), which is what explains the trend.
    const sensitivity = useAppStore.getState().sensitivity;
    if (sensitivity) {
      const kpi = sensitivity.result.kpi;
      charts.push({
        title: `What moves ${kpiLabel(kpi)} most (${sensitivity.sourceLabel})`,
        description: `Tornado chart: how far ${kpiLabel(kpi).toLowerCase()} moves when each lever goes to the low and the high end of its range.`,
        pngDataUrl: tornadoChartPng(tornadoRows(sensitivity.result, LEVERS).slice(0, PACK_TORNADO_ROWS), sensitivity.result.baseline, kpiLabel(kpi)),
      });
    }
    const perRun: { run: string; lesson: string; text: string }[] = [];
    for (const r of runs) {
      const expected = await runner.expected(runInput(r.run));
      for (const ins of [...expected.insights].sort((a, b) => b.weight - a.weight).slice(0, INSIGHTS_PER_RUN)) {
        // The lesson by its name in the guide, never its code ("L1").
        perRun.push({ run: r.run.label, lesson: LESSONS[ins.lesson] ?? '', text: ins.text });
      }
    }
    const insights = mergeInsights(perRun);
    const packTitle = title.trim() || `${scenarioTitle}: comparison of ${runs.length} run${runs.length === 1 ? '' : 's'}`;
    const data = boardPackData(
      {
        title: packTitle,
        notes,
        preparedOn: new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
        engineVersion: ENGINE_VERSION,
        runs,
        referenceIndex,
        summaries: runs.map(currentSummary),
        results: results.map((r) => (r?.method === 'monte-carlo' ? r.monteCarlo : undefined)),
        charts,
        insights,
        ...attributionSource(runs),
        ...(sensitivity ? { sensitivity } : {}),
      },
      LEVERS,
    );
    return { html: buildBoardPack(data), name: `${fileStem(packTitle)}.html` };
  }

  async function exportHtml() {
    setStatus('Preparing the board pack…');
    try {
      const { html, name } = await build();
      setStatus(await exportThroughPlatform(name, html));
    } catch (e) {
      setStatus(`Could not build the board pack: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** The desktop app saves a PDF in one click; a browser opens its print dialog, where "Save as PDF" does it. */
  async function savePdf(render: (html: string) => Promise<Uint8Array>) {
    setStatus('Making the PDF…');
    try {
      const { html, name } = await build();
      const bytes = await render(html);
      setStatus(await exportThroughPlatform(name.replace(/\.html$/, '.pdf'), new Blob([bytes as BlobPart], { type: 'application/pdf' })));
    } catch (e) {
      setStatus(`Could not make the PDF: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function print() {
    setStatus('Preparing the print view…');
    try {
      const { html } = await build();
      await printHtml(html);
      setStatus('Print view opened: choose "Save as PDF" as the printer to make a PDF.');
    } catch (e) {
      setStatus(`Could not print the board pack: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <section aria-labelledby="pack-h" className="analyst-panel">
      <h2 id="pack-h">Board pack</h2>
      <p className="lede">
        One self-contained document with the settings, the key results, the charts, what the model says and your notes, ready to
        attach to a board paper.
      </p>
      <div className="analyst-form">
        <label htmlFor={ids.title}>Title</label>
        <input id={ids.title} type="text" value={title} placeholder={`${scenarioTitle}: comparison of ${runs.length} run${runs.length === 1 ? '' : 's'}`} onChange={(e) => setTitle(e.target.value)} />
        <label htmlFor={ids.notes}>Analyst's notes</label>
        <textarea id={ids.notes} rows={5} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <div className="toolbar">
        <button type="button" onClick={() => void exportHtml()} disabled={runs.length === 0}>
          Export board pack (HTML)
        </button>
        {pdf ? (
          <button type="button" onClick={() => void savePdf(pdf)} disabled={runs.length === 0}>
            Save board pack as PDF…
          </button>
        ) : null}
        <button type="button" onClick={() => void print()} disabled={runs.length === 0}>
          Print board pack…
        </button>
      </div>
      <p role="status" aria-live="polite" className="status">
        {status}
      </p>
    </section>
  );
}
