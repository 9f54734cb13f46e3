// Electron glue: every IPC channel of the contract, each behind validateCall (sender frame and
// zod-checked arguments). The work itself is done by the plain modules passed in.
import { app, BrowserWindow, clipboard, ClipboardItem, ipcMain, nativeImage, shell, type IpcMainInvokeEvent } from 'electron';
import { ENGINE_VERSION } from '../../engine/core';
import type { FileResult, IpcChannel, IpcChannels } from '../contract/ipc';
import type { AutosaveStore } from './files/autosave-store';
import type { FileService } from './files/file-service';
import type { TeamFolders } from './files/team-folder';
import { recoveryInfo } from './files/recovery';
import { isAllowedExternalUrl } from './external-links';
import { validateCall, type SenderInfo } from './ipc-validation';
import { PDF_WINDOW_OPTIONS, renderPdf } from './pdf';

/** What the IPC handlers work with. */
export interface IpcContext {
  readonly files: FileService;
  readonly autosave: AutosaveStore;
  /** The folder of a multi-team round, watched (one at a time). */
  readonly teamFolders: TeamFolders;
  readonly trustedOrigins: readonly string[];
  /** Whether a webContents belongs to one of our windows. */
  isOurWindow(contents: Electron.WebContents): boolean;
  /** Whether the previous session or this session's renderer crashed. */
  crashed(): boolean;
  /** Record unsaved work for the close question. */
  setUnsaved(key: string, title: string | null): void;
  /** Told after each save, to finish a close that waited for it. */
  afterSave(result: FileResult<unknown>): void;
  /** Told when the recent list changed. */
  recentsChanged(): void;
  /** Told when the renderer listens for commands. */
  rendererReady(): void;
}

/** Describe the sender of an IPC message for validateCall. */
function senderOf(event: IpcMainInvokeEvent, ctx: IpcContext): SenderInfo {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    isOurWindow: BrowserWindow.fromWebContents(event.sender) !== null && ctx.isOurWindow(event.sender),
  };
}

/** Register every IPC handler of the contract. */
export function registerIpc(ctx: IpcContext): void {
  const handle = <K extends IpcChannel>(channel: K, fn: (...args: Parameters<IpcChannels[K]>) => ReturnType<IpcChannels[K]> | Promise<ReturnType<IpcChannels[K]>>) => {
    ipcMain.handle(channel, (event, ...args: unknown[]) => fn(...validateCall(channel, senderOf(event, ctx), args, ctx.trustedOrigins)));
  };
  const saved = async (p: Promise<FileResult<unknown>>) => {
    const r = await p;
    ctx.afterSave(r);
    return r;
  };

  handle('app:get-info', () => ({ appVersion: app.getVersion(), engineVersion: ENGINE_VERSION, platform: process.platform }));
  handle('app:ready', () => ctx.rendererReady());
  handle('file:open', (kind) => ctx.files.open(kind));
  handle('file:open-recent', (id) => ctx.files.openRecent(id));
  handle('file:save', (request) => saved(ctx.files.save(request)) as ReturnType<typeof ctx.files.save>);
  handle('file:save-as', (request) => saved(ctx.files.saveAs(request)) as ReturnType<typeof ctx.files.saveAs>);
  handle('file:export', (request) => ctx.files.export(request));
  handle('recent:list', () => ctx.files.listRecent());
  handle('recent:clear', async () => {
    await ctx.files.clearRecent();
    ctx.recentsChanged();
  });
  handle('recent:forget', async (id) => {
    await ctx.files.forgetRecentFile(id);
    ctx.recentsChanged();
  });
  handle('autosave:put', (doc) => ctx.autosave.put(doc));
  handle('autosave:get', (kind) => ctx.autosave.get(kind));
  handle('autosave:clear', (kind) => ctx.autosave.clear(kind));
  handle('session:recovery', () => recoveryInfo(ctx.autosave, ctx.crashed()));
  handle('doc:set-unsaved', ({ key, title }) => ctx.setUnsaved(key, title));
  handle('shell:open-external', async (url) => {
    if (!isAllowedExternalUrl(url)) return false;
    await shell.openExternal(url);
    return true;
  });
  // The page's own navigator.clipboard is denied with every other permission (index.ts), so a chart
  // reaches the clipboard only as PNG bytes checked by validateCall, decoded here by Electron.
  handle('clipboard:write-image', async (png) => {
    // Decoding it first refuses bytes that start like a PNG but are not an image.
    const bytes = Buffer.from(png);
    if (nativeImage.createFromBuffer(bytes).isEmpty()) return false;
    await clipboard.write([new ClipboardItem({ 'image/png': new Blob([bytes], { type: 'image/png' }) })]);
    return true;
  });
  // The board pack in one click: printed in a hidden window that runs no script (pdf.ts).
  handle('pdf:render', (html) => renderPdf(html, () => new BrowserWindow(PDF_WINDOW_OPTIONS)));
  // A round's folder: only the one picked in the dialog, only its run files, checked in the document worker.
  handle('team-folder:choose', () => ctx.teamFolders.choose());
  handle('team-folder:stop', (watchId) => ctx.teamFolders.stop(watchId));
}
