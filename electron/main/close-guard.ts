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
