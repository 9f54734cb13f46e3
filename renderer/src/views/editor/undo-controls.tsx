import { useEffect, useState } from 'react';
import { isTextEditing, undoShortcut, useMenuCommand } from '../../platform';
import { selectDraftRedo, selectDraftUndo, useAppStore } from '../../store';

/**
 * Render Undo and Redo of the journey editor's edits, each naming what it would take back, and tell
 * screen readers what was undone or redone. Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (Edit › Undo and Redo in
 * the desktop app) reach them too, except in a text field, where the field's own undo takes back the typing.
 */
export function DraftUndoControls() {
  const undoLabel = useAppStore(selectDraftUndo);
  const redoLabel = useAppStore(selectDraftRedo);
  // The count makes a repeated sentence a change the live region reads again.
  const [said, setSaid] = useState({ text: '', count: 0 });

  const step = (which: 'undo' | 'redo') => {
    const s = useAppStore.getState();
    const label = which === 'undo' ? s.undoDraft() : s.redoDraft();
    if (label) setSaid((p) => ({ text: `${which === 'undo' ? 'Undone' : 'Redone'}: ${label}.`, count: p.count + 1 }));
  };

  useMenuCommand('edit.undo', () => step('undo'));
  useMenuCommand('edit.redo', () => step('redo'));
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const which = undoShortcut(e);
      if (!which || e.defaultPrevented || useAppStore.getState().audience || isTextEditing(e.target as HTMLElement | null)) return;
      e.preventDefault();
      step(which);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={() => step('undo')}
        disabled={undoLabel === null}
        aria-label={undoLabel === null ? 'Undo' : `Undo: ${undoLabel}`}
        aria-keyshortcuts="Control+Z"
        title={undoLabel === null ? 'Nothing to undo' : `Undo: ${undoLabel} (Ctrl+Z)`}
      >
        <span aria-hidden="true">↶</span> Undo
      </button>
      <button
        type="button"
        onClick={() => step('redo')}
        disabled={redoLabel === null}
        aria-label={redoLabel === null ? 'Redo' : `Redo: ${redoLabel}`}
        aria-keyshortcuts="Control+Shift+Z Control+Y"
        title={redoLabel === null ? 'Nothing to redo' : `Redo: ${redoLabel} (Ctrl+Shift+Z or Ctrl+Y)`}
      >
        <span aria-hidden="true">↷</span> Redo
      </button>
      <p className="sr-only" aria-live="polite" data-testid="editor-announcer">
        {said.text}
        {said.count % 2 === 1 ? '\u00a0' : ''}
      </p>
    </>
  );
}
