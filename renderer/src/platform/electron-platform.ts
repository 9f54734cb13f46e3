import type { FileResult, MomentumDesktopApi } from '../../../electron/contract/ipc';
import { withDocumentExtension } from '../../../engine/core';
import { FileOpenError, type AppInfo, type AutosaveDoc, type DocumentKind, type FileRef, type MenuCommand, type OpenedFile, type Platform, type RecentFile, type RecoveryInfo, type SaveRequest, type TeamFolderSnapshot, type TeamFolderWatch } from './platform';
import { isTextEditing } from './text-editing';

declare global {
  interface Window {
    /** The desktop API the Electron preload exposes; absent in a plain browser. */
    readonly momentum?: MomentumDesktopApi;
  }
}

/** Turn a host result into a value, null for a cancelled dialog, or a thrown FileOpenError. */
function unwrap<T>(r: FileResult<T>): T | null {
  if (r.ok) return r.value;
  if (r.cancelled) return null;
  throw new FileOpenError(r.error);
}

/** Keep a suggested file name within the length the main process accepts (ipc-validation.ts). */
function fitSave(request: SaveRequest): SaveRequest {
  return request.name.length <= 200 ? request : { ...request, name: withDocumentExtension(request.name.slice(0, 185), request.kind) };
}

/** The platform of the desktop app: every call goes through the preload's typed API. */
export class ElectronPlatform implements Platform {
  /** Always true: native menus, dialogs and the user-data folder are there. */
  readonly isDesktop = true;

  /** Wrap the preload's API (`window.momentum`). */
  constructor(private readonly api: MomentumDesktopApi) {}

  /** Return the app and engine versions. */
  getInfo(): Promise<AppInfo> {
    return this.api.getInfo();
  }

  /** Open a document with the native dialog. */
  async openFile(kind: DocumentKind): Promise<OpenedFile | null> {
    return unwrap(await this.api.openFile(kind));
  }

  /** Reopen a recent file. */
  async openRecent(id: string): Promise<OpenedFile | null> {
    return unwrap(await this.api.openRecent(id));
  }

  /** Save atomically to the granted file, or ask where. */
  async saveFile(request: SaveRequest): Promise<FileRef | null> {
    return unwrap(await this.api.saveFile(fitSave(request)));
  }

  /** Save atomically to a place the user picks. */
  async saveFileAs(request: SaveRequest): Promise<FileRef | null> {
    return unwrap(await this.api.saveFileAs(fitSave(request)));
  }

  /** Export text or bytes through the native save dialog. */
  async exportFile(name: string, data: Blob | string): Promise<boolean> {
    // A Blob cannot cross the context bridge; its bytes can.
    const payload = typeof data === 'string' ? data : new Uint8Array(await data.arrayBuffer());
    return unwrap(await this.api.exportFile({ name, data: payload })) !== null;
  }

  /** List recent files. */
  listRecent(): Promise<RecentFile[]> {
    return this.api.listRecent();
  }

  /** Forget recent files (also in the File menu). */
  clearRecent(): Promise<void> {
    return this.api.clearRecent();
  }

  /** Take one file off the recent list (and the File menu). */
  forgetRecent(id: string): Promise<void> {
    return this.api.forgetRecent(id);
  }

  /** Keep unsaved work in the user-data folder. */
  autosavePut(doc: AutosaveDoc): Promise<void> {
    return this.api.autosavePut({ ...doc, name: doc.name.slice(0, 1024) });
  }

  /** Return autosaved work of one kind. */
  autosaveGet(kind: DocumentKind): Promise<AutosaveDoc | null> {
    return this.api.autosaveGet(kind);
  }

  /** Drop autosaved work of one kind. */
  autosaveClear(kind: DocumentKind): Promise<void> {
    return this.api.autosaveClear(kind);
  }

  /** Report whether the last session crashed and what it left. */
  getRecovery(): Promise<RecoveryInfo> {
    return this.api.getRecovery();
  }

  /** Tell the main process about unsaved work so that closing the window asks. */
  setUnsaved(key: string, title: string | null): void {
    // Fire and forget, but never as an unhandled rejection; the limits match ipc-validation.ts.
    this.api.setUnsaved({ key: key.slice(0, 64), title: title === null ? null : title.slice(0, 512) }).catch((e: unknown) => console.error('Momentum: could not report unsaved work', e));
  }

  /** Tell the main process the app listens for commands (it holds files opened from the OS until then). */
  ready(): void {
    void this.api.ready().catch(() => undefined);
  }

  /** Open an allowlisted address in the user's browser. */
  openExternal(url: string): Promise<boolean> {
    return this.api.openExternal(url);
  }

  /** Put a PNG image on the system clipboard through the main process (the page's own clipboard access is denied). */
  async copyImage(png: Blob): Promise<void> {
    if (!(await this.api.copyImage(new Uint8Array(await png.arrayBuffer())))) throw new Error('The image could not be put on the clipboard.');
  }

  /** Print a self-contained HTML document to A4 PDF bytes in the main process (a hidden window that runs no script). */
  renderPdf(html: string): Promise<Uint8Array> {
    return this.api.renderPdf(html);
  }

  /** Choose a round's folder in the native dialog; the main process reads it in its document worker and reports each change. */
  async watchTeamFolder(onChange: (snapshot: TeamFolderSnapshot) => void): Promise<TeamFolderWatch | null> {
    let watchId: string | null = null;
    // Subscribed before asking, so no change is missed; changes of an earlier watch are ignored.
    const off = this.api.onTeamFolderChanged((snapshot) => {
      if (snapshot.watchId === watchId) onChange(snapshot);
    });
    let first: TeamFolderSnapshot | null;
    try {
      first = unwrap(await this.api.chooseTeamFolder());
    } catch (e) {
      off();
      throw e;
    }
    if (!first) {
      off();
      return null;
    }
    watchId = first.watchId;
    onChange(first);
    return {
      folder: first.folder,
      live: true,
      stop: () => {
        off();
        void this.api.stopTeamFolder(first.watchId).catch(() => undefined);
      },
    };
  }

  /**
   * Subscribe to native menu commands. Undo and Redo while a text field has focus undo the
   * typing in that field (the menu's Ctrl+Z would otherwise take it from the field).
   */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    return this.api.onMenuCommand((command) => {
      if ((command.type === 'edit.undo' || command.type === 'edit.redo') && typeof document !== 'undefined' && isTextEditing(document.activeElement as HTMLElement | null)) {
        // execCommand is deprecated but remains the only way to drive a field's native undo stack.
        document.execCommand(command.type === 'edit.undo' ? 'undo' : 'redo');
        return;
      }
      listener(command);
    });
  }
}
