/**
 * The one IPC contract between the renderer and the main process. The renderer imports
 * these types only; the preload exposes one method per channel; the main process handles
 * each channel with a sender check and zod-validated arguments (electron/main/ipc-validation.ts).
 */

/** The kinds of document the app opens and saves through native dialogs. */
export type DocumentKind = 'scenario' | 'run';

/** Every document kind, for validators and menus. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['scenario', 'run'];

/** What the app knows about the running build. */
export interface AppInfo {
  readonly appVersion: string;
  readonly engineVersion: string;
  readonly platform: string;
}

/** A file the user has granted: `id` is an opaque token the main process maps to a path. */
export interface FileRef {
  readonly id: string;
  /** The file name shown to the user (no folder). */
  readonly name: string;
  /** The containing folder, for display only (absent in the browser). */
  readonly location?: string;
}

/** A document read from disk and checked to be well-formed text of its kind. */
export interface OpenedFile extends FileRef {
  readonly kind: DocumentKind;
  readonly text: string;
}

/** One problem in a file, at a path like `initiatives[3].effortWeeks`. */
export interface FileProblemDetail {
  readonly path: string;
  readonly message: string;
}

/** Why a file could not be opened or written, in words a user can act on. */
export interface FileProblem {
  readonly code: 'not-found' | 'unreadable' | 'too-large' | 'not-text' | 'not-json' | 'invalid' | 'not-allowed' | 'write-failed';
  readonly message: string;
  readonly problems?: readonly FileProblemDetail[];
}

/** The outcome of a file operation that may be cancelled by the user or fail. */
export type FileResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly cancelled: true }
  | { readonly ok: false; readonly cancelled: false; readonly error: FileProblem };

/** A document to write: to `id` (a granted file) for Save, or to a new place for Save As. */
export interface SaveRequest {
  readonly kind: DocumentKind;
  /** Suggested file name for the Save As dialog. */
  readonly name: string;
  readonly text: string;
  readonly id?: string;
}

/** An export (CSV, PNG, HTML board pack, PDF): bytes or text under a suggested name. */
export interface ExportRequest {
  readonly name: string;
  readonly data: string | Uint8Array;
}

/** One entry of the recent-files list, newest first. */
export interface RecentFile extends FileRef {
  readonly kind: DocumentKind;
  /** ISO time the file was last opened or saved. */
  readonly openedAt: string;
}

/** Unsaved work kept aside every few seconds so that a crash loses nothing. */
export interface AutosaveDoc {
  readonly kind: DocumentKind;
  readonly name: string;
  readonly text: string;
  /** The granted file this work belongs to, if it was opened from or saved to one. */
  readonly fileId?: string;
  /** ISO time of the autosave (set by the platform). */
  readonly savedAt?: string;
}

/** What the app found at start-up about the previous session. */
export interface RecoveryInfo {
  /** True when the previous session (or the renderer) ended without a clean exit. */
  readonly previousCrashed: boolean;
  /** Autosaved work that was never saved or discarded, newest first. */
  readonly docs: readonly AutosaveDoc[];
}

/** One run file of a watched team folder: its text once its bytes were checked, or why they could not be read. */
export interface TeamFolderFile {
  /** The file's name (no folder). */
  readonly name: string;
  /** When it last changed, in milliseconds since 1970. */
  readonly modified: number;
  readonly text?: string;
  readonly problem?: FileProblem;
}

/** What a watched team folder holds now (multi-team rounds): its run files, newest state. */
export interface TeamFolderSnapshot {
  /** Which watch it comes from (an opaque token). */
  readonly watchId: string;
  /** The folder's name, for display only (never its path). */
  readonly folder: string;
  readonly files: readonly TeamFolderFile[];
  /** Run files beyond the most a round reads, left unread. */
  readonly skipped: number;
  /** Why the folder could not be read this time (a stick pulled out, a share gone); the files are the last ones read. */
  readonly problem?: string;
}

/** A command chosen from a native menu (or, in the browser, its keyboard shortcut). */
export type MenuCommand =
  | { readonly type: 'file.new' }
  | { readonly type: 'file.open' }
  | { readonly type: 'file.open-recent'; readonly id: string }
  /** The OS asked to open a file (double-click, Open with); the main process opened and granted it as `id`. */
  | { readonly type: 'file.open-granted'; readonly id: string; readonly kind: DocumentKind }
  | { readonly type: 'file.save' }
  | { readonly type: 'file.save-as' }
  | { readonly type: 'file.export' }
  | { readonly type: 'edit.undo' }
  | { readonly type: 'edit.redo' }
  | { readonly type: 'view.presentation' }
  | { readonly type: 'help.model-docs' };

