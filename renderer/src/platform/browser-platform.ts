import { checkDocumentBytes } from './document-check';
import { KeyValueDb } from './idb';
import { FileOpenError, type AppInfo, type AutosaveDoc, type DocumentKind, type FileRef, type MenuCommand, type OpenedFile, type Platform, type RecentFile, type RecoveryInfo, type SaveRequest, type TeamFolderSnapshot, type TeamFolderWatch } from './platform';
import { snapshotOfFiles, TEAM_FILE_EXTENSION, watchDirectory, type DirectoryLike } from './team-folder';
import { shortcutCommand } from './shortcuts';
import { UnsavedTracker } from './unsaved-tracker';
import { ENGINE_VERSION, DOCUMENT_EXTENSIONS, openableExtensions, withDocumentExtension } from '../../../engine/core';

/** How many recent files the browser keeps. */
export const MAX_RECENT = 10;
/** Recent files opened without a file handle keep a copy of their text up to this size. */
const MAX_RECENT_SNAPSHOT_CHARS = 2 * 1024 * 1024;
/** The localStorage key of the session marker that tells a crash from a clean exit. */
export const SESSION_MARKER_KEY = 'momentum.session';

// The File System Access API is Chromium-only and not in TypeScript's DOM lib yet.
interface PickerType {
  description: string;
  accept: Record<string, string[]>;
}
interface FsaWindow {
  showOpenFilePicker?: (o: { types?: PickerType[]; excludeAcceptAllOption?: boolean; multiple?: boolean }) => Promise<FileSystemFileHandle[]>;
  showSaveFilePicker?: (o: { suggestedName?: string; types?: PickerType[] }) => Promise<FileSystemFileHandle>;
  showDirectoryPicker?: (o?: { id?: string; mode?: 'read' | 'readwrite' }) => Promise<FileSystemDirectoryHandle>;
}
interface PermissionedHandle extends FileSystemFileHandle {
  queryPermission?: (o: { mode: 'read' | 'readwrite' }) => Promise<PermissionState>;
  requestPermission?: (o: { mode: 'read' | 'readwrite' }) => Promise<PermissionState>;
}

/** A recent file as IndexedDB keeps it: with its handle where the browser gives one, else a copy of its text. */
interface RecentRecord extends RecentFile {
  readonly handle?: FileSystemFileHandle;
  readonly text?: string;
}

/** A granted file in this page: where to write it back and when we last saw it change. */
interface Granted {
  readonly kind: DocumentKind;
  readonly name: string;
  readonly handle?: FileSystemFileHandle;
  lastModified?: number;
}

// Documents are JSON inside; the pickers offer their own extensions and, to open, the older .json.
const KIND_TYPES: Record<DocumentKind, PickerType> = {
  scenario: { description: 'Momentum scenario', accept: { 'application/json': openableExtensions('scenario').map((e) => `.${e}`) } },
  run: { description: 'Momentum run', accept: { 'application/json': openableExtensions('run').map((e) => `.${e}`) } },
};

/** What Save As offers: a kind's own extension only. */
const SAVE_TYPES: Record<DocumentKind, PickerType> = {
  scenario: { description: 'Momentum scenario', accept: { 'application/json': [DOCUMENT_EXTENSIONS.scenario] } },
  run: { description: 'Momentum run', accept: { 'application/json': [DOCUMENT_EXTENSIONS.run] } },
};

const EXPORT_TYPES: Record<string, PickerType> = {
  csv: { description: 'CSV table', accept: { 'text/csv': ['.csv'] } },
  png: { description: 'PNG image', accept: { 'image/png': ['.png'] } },
  html: { description: 'Web page', accept: { 'text/html': ['.html'] } },
  pdf: { description: 'PDF document', accept: { 'application/pdf': ['.pdf'] } },
  json: { description: 'JSON', accept: { 'application/json': ['.json'] } },
};

/** Return a fresh opaque id. */
function newId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Return true for the DOMException a picker throws when the user cancels it. */
function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

/** Ask for permission on a stored handle; false when the user (or the browser) refuses. */
async function ensurePermission(handle: FileSystemFileHandle, mode: 'read' | 'readwrite'): Promise<boolean> {
  const h = handle as PermissionedHandle;
  if (!h.queryPermission || !h.requestPermission) return true;
  if ((await h.queryPermission({ mode })) === 'granted') return true;
  return (await h.requestPermission({ mode })) === 'granted';
}

