import type {
  AppInfo,
  AutosaveDoc,
  DocumentKind,
  FileProblem,
  FileRef,
  MenuCommand,
  MenuCommandType,
  OpenedFile,
  RecentFile,
  RecoveryInfo,
  SaveRequest,
  TeamFolderFile,
  TeamFolderSnapshot,
} from '../../../electron/contract/ipc';

export type { AppInfo, AutosaveDoc, DocumentKind, FileProblem, FileRef, MenuCommand, MenuCommandType, OpenedFile, RecentFile, RecoveryInfo, SaveRequest, TeamFolderFile, TeamFolderSnapshot };

/** A folder of team run files being read for a multi-team round. */
export interface TeamFolderWatch {
  /** The folder's name, for display. */
  readonly folder: string;
  /** True when changes in the folder keep arriving; false when the browser could only read files chosen once. */
  readonly live: boolean;
  /** Stop watching; no snapshot arrives after it. */
  stop(): void;
}

/**
 * Everything the renderer may do with files and the host, in Electron or in a browser.
 * Views call `getPlatform()` (./index.ts) and never touch `window.momentum`, IndexedDB or
 * file pickers themselves.
 *
 * Conventions: a method resolves `null` when the user cancels a dialog, and rejects with a
 * {@link FileOpenError} when a file is unreadable, not text, not JSON or not of its kind.
 */
export interface Platform {
  /** True in the Electron app (native menus, dialogs, user-data folder). */
  readonly isDesktop: boolean;
  /** Return the app and engine versions and the OS platform. */
  getInfo(): Promise<AppInfo>;
  /** Ask the user for a document and read it; null when cancelled. */
  openFile(kind: DocumentKind): Promise<OpenedFile | null>;
  /** Reopen a file from the recent list (by its `id`); null when cancelled or no longer granted. */
  openRecent(id: string): Promise<OpenedFile | null>;
  /** Write a document back to the file it came from (`request.id`), or ask where when it has none. */
  saveFile(request: SaveRequest): Promise<FileRef | null>;
  /** Ask where to write a document, then write it; null when cancelled. */
  saveFileAs(request: SaveRequest): Promise<FileRef | null>;
  /** Export text or bytes (CSV, PNG, HTML, PDF) under a suggested name; false when cancelled. */
  exportFile(name: string, data: Blob | string): Promise<boolean>;
  /** List recently opened or saved files, newest first. */
  listRecent(): Promise<RecentFile[]>;
  /** Forget every recent file. */
  clearRecent(): Promise<void>;
  /** Take one file off the recent list (by the id it was opened with): one that did not open is not "recent work". */
  forgetRecent(id: string): Promise<void>;
  /** Keep unsaved work aside (one slot per document kind). */
  autosavePut(doc: AutosaveDoc): Promise<void>;
  /** Return the autosaved work of one kind, if any. */
  autosaveGet(kind: DocumentKind): Promise<AutosaveDoc | null>;
  /** Drop the autosaved work of one kind (after a save, or when the user discards it). */
  autosaveClear(kind: DocumentKind): Promise<void>;
  /** Report whether the last session crashed and what autosaved work it left. */
  getRecovery(): Promise<RecoveryInfo>;
  /**
   * Tell the host whether there is unsaved work under `key` (a view or document kind);
   * `title` names it, null means "saved". Closing the window asks while any key is unsaved.
   */
  setUnsaved(key: string, title: string | null): void;
  /** Open an allowlisted web address in the user's browser; false when refused. */
  openExternal(url: string): Promise<boolean>;
  /** Put a PNG image on the clipboard; rejects with a message fit to show when the host refuses. */
  copyImage(png: Blob): Promise<void>;
  /**
   * Lay out a self-contained HTML document and return it as A4 PDF bytes. Optional: only the desktop app can
   * (Electron's printToPDF); in a browser the print dialog's "Save as PDF" does it.
   */
  renderPdf?(html: string): Promise<Uint8Array>;
  /**
   * Ask for the folder a multi-team round shares (a USB stick, a network share) and watch it: `onChange` gets
   * the folder's run files (`.momentum-run`, each at most 2 MB, their bytes checked) at once and again whenever
   * one is added, changed or removed. Only that folder is read, never its subfolders. Where a browser cannot
   * read folders, the user chooses several run files at once instead and the watch is not live. Null when cancelled.
   */
  watchTeamFolder(onChange: (snapshot: TeamFolderSnapshot) => void): Promise<TeamFolderWatch | null>;
  /** Subscribe to menu commands (native menus, or keyboard shortcuts in the browser); returns the unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Say the app listens for commands, so the host may send files the OS asked it to open. Optional: only the desktop has them. */
  ready?(): void;
}

/** A file that could not be opened or written, with a message fit to show as it is. */
export class FileOpenError extends Error {
  /** Name the problem kind (not-json, too-large, …). */
  readonly code: FileProblem['code'];
  /** The per-field problems when the file is JSON but not a valid document of its kind. */
  readonly problems: FileProblem['problems'];

  /** Wrap a problem reported by the host. */
  constructor(problem: FileProblem) {
    super(problem.message);
    this.name = 'FileOpenError';
    this.code = problem.code;
    this.problems = problem.problems;
  }
}
