/** What the user chose when closing with unsaved work. */
export type CloseChoice = 'save' | 'discard' | 'cancel';

/** What the window should do about a close request. */
export type CloseDecision = 'close' | 'cancel' | 'save-then-close';

/**
 * Decide what a close request does: close at once when nothing is unsaved, otherwise ask
 * (Save / Don't Save / Cancel). Saving first keeps the window open until the save succeeds.
 */
export async function decideClose(unsavedTitles: readonly string[], ask: (titles: readonly string[]) => Promise<CloseChoice>): Promise<CloseDecision> {
  if (unsavedTitles.length === 0) return 'close';
  const choice = await ask(unsavedTitles);
  return choice === 'discard' ? 'close' : choice === 'save' ? 'save-then-close' : 'cancel';
}

/** Return the question's wording for the unsaved work. */
export function closeQuestion(unsavedTitles: readonly string[]): { message: string; detail: string } {
  const list = unsavedTitles.length === 1 ? `“${unsavedTitles[0]}”` : `${unsavedTitles.length} documents (${unsavedTitles.map((t) => `“${t}”`).join(', ')})`;
  return {
    message: `Save your changes to ${list} before closing?`,
    detail: 'If you do not save, your changes will be lost.',
  };
}

/**
 * The unsaved work the renderer reports, and the "Save, then close" the close question can start.
 *
 * The window closes (and the autosaves go) only once every piece of unsaved work is reported safe:
 * a successful save of one document says nothing about the others (the journey draft saved while
 * the board's lever changes are still unsaved), so it never closes the window by itself. The
 * renderer reports each document clean after it is saved; when the last one goes, `finish` runs.
 * A cancelled or failed save ends the "Save, then close", keeping the window and every autosave.
 */
export class UnsavedWork {
  readonly #unsaved = new Map<string, string>();
  #closeWhenSafe = false;

  constructor(private readonly finish: () => void) {}

  /** The titles of the unsaved work, for the close question. */
  titles(): string[] {
    return [...this.#unsaved.values()];
  }

  /** Whether a "Save, then close" is waiting for the unsaved work to be saved. */
  get closing(): boolean {
    return this.#closeWhenSafe;
  }

  /** Record a document's unsaved work (a title), or that it has none (null). */
  set(key: string, title: string | null): void {
    if (title === null) this.#unsaved.delete(key);
    else this.#unsaved.set(key, title);
    this.#finishIfSafe();
  }

  /** Start "Save, then close": the window closes once nothing unsaved is left. */
  closeWhenSafe(): void {
    this.#closeWhenSafe = true;
    this.#finishIfSafe();
  }

  /** Give up a "Save, then close" (a new close attempt, or the window closed another way). */
  cancelClose(): void {
    this.#closeWhenSafe = false;
  }

  /** Note how a save went: a failed or cancelled one ends "Save, then close". */
  afterSave(ok: boolean): void {
    if (!ok) this.#closeWhenSafe = false;
    else this.#finishIfSafe();
  }

  /** Forget every piece of unsaved work (the user chose Don't Save, or it is all saved). */
  clear(): void {
    this.#unsaved.clear();
    this.#closeWhenSafe = false;
  }

  #finishIfSafe(): void {
    if (!this.#closeWhenSafe || this.#unsaved.size > 0) return;
    this.#closeWhenSafe = false;
    this.finish();
  }
}
