import { LEVERS } from '../../../engine';
import { formatLeverValue } from '../components/format';
import { useAppStore } from '../store';

/**
 * Render a lock switch per lever. A locked lever cannot be moved in Explore and returns to the
 * scenario's value; locks are part of the scenario and saved with it.
 */
export function LockToggles() {
  const locked = useAppStore((s) => s.scenario.lockedLevers);
  const setLocked = useAppStore((s) => s.setLeverLocked);
  const levers = useAppStore((s) => s.scenario.levers);
  return (
    <ul className="lock-list">
      {LEVERS.map((def) => {
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
  );
}