/**
 * The platform of the browser build: File System Access pickers where the browser has them
 * (Chromium), an `<input type=file>` and a download otherwise; IndexedDB for recent files and
 * autosaved work; keyboard shortcuts stand in for native menus.
 */
export class BrowserPlatform implements Platform {
  /** Always false: the browser build has no native shell. */
  readonly isDesktop = false;
  private readonly granted = new Map<string, Granted>();
  private readonly unsaved = new UnsavedTracker();
  private readonly previousCrashed: boolean;

  /** Create the platform over `win` (the page) and a key-value store (IndexedDB by default). */
  constructor(
    private readonly win: Window & typeof globalThis = window,
    private readonly db: KeyValueDb = new KeyValueDb(win.indexedDB),
  ) {
    this.previousCrashed = this.readAndSetSessionMarker();
    win.addEventListener('beforeunload', (e) => {
      // Only a dirty page asks; the browser shows its own wording.
      if (this.unsaved.any) e.preventDefault();
    });
    win.addEventListener('pagehide', () => this.storage()?.setItem(SESSION_MARKER_KEY, 'closed'));
  }

  private storage(): Storage | null {
    try {
      return this.win.localStorage;
    } catch {
      return null; // storage can be disabled by policy; recovery then relies on IndexedDB alone
    }
  }

  private readAndSetSessionMarker(): boolean {
    const s = this.storage();
    const before = s?.getItem(SESSION_MARKER_KEY);
    s?.setItem(SESSION_MARKER_KEY, 'open');
    return before === 'open';
  }

  /** Return the versions of this build. */
  async getInfo(): Promise<AppInfo> {
    return { appVersion: 'web', engineVersion: ENGINE_VERSION, platform: 'web' };
  }

  /** Ask for a document with the best picker the browser has; null when cancelled. */
  async openFile(kind: DocumentKind): Promise<OpenedFile | null> {
    const fsa = this.win as unknown as FsaWindow;
    if (fsa.showOpenFilePicker) {
      let handle: FileSystemFileHandle;
      try {
        [handle] = (await fsa.showOpenFilePicker({ types: [KIND_TYPES[kind]], multiple: false })) as [FileSystemFileHandle];
      } catch (e) {
        if (isAbort(e)) return null;
        throw e;
      }
      return this.readGranted(kind, await handle.getFile(), handle);
    }
    const file = await this.pickWithInput(kind);
    return file ? this.readGranted(kind, file, undefined) : null;
  }

  private async pickWithInput(kind: DocumentKind): Promise<File | null> {
    return (await this.pickFilesWithInput([...openableExtensions(kind).map((e) => `.${e}`), 'application/json'].join(','), false))?.[0] ?? null;
  }

  private pickFilesWithInput(accept: string, multiple: boolean): Promise<File[] | null> {
    return new Promise((resolve) => {
      const input = this.win.document.createElement('input');
      input.type = 'file';
      input.accept = accept;
      input.multiple = multiple;
      input.style.display = 'none';
      input.addEventListener('change', () => {
        resolve(input.files && input.files.length > 0 ? [...input.files] : null);
        input.remove();
      });
      input.addEventListener('cancel', () => {
        resolve(null);
        input.remove();
      });
      this.win.document.body.append(input);
      input.click();
    });
  }

  private async readGranted(kind: DocumentKind, file: File, handle: FileSystemFileHandle | undefined): Promise<OpenedFile> {
    const checked = checkDocumentBytes(file.name, kind, new Uint8Array(await file.arrayBuffer()));
    if (!checked.ok) throw new FileOpenError(checked.problem);
    const id = newId();
    this.granted.set(id, { kind, name: file.name, handle, lastModified: file.lastModified });
    await this.remember({ id, name: file.name, kind, handle, text: handle ? undefined : checked.text });
    return { id, name: file.name, kind, text: checked.text };
  }

  private async remember(entry: Omit<RecentRecord, 'openedAt'>): Promise<void> {
    const all = await this.db.all<RecentRecord>('recent');
    // One entry per file: drop an older entry with the same handle or (without handles) the same name.
    for (const r of all) {
      const same = entry.handle && r.handle ? await entry.handle.isSameEntry(r.handle) : !entry.handle && !r.handle && r.name === entry.name;
      if (same && r.id !== entry.id) await this.db.delete('recent', r.id);
    }
    const text = entry.text !== undefined && entry.text.length <= MAX_RECENT_SNAPSHOT_CHARS ? entry.text : undefined;
    await this.db.put('recent', { ...entry, text, openedAt: new Date().toISOString() });
    const sorted = (await this.db.all<RecentRecord>('recent')).sort((a, b) => b.openedAt.localeCompare(a.openedAt));
    for (const old of sorted.slice(MAX_RECENT)) await this.db.delete('recent', old.id);
  }

