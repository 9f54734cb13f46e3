/**
 * Text that is safe to show: names, titles and labels from a file arrive by email and on USB
 * sticks, so they must not carry bytes that steer a terminal or reorder what a reader sees.
 */

/**
 * The characters refused in scenario and run text: C0 controls other than tab and line feed (so
 * also NUL, ESC and carriage return), DEL, C1 controls, and the bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make text display in another order
 * than it is stored.
 */
const UNSAFE = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069';

/** Matches text free of unsafe characters (for schemas). */
export const SAFE_TEXT = new RegExp(`^[^${UNSAFE}]*$`);

/** What a schema says of text with unsafe characters. */
export const UNSAFE_TEXT_MESSAGE = 'must not contain control characters or text-direction overrides (tabs and new lines are fine)';

const UNSAFE_GLOBAL = new RegExp(`[${UNSAFE}]`, 'g');

/**
 * Return text with every unsafe character written out as a visible `\uXXXX` escape, so printing
 * it cannot move the cursor, retitle a terminal or reverse a line. Inside JSON strings the escape
 * means the same character, so JSON output stays equal in meaning. `keepReturns` leaves carriage
 * returns (a progress bar redraws its line with them).
 */
export function escapeUnsafeText(text: string, keepReturns = false): string {
  return text.replace(UNSAFE_GLOBAL, (c) => (keepReturns && c === '\r' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
