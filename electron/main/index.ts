// Electron glue: the app's lifecycle, the window, the app:// scheme, session hardening and
// menus. Every decision with logic in it lives in a plain module next to this file.
import { app, BrowserWindow, dialog, Menu, protocol, screen, session, shell, type WebContents } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ENGINE_VERSION } from '../../engine/core';
import type { MenuCommand } from '../contract/ipc';
import { APP_INDEX_URL, APP_ORIGIN, APP_SCHEME, createAppProtocolHandler } from './app-protocol';
import { audiencePlacement, isAudienceUrl } from './audience-window';
import { decideClose, UnsavedWork } from './close-guard';
import { securityHeaders } from './csp';
import { askBeforeClose, nativeFileDialogs, nativeTeamFolders } from './dialogs';
import { isAllowedExternalUrl } from './external-links';
import { AutosaveStore } from './files/autosave-store';
import { WorkerDocumentChecker } from './files/document-checker';
import { FileGrants } from './files/file-grants';
import { FileService } from './files/file-service';
import { MAX_DOCUMENT_BYTES } from './files/load-document';
import { RecentFiles, samePathOn } from './files/recent-files';
import { SessionMarker } from './files/recovery';
import { registerIpc } from './ipc';
import { isTrustedOrigin } from './ipc-validation';
import { buildMenuTemplate, contextMenuTemplate } from './menu-template';
import { documentPathsInArgv, OsOpenRequests } from './open-from-os';
import { fitToDisplays, loadWindowState, MIN_WINDOW, saveWindowState, type WindowState } from './window-state';

// Must run before `ready`: app:// is a standard, secure origin with fetch, so the renderer gets
// a real origin (not file://) for its CSP, modules and worker.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true } },
]);
app.enableSandbox();

const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const trustedOrigins = [APP_ORIGIN, ...(devUrl ? [new URL(devUrl).origin] : [])];
const rendererRoot = join(import.meta.dirname, '../renderer');
const userData = app.getPath('userData');
const samePath = samePathOn(process.platform);

const marker = new SessionMarker(userData);
const startedAt = new Date();
const autosave = new AutosaveStore(join(userData, 'autosave'), { onCorrupt: (p, to) => console.warn(`Momentum: damaged autosave ${p} moved to ${to ?? '(could not move)'}`) });
const recents = new RecentFiles(join(userData, 'recent-files.json'), samePath);
const windowStatePath = join(userData, 'window-state.json');
// Closes the window, and deletes the autosaves, only once the renderer reports all its work safe.
const unsaved = new UnsavedWork(() => void (mainWindow && finishClose(mainWindow)));
let mainWindow: BrowserWindow | null = null;
let crashed = false;
let closeAllowed = false;
// Set by Quit (Cmd+Q, File › Exit): once the window may close, the app quits too, even on macOS.
let quitting = false;
let markCleanOnQuit = true;
const rendererCrashes: number[] = [];

// Opened files are decoded, parsed and validated in a worker thread, so a 20 MB file never
// freezes the windows, menus and IPC meanwhile. From the sources (the tests), tsx compiles it.
const documentChecker = new WorkerDocumentChecker({
  entry: import.meta.url.endsWith('.ts') ? new URL('./files/document-worker-source.mjs', import.meta.url) : new URL('./document-worker.js', import.meta.url),
});
const files = new FileService({
  dialogs: nativeFileDialogs(() => mainWindow),
  grants: new FileGrants(undefined, samePath),
  recents,
  check: documentChecker.check,
  onRecentsChanged: () => void rebuildMenu(),
});

// Files the OS asks to open go through the same checks as Ctrl+O; the renderer gets each once it
// listens, and only files that opened join the OS's recent documents.
const osOpens = new OsOpenRequests({
  kindOfJson: async (path) => {
    const st = await stat(path);
    // Too big or not a file: the open that follows refuses it with the reason.
    if (!st.isFile() || st.size > MAX_DOCUMENT_BYTES) return 'scenario';
    return documentChecker.kindOf(basename(path), await readFile(path));
  },
  open: (path, kind) => files.openPath(path, kind),
  addRecentDocument: (path) => app.addRecentDocument(path),
  send: (command) => sendCommand(command),
  report: (message) => void (mainWindow ? dialog.showMessageBox(mainWindow, { type: 'error', message: 'The file could not be opened', detail: message }) : dialog.showMessageBox({ type: 'error', message: 'The file could not be opened', detail: message })),
});

