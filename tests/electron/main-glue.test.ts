// electron/main/index.ts under a stand-in 'electron' module: the security settings as actually
// wired (window preferences, session handlers, navigation, app://), the close question and the
// crash reload. The real Electron is never loaded.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES } from '../../engine/core';
import { turnsDuring } from './event-loop-turns';

type Handler = (...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  class Emitter {
    handlers = new Map<string, ((...a: unknown[]) => unknown)[]>();
    on(name: string, fn: (...a: unknown[]) => unknown) {
      this.handlers.set(name, [...(this.handlers.get(name) ?? []), fn]);
      return this;
    }
    once(name: string, fn: (...a: unknown[]) => unknown) {
      return this.on(name, fn);
    }
    emit(name: string, ...args: unknown[]) {
      return (this.handlers.get(name) ?? []).map((fn) => fn(...args));
    }
  }
  const state = {
    Emitter,
    userData: '',
    windows: [] as (InstanceType<typeof Emitter> & {
      options: Record<string, unknown>;
      loaded: string[];
      closed: number;
      reloaded: number;
      close(): boolean;
      webContents: InstanceType<typeof Emitter> & { sent: unknown[][]; mainFrame: { url: string } };
    })[],
    app: new Emitter() as InstanceType<typeof Emitter> & Record<string, unknown>,
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, unknown>(),
    sessionHandlers: {} as Record<string, (...a: unknown[]) => unknown>,
    ipc: new Map<string, (...a: unknown[]) => unknown>(),
    sandboxEnabled: 0,
    dialogAnswers: [] as number[],
    savePaths: [] as string[],
    openPaths: [] as string[],
    dialogs: [] as unknown[],
    opened: [] as string[],
    ready: null as null | (() => void),
    // Promises the test awaits for things the main process does asynchronously (no clock involved).
    waiting: new Map<string, () => void>(),
    signal(name: string) {
      state.waiting.get(name)?.();
      state.waiting.delete(name);
    },
  };
  return state;
});

vi.mock('electron', () => {
  class BrowserWindow extends h.Emitter {
    static fromWebContents(c: unknown) {
      return h.windows.find((w) => w.webContents === c) ?? null;
    }
    static getAllWindows() {
      return h.windows;
    }
    options: Record<string, unknown>;
    loaded: string[] = [];
    closed = 0;
    reloaded = 0;
    webContents = Object.assign(new h.Emitter(), { sent: [] as unknown[][], mainFrame: { url: 'app://momentum/index.html' }, send: (...a: unknown[]) => {
      this.webContents.sent.push(a);
      h.signal('sent');
    } });
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      h.windows.push(this as never);
    }
    maximize() {}
    show() {}
    isMinimized() {
      return false;
    }
    focus() {}
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return { x: 1, y: 2, width: 1300, height: 800 };
    }
    reload() {
      this.reloaded++;
    }
    async loadURL(url: string) {
      this.loaded.push(url);
      h.signal('loaded');
    }
    close() {
      this.closed++;
      h.signal('closing');
      const event = { defaultPrevented: false, preventDefault() {
        this.defaultPrevented = true;
      } };
      this.emit('close', event);
      return event.defaultPrevented;
    }
  }
  const app = Object.assign(h.app, {
    isPackaged: true,
    getPath: (name: string) => (name === 'userData' ? h.userData : join(h.userData, name)),
    getName: () => 'Momentum',
    getVersion: () => '1.2.3',
    enableSandbox: () => void h.sandboxEnabled++,
    requestSingleInstanceLock: () => true,
    whenReady: () => new Promise<void>((r) => (h.ready = r)),
    quit: () => undefined,
  });
  return {
    app,
    BrowserWindow,
    protocol: { registerSchemesAsPrivileged: (s: unknown) => void h.schemes.push(s), handle: (scheme: string, fn: unknown) => void h.protocolHandlers.set(scheme, fn) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Handler) => (h.sessionHandlers.request = fn),
        setPermissionCheckHandler: (fn: Handler) => (h.sessionHandlers.check = fn),
        setDevicePermissionHandler: (fn: Handler) => (h.sessionHandlers.device = fn),
        webRequest: { onHeadersReceived: (fn: Handler) => (h.sessionHandlers.headers = fn) },
      },
    },
    screen: { getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }), getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined },
    dialog: {
      showMessageBox: async (...a: unknown[]) => {
        h.dialogs.push(a);
        h.signal('dialog');
        return { response: h.dialogAnswers.shift() ?? 2 };
      },
      showErrorBox: () => undefined,
      showOpenDialog: async () => {
        const path = h.openPaths.shift();
        return path ? { canceled: false, filePaths: [path] } : { canceled: true, filePaths: [] };
      },
      showSaveDialog: async () => {
        const filePath = h.savePaths.shift();
        return filePath ? { canceled: false, filePath } : { canceled: true };
      },
    },
    shell: { openExternal: async (u: string) => void h.opened.push(u) },
    ipcMain: { handle: (ch: string, fn: Handler) => h.ipc.set(ch, fn) },
  };
});

