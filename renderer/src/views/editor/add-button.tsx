import { useId } from 'react';

/**
 * Render a list's add button that stops at the scenario format's limit (SCENARIO_LIMITS) and
 * says why beside it, so the editor never builds a file the app would refuse to open.
 */
export function AddButton({ count, max, noun, onAdd, children }: { count: number; max: number; noun: string; onAdd: () => void; children: string }) {
  const noteId = useId();
  const full = count >= max;
  return (
    <>
      <button type="button" disabled={full} aria-describedby={full ? noteId : undefined} onClick={onAdd}>
        {children}
      </button>
      {full && (
        <span className="muted" id={noteId} data-testid="add-limit">
          A scenario holds at most {max} {noun}: remove one to add another.
        </span>
      )}
    </>
  );
}