/** Bring the window to the front (a second launch, a file opened from the OS). */
function focusWindow(): void {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
}

/** Send a menu command to the window's renderer. */
function sendCommand(command: MenuCommand): void {
  mainWindow?.webContents.send('menu:command', command);
}

/** Build (or rebuild, after the recent list changes) the application menu. */
async function rebuildMenu(): Promise<void> {
  const template = buildMenuTemplate({
    platform: process.platform,
    isDev: devUrl !== undefined,
    appName: app.getName(),
    recents: await files.listRecent().catch(() => []),
    send: sendCommand,
    showAbout: () => {
      const options = { type: 'info' as const, title: `About ${app.getName()}`, message: `${app.getName()} ${app.getVersion()}`, detail: `Engine version ${ENGINE_VERSION}\nElectron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}\n\nMomentum never updates itself: your IT team distributes new versions.` };
      void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
    },
    clearRecent: () => void files.clearRecent().then(rebuildMenu),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Apply the settings that every webContents gets, whoever created it. */
function hardenContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The renderer is a single page: it never navigates. Links open in the browser only if allowlisted.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // The audience's screen is the one window the app may open: on the projector, with the same hardened settings.
    if (isAudienceUrl(url, [APP_INDEX_URL, ...(devUrl ? [devUrl] : [])])) {
      const presenter = mainWindow && !mainWindow.isDestroyed() ? screen.getDisplayMatching(mainWindow.getBounds()).id : screen.getPrimaryDisplay().id;
      const place = audiencePlacement(screen.getAllDisplays(), presenter);
      return { action: 'allow', overrideBrowserWindowOptions: { ...place.bounds, fullscreen: place.fullscreen, title: 'Momentum: audience screen', autoHideMenuBar: true, backgroundColor: '#ffffff' } };
    }
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Remember the window's normal bounds and whether it is maximised. */
function captureWindowState(win: BrowserWindow): WindowState {
  const b = win.getNormalBounds();
  return { bounds: { x: b.x, y: b.y, width: b.width, height: b.height }, maximized: win.isMaximized() };
}

/**
 * Close the window for good: the work is saved or the user chose not to save it, so the
 * autosaves go too (nothing is left to offer back).
 */
async function finishClose(win: BrowserWindow): Promise<void> {
  unsaved.cancelClose();
  await autosave.clearAll().catch(() => undefined);
  unsaved.clear();
  closeAllowed = true;
  // The audience's screen goes with the presenter's window.
  for (const other of BrowserWindow.getAllWindows()) if (other !== win) other.close();
  win.close();
}

/** Create the main window with the security checklist's settings. */
async function createWindow(): Promise<BrowserWindow> {
  const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays().filter((d) => d.id !== screen.getPrimaryDisplay().id)];
  const state = fitToDisplays(await loadWindowState(windowStatePath), displays.map((d) => d.workArea));
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    show: false,
    title: 'Momentum',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: devUrl !== undefined,
    },
  });
  mainWindow = win;
  // A window made again (macOS dock click) asks about its own unsaved work.
  closeAllowed = false;
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let saveTimer: NodeJS.Timeout | undefined;
  const rememberSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void saveWindowState(windowStatePath, captureWindowState(win)).catch(() => undefined), 500);
  };
  win.on('resize', rememberSoon);
  win.on('move', rememberSoon);

  win.on('close', (event) => {
    if (closeAllowed) {
      clearTimeout(saveTimer);
      void saveWindowState(windowStatePath, captureWindowState(win)).catch(() => undefined);
      return;
    }
    event.preventDefault();
    // A new close attempt starts afresh: an earlier "Save, then close" that never finished is void.
    unsaved.cancelClose();
    void decideClose(unsaved.titles(), (titles) => askBeforeClose(win, titles)).then(async (decision) => {
      if (decision === 'cancel') {
        quitting = false;
        return;
      }
      if (decision === 'save-then-close') {
        sendCommand({ type: 'file.save' });
        unsaved.closeWhenSafe(); // the save may cover only part of the work: wait for all of it
        return;
      }
      await finishClose(win);
    });
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
    if (quitting) app.quit();
  });

  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    crashed = true;
    const now = Date.now();
    rendererCrashes.push(now);
    while (rendererCrashes.length > 0 && now - rendererCrashes[0]! > 60_000) rendererCrashes.shift();
    if (rendererCrashes.length <= 3) {
      // Reload: the renderer asks getRecovery() at start and offers its autosaved work back.
      win.reload();
    } else {
      dialog.showErrorBox('Momentum keeps stopping', 'The window stopped several times in a minute. Your unsaved work is autosaved and will be offered back when you start Momentum again.');
      // Not a clean exit: leave the marker saying so, and the autosaves in place.
      markCleanOnQuit = false;
      closeAllowed = true;
      win.close();
    }
  });

  await win.loadURL(devUrl ?? APP_INDEX_URL);
  return win;
}

