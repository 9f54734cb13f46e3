import { useState } from 'react';
import { LEVER_GROUPS, LEVERS } from '../../../engine';
import { GROUP_TITLES } from '../components/levers-panel';
import { formatLeverValue } from '../model/format';
import { useAppStore } from '../store';
import { saveScenarioAs } from './save-scenario';

/**
 * Render a lock switch per lever. A locked lever cannot be moved in Explore and returns to the
 * scenario's value; locks are part of the scenario and saved with it.
 */
export function LockToggles() {
  const locked = useAppStore((s) => s.scenario.lockedLevers);
  const setLocked = useAppStore((s) => s.setLeverLocked);
  const levers = useAppStore((s) => s.scenario.levers);
  const [status, setStatus] = useState('');
  const save = async () => {
    const outcome = await saveScenarioAs(useAppStore.getState().scenario);
    if (outcome.ok) {
      // Keep the room's current what-if: only the record of where the scenario lives changes.
      useAppStore.setState((s) => {
        s.scenarioSource = outcome.file.name;
      });
      setStatus(`Saved with ${locked.length} locked lever${locked.length === 1 ? '' : 's'} as ${outcome.file.name}.`);
    } else if (!outcome.cancelled) setStatus(`Could not save: ${outcome.message}`);
  };
  return (
    <>
      <p className="muted">A locked lever goes back to the scenario’s value and cannot be moved in Explore. Locks are saved in the scenario file.</p>
      <div className="lock-list">
        {LEVER_GROUPS.map((group) => {
          const defs = LEVERS.filter((l) => l.group === group);
          if (defs.length === 0) return null;
          const headingId = `lock-group-${group}`;
          return (
            <section key={group} aria-labelledby={headingId}>
              <h4 id={headingId}>{GROUP_TITLES[group]}</h4>
              <ul>
                {defs.map((def) => {
                  const on = locked.includes(def.id);
                  const id = `lock-${def.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
                  return (
                    <li key={def.id} className={on ? 'locked' : undefined}>
                      <input type="checkbox" role="switch" id={id} checked={on} onChange={(e) => setLocked(def.id, e.target.checked)} />
                      <label htmlFor={id}>
                        Lock {def.label}
                        <span className="muted"> · {formatLeverValue(def, levers[def.id] ?? def.default)}</span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
      <div className="button-row">
        <button type="button" onClick={() => void save()}>
          Save scenario with locks…
        </button>
        <span className="muted" role="status">
          {status}
        </span>
      </div>
    </>
  );
}
