import * as nodeFs from 'node:fs/promises';
import { basename } from 'node:path';
import type { DocumentKind, FileProblem, FileProblemDetail, FileResult } from '../../contract/ipc';
import { decodeFileText, MAX_FILE_BYTES } from '../../../engine/core';
import type { FileSystem } from './fs-types';

/** What to check: a document's bytes, fully (the engine's parsers) or only its envelope (JSON object). */
export interface DocumentCheckRequest {
  readonly name: string;
  readonly kind: DocumentKind;
  readonly bytes: Uint8Array;
  /** True: also the engine's parseScenario / parseRunFile (opening). False: UTF-8, JSON, an object (saving a draft). */
  readonly full: boolean;
}

/** Check a document's bytes; never throws (a failure is a FileResult naming the file). */
export type DocumentChecker = (request: DocumentCheckRequest) => Promise<FileResult<LoadedDocument>>;


/** The largest document the app opens (the engine's MAX_FILE_BYTES, which the command line uses too). */
export const MAX_DOCUMENT_BYTES = MAX_FILE_BYTES;

/**
 * Check a parsed JSON value against its kind; return the problems (path and message) or an
 * empty list. `text` is the JSON it was parsed from, for checks that only text allows (a field
 * written twice). The engine's parseScenario and run-file schema plug in here (document-validators.ts).
 */
export type DocumentValidator = (kind: DocumentKind, value: unknown, text: string) => readonly FileProblemDetail[];

/** A document read and checked, ready to hand to the renderer. */
export interface LoadedDocument {
  readonly name: string;
  readonly text: string;
}

/** Return a failed file result. */
export function fileError<T>(code: FileProblem['code'], message: string, problems?: readonly FileProblemDetail[]): FileResult<T> {
  return { ok: false, cancelled: false, error: problems ? { code, message, problems } : { code, message } };
}

/**
 * Decode and check the bytes of a document: small enough, UTF-8, JSON, an object, valid for
 * its kind. Every failure says what is wrong in words a user can act on. Pure: no file access.
 */
export function checkDocument(name: string, kind: DocumentKind, bytes: Uint8Array, validate?: DocumentValidator): FileResult<LoadedDocument> {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
    return fileError('too-large', `${name} is ${(bytes.byteLength / 1048576).toFixed(1)} MB; a ${kind} file is at most ${MAX_DOCUMENT_BYTES / 1048576} MB, so this is not one.`);
  }
  // The command line decodes with the same function, so both accept and refuse the same bytes.
  const decoded = decodeFileText(bytes);
  if (!decoded.ok) return fileError('not-text', `${name} cannot be a ${kind} file: it ${decoded.message}.`);
  const text = decoded.text;
  if (text.trim() === '') return fileError('not-json', `${name} is empty; a ${kind} file holds a JSON object.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fileError('not-json', `${name} is damaged or not a ${kind} file: it is not valid JSON (${(e as Error).message}).`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const what = Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`;
    return fileError('invalid', `${name} is not a ${kind} file: it holds ${what}, not a JSON object.`);
  }
  let problems: readonly FileProblemDetail[] = [];
  try {
    problems = validate ? validate(kind, value, text) : [];
  } catch (e) {
    // A validator bug must not let a bad file through, nor crash the main process.
    problems = [{ path: '(file)', message: `could not be checked: ${(e as Error).message}` }];
  }
  if (problems.length > 0) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    return fileError('invalid', `${name} is not a valid ${kind} file: ${first.path}: ${first.message}${more}.`, problems);
  }
  return { ok: true, value: { name, text } };
}

/** How {@link loadDocument} reads and checks. */
export interface LoadOptions {
  readonly fs?: FileSystem;
  /** Check on this thread with this validator (when no `check` is given). */
  readonly validate?: DocumentValidator;
  /** Check with this (the app: a worker thread, document-checker.ts); it runs the engine's parsers. */
  readonly check?: DocumentChecker;
}

/**
 * Read a document from disk and check it ({@link checkDocument}). Refuses folders and oversized
 * files before reading them; never writes, so a damaged file stays exactly as it was.
 */
export async function loadDocument(path: string, kind: DocumentKind, options: LoadOptions = {}): Promise<FileResult<LoadedDocument>> {
  const fs = options.fs ?? nodeFs;
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    const st = await fs.stat(path);
    if (!st.isFile()) return fileError('unreadable', `${name} is ${st.isDirectory() ? 'a folder' : 'a device, pipe or socket'}, not a ${kind} file.`);
    if (st.size > MAX_DOCUMENT_BYTES) return fileError('too-large', `${name} is ${(st.size / 1048576).toFixed(1)} MB; a ${kind} file is at most ${MAX_DOCUMENT_BYTES / 1048576} MB, so this is not one.`);
    bytes = await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fileError('not-found', `${name} could not be found: it may have been moved, renamed or deleted.`);
    if (code === 'EACCES' || code === 'EPERM') return fileError('unreadable', `${name} could not be read: you do not have permission to open it.`);
    return fileError('unreadable', `${name} could not be read (${code ?? (e as Error).message}).`);
  }
  return options.check ? options.check({ name, kind, bytes, full: true }) : checkDocument(name, kind, bytes, options.validate);
}
