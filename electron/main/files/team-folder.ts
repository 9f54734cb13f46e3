import { randomUUID } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { FileResult, TeamFolderFile, TeamFolderSnapshot } from '../../contract/ipc';
import type { DocumentChecker } from './document-checker';
import { fileError } from './load-document';

// Multi-team rounds: the folder teams save their runs into (a USB stick, a network share), watched for
// the facilitator. Only the folder the user picked in the dialog is read, never a subfolder or a link out
// of it; only `.momentum-run` files, each at most 2 MB, at most 40 of them; their bytes are checked by the
// document checker (a worker thread in the app) with the engine's run-file parser. The renderer keeps the
// same limits (renderer/src/platform/team-folder.ts).

/** The extension of the files a round reads. */
export const TEAM_FILE_EXTENSION = '.momentum-run';
/** The largest team file read. */
export const MAX_TEAM_FILE_BYTES = 2 * 1024 * 1024;
/** The most run files read from one folder (by name). */
export const MAX_TEAM_FILES = 40;
/** How often the folder is read again: file-change events miss changes on network shares and some USB sticks. */
export const TEAM_FOLDER_POLL_MS = 2000;

/** The slice of `node:fs/promises` the watcher uses. */
export interface TeamFolderFs {
  readdir(path: string, options: { withFileTypes: true }): Promise<{ name: string; isFile(): boolean }[]>;
  lstat(path: string): Promise<{ isFile(): boolean; size: number; mtimeMs: number }>;
  readFile(path: string): Promise<Uint8Array>;
}

/** What {@link TeamFolders} is built from. */
export interface TeamFolderDeps {
  /** Ask for a folder (the native dialog); null when cancelled. */
  chooseFolder(): Promise<string | null>;
  /** Check a file's bytes as a run file (the app passes the document worker's checker). */
  readonly check: DocumentChecker;
  /** Send a changed snapshot to the renderer. */
  send(snapshot: TeamFolderSnapshot): void;
  readonly fs?: TeamFolderFs;
  /** Run `fn` after `ms`; returns the cancel. Tests pass a manual clock. */
  schedule?(fn: () => Promise<void>, ms: number): () => void;
  newId?(): string;
}

interface Watch {
  readonly id: string;
  readonly path: string;
  readonly cache: Map<string, { stamp: string; file: TeamFolderFile }>;
  files: readonly TeamFolderFile[];
  lastKey: string;
  cancel: (() => void) | null;
}

function isTeamFileName(name: string): boolean {
  return name.toLowerCase().endsWith(TEAM_FILE_EXTENSION) && !name.startsWith('.');
}

/** Return a key that changes whenever the snapshot would. */
function snapshotKey(s: Omit<TeamFolderSnapshot, 'watchId' | 'folder'>): string {
  return JSON.stringify([s.files.map((f) => [f.name, f.modified, f.text?.length ?? -1, f.problem?.message ?? '']), s.skipped, s.problem ?? '']);
}

function defaultSchedule(fn: () => Promise<void>, ms: number): () => void {
  const t = setTimeout(() => void fn(), ms);
  // A watch must never keep the app (or a test run) alive on its own.
  t.unref();
  return () => clearTimeout(t);
}

/** Watch one team folder at a time for the renderer. Plain Node: tested on real folders with a manual clock. */
export class TeamFolders {
  private current: Watch | null = null;
  private readonly fs: TeamFolderFs;
  private readonly schedule: (fn: () => Promise<void>, ms: number) => () => void;

  /** Build the watcher from its dependencies; nothing is read until a folder is chosen. */
  constructor(private readonly deps: TeamFolderDeps) {
    this.fs = deps.fs ?? (nodeFs as unknown as TeamFolderFs);
    this.schedule = deps.schedule ?? defaultSchedule;
  }

