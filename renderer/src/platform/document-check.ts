import { decodeFileText, MAX_FILE_BYTES } from '../../../engine/core';
import type { DocumentKind, FileProblem } from './platform';

/** The largest document the app opens (the engine's MAX_FILE_BYTES, which the command line uses too). */
export const MAX_DOCUMENT_BYTES = MAX_FILE_BYTES;

/**
 * Check that raw file bytes are a well-formed document: small enough, UTF-8 text, JSON,
 * a JSON object. Returns the text (BOM removed) or a problem a user can act on. The main
 * process applies the same rules in electron/main/files/load-document.ts.
 */
export function checkDocumentBytes(name: string, kind: DocumentKind, bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: FileProblem } {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
    return { ok: false, problem: { code: 'too-large', message: `${name} is ${(bytes.byteLength / 1048576).toFixed(1)} MB; a ${kind} file is at most ${MAX_DOCUMENT_BYTES / 1048576} MB, so this is not one.` } };
  }
  // The desktop app and the command line decode with the same function.
  const decoded = decodeFileText(bytes);
  if (!decoded.ok) return { ok: false, problem: { code: 'not-text', message: `${name} cannot be a ${kind} file: it ${decoded.message}.` } };
  return checkDocumentText(name, kind, decoded.text);
}

/** Check that text is a JSON object; returns it unchanged or a problem naming the line and column. */
export function checkDocumentText(name: string, kind: DocumentKind, text: string): { ok: true; text: string } | { ok: false; problem: FileProblem } {
  if (text.trim() === '') return { ok: false, problem: { code: 'not-json', message: `${name} is empty; a ${kind} file holds a JSON object.` } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: { code: 'not-json', message: `${name} is damaged or not a ${kind} file: it is not valid JSON (${(e as Error).message}).` } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: { code: 'invalid', message: `${name} is not a ${kind} file: it holds ${Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`}, not a JSON object.` } };
  }
  return { ok: true, text };
}
