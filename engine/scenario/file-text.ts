/**
 * The one way a scenario or run file's bytes become text and its keys are checked, shared by the
 * command line (cli/files.ts), the desktop app's main process (electron/main/files/load-document.ts)
 * and the browser build (renderer/src/platform/document-check.ts), so all three accept and refuse
 * the same files.
 */
import type { Problem } from './problems';
import { formatPath } from './problems';

/** Bytes read as text, or why they are not text, with the byte offset where it goes wrong. */
export type FileTextResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly offset: number; readonly message: string };

// Every runtime the engine runs in (Node, browsers, workers) has TextDecoder; the engine's own
// type library (ES only, no DOM or Node) does not declare it.
declare const TextDecoder: new (label: 'utf-8', options: { fatal: boolean; ignoreBOM: boolean }) => { decode(bytes: Uint8Array): string };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

const startsWithBom = (bytes: Uint8Array, at: number): boolean => UTF8_BOM.every((b, i) => bytes[at + i] === b);

/**
 * Return the offset of the first byte that does not start or continue a well-formed UTF-8
 * sequence (no overlong forms, no surrogates, nothing past U+10FFFF), or -1 when all are well formed.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Read a file's bytes as UTF-8 text. One UTF-8 byte-order mark at the start is allowed and
 * dropped; a second one, or any byte that is not UTF-8 (Latin-1, UTF-16, a binary file), is
 * refused with a sentence naming the byte offset. Nothing is replaced with U+FFFD.
 */
export function decodeFileText(bytes: Uint8Array): FileTextResult {
  const start = startsWithBom(bytes, 0) ? 3 : 0;
  if (start === 3 && startsWithBom(bytes, 3)) {
    return { ok: false, offset: 3, message: 'starts with two byte-order marks (a second one at byte 3); a file may start with one at most' };
  }
  const body = bytes.subarray(start);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const at = start + Math.max(0, invalidUtf8Offset(body));
    const shown = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
    return { ok: false, offset: at, message: `is not UTF-8 text: byte ${at} (0x${shown}) is not valid UTF-8; save the file as UTF-8` };
  }
  return { ok: true, text };
}

/**
 * Names refused as keys anywhere in a file. JSON.parse keeps "__proto__" as data, but schema
 * checks drop it silently, and "constructor" and "prototype" reach object machinery: a file must
 * never load differently from what it says.
 */
export const PROTOTYPE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Return a problem for each prototype key (at most 20) in a parsed JSON value, walked without recursion. */
export function prototypeKeyProblems(doc: unknown): Problem[] {
  const out: Problem[] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: doc, path: [] }];
  while (stack.length > 0 && out.length < 20) {
    const { value, path } = stack.pop()!;
    // The schemas are a few levels deep; deeper values are rejected by them anyway.
    if (value === null || typeof value !== 'object' || path.length > 12) continue;
    if (!Array.isArray(value)) {
      for (const key of PROTOTYPE_KEYS) {
        if (Object.prototype.hasOwnProperty.call(value, key)) out.push({ path: formatPath([...path, key]), message: `unknown field; "${key}" cannot be used as a name` });
      }
    }
    for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, Array.isArray(value) ? Number(k) : k] });
  }
  return out;
}
