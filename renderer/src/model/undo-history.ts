/*
 * An undo history of whole snapshots. Each step keeps the state before an edit and says what the edit
 * was ("remove initiative “e-CARE EPR phase 1”"), so Undo can name what it will undo and the screen
 * reader can be told what was undone. Snapshots are immutable (immer shares what an edit left alone),
 * so keeping a few hundred costs little more than the edits themselves.
 */

/** One edit: the state on the far side of it and what it did, in words that follow "Undo: ". */
export interface UndoStep<T> {
  readonly state: T;
  readonly label: string;
}

/** Earlier and undone states, newest last, and the merge key of the newest step (typing into one field). */
export interface UndoHistory<T> {
  readonly past: readonly UndoStep<T>[];
  readonly future: readonly UndoStep<T>[];
  /** Edits carrying this key merge into the newest step; null: the next edit starts a step of its own. */
  readonly mergeKey: string | null;
}

/** How one edit enters the history. */
export interface EditStep {
  /** What the edit does, e.g. `change “Name” of initiative “e-CARE EPR phase 1”`. */
  readonly label: string;
  /** Edits with the same key in a row (one field, one visit to it) are one undo step; omit for a step of its own. */
  readonly merge?: string;
}

/** Return an empty history. */
export function emptyHistory<T>(): UndoHistory<T> {
  return { past: [], future: [], mergeKey: null };
}

/**
 * Return the history after an edit from `before`: a new step (the oldest dropped beyond `limit`), or
 * nothing new when the edit merges into the newest step. Either way nothing is left to redo.
 */
export function recordEdit<T>(history: UndoHistory<T>, before: T, step: EditStep, limit: number): UndoHistory<T> {
  const mergeKey = step.merge ?? null;
  if (mergeKey !== null && mergeKey === history.mergeKey && history.past.length > 0) return { past: history.past, future: [], mergeKey };
  const past = [...history.past, { state: before, label: step.label }];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, future: [], mergeKey };
}

/** The result of undoing or redoing: the state to show, the history after it, and what was undone or redone. */
export interface HistoryMove<T> {
  readonly state: T;
  readonly history: UndoHistory<T>;
  readonly label: string;
}

/** Undo the newest step from `current`; null when there is nothing to undo. */
export function undoEdit<T>(history: UndoHistory<T>, current: T): HistoryMove<T> | null {
  const step = history.past.at(-1);
  if (!step) return null;
  return {
    state: step.state,
    label: step.label,
    history: { past: history.past.slice(0, -1), future: [...history.future, { state: current, label: step.label }], mergeKey: null },
  };
}

/** Redo the newest undone step from `current`; null when there is nothing to redo. */
export function redoEdit<T>(history: UndoHistory<T>, current: T): HistoryMove<T> | null {
  const step = history.future.at(-1);
  if (!step) return null;
  return {
    state: step.state,
    label: step.label,
    history: { past: [...history.past, { state: current, label: step.label }], future: history.future.slice(0, -1), mergeKey: null },
  };
}

/** Return what Undo would undo (null when nothing). */
export function nextUndo<T>(history: UndoHistory<T>): string | null {
  return history.past.at(-1)?.label ?? null;
}

/** Return what Redo would redo (null when nothing). */
export function nextRedo<T>(history: UndoHistory<T>): string | null {
  return history.future.at(-1)?.label ?? null;
}