/** Deny every permission (camera, notifications, clipboard-read, …) and add the CSP to dev-server responses. */
function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    // app:// responses carry the headers already (app-protocol.ts); this covers the dev server.
    const ours = isTrustedOrigin(details.url, trustedOrigins);
    callback({ responseHeaders: ours ? { ...details.responseHeaders, ...Object.fromEntries(Object.entries(securityHeaders()).map(([k, v]) => [k, [v]])) } : details.responseHeaders });
  });
}

if (!app.requestSingleInstanceLock()) {
  // One instance owns the session marker and autosaves; a second launch focuses the first.
  app.quit();
} else {
  // Windows and Linux: a file double-clicked while Momentum runs starts a second instance, which
  // quits at once and hands its command line (and folder) to this one.
  app.on('second-instance', (_event, argv: string[], workingDirectory: string) => {
    focusWindow();
    void osOpens.request(documentPathsInArgv(argv, workingDirectory, app.isPackaged));
  });
  // macOS: files come as events, the first ones possibly before `ready`.
  app.on('open-file', (event, path: string) => {
    event.preventDefault();
    focusWindow();
    void osOpens.request([path]);
  });
  // Windows and Linux: the files this instance was started with.
  void osOpens.request(documentPathsInArgv(process.argv, process.cwd(), app.isPackaged));
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  void app.whenReady().then(async () => {
    crashed = (await marker.begin(process.pid, startedAt).catch(() => ({ previousCrashed: false }))).previousCrashed;
    protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
    hardenSession();
    registerIpc({
      files,
      autosave,
      // A round's folder is read in the same document worker as opened files.
      teamFolders: nativeTeamFolders(() => mainWindow, documentChecker.check),
      trustedOrigins,
      isOurWindow: (contents) => mainWindow !== null && contents === mainWindow.webContents,
      crashed: () => crashed,
      setUnsaved: (key, title) => unsaved.set(key, title),
      // A cancelled or failed save during "Save, then close" keeps the window open and every autosave.
      afterSave: (result) => unsaved.afterSave(result.ok),
      recentsChanged: () => void rebuildMenu(),
      rendererReady: () => void osOpens.setReady(),
    });
    await rebuildMenu();
    await createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void createWindow();
    });
  });

  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let markedClean = false;
  app.on('will-quit', (event) => {
    if (markedClean || !markCleanOnQuit) return;
    event.preventDefault();
    void marker.end(process.pid, startedAt).finally(() => {
      markedClean = true;
      app.quit();
    });
  });

  // Right-click: cut, copy and paste in text fields, copy over selected text (menu-template.ts).
  app.on('web-contents-created', (_event, contents) => {
    contents.on('context-menu', (_e, params) => {
      const template = contextMenuTemplate(params);
      if (template.length > 0) Menu.buildFromTemplate(template).popup();
    });
  });
}
