// Electron glue: the native dialogs behind FileService and the close question. Kept thin; the
// decisions live in files/file-service.ts and close-guard.ts, which are tested without Electron.
import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { DOCUMENT_EXTENSIONS, openableExtensions } from '../../engine/core';
import type { DocumentKind } from '../contract/ipc';
import { closeQuestion, type CloseChoice } from './close-guard';
import type { DocumentChecker } from './files/document-checker';
import type { FileDialogs } from './files/file-service';
import { TeamFolders } from './files/team-folder';

// Open accepts a kind's own extension and the older .json; Save As offers the kind's own only.
const OPEN_FILTERS: Record<DocumentKind, Electron.FileFilter[]> = {
  scenario: [{ name: 'Momentum scenario', extensions: openableExtensions('scenario') }, { name: 'All files', extensions: ['*'] }],
  run: [{ name: 'Momentum run', extensions: openableExtensions('run') }, { name: 'All files', extensions: ['*'] }],
};
const SAVE_FILTERS: Record<DocumentKind, Electron.FileFilter[]> = {
  scenario: [{ name: 'Momentum scenario', extensions: [DOCUMENT_EXTENSIONS.scenario.slice(1)] }],
  run: [{ name: 'Momentum run', extensions: [DOCUMENT_EXTENSIONS.run.slice(1)] }],
};

/** Return the filters for an export by its extension. */
function exportFilters(name: string): Electron.FileFilter[] {
  const ext = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  const label: Record<string, string> = { csv: 'CSV table', png: 'PNG image', html: 'Web page', pdf: 'PDF document', json: 'JSON' };
  return ext ? [{ name: label[ext] ?? ext.toUpperCase(), extensions: [ext] }, { name: 'All files', extensions: ['*'] }] : [];
}

/** Build the FileService dialogs, parented to the window `parent()` returns. */
export function nativeFileDialogs(parent: () => BrowserWindow | null): FileDialogs {
  const docs = () => app.getPath('documents');
  const open = (options: Electron.OpenDialogOptions) => {
    const w = parent();
    return w ? dialog.showOpenDialog(w, options) : dialog.showOpenDialog(options);
  };
  const save = (options: Electron.SaveDialogOptions) => {
    const w = parent();
    return w ? dialog.showSaveDialog(w, options) : dialog.showSaveDialog(options);
  };
  return {
    async chooseOpen(kind) {
      const r = await open({ title: `Open ${kind}`, defaultPath: docs(), filters: OPEN_FILTERS[kind], properties: ['openFile'] });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseSave(kind, suggestedName) {
      // showOverwriteConfirmation: Linux dialogs do not ask before replacing a file unless told to.
      const r = await save({ title: `Save ${kind}`, defaultPath: join(docs(), suggestedName), filters: SAVE_FILTERS[kind], properties: ['showOverwriteConfirmation', 'createDirectory'] });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async chooseExport(suggestedName) {
      const r = await save({ title: 'Export', defaultPath: join(docs(), suggestedName), filters: exportFilters(suggestedName), properties: ['showOverwriteConfirmation', 'createDirectory'] });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async confirmReplaceChanged(name) {
      const w = parent();
      const options: Electron.MessageBoxOptions = {
        type: 'warning',
        buttons: ['Replace', 'Save As…', 'Cancel'],
        defaultId: 1,
        cancelId: 2,
        message: `${name} on disk is not the version you last opened or saved here.`,
        detail: 'Another program may have changed it. Replace it with your version (the one on disk is kept as a .bak file), or save yours under another name?',
      };
      const r = w ? await dialog.showMessageBox(w, options) : await dialog.showMessageBox(options);
      return (['replace', 'save-as', 'cancel'] as const)[r.response] ?? 'cancel';
    },
  };
}

/**
 * Build the watcher of a multi-team round's folder: the native folder dialog, parented to the window
 * `parent()` returns, and each change sent to that window's page.
 */
export function nativeTeamFolders(parent: () => BrowserWindow | null, check: DocumentChecker): TeamFolders {
  return new TeamFolders({
    async chooseFolder() {
      const options: Electron.OpenDialogOptions = { title: 'Choose the folder the teams save their runs into', defaultPath: app.getPath('documents'), properties: ['openDirectory'] };
      const w = parent();
      const r = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    check,
    send: (snapshot) => parent()?.webContents.send('team-folder:changed', snapshot),
  });
}

/** Ask Save / Don't Save / Cancel about unsaved work before closing. */
export async function askBeforeClose(win: BrowserWindow, titles: readonly string[]): Promise<CloseChoice> {
  const { message, detail } = closeQuestion(titles);
  const r = await dialog.showMessageBox(win, { type: 'warning', buttons: ['Save', 'Don’t Save', 'Cancel'], defaultId: 0, cancelId: 2, message, detail, noLink: true });
  return (['save', 'discard', 'cancel'] as const)[r.response] ?? 'cancel';
}
