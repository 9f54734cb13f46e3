import type { MenuCommand } from './platform';

/**
 * Map a keyboard event to the menu command the desktop menus bind to the same keys, for the
 * browser build (which has no native menus). Undo and redo stay with the browser so that text
 * fields keep their own undo.
 */
export function shortcutCommand(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): MenuCommand | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'o' && !e.shiftKey) return { type: 'file.open' };
  if (key === 's') return e.shiftKey ? { type: 'file.save-as' } : { type: 'file.save' };
  if (key === 'e' && e.shiftKey) return { type: 'file.export' };
  return null;
}

/**
 * Return whether a key press is Undo (Ctrl+Z) or Redo (Ctrl+Shift+Z or Ctrl+Y; Cmd on a Mac), else null.
 * Callers leave it to a focused text field, whose own undo takes the typing back.
 */
export function undoShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}
