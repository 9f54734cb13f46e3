import { useCallback, useEffect, useId, useState } from 'react';
import type { RecentFile } from '../../platform';
import { bandsCsv, seriesCsv, type Scenario } from '../../../../engine';
import { fileStem } from '../../analyst/chart-image';
import { exportThroughPlatform } from '../../analyst/export-file';
import { addWhatIfRun, openRecentRunFile, openRunFile, recentRunFiles, saveRunFile, type OpenRunOutcome } from '../../analyst/run-actions';
import { getRunResult } from '../../analyst/run-results';
import { DEFAULT_REPLICATIONS, DEFAULT_SEED } from '../../analyst/sources';
import { runColour } from '../../analyst/chart-setup';
import { useRunner } from '../../sim/runner-context';
import { useAppStore } from '../../store';
import { MAX_OPEN_RUNS, type OpenRun } from '../../store/runs/runs-slice';
import { checkSummary } from '../../model/open-run';
import { ReproductionDetails } from './reproduction';

/** Render the toolbar that opens run files and adds what-ifs, and the list of open runs. */
export function RunsPanel() {
  const runner = useRunner();
  const openRuns = useAppStore((s) => s.openRuns);
  const referenceRunId = useAppStore((s) => s.referenceRunId);
  const pins = useAppStore((s) => s.pins);
  const setReferenceRun = useAppStore((s) => s.setReferenceRun);
  const removeRun = useAppStore((s) => s.removeRun);
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<{ fileName: string; lines: readonly string[] } | null>(null);
  const [scenarioFile, setScenarioFile] = useState<{ fileName: string; scenario: Scenario } | null>(null);
  const [busy, setBusy] = useState(false);
  const [pinId, setPinId] = useState('');
  const pinSelectId = useId();
  const recentSelectId = useId();
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const [recentId, setRecentId] = useState('');
  const refreshRecent = useCallback(() => {
    recentRunFiles().then(setRecent, () => setRecent([]));
  }, []);
  useEffect(refreshRecent, [refreshRecent]);
  const full = openRuns.length >= MAX_OPEN_RUNS;

  async function openFile(from: () => Promise<OpenRunOutcome> = openRunFile) {
    setProblems(null);
    setScenarioFile(null);
    try {
      const outcome = await from();
      refreshRecent();
      if (outcome.kind === 'opened') setStatus(`Opened ${outcome.fileName} ("${outcome.label}"); re-simulating to check its numbers.`);
      else if (outcome.kind === 'cancelled') setStatus('');
      else if (outcome.kind === 'full') setStatus(`At most ${MAX_OPEN_RUNS} runs can be open at once; close one first.`);
      else if (outcome.kind === 'scenario') {
        setStatus(`${outcome.fileName} is a scenario, not a saved run. Run it in Explore, then add it here as a what-if.`);
        setScenarioFile({ fileName: outcome.fileName, scenario: outcome.scenario });
      } else {
        setStatus(`${outcome.fileName} is not a valid run file.`);
        setProblems({ fileName: outcome.fileName, lines: outcome.problems });
      }
    } catch (e) {
      setStatus(`Could not open the file: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function addWhatIf(kind: 'current' | 'pinned') {
    const s = useAppStore.getState();
    const pin = kind === 'pinned' ? s.pins.find((p) => p.id === (pinId || s.pins[0]?.id)) : undefined;
    if (kind === 'pinned' && !pin) return;
    setBusy(true);
    try {
      const label = pin ? pin.name : `What-if ${s.openRuns.length + 1}`;
      const id = await addWhatIfRun(
        { label, notes: '', scenario: pin?.scenario ?? s.scenario, overrides: pin ? pin.overrides : s.overrides, seed: DEFAULT_SEED, replications: DEFAULT_REPLICATIONS, uncertainty: s.uncertainty },
        pin ? 'pinned' : 'current',
        runner,
      );
      setStatus(id ? `Added "${label}".` : `At most ${MAX_OPEN_RUNS} runs can be open at once; close one first.`);
    } catch (e) {
      setStatus(`Could not simulate the what-if: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  async function exportSeries(run: OpenRun) {
    const result = getRunResult(run.id);
    if (!result) {
      setStatus(`"${run.run.label}" is still being simulated.`);
      return;
    }
    const csv = result.method === 'monte-carlo' ? bandsCsv(result.monteCarlo) : seriesCsv(result.run);
    setStatus(await exportThroughPlatform(`${fileStem(run.run.label)}-series.csv`, csv));
  }

  async function save(run: OpenRun) {
    try {
      const name = await saveRunFile(run.run);
      if (name) useAppStore.getState().markRunSaved(run.id, name);
      setStatus(name ? `Saved "${run.run.label}" as ${name}.` : 'Save cancelled.');
    } catch (e) {
      setStatus(`Could not save: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <section aria-labelledby="runs-h" className="analyst-panel">
      <h2 id="runs-h">Runs</h2>
      <div className="toolbar" role="group" aria-label="Add runs">
        <button type="button" onClick={() => void openFile()} disabled={full}>
          Open run file…
        </button>
        {recent.length > 0 && (
          <>
            <label htmlFor={recentSelectId}>Recent run files</label>
            <select id={recentSelectId} value={recentId || recent[0]!.id} onChange={(e) => setRecentId(e.target.value)}>
              {recent.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
            <button type="button" disabled={full} onClick={() => void openFile(() => openRecentRunFile(recentId || recent[0]!.id))}>
              Open recent
            </button>
          </>
        )}
        <button type="button" onClick={() => void addWhatIf('current')} disabled={full || busy}>
          Add current what-if
        </button>
        {pins.length > 0 && (
          <>
            <label htmlFor={pinSelectId}>Pinned what-if</label>
            <select id={pinSelectId} value={pinId || pins[0]!.id} onChange={(e) => setPinId(e.target.value)}>
              {pins.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => void addWhatIf('pinned')} disabled={full || busy}>
              Add pinned what-if
            </button>
          </>
        )}
      </div>
      <p role="status" aria-live="polite" className="status">
        {busy ? 'Simulating…' : status}
      </p>
      {scenarioFile && (
        <div className="problems">
          <button
            type="button"
            onClick={() => {
              const s = useAppStore.getState();
              s.loadScenario(scenarioFile.scenario, { source: scenarioFile.fileName });
              s.setView('explore');
              window.scrollTo(0, 0);
            }}
          >
            Run “{scenarioFile.scenario.title}” in Explore
          </button>
        </div>
      )}
      {problems && (
        <div role="alert" className="problems">
          <p>{problems.fileName} has these problems:</p>
          <ul>
            {problems.lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </div>
      )}
      {openRuns.length === 0 ? (
        <p className="empty">
          No runs open yet. Open saved run files, or add the current what-if, to compare them (up to {MAX_OPEN_RUNS} at once).
        </p>
      ) : (
        <table className="runs-table" aria-label="Open runs">
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">From</th>
              <th scope="col">Sampling</th>
              <th scope="col">Reproduction</th>
              <th scope="col">Reference</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {openRuns.map((r, i) => (
              <tr key={r.id} data-run-id={r.id}>
                <th scope="row">
                  <span className="swatch" style={{ background: runColour(i) }} aria-hidden="true" /> {r.run.label}
                </th>
                <td>{r.origin === 'file' ? r.fileName : r.origin === 'pinned' ? 'Pinned what-if' : 'Current what-if'}</td>
                <td>
                  {r.run.method === 'monte-carlo' ? `${r.run.replications} replications` : r.run.method === 'single' ? 'one replication' : 'expected'}, seed{' '}
                  {r.run.seed}
                </td>
                <td>
                  <span className={`check check-${r.check.status === 'checked' ? r.check.report.status : r.check.status}`}>{checkSummary(r)}</span>
                  <ReproductionDetails run={r} />
                </td>
                <td>
                  <input
                    type="radio"
                    name="reference-run"
                    checked={r.id === referenceRunId}
                    onChange={() => setReferenceRun(r.id)}
                    aria-label={`Use "${r.run.label}" as the reference run`}
                  />
                </td>
                <td className="actions">
                  <div>
                    {r.origin !== 'file' && (
                      <button type="button" onClick={() => void save(r)} aria-label={`Save "${r.run.label}" as a run file`}>
                        Save…
                      </button>
                    )}
                    <button type="button" onClick={() => void exportSeries(r)} aria-label={`Export every series of "${r.run.label}" as CSV`}>
                      Series CSV
                    </button>
                    <button type="button" onClick={() => removeRun(r.id)} aria-label={`Close "${r.run.label}"`}>
                      Close
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