/** Return a promise that settles when the stand-in electron next reports `name`. */
function next(name: string): Promise<void> {
  return new Promise((resolve) => h.waiting.set(name, resolve));
}
let win: (typeof h.windows)[number];

beforeAll(async () => {
  h.userData = mkdtempSync(join(tmpdir(), 'momentum-main-'));
  await import('../../electron/main/index');
  const loaded = next('loaded');
  h.ready!();
  await loaded;
  win = h.windows[0]!;
}, 60_000);

afterAll(() => rmSync(h.userData, { recursive: true, force: true }));

describe('main process as wired', () => {
  it('registers app:// as a standard, secure scheme before ready, sandboxes every renderer, and serves the page from it', () => {
    expect(h.schemes).toEqual([[{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }]]);
    expect(h.sandboxEnabled).toBe(1);
    expect(h.protocolHandlers.has('app')).toBe(true);
    expect(win.loaded).toEqual(['app://momentum/index.html']);
  });

  it('creates the window with the checklist\'s web preferences', () => {
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
    });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('denies every permission request, check and device request', () => {
    const answers: boolean[] = [];
    for (const p of ['media', 'notifications', 'clipboard-read', 'geolocation']) h.sessionHandlers.request!(null, p, (ok: boolean) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(h.sessionHandlers.check!(null, 'media')).toBe(false);
    expect(h.sessionHandlers.device!({})).toBe(false);
  });

  it('refuses navigation, redirects, webviews and new windows for any webContents, opening only allowlisted links outside', () => {
    const contents = Object.assign(new h.Emitter(), { openHandler: null as null | Handler, setWindowOpenHandler(fn: Handler) {
      this.openHandler = fn;
    } });
    h.app.emit('web-contents-created', {}, contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      contents.emit(name, { preventDefault: () => (prevented = true) }, 'https://evil.example/');
      expect(prevented, name).toBe(true);
    }
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'https://www.england.nhs.uk/' })).toEqual({ action: 'deny' });
    expect(h.opened).toEqual(['https://www.england.nhs.uk/']);
  });

  it('a close question\'s Save of the journey keeps the window and the lever changes\' autosave until they too are reported saved', async () => {
    const ev = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    // Only the lever changes are unsaved; the view open is Edit journey, so the Save saves the journey.
    await h.ipc.get('autosave:put')!(ev, { kind: 'scenario', name: 'Plan', text: '{"levers":"what-if"}' });
    await h.ipc.get('doc:set-unsaved')!(ev, { key: 'scenario', title: 'Plan' });
    h.dialogAnswers.push(0); // Save
    const sent = next('sent');
    win.close();
    await sent;
    h.savePaths.push(join(h.userData, 'journey.json'));
    const closedBefore = win.closed;
    expect(await h.ipc.get('file:save')!(ev, { kind: 'scenario', name: 'Journey', text: '{"journey":true}' })).toMatchObject({ ok: true });
    // The journey is safe, the lever changes are not: the window stays and so does their autosave.
    expect(await h.ipc.get('autosave:get')!(ev, 'scenario')).toMatchObject({ text: '{"levers":"what-if"}' });
    expect(win.closed).toBe(closedBefore);
    // A new close attempt asks again (Cancel), and the pending close is void.
    h.dialogAnswers.push(2);
    const asked = next('dialog');
    win.close();
    await asked;
    await h.ipc.get('doc:set-unsaved')!(ev, { key: 'scenario', title: null });
    expect(await h.ipc.get('autosave:get')!(ev, 'scenario')).toMatchObject({ text: '{"levers":"what-if"}' });
    await h.ipc.get('autosave:clear')!(ev, 'scenario');
    h.dialogs.length = 0;
  });

  it('closes at once with nothing unsaved, but asks first when there is unsaved work; Cancel keeps the window', async () => {
    const ev = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    await h.ipc.get('doc:set-unsaved')!(ev, { key: 'editor', title: 'Plan' });
    h.dialogAnswers.push(2); // Cancel
    const asked = next('dialog');
    const prevented = win.close();
    expect(prevented).toBe(true);
    await asked;
    expect(h.dialogs).toHaveLength(1);
    expect(JSON.stringify(h.dialogs[0])).toContain('Save your changes to “Plan” before closing?');
    // Save: the renderer is told to save. Cancelling the save dialog keeps the window open.
    h.dialogAnswers.push(0);
    let sent = next('sent');
    win.close();
    await sent;
    expect(win.webContents.sent.at(-1)).toEqual(['menu:command', { type: 'file.save' }]);
    const closedBefore = win.closed;
    expect(await h.ipc.get('file:save')!(ev, { kind: 'scenario', name: 'Plan', text: '{}' })).toEqual({ ok: false, cancelled: true });
    expect(win.closed).toBe(closedBefore);
    // Save again, and this time pick a file: the save succeeds; the window closes once the renderer
    // reports the work saved.
    h.dialogAnswers.push(0);
    sent = next('sent');
    win.close();
    await sent;
    h.savePaths.push(join(h.userData, 'plan.json'));
    expect(await h.ipc.get('file:save')!(ev, { kind: 'scenario', name: 'Plan', text: '{"saved":true}' })).toMatchObject({ ok: true, value: { name: 'plan.json' } });
    const closing = next('closing');
    await h.ipc.get('doc:set-unsaved')!(ev, { key: 'editor', title: null });
    await closing;
    expect(readFileSync(join(h.userData, 'plan.json'), 'utf8')).toBe('{"saved":true}');
  });

  it('checks an opened file at the size limit off the main thread: the event loop keeps turning meanwhile', async () => {
    const ev = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const scenario = readFileSync(new URL('../../scenarios/covid-19.momentum', import.meta.url), 'utf8');
    const good = join(h.userData, 'plan.momentum');
    writeFileSync(good, scenario);
    // The first open also starts the worker thread.
    h.openPaths.push(good);
    expect(await h.ipc.get('file:open')!(ev, 'scenario')).toMatchObject({ ok: true, value: { name: 'plan.momentum', kind: 'scenario', text: scenario } });

    const head = `${JSON.stringify(JSON.parse(scenario)).slice(0, -1)},"notes":"`;
    const big = join(h.userData, 'big.momentum');
    writeFileSync(big, `${head}${'n'.repeat(MAX_FILE_BYTES - head.length - 2)}"}`);
    h.openPaths.push(big);
    const { turns, result } = await turnsDuring(() => Promise.resolve(h.ipc.get('file:open')!(ev, 'scenario')));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/^big\.momentum is not a valid scenario file: notes: unknown field/) } });
    expect(turns).toBeGreaterThan(1);
  }, 60_000);

  it('reloads the window when the renderer process dies', () => {
    const before = win.reloaded;
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(win.reloaded).toBe(before + 1);
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(win.reloaded).toBe(before + 1);
  });

  it('after the renderer crashed, the recovery information says so', async () => {
    const ev = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    expect(await h.ipc.get('session:recovery')!(ev)).toMatchObject({ previousCrashed: true });
  });
});