  /** Reopen a recent file: from its handle (asking for permission again) or from the copy kept at opening. */
  async openRecent(id: string): Promise<OpenedFile | null> {
    const rec = await this.db.get<RecentRecord>('recent', id);
    if (!rec) throw new FileOpenError({ code: 'not-found', message: 'That file is no longer in the recent list.' });
    if (rec.handle) {
      if (!(await ensurePermission(rec.handle, 'read'))) return null;
      let file: File;
      try {
        file = await rec.handle.getFile();
      } catch {
        throw new FileOpenError({ code: 'not-found', message: `${rec.name} could not be found: it may have been moved or deleted.` });
      }
      await this.db.delete('recent', id);
      return this.readGranted(rec.kind, file, rec.handle);
    }
    if (rec.text === undefined) throw new FileOpenError({ code: 'not-found', message: `${rec.name} was too large to keep a copy of; open it again from disk.` });
    await this.db.delete('recent', id);
    return this.readGranted(rec.kind, new File([rec.text], rec.name, { type: 'application/json' }), undefined);
  }

  /** Write back to the file's handle, asking first when it changed on disk; otherwise Save As. */
  async saveFile(request: SaveRequest): Promise<FileRef | null> {
    const g = request.id ? this.granted.get(request.id) : undefined;
    if (!g?.handle || !request.id) return this.saveFileAs(request);
    if (!(await ensurePermission(g.handle, 'readwrite'))) return null;
    const current = await g.handle.getFile().catch(() => null);
    if (current && g.lastModified !== undefined && current.lastModified !== g.lastModified) {
      // Never overwrite silently: someone else changed the file since we read or wrote it.
      if (!this.win.confirm(`${g.name} has changed on disk since it was opened. Replace it with your version?`)) return null;
    }
    await this.write(g.handle, request.text);
    g.lastModified = (await g.handle.getFile()).lastModified;
    await this.remember({ id: request.id, name: g.name, kind: g.kind, handle: g.handle });
    return { id: request.id, name: g.name };
  }

  private async write(handle: FileSystemFileHandle, data: string | Blob): Promise<void> {
    // createWritable writes to a swap file and replaces the target on close, so a crash keeps the old file.
    const w = await handle.createWritable();
    try {
      await w.write(data);
      await w.close();
    } catch (e) {
      await w.abort().catch(() => undefined);
      throw new FileOpenError({ code: 'write-failed', message: `${handle.name} could not be written: ${(e as Error).message}` });
    }
  }

  /** Ask where to save (or download when the browser has no save picker). */
  async saveFileAs(request: SaveRequest): Promise<FileRef | null> {
    const name = withDocumentExtension(request.name, request.kind);
    const fsa = this.win as unknown as FsaWindow;
    if (!fsa.showSaveFilePicker) {
      this.download(name, new Blob([request.text], { type: 'application/json' }));
      return { id: `download:${newId()}`, name };
    }
    let handle: FileSystemFileHandle;
    try {
      handle = await fsa.showSaveFilePicker({ suggestedName: name, types: [SAVE_TYPES[request.kind]] });
    } catch (e) {
      if (isAbort(e)) return null;
      throw e;
    }
    await this.write(handle, request.text);
    const id = newId();
    this.granted.set(id, { kind: request.kind, name: handle.name, handle, lastModified: (await handle.getFile()).lastModified });
    await this.remember({ id, name: handle.name, kind: request.kind, handle });
    return { id, name: handle.name };
  }

  /** Save an export with the save picker, or as a download. */
  async exportFile(name: string, data: Blob | string): Promise<boolean> {
    const blob = typeof data === 'string' ? new Blob([data], { type: 'text/plain;charset=utf-8' }) : data;
    const fsa = this.win as unknown as FsaWindow;
    if (!fsa.showSaveFilePicker) {
      this.download(name, blob);
      return true;
    }
    const ext = name.split('.').pop()?.toLowerCase() ?? '';
    let handle: FileSystemFileHandle;
    try {
      handle = await fsa.showSaveFilePicker({ suggestedName: name, types: EXPORT_TYPES[ext] ? [EXPORT_TYPES[ext]] : undefined });
    } catch (e) {
      if (isAbort(e)) return false;
      throw e;
    }
    await this.write(handle, blob);
    return true;
  }

