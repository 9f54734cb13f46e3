import { LEVERS } from '../../../engine';
import { useAppStore } from '../store';

/** One locked lever as the room is told about it. */
export interface LockedLeverNote {
  readonly id: string;
  readonly label: string;
  /** Why the scenario locks it, or a plain line when the file gives no reason. */
  readonly reason: string;
}

/** Return, for each locked lever, its name and why it is locked (the scenario's `trainer.lockReasons`). */
export function lockedLeverNotes(lockedLevers: readonly string[], reasons: Readonly<Record<string, string>>): LockedLeverNote[] {
  return lockedLevers.map((id) => ({
    id,
    label: LEVERS.find((l) => l.id === id)?.label ?? id,
    reason: reasons[id] ?? 'Locked for this workshop; the scenario gives no reason. The trainer can unlock it in the trainer panel.',
  }));
}

/**
 * Render, above the levers, which levers the scenario locks and why, so a room that opens a scenario with a
 * greyed-out lever knows it is deliberate and what it keeps the discussion on.
 */
export function LockedLeversNote() {
  const locked = useAppStore((s) => s.scenario.lockedLevers);
  const reasons = useAppStore((s) => s.scenario.trainer.lockReasons);
  if (locked.length === 0) return null;
  const notes = lockedLeverNotes(locked, reasons);
  return (
    <div className="locked-note" data-testid="locked-note">
      <p className="locked-note-head">
        {notes.length === 1 ? 'One lever is locked for this workshop:' : `${notes.length} levers are locked for this workshop:`}
      </p>
      <ul>
        {notes.map((n) => (
          <li key={n.id} data-lever={n.id}>
            <strong>{n.label}</strong>: {n.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
