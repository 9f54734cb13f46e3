/** The input types whose text has its own undo history. */
const TEXT_INPUTS = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', '']);

/** The parts of an element that decide whether it is editing text. */
export interface EditableLike {
  readonly tagName: string;
  readonly isContentEditable?: boolean;
  readonly type?: string;
  readonly readOnly?: boolean;
  readonly disabled?: boolean;
}

/**
 * Return whether the focused element is a text field, so that Undo/Redo from the menu undo
 * the typing there (as every desktop app does) rather than the last change to the model.
 */
export function isTextEditing(el: EditableLike | null | undefined): boolean {
  if (!el) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA') return !el.readOnly && !el.disabled;
  if (tag === 'INPUT') return TEXT_INPUTS.has((el.type ?? '').toLowerCase()) && !el.readOnly && !el.disabled;
  return false;
}
