import { AnalysisFields } from './analysis-fields';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { CANCELLED, PARAMETERS } from '../../../../engine';
import { assumptionRanking, TOP_ASSUMPTIONS } from '../../model/assumption-ranking';
import { kpiLabel } from '../../model/metadata';
import { useRunner } from '../../sim/runner-context';
import { useAppStore } from '../../store';
import type { AnalysisTarget } from './use-analysis-target';

/** Replications behind each point of the screening, offered first (common random numbers across every point). */
export const SCREENING_REPLICATIONS = 50;
/** Morris trajectories: each moves every assumption once, so each costs one run per assumption plus one. */
export const SCREENING_TRAJECTORIES = 10;

type Job =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly label: string; readonly done: number; readonly total: number }
  | { readonly state: 'done'; readonly seconds: number }
  | { readonly state: 'stopped'; readonly why: string }
  | { readonly state: 'failed'; readonly message: string };

/**
 * Render "Which assumptions matter": for the chosen what-if and KPI, the model's assumptions ranked by how far
 * each moves the KPI across its plausible range (Morris μ*), with what each rests on (evidence, evidence and
 * judgement, or judgement), and a sentence that says plainly when judgement drives the result. The screening
 * runs in a worker of its own; it stops when the settings, the source or the KPI change, or on Cancel.
 */