  private download(name: string, blob: Blob): void {
    const url = URL.createObjectURL(blob);
    const a = this.win.document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    this.win.document.body.append(a);
    a.click();
    a.remove();
    // Revoke later: revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  /** List recent files, newest first. */
  async listRecent(): Promise<RecentFile[]> {
    const all = await this.db.all<RecentRecord>('recent');
    return all.sort((a, b) => b.openedAt.localeCompare(a.openedAt)).map(({ id, name, kind, openedAt }) => ({ id, name, kind, openedAt }));
  }

  /** Forget every recent file. */
  clearRecent(): Promise<void> {
    return this.db.clear('recent');
  }

  /** Take one file off the recent list (its opened id is its recent entry's id). */
  forgetRecent(id: string): Promise<void> {
    return this.db.delete('recent', id);
  }

  /** Keep unsaved work in IndexedDB. */
  autosavePut(doc: AutosaveDoc): Promise<void> {
    return this.db.put('autosave', { kind: doc.kind, name: doc.name, text: doc.text, fileId: doc.fileId, savedAt: new Date().toISOString() });
  }

  /** Return the autosaved work of one kind. */
  async autosaveGet(kind: DocumentKind): Promise<AutosaveDoc | null> {
    return (await this.db.get<AutosaveDoc>('autosave', kind)) ?? null;
  }

  /** Drop the autosaved work of one kind. */
  autosaveClear(kind: DocumentKind): Promise<void> {
    return this.db.delete('autosave', kind);
  }

  /** Report the previous session's state and every autosave left in IndexedDB. */
  async getRecovery(): Promise<RecoveryInfo> {
    const docs = (await this.db.all<AutosaveDoc>('autosave')).sort((a, b) => (b.savedAt ?? '').localeCompare(a.savedAt ?? ''));
    return { previousCrashed: this.previousCrashed, docs };
  }

  /** Track unsaved work so that leaving the page asks first. */
  setUnsaved(key: string, title: string | null): void {
    this.unsaved.set(key, title);
  }

  /** Open a web address in a new tab, only for http(s). */
  async openExternal(url: string): Promise<boolean> {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
    // With noopener, window.open returns null even when the tab opens, so there is nothing more to check.
    this.win.open(u.toString(), '_blank', 'noopener,noreferrer');
    return true;
  }

  /** Put a PNG image on the clipboard with the async Clipboard API (a secure page, after a click). */
  async copyImage(png: Blob): Promise<void> {
    const clip = this.win.navigator.clipboard as Clipboard | undefined;
    if (!clip || typeof clip.write !== 'function' || typeof ClipboardItem === 'undefined') {
      throw new Error('This browser cannot put images on the clipboard; use "Save as PNG" instead.');
    }
    try {
      await clip.write([new ClipboardItem({ 'image/png': png })]);
    } catch (e) {
      throw new Error(`The browser did not allow copying the image (${(e as Error).message}); use "Save as PNG" instead.`);
    }
  }

  /**
   * Watch a round's folder through showDirectoryPicker, read again every two seconds; where the browser
   * has no folder picker, read several chosen run files once (not live).
   */
  async watchTeamFolder(onChange: (snapshot: TeamFolderSnapshot) => void): Promise<TeamFolderWatch | null> {
    const fsa = this.win as unknown as FsaWindow;
    const watchId = newId();
    if (!fsa.showDirectoryPicker) {
      const files = await this.pickFilesWithInput(TEAM_FILE_EXTENSION, true);
      if (!files) return null;
      const snapshot = await snapshotOfFiles(files, watchId);
      onChange(snapshot);
      return { folder: snapshot.folder, live: false, stop: () => undefined };
    }
    let dir: FileSystemDirectoryHandle;
    try {
      dir = await fsa.showDirectoryPicker({ id: 'momentum-team-round', mode: 'read' });
    } catch (e) {
      if (isAbort(e)) return null;
      throw e;
    }
    const { watch, first } = watchDirectory(dir as unknown as DirectoryLike, watchId, onChange, {
      setTimeout: (fn, ms) => this.win.setTimeout(fn, ms),
      clearTimeout: (id) => this.win.clearTimeout(id),
    });
    await first;
    return watch;
  }

  /** Turn the desktop menus' keyboard shortcuts into menu commands. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const onKey = (e: KeyboardEvent) => {
      const command = shortcutCommand(e);
      if (!command) return;
      e.preventDefault();
      listener(command);
    };
    this.win.addEventListener('keydown', onKey);
    return () => this.win.removeEventListener('keydown', onKey);
  }
}
