import { useId, useMemo, useState } from 'react';
import type { KpiSummary } from '../../../../engine';
import { attributeGap } from '../../analyst/attribute';
import { defaultKpi, formatKpiDelta, formatKpiValue, kpiLabel, orderKpis } from '../../model/metadata';
import { getRunResult } from '../../analyst/run-results';
import { useRunner } from '../../sim/runner-context';
import { leverDef, useAppStore } from '../../store';
import type { OpenRun } from '../../store/runs/runs-slice';
import { formatLeverValue } from '../../model/tornado-data';

type Job =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly done: number; readonly total: number }
  | { readonly state: 'failed'; readonly message: string };

/** Return the summary comparisons use for a run: the fresh one when it has been simulated, else the stored one. */
export function currentSummary(run: OpenRun): KpiSummary {
  return getRunResult(run.id)?.summary ?? run.run.summary;
}

/** Render the attribution of the KPI gap between the reference run and another run to each differing setting. */
export function AttributionPanel({ runs, reference }: { runs: readonly OpenRun[]; reference: OpenRun }) {
  const runner = useRunner();
  const kpi = useAppStore((s) => s.selectedKpi);
  const setKpi = useAppStore((s) => s.setSelectedKpi);
  const others = runs.filter((r) => r.id !== reference.id);
  const [otherId, setOtherId] = useState('');
  const other = others.find((r) => r.id === otherId) ?? others[0];
  const [job, setJob] = useState<Job>({ state: 'idle' });
  const ids = { other: useId(), kpi: useId() };
  const kpiNames = useMemo(() => orderKpis(Object.keys(reference.run.summary.kpis)), [reference]);
  const chosenKpi = kpiNames.includes(kpi) ? kpi : defaultKpi(kpiNames);

  async function run() {
    if (!other) return;
    setJob({ state: 'running', done: 0, total: 1 });
    try {
      const attribution = await attributeGap(reference.run, other.run, runner, {
        onProgress: (done, total) => setJob({ state: 'running', done, total }),
        bSummary: getRunResult(other.id)?.summary,
      });
      useAppStore.getState().setAttribution({ referenceId: reference.id, otherId: other.id, attribution });
      setJob({ state: 'idle' });
    } catch (e) {
      setJob({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }

  const stored = useAppStore((s) => s.attribution);
  const done = stored && stored.referenceId === reference.id ? stored : null;
  const result = done?.attribution.kpis.find((k) => k.kpi === chosenKpi);
  const labelA = reference.run.label;
  const labelB = runs.find((r) => r.id === done?.otherId)?.run.label ?? '';
  return (
    <section aria-labelledby="attr-h" className="analyst-panel">
      <h2 id="attr-h">Why the runs differ</h2>
      <p className="lede">
        For each setting that differs, Momentum swaps it from the reference run's value to the other run's, keeping the reference
        run's seed and replications so every swap sees the same random numbers, and measures how much of the KPI gap it explains.
      </p>
      {others.length === 0 ? (
        <p className="empty">Open a second run to explain the gap between two runs.</p>
      ) : (
        <form
          className="analyst-controls"
          aria-label="Attribution settings"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <span>
            Reference: <strong>{reference.run.label}</strong>
          </span>
          <label htmlFor={ids.other}>Explain the gap to</label>
          <select id={ids.other} value={other?.id ?? ''} onChange={(e) => setOtherId(e.target.value)}>
            {others.map((r) => (
              <option key={r.id} value={r.id}>
                {r.run.label}
              </option>
            ))}
          </select>
          <label htmlFor={ids.kpi}>KPI</label>
          <select id={ids.kpi} value={chosenKpi} onChange={(e) => setKpi(e.target.value)}>
            {kpiNames.map((k) => (
              <option key={k} value={k}>
                {kpiLabel(k)}
              </option>
            ))}
          </select>
          <button type="submit" disabled={job.state === 'running'}>
            Explain the gap
          </button>
        </form>
      )}
      <div role="status" aria-live="polite" className="status">
        {job.state === 'running' && (
          <>
            <progress value={job.done} max={job.total} aria-label="Attribution progress" /> {job.done} of {job.total} swaps simulated
          </>
        )}
      </div>
      {job.state === 'failed' && <p role="alert">The attribution failed: {job.message}</p>}
      {done && result && job.state !== 'running' && (
        <div data-testid="attribution">
          <p>
            {kpiLabel(result.kpi)}: {formatKpiValue(result.kpi, result.a)} in "{labelA}", {formatKpiValue(result.kpi, result.b)} in "{labelB}", a gap of{' '}
            <strong>{formatKpiDelta(result.kpi, result.gap)}</strong>.
          </p>
          <table aria-label={`Attribution of the gap in ${kpiLabel(result.kpi)}`}>
            <thead>
              <tr>
                <th scope="col">Setting</th>
                <th scope="col">From → to</th>
                <th scope="col">Effect</th>
                <th scope="col">Share of the gap</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => {
                const player = done.attribution.players.find((p) => p.id === row.player);
                const def = leverDef(row.player);
                const fromTo =
                  player?.from !== undefined && player.to !== undefined
                    ? `${formatLeverValue(def, player.from)} → ${formatLeverValue(def, player.to)}`
                    : 'differs';
                return (
                  <tr key={row.player}>
                    <th scope="row">{row.label}</th>
                    <td>{fromTo}</td>
                    <td>{formatKpiDelta(result.kpi, row.effect)}</td>
                    <td>{row.share === null ? '—' : `${Math.round(row.share * 100)}%`}</td>
                  </tr>
                );
              })}
              {done.attribution.method === 'both-orders' && (
                <tr>
                  <th scope="row">Interactions between settings</th>
                  <td />
                  <td>{formatKpiDelta(result.kpi, result.interaction)}</td>
                  <td>{result.gap === 0 ? '—' : `${Math.round((result.interaction / result.gap) * 100)}%`}</td>
                </tr>
              )}
              {result.sampling !== 0 && (
                <tr>
                  <th scope="row">Different seed or replications</th>
                  <td />
                  <td>{formatKpiDelta(result.kpi, result.sampling)}</td>
                  <td>{result.gap === 0 ? '—' : `${Math.round((result.sampling / result.gap) * 100)}%`}</td>
                </tr>
              )}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total gap</th>
                <td />
                <td>{formatKpiDelta(result.kpi, result.gap)}</td>
                <td>100%</td>
              </tr>
            </tfoot>
          </table>
          <p className="note" data-testid="interaction-note">
            How interactions are handled: {done.attribution.interactionNote}
            {done.attribution.method === 'shapley'
              ? ' When two settings only matter together (for example, a clear goal helps more with few priorities), their joint effect is split equally between them.'
              : ' The interaction row is what the settings do together beyond their separate effects.'}
          </p>
        </div>
      )}
    </section>
  );
}