  /** Ask for a folder, read it, and watch it from now on (instead of any folder watched before). */
  async choose(): Promise<FileResult<TeamFolderSnapshot>> {
    const path = await this.deps.chooseFolder();
    if (!path) return { ok: false, cancelled: true };
    try {
      await this.fs.readdir(path, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'it is no longer there' : code === 'EACCES' || code === 'EPERM' ? 'you do not have permission to read it' : code === 'ENOTDIR' ? 'it is not a folder' : (code ?? (e as Error).message);
      return fileError('unreadable', `The folder “${basename(path)}” could not be read: ${why}.`);
    }
    this.stopCurrent();
    const watch: Watch = { id: this.deps.newId?.() ?? randomUUID(), path, cache: new Map(), files: [], lastKey: '', cancel: null };
    this.current = watch;
    const snapshot = await this.scan(watch);
    watch.lastKey = snapshotKey(snapshot);
    this.next(watch);
    return { ok: true, value: snapshot };
  }

  /** Stop watching the folder `watchId` (nothing happens for another id). */
  stop(watchId: string): void {
    if (this.current?.id === watchId) this.stopCurrent();
  }

  /** The id of the folder being watched, if any. */
  get watching(): string | null {
    return this.current?.id ?? null;
  }

  private stopCurrent(): void {
    this.current?.cancel?.();
    this.current = null;
  }

  private next(watch: Watch): void {
    watch.cancel = this.schedule(async () => {
      if (this.current !== watch) return;
      const snapshot = await this.scan(watch);
      if (this.current !== watch) return;
      const key = snapshotKey(snapshot);
      if (key !== watch.lastKey) {
        watch.lastKey = key;
        this.deps.send(snapshot);
      }
      this.next(watch);
    }, TEAM_FOLDER_POLL_MS);
  }

  /** Read the folder's run files, reusing those unchanged since the last look (same time and size). */
  private async scan(watch: Watch): Promise<TeamFolderSnapshot> {
    const base = { watchId: watch.id, folder: basename(watch.path) };
    let names: string[];
    try {
      // Dirent types come without following links: a link, even to a run file, is not read.
      names = (await this.fs.readdir(watch.path, { withFileTypes: true })).filter((d) => d.isFile() && isTeamFileName(d.name)).map((d) => d.name);
    } catch (e) {
      const problem = `The folder “${base.folder}” could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the files read before are kept.`;
      return { ...base, files: watch.files, skipped: 0, problem };
    }
    names.sort((a, b) => a.localeCompare(b));
    const files: TeamFolderFile[] = [];
    for (const name of names.slice(0, MAX_TEAM_FILES)) {
      const read = await this.readOne(watch, name);
      if (read) files.push(read);
    }
    for (const name of [...watch.cache.keys()]) if (!names.includes(name)) watch.cache.delete(name);
    watch.files = files;
    return { ...base, files, skipped: Math.max(0, names.length - MAX_TEAM_FILES) };
  }

  private async readOne(watch: Watch, name: string): Promise<TeamFolderFile | null> {
    const path = join(watch.path, name);
    let st: { isFile(): boolean; size: number; mtimeMs: number };
    try {
      st = await this.fs.lstat(path);
    } catch {
      return null; // gone between listing and reading: the next look no longer lists it
    }
    if (!st.isFile()) return null;
    const modified = Math.round(st.mtimeMs);
    const stamp = `${modified}:${st.size}`;
    const known = watch.cache.get(name);
    if (known?.stamp === stamp) return known.file;
    let file: TeamFolderFile;
    if (st.size > MAX_TEAM_FILE_BYTES) {
      file = { name, modified, problem: { code: 'too-large', message: `${name} is ${(st.size / 1048576).toFixed(1)} MB; a team's run file is at most ${MAX_TEAM_FILE_BYTES / 1048576} MB.` } };
    } else {
      let bytes: Uint8Array;
      try {
        bytes = await this.fs.readFile(path);
      } catch (e) {
        return { name, modified, problem: { code: 'unreadable', message: `${name} could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).` } };
      }
      const checked = await this.deps.check({ name, kind: 'run', bytes, full: true });
      file = checked.ok ? { name, modified, text: checked.value.text } : checked.cancelled ? { name, modified, problem: { code: 'unreadable', message: `${name} was not checked.` } } : { name, modified, problem: checked.error };
    }
    watch.cache.set(name, { stamp, file });
    return file;
  }
}