export function AssumptionsPanel({ target }: { readonly target: AnalysisTarget }) {
  const runner = useRunner();
  const { sources, source, inputKey, kpi } = target;
  const [replications, setReplications] = useState(SCREENING_REPLICATIONS);
  const [seed, setSeed] = useState(source.seed);
  const [job, setJob] = useState<Job>({ state: 'idle' });
  const [showAll, setShowAll] = useState(false);
  const running = useRef<{ controller: AbortController; why: string } | null>(null);
  const ids = { heading: useId() };

  useEffect(() => {
    setSeed(source.seed);
  }, [source.id, source.seed]);

  // A screening of settings that are no longer the ones chosen is of no use: stop it when they change (or the view closes).
  useEffect(
    () => () => {
      const r = running.current;
      if (r) {
        r.why = 'the settings changed while it ran. Run it again for the new settings.';
        r.controller.abort();
      }
    },
    [source.id, inputKey, kpi],
  );

  const last = useAppStore((s) => s.assumptionScreen);
  const ranking = useMemo(() => (last ? assumptionRanking(last.result, PARAMETERS, showAll) : null), [last, showAll]);
  const stale = useMemo(() => {
    const analysed = sources.find((s) => s.id === last?.sourceId);
    return Boolean(analysed && last && JSON.stringify(analysed.input) !== last.inputKey);
  }, [last, sources]);

  async function run() {
    if (!kpi || running.current) return;
    const controller = new AbortController();
    const mine = { controller, why: '' };
    running.current = mine;
    const startedAt = performance.now();
    setJob({ state: 'running', label: source.label, done: 0, total: 0 });
    const onProgress = (done: number, total: number) => {
      if (running.current === mine) setJob((j) => (j.state === 'running' ? { ...j, done, total } : j));
    };
    try {
      const result = await runner.assumptionSensitivity(source.input, {
        kpi, seed, replications, trajectories: SCREENING_TRAJECTORIES, onProgress, signal: controller.signal,
      });
      useAppStore.getState().setAssumptionScreen({ sourceId: source.id, inputKey, sourceLabel: source.label, seed, result });
      setShowAll(false);
      setJob({ state: 'done', seconds: (performance.now() - startedAt) / 1000 });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setJob(message === CANCELLED ? { state: 'stopped', why: mine.why || 'you cancelled it.' } : { state: 'failed', message });
    } finally {
      if (running.current === mine) running.current = null;
    }
  }

  function cancel() {
    running.current?.controller.abort();
  }

  return (
    <>
      <p className="lede">
        Besides the board&apos;s settings, the model rests on assumptions, each with a plausible range: how fast a team works, how quickly staff
        adopt a service, how often a go-live fails. Each moves across its range in turn while the settings stay put; the longer the bar, the more
        the result depends on it.
      </p>
      <form
        className="analyst-controls"
        aria-label="Assumption screening settings"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <AnalysisFields target={target} replicationsLabel="Replications per point" maxReplications={2000} replications={replications} onReplications={setReplications} seed={seed} onSeed={setSeed} />
        <button type="submit" disabled={!kpi || job.state === 'running'}>
          Find which assumptions matter
        </button>
        {/* A button of its own, not the submit button relabelled: the click that cancels must not submit the form once it re-renders. */}
        {job.state === 'running' && (
          <button type="button" key="cancel" onClick={cancel}>
            Cancel
          </button>
        )}
      </form>

      {job.state === 'running' && (
        <p className="status">
          <progress
            value={job.done}
            max={job.total || 1}
            aria-label="Assumption screening progress"
            aria-valuetext={job.total ? `${job.done} of ${job.total} runs` : 'starting'}
          />{' '}
          {job.total ? `${job.done} of ${job.total} runs done` : 'Starting…'}
        </p>
      )}
      <div role="status" aria-live="polite" className="status">
        {job.state === 'running' && <span>Moving each assumption across its range for {job.label}…</span>}
        {job.state === 'done' && last && (
          <span>
            Done: {last.result.rows.length} assumptions for {last.sourceLabel} in {job.seconds.toFixed(1)} s.
          </span>
        )}
        {job.state === 'stopped' && <span>Stopped: {job.why}</span>}
      </div>
      {job.state === 'failed' && <p role="alert">The screening failed: {job.message}</p>}

      {last && ranking && job.state !== 'running' && (
        <section aria-labelledby={ids.heading} className="analyst-result assumptions-result">
          <h2 id={ids.heading}>Which assumptions move {kpiLabel(ranking.kpi)} most</h2>
          <table className="assumption-ranking" data-testid="assumption-ranking">
            <caption className="visually-hidden">
              The model&apos;s assumptions, largest effect on {kpiLabel(ranking.kpi)} first, with what each rests on
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Assumption</th>
                <th scope="col">Rests on</th>
                <th scope="col">Moves it by</th>
                <th scope="col">If higher</th>
              </tr>
            </thead>
            <tbody>
              {ranking.rows.map((r) => (
                <tr key={r.id} data-evidence={r.evidence}>
                  <td className="rank">{r.rank}</td>
                  <th scope="row" title={`${r.id}: ${r.fullLabel}`}>
                    <span className="assumption-label">{r.label}</span>
                    <span className="assumption-mechanism">{r.mechanism}</span>
                  </th>
                  <td className="basis">
                    <span className={r.evidenceClass}>{r.evidenceLabel}</span>
                  </td>
                  <td className="effect">
                    <span className="effect-bar" aria-hidden="true">
                      <span className={`effect-fill effect-${r.evidence}`} style={{ width: `${(100 * r.share).toFixed(1)}%` }} />
                    </span>
                    <span className="effect-figure">{r.indexText}</span>
                  </td>
                  <td className="direction">{r.direction}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {ranking.total > TOP_ASSUMPTIONS && (
            <button type="button" className="show-all" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
              {showAll ? `Show the top ${TOP_ASSUMPTIONS} only` : `Show all ${ranking.total} assumptions`}
            </button>
          )}
          <p className={`assumption-summary summary-${ranking.rows[0]?.evidence ?? 'none'}`} data-testid="assumption-summary">
            {ranking.summary}
          </p>
          {stale && (
            <p className="note stale" role="note">
              The settings of {last.sourceLabel} have changed since this analysis; run it again to bring it up to date.
            </p>
          )}
          <p className="note">
            Analysed: {last.sourceLabel}, {last.result.trajectories} random paths through the ranges × {last.result.replications} replication
            {last.result.replications === 1 ? '' : 's'} per point, seed {last.seed} (Morris screening). &quot;Moves it by&quot; is the average change in{' '}
            {kpiLabel(ranking.kpi)} when the assumption goes from the low to the high end of its plausible range (μ*). How it works lists every
            assumption with its source.
          </p>
        </section>
      )}
    </>
  );
}
