import { useId, useState } from 'react';
import { checkReproduction } from '../../../../engine';
import { saveRunFile, simulateNewRun } from '../../analyst/run-actions';
import { putRunResult } from '../../analyst/run-results';
import { DEFAULT_REPLICATIONS, DEFAULT_SEED } from '../../analyst/sources';
import { useRunner } from '../../sim/runner-context';
import { useAppStore } from '../../store';

/**
 * Render the form that saves the current what-if as a run file: it runs the Monte Carlo with the
 * chosen seed and replications, stores the KPI summary with the label and notes, and asks where to save.
 */
export function SaveRunForm() {
  const runner = useRunner();
  const scenarioTitle = useAppStore((s) => s.scenario.title);
  const [label, setLabel] = useState('');
  const [team, setTeam] = useState('');
  const [notes, setNotes] = useState('');
  const [seed, setSeed] = useState(DEFAULT_SEED);
  const [replications, setReplications] = useState(DEFAULT_REPLICATIONS);
  const [addToCompare, setAddToCompare] = useState(true);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const ids = { label: useId(), team: useId(), teamHint: useId(), notes: useId(), seed: useId(), reps: useId(), add: useId() };

  async function save() {
    const s = useAppStore.getState();
    setBusy(true);
    setStatus('Simulating…');
    try {
      const { run, result } = await simulateNewRun(
        { label: label || `${s.scenario.title} what-if`, team, notes, scenario: s.scenario, overrides: s.overrides, seed, replications, uncertainty: s.uncertainty },
        runner,
      );
      const name = await saveRunFile(run);
      if (!name) {
        setStatus('Save cancelled.');
        return;
      }
      if (addToCompare) {
        const engineVersion = result.method === 'monte-carlo' ? result.monteCarlo.engineVersion : result.run.engineVersion;
        const id = s.addRun({ origin: 'file', fileName: name, run, check: { status: 'checked', report: checkReproduction(run, result.summary, engineVersion) } });
        if (id) putRunResult(id, result);
      }
      setStatus(`Saved "${run.label}" as ${name}.`);
    } catch (e) {
      setStatus(`Could not save the run: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="analyst-panel save-run">
      <summary>
        <h2>Save the current what-if as a run</h2>
      </summary>
      <p className="lede">
        Saves the board's current settings on "{scenarioTitle}" with the scenario itself, the seed, the replications and the KPI
        summary, so the run can be reopened and checked anywhere.
      </p>
      <form
        className="analyst-form"
        aria-label="Save run"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor={ids.label}>Label</label>
        <input id={ids.label} type="text" maxLength={200} value={label} placeholder={`${scenarioTitle} what-if`} onChange={(e) => setLabel(e.target.value)} />
        <label htmlFor={ids.team}>Team name</label>
        <input id={ids.team} type="text" maxLength={80} value={team} aria-describedby={ids.teamHint} onChange={(e) => setTeam(e.target.value)} />
        <p id={ids.teamHint} className="note field-hint">
          In a multi-team round: your run shows under this name on the facilitator’s screen. Save it into the round’s shared folder.
        </p>
        <label htmlFor={ids.notes}>Notes for the board pack</label>
        <textarea id={ids.notes} rows={4} maxLength={20000} value={notes} onChange={(e) => setNotes(e.target.value)} />
        <label htmlFor={ids.reps}>Replications</label>
        <input id={ids.reps} type="number" min={1} max={100000} value={replications} onChange={(e) => setReplications(Math.max(1, Math.round(Number(e.target.value) || 1)))} />
        <label htmlFor={ids.seed}>Seed</label>
        <input id={ids.seed} type="number" min={0} value={seed} onChange={(e) => setSeed(Math.max(0, Math.round(Number(e.target.value) || 0)))} />
        <span className="checkbox-row">
          <input id={ids.add} type="checkbox" checked={addToCompare} onChange={(e) => setAddToCompare(e.target.checked)} />
          <label htmlFor={ids.add}>Also open it here for comparison</label>
        </span>
        <button type="submit" disabled={busy}>
          Save run…
        </button>
      </form>
      <p role="status" aria-live="polite" className="status">
        {status}
      </p>
    </details>
  );
}