/** The type tag of every menu command. */
export type MenuCommandType = MenuCommand['type'];

/** Request/response channels: name → (arguments) => result. */
export interface IpcChannels {
  'app:get-info': () => AppInfo;
  /** The renderer listens for commands now: files the OS asked to open before can be sent. */
  'app:ready': () => void;
  'file:open': (kind: DocumentKind) => FileResult<OpenedFile>;
  'file:open-recent': (id: string) => FileResult<OpenedFile>;
  'file:save': (request: SaveRequest) => FileResult<FileRef>;
  'file:save-as': (request: SaveRequest) => FileResult<FileRef>;
  'file:export': (request: ExportRequest) => FileResult<FileRef>;
  'recent:list': () => RecentFile[];
  'recent:clear': () => void;
  'recent:forget': (id: string) => void;
  'autosave:put': (doc: AutosaveDoc) => void;
  'autosave:get': (kind: DocumentKind) => AutosaveDoc | null;
  'autosave:clear': (kind: DocumentKind) => void;
  'session:recovery': () => RecoveryInfo;
  'doc:set-unsaved': (state: { readonly key: string; readonly title: string | null }) => void;
  'shell:open-external': (url: string) => boolean;
  /** Put a PNG image (a chart with its caption) on the system clipboard; false when it is not an image. */
  'clipboard:write-image': (png: Uint8Array) => boolean;
  /** Lay out a self-contained HTML document (the board pack) and return it printed to A4 PDF bytes. */
  'pdf:render': (html: string) => Uint8Array;
  /** Ask for a folder of team run files, read it and watch it (one at a time): changes come as `team-folder:changed`. */
  'team-folder:choose': () => FileResult<TeamFolderSnapshot>;
  /** Stop watching a team folder. */
  'team-folder:stop': (watchId: string) => void;
}

/** The name of every request/response channel. */
export type IpcChannel = keyof IpcChannels;

/** Events the main process sends to the renderer: name → payload. */
export interface IpcEvents {
  'menu:command': MenuCommand;
  /** A watched team folder changed: a run file was added, changed or removed, or the folder could not be read. */
  'team-folder:changed': TeamFolderSnapshot;
}

/** The API the preload exposes on `window.momentum`: one method per operation, never a generic invoke. */
export interface MomentumDesktopApi {
  getInfo(): Promise<AppInfo>;
  /** Say the page listens for commands (files opened from the OS are held until then). */
  ready(): Promise<void>;
  openFile(kind: DocumentKind): Promise<FileResult<OpenedFile>>;
  openRecent(id: string): Promise<FileResult<OpenedFile>>;
  saveFile(request: SaveRequest): Promise<FileResult<FileRef>>;
  saveFileAs(request: SaveRequest): Promise<FileResult<FileRef>>;
  exportFile(request: ExportRequest): Promise<FileResult<FileRef>>;
  listRecent(): Promise<RecentFile[]>;
  clearRecent(): Promise<void>;
  forgetRecent(id: string): Promise<void>;
  autosavePut(doc: AutosaveDoc): Promise<void>;
  autosaveGet(kind: DocumentKind): Promise<AutosaveDoc | null>;
  autosaveClear(kind: DocumentKind): Promise<void>;
  getRecovery(): Promise<RecoveryInfo>;
  setUnsaved(state: { readonly key: string; readonly title: string | null }): Promise<void>;
  openExternal(url: string): Promise<boolean>;
  copyImage(png: Uint8Array): Promise<boolean>;
  renderPdf(html: string): Promise<Uint8Array>;
  /** Ask for a folder of team run files and start watching it. */
  chooseTeamFolder(): Promise<FileResult<TeamFolderSnapshot>>;
  /** Stop watching a team folder. */
  stopTeamFolder(watchId: string): Promise<void>;
  /** Subscribe to changes of the watched team folder; returns the unsubscribe function. */
  onTeamFolderChanged(listener: (snapshot: TeamFolderSnapshot) => void): () => void;
  /** Subscribe to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
