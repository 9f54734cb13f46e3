import * as nodeFs from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { withDocumentExtension } from '../../../engine/core';
import type { DocumentKind, ExportRequest, FileRef, FileResult, OpenedFile, RecentFile, SaveRequest } from '../../contract/ipc';
import { writeFailureReason, writeFileAtomic } from '../../../node-shared/atomic-write';
import type { DocumentChecker } from './document-checker';
import { digestOf, type FileGrants, type Grant } from './file-grants';
import type { FileSystem } from './fs-types';
import { checkDocument, fileError, loadDocument, type DocumentValidator } from './load-document';
import type { RecentFiles } from './recent-files';

/** The native dialogs the file service needs; the Electron glue passes `dialog.*`, tests pass scripted answers. */
export interface FileDialogs {
  /** Ask which document to open; null when cancelled. */
  chooseOpen(kind: DocumentKind): Promise<string | null>;
  /** Ask where to save a document (the dialog itself confirms replacing an existing file); null when cancelled. */
  chooseSave(kind: DocumentKind, suggestedName: string): Promise<string | null>;
  /** Ask where to write an export; null when cancelled. */
  chooseExport(suggestedName: string): Promise<string | null>;
  /** The file changed on disk since it was read or written here: replace it, save elsewhere, or cancel. */
  confirmReplaceChanged(name: string): Promise<'replace' | 'save-as' | 'cancel'>;
}

/** What {@link FileService} is built from. */
export interface FileServiceDeps {
  readonly dialogs: FileDialogs;
  readonly grants: FileGrants;
  readonly recents: RecentFiles;
  /** Check documents on this thread with this validator (tests); ignored when `check` is given. */
  readonly validate?: DocumentValidator;
  /** Check documents with this: the app passes a worker thread's checker, so the main thread never parses. */
  readonly check?: DocumentChecker;
  readonly fs?: FileSystem;
  readonly now?: () => Date;
  /** Told after the recent list changes (to rebuild the Open Recent menu). */
  readonly onRecentsChanged?: () => void;
}

/** Return a FileRef for a grant. */
function refOf(g: Grant): FileRef {
  return { id: g.id, name: basename(g.path), location: dirname(g.path) };
}

/** Return a name without folders or characters that file systems refuse. */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = [...name].map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '-' : c)).join('');
  return basename(cleaned).trim() || fallback;
}

/** Return a suggested name with the extension of its kind (`.momentum`, `.momentum-run`), replacing `.json`. */
export function suggestedSaveName(name: string, kind: DocumentKind): string {
  return withDocumentExtension(safeFileName(name, 'untitled'), kind);
}

/**
 * Open, save and export documents for the renderer: native dialogs, grants by opaque id,
 * atomic writes with a `.bak`, a question before replacing a file changed elsewhere, and a
 * refusal to write text that is not a well-formed document. Plain Node: tested on real folders.
 */
export class FileService {
  private readonly fs: FileSystem;
  private readonly now: () => Date;

  /** Build the service from its dependencies. */
  constructor(private readonly deps: FileServiceDeps) {
    this.fs = deps.fs ?? nodeFs;
    this.now = deps.now ?? (() => new Date());
  }

  /** Ask for a document and read it. */
  async open(kind: DocumentKind): Promise<FileResult<OpenedFile>> {
    const path = await this.deps.dialogs.chooseOpen(kind);
    if (!path) return { ok: false, cancelled: true };
    return this.openPath(path, kind);
  }

  /** Read a document the user chose (dialog, recent list, or the OS opening a file with the app). */
  async openPath(path: string, kind: DocumentKind): Promise<FileResult<OpenedFile>> {
    const loaded = await loadDocument(path, kind, { fs: this.fs, validate: this.deps.validate, check: this.deps.check });
    if (!loaded.ok) {
      if (!loaded.cancelled && loaded.error.code === 'not-found') await this.forgetRecent(path);
      return loaded;
    }
    const g = this.deps.grants.grant(path, kind);
    g.digest = digestOf(loaded.value.text);
    await this.rememberRecent(path, kind);
    return { ok: true, value: { ...refOf(g), kind, text: loaded.value.text } };
  }

  /** Reopen a recent file by its id. */
  async openRecent(id: string): Promise<FileResult<OpenedFile>> {
    const g = this.deps.grants.get(id);
    if (!g) return fileError('not-allowed', 'That file is not in the recent list any more.');
    return this.openPath(g.path, g.kind);
  }

