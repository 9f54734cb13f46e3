import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { TabList } from '../../components/tab-list';
import { AnalysisFields } from './analysis-fields';
import '../../analyst/analyst.css';
import { LEVERS } from '../../../../engine';
import { ChartFrame } from '../../analyst/chart-frame';
import { exportThroughPlatform } from '../../analyst/export-file';
import { fileStem } from '../../analyst/chart-image';
import { formatKpiValue, kpiLabel } from '../../model/metadata';
import { sensitivityCsv } from '../../analyst/sensitivity-csv';
import { useRunner } from '../../sim/runner-context';
import { useAppStore } from '../../store';
import { AssumptionsPanel } from './assumptions-panel';
import { TornadoChart } from './tornado-chart';
import { tornadoRows } from '../../model/tornado-data';
import { useAnalysisTarget, type AnalysisTarget } from './use-analysis-target';

type Job =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly startedAt: number; readonly label: string; readonly done: number; readonly total: number }
  | { readonly state: 'done'; readonly seconds: number }
  | { readonly state: 'failed'; readonly message: string };

/** The Sensitivity view's tabs: what moves a KPI among the board's levers, and among the model's assumptions. */
const TABS = [
  { id: 'levers', label: 'Levers' },
  { id: 'assumptions', label: 'Which assumptions matter' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/**
 * Render the Sensitivity page: pick a what-if or run and a KPI, then see either how far the KPI swings when
 * each lever moves across its range (a tornado chart and a table), or which of the model's assumptions move
 * it most and what evidence they rest on.
 */
export function SensitivityView() {
  const target = useAnalysisTarget();
  const [tab, setTab] = useState<TabId>('levers');
  return (
    <main className="analyst-view sensitivity-view" aria-labelledby="sensitivity-h">
      <h1 id="sensitivity-h">Sensitivity</h1>
      <TabList tabs={TABS} selected={tab} onSelect={setTab} label="What to vary" idPrefix="sensitivity-tab" panelId="sensitivity-tabpanel" className="chart-tabs analysis-tabs" />
      <div role="tabpanel" id="sensitivity-tabpanel" aria-labelledby={`sensitivity-tab-${tab}`} className="analysis-tabpanel">
        {tab === 'levers' ? <LeverSensitivity target={target} /> : <AssumptionsPanel target={target} />}
      </div>
    </main>
  );
}

/** Render the lever tornado: each lever to the low and the high end of its range, the KPI at each, widest swing first. */
function LeverSensitivity({ target }: { readonly target: AnalysisTarget }) {
  const runner = useRunner();
  const { sources, source, kpi } = target;
  // The source's own replications (the run set's for a what-if, as in Explore), so the baseline is Explore's figure.
  const [replications, setReplications] = useState(source.replications);
  const [seed, setSeed] = useState(source.seed);
  const [job, setJob] = useState<Job>({ state: 'idle' });
  const [exportStatus, setExportStatus] = useState('');
  const [hideFlat, setHideFlat] = useState(false);
  const requestId = useRef(0);
  const ids = { explain: useId() };

  useEffect(() => {
    setSeed(source.seed);
    setReplications(source.replications);
  }, [source.id, source.seed, source.replications]);

  // The newest result lives in the store, so it is still here after a visit to another view (and goes into the board pack).
  const last = useAppStore((s) => s.sensitivity);
  const rows = useMemo(() => (last ? tornadoRows(last.result, LEVERS, hideFlat) : []), [last, hideFlat]);
  const stale = useMemo(() => {
    const analysed = last?.sourceId ? sources.find((s) => s.id === last.sourceId) : undefined;
    return Boolean(analysed && last?.inputKey && JSON.stringify(analysed.input) !== last.inputKey);
  }, [last, sources]);

  async function run() {
    if (!kpi) return;
    const id = ++requestId.current;
    const startedAt = performance.now();
    setExportStatus('');
    setJob({ state: 'running', startedAt, label: source.label, done: 0, total: LEVERS.length });
    const onProgress = (done: number, total: number) => {
      if (id === requestId.current) setJob((j) => (j.state === 'running' ? { ...j, done, total } : j));
    };
    try {
      const result = await runner.sensitivity(source.input, { kpi, seed, replications, uncertainty: source.uncertainty, onProgress });
      if (id !== requestId.current) return;
      useAppStore.getState().setSensitivity({ sourceId: source.id, inputKey: JSON.stringify(source.input), sourceLabel: source.label, seed, replications, result });
      setJob({ state: 'done', seconds: (performance.now() - startedAt) / 1000 });
    } catch (e) {
      if (id !== requestId.current) return;
      setJob({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }

  async function exportCsv() {
    if (!last) return;
    const name = `sensitivity-${fileStem(last.result.kpi)}-${fileStem(last.sourceLabel)}.csv`;
    setExportStatus(await exportThroughPlatform(name, sensitivityCsv(last.result, LEVERS)));
  }

  const settings = 2 * LEVERS.length;
  const runningLabel = `Running ${settings} lever settings × ${replications} replications`;
  return (
    <>
      <p id={ids.explain} className="lede">
        Each lever moves to the low and then the high end of its range while every other lever keeps its value. Every
        setting reuses the same random numbers (common random numbers), so the width of a bar is the lever's effect, not
        noise between replications. Each figure is the typical outcome, as Explore shows it: the median of the
        replications (for the goal, the chance of reaching it).
      </p>
      <form
        className="analyst-controls"
        aria-label="Sensitivity settings"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <AnalysisFields target={target} replicationsLabel="Replications per setting" maxReplications={5000} replications={replications} onReplications={setReplications} seed={seed} onSeed={setSeed} />
        <button type="submit" disabled={!kpi || job.state === 'running'}>
          Run sensitivity
        </button>
      </form>

      {job.state === 'running' && (
        <p className="status">
          <progress value={job.done} max={job.total} aria-label="Sensitivity progress" aria-valuetext={`${job.done} of ${job.total} levers`} />{' '}
          {job.done} of {job.total} levers done
        </p>
      )}
      <div role="status" aria-live="polite" className="status">
        {job.state === 'running' && (
          <span>
            {runningLabel} for {job.label}…
          </span>
        )}
        {job.state === 'done' && (
          <span>
            Done: {rows.length} levers for {last?.sourceLabel} in {job.seconds.toFixed(1)} s.
          </span>
        )}
      </div>
      {job.state === 'failed' && <p role="alert">The sensitivity run failed: {job.message}</p>}

      {last && job.state !== 'running' && (
        <section aria-label="Sensitivity result" className="analyst-result">
          <ChartFrame
            title={`What moves ${kpiLabel(last.result.kpi)} most`}
            subject={`${last.sourceLabel}, ${last.replications} replication${last.replications === 1 ? '' : 's'} per setting, seed ${last.seed}`}
            fileName={`tornado-${last.result.kpi}`}
            controls={
              <label className="inline">
                <input type="checkbox" checked={hideFlat} onChange={(e) => setHideFlat(e.target.checked)} /> Hide levers with no effect
              </label>
            }
          >
            <TornadoChart rows={rows} baseline={last.result.baseline} kpiLabel={kpiLabel(last.result.kpi)} />
          </ChartFrame>
          <div className="table-head">
            <h3 id="tornado-table-h">The same figures as a table</h3>
            <button type="button" onClick={() => void exportCsv()}>
              Export CSV
            </button>
          </div>
          <p className="status" role="status">
            {exportStatus}
          </p>
          <table aria-labelledby="tornado-table-h" data-testid="tornado-table">
            <thead>
              <tr>
                <th scope="col">Lever</th>
                <th scope="col">Low end</th>
                <th scope="col">{kpiLabel(last.result.kpi)} at low</th>
                <th scope="col">High end</th>
                <th scope="col">{kpiLabel(last.result.kpi)} at high</th>
                <th scope="col">Swing</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.leverId} data-lever={r.leverId}>
                  <th scope="row">{r.label}</th>
                  <td>{r.lowText}</td>
                  <td>{formatKpiValue(last.result.kpi, r.kpiAtLow)}</td>
                  <td>{r.highText}</td>
                  <td>{formatKpiValue(last.result.kpi, r.kpiAtHigh)}</td>
                  <td>{formatKpiValue(last.result.kpi, r.swing)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {stale && (
            <p className="note stale" role="note">
              The settings of {last.sourceLabel} have changed since this analysis; run it again to bring the tornado up to date.
            </p>
          )}
          <p className="note">
            Analysed: {last.sourceLabel}, {last.replications} replication{last.replications === 1 ? '' : 's'} per setting, seed {last.seed}.
            Baseline {kpiLabel(last.result.kpi)}: {formatKpiValue(last.result.kpi, last.result.baseline)}.
          </p>
        </section>
      )}
    </>
  );
}