  /** Write to the granted file `request.id`, asking first if it changed elsewhere; without a grant, Save As. */
  async save(request: SaveRequest): Promise<FileResult<FileRef>> {
    const g = request.id ? this.deps.grants.get(request.id) : undefined;
    if (!g) return this.saveAs(request);
    const bad = await this.checkText(basename(g.path), request);
    if (bad) return bad;
    const current = await this.fs.readFile(g.path).catch(() => null);
    if (current && (g.digest === null || digestOf(current) !== g.digest)) {
      // Never overwrite silently: another program changed the file, or it was never read in this
      // session (a recent-list id), so we cannot know what we would be replacing.
      const answer = await this.deps.dialogs.confirmReplaceChanged(basename(g.path));
      if (answer === 'cancel') return { ok: false, cancelled: true };
      if (answer === 'save-as') return this.saveAs(request);
    }
    return this.writeGranted(g, request.text);
  }

  /** Ask where to save, then write. */
  async saveAs(request: SaveRequest): Promise<FileResult<FileRef>> {
    const bad = await this.checkText(request.name, request);
    if (bad) return bad;
    // The extension is settled inside the dialog (a default name ending in .momentum, and filters),
    // so the OS asks before replacing the very file written. Appending one afterwards would write to
    // a name nobody was asked about: "report" chosen, an existing "report.momentum" replaced unasked.
    const chosen = await this.deps.dialogs.chooseSave(request.kind, suggestedSaveName(request.name, request.kind));
    if (!chosen) return { ok: false, cancelled: true };
    return this.writeGranted(this.deps.grants.grant(chosen, request.kind), request.text);
  }

  /** Ask where to export, then write the bytes atomically. */
  async export(request: ExportRequest): Promise<FileResult<FileRef>> {
    const suggested = safeFileName(request.name, 'export');
    const path = await this.deps.dialogs.chooseExport(suggested);
    if (!path) return { ok: false, cancelled: true };
    try {
      await writeFileAtomic(path, request.data, { fs: this.fs });
    } catch (e) {
      return fileError('write-failed', `${basename(path)} could not be written: ${writeFailureReason(e)}. Nothing was changed.`);
    }
    return { ok: true, value: { id: '', name: basename(path), location: dirname(path) } };
  }

  /** List recent files with ids the renderer can reopen. */
  async listRecent(): Promise<RecentFile[]> {
    return (await this.deps.recents.list()).map((e) => {
      const g = this.deps.grants.grant(e.path, e.kind);
      return { ...refOf(g), kind: e.kind, openedAt: e.openedAt };
    });
  }

  /** Forget every recent file. */
  async clearRecent(): Promise<void> {
    await this.deps.recents.clear();
  }

  /** Take the file opened as `id` off the recent list (the renderer found it is not a document it can open). */
  async forgetRecentFile(id: string): Promise<void> {
    const g = this.deps.grants.get(id);
    if (g) await this.forgetRecent(g.path);
  }

  private async checkText(name: string, request: SaveRequest): Promise<FileResult<FileRef> | null> {
    // Only the envelope is checked: a scenario being edited may still have problems the editor shows.
    const bytes = new TextEncoder().encode(request.text);
    const checked = this.deps.check ? await this.deps.check({ name, kind: request.kind, bytes, full: false }) : checkDocument(name, request.kind, bytes);
    if (checked.ok) return null;
    return fileError('invalid', `Nothing was written: the document is not well-formed (${checked.cancelled ? '' : checked.error.message})`);
  }

  private async writeGranted(g: Grant, text: string): Promise<FileResult<FileRef>> {
    try {
      await writeFileAtomic(g.path, text, { fs: this.fs });
    } catch (e) {
      return fileError('write-failed', `${basename(g.path)} could not be saved: ${writeFailureReason(e)}. The previous version is untouched.`);
    }
    g.digest = digestOf(text);
    await this.rememberRecent(g.path, g.kind);
    return { ok: true, value: refOf(g) };
  }

  private async rememberRecent(path: string, kind: DocumentKind): Promise<void> {
    // The recent list is a convenience: failing to store it must not fail the open or save.
    await this.deps.recents.add(path, kind, this.now()).catch(() => undefined);
    this.deps.onRecentsChanged?.();
  }

  private async forgetRecent(path: string): Promise<void> {
    await this.deps.recents.remove(path).catch(() => undefined);
    this.deps.onRecentsChanged?.();
  }
}
