// The thin Electron glue (preload and ipc.ts) under a stand-in for the 'electron' module: the
// real one is never loaded (it would try to fetch the Electron binary).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { MomentumDesktopApi } from '../../electron/contract/ipc';
import { IPC_ARGUMENTS } from '../../electron/main/ipc-validation';

const h = vi.hoisted(() => {
  const exposed: Record<string, unknown> = {};
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const ourContents = { id: 1, mainFrame: { url: 'app://momentum/index.html' } };
  const opened: string[] = [];
  const clipboard: { types: string[]; bytes: Uint8Array }[] = [];
  return { exposed, invoked, listeners, handlers, ourContents, opened, clipboard };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (h.exposed[key] = api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => void h.invoked.push(args),
    on: (ch: string, l: (...a: unknown[]) => void) => h.listeners.set(ch, (h.listeners.get(ch) ?? new Set()).add(l)),
    removeListener: (ch: string, l: (...a: unknown[]) => void) => h.listeners.get(ch)?.delete(l),
  },
  ipcMain: { handle: (ch: string, fn: (event: unknown, ...args: unknown[]) => unknown) => h.handlers.set(ch, fn) },
  BrowserWindow: { fromWebContents: (c: unknown) => (c === h.ourContents ? {} : null) },
  app: { getVersion: () => '9.9.9' },
  shell: { openExternal: async (url: string) => void h.opened.push(url) },
  // nativeImage decodes: an image is empty unless its bytes go on past the PNG header (IHDR chunk).
  nativeImage: { createFromBuffer: (b: Buffer) => ({ isEmpty: () => b.toString('latin1', 12, 16) !== 'IHDR' }) },
  ClipboardItem: class {
    constructor(readonly items: Record<string, Blob>) {}
  },
  clipboard: {
    write: async (items: { items: Record<string, Blob> }[]) => {
      for (const item of items) {
        const [type, blob] = Object.entries(item.items)[0]!;
        h.clipboard.push({ types: Object.keys(item.items), bytes: new Uint8Array(await blob!.arrayBuffer()) });
        expect(type).toBe('image/png');
      }
    },
  },
}));

beforeAll(async () => {
  await import('../../electron/preload/index');
  const { registerIpc } = await import('../../electron/main/ipc');
  const files = new Proxy({}, { get: (_t, name) => async (...args: unknown[]) => ({ ok: true, value: { called: name, args } }) });
  const autosave = new Proxy({}, { get: (_t, name) => async (...args: unknown[]) => ({ called: name, args }) });
  const teamFolders = new Proxy({}, { get: (_t, name) => async (...args: unknown[]) => ({ ok: true, value: { called: name, args } }) });
  registerIpc({
    files: files as never,
    autosave: autosave as never,
    teamFolders: teamFolders as never,
    trustedOrigins: ['app://momentum'],
    isOurWindow: (c) => c === (h.ourContents as unknown),
    crashed: () => false,
    setUnsaved: () => undefined,
    afterSave: () => undefined,
    recentsChanged: () => undefined, rendererReady: () => undefined,
  });
});

const goodEvent = () => ({ sender: h.ourContents, senderFrame: h.ourContents.mainFrame });

describe('preload', () => {
  it('exposes exactly one named method per operation on window.momentum, never ipcRenderer or invoke', () => {
    const api = h.exposed.momentum as Record<string, unknown>;
    expect(Object.keys(h.exposed)).toEqual(['momentum']);
    expect(Object.keys(api).sort()).toEqual(['autosaveClear', 'autosaveGet', 'autosavePut', 'clearRecent', 'copyImage', 'exportFile', 'forgetRecent', 'getInfo', 'getRecovery', 'listRecent', 'onMenuCommand', 'openExternal', 'openFile', 'onTeamFolderChanged', 'openRecent', 'ready', 'renderPdf', 'saveFile', 'saveFileAs', 'setUnsaved', 'stopTeamFolder', 'chooseTeamFolder'].sort());
    for (const v of Object.values(api)) expect(typeof v).toBe('function');
    expect(Object.keys(api)).not.toContain('invoke');
    expect(Object.keys(api)).not.toContain('send');
  });

  it('each method calls its own channel with the arguments unchanged', async () => {
    const api = h.exposed.momentum as MomentumDesktopApi;
    h.invoked.length = 0;
    await api.openFile('run');
    await api.saveFile({ kind: 'scenario', name: 'a', text: '{}', id: 'x' });
    await api.autosaveClear('scenario');
    await api.getRecovery();
    expect(h.invoked).toEqual([['file:open', 'run'], ['file:save', { kind: 'scenario', name: 'a', text: '{}', id: 'x' }], ['autosave:clear', 'scenario'], ['session:recovery']]);
  });

  it('team folder changes reach the listener without the IpcRendererEvent, until unsubscribed', async () => {
    const api = h.exposed.momentum as MomentumDesktopApi;
    h.invoked.length = 0;
    await api.chooseTeamFolder();
    await api.stopTeamFolder('w1');
    expect(h.invoked).toEqual([['team-folder:choose'], ['team-folder:stop', 'w1']]);
    const got: unknown[][] = [];
    const off = api.onTeamFolderChanged((...args: unknown[]) => got.push(args));
    const fire = (snapshot: unknown) => h.listeners.get('team-folder:changed')?.forEach((l) => l({ sender: 'SECRET' }, snapshot));
    fire({ watchId: 'w1', folder: 'round', files: [], skipped: 0 });
    off();
    fire({ watchId: 'w1', folder: 'round', files: [], skipped: 1 });
    expect(got).toEqual([[{ watchId: 'w1', folder: 'round', files: [], skipped: 0 }]]);
  });

  it('menu events reach the listener without the IpcRendererEvent, until unsubscribed', () => {
    const api = h.exposed.momentum as MomentumDesktopApi;
    const got: unknown[][] = [];
    const off = api.onMenuCommand((...args: unknown[]) => got.push(args));
    const fire = (cmd: unknown) => h.listeners.get('menu:command')?.forEach((l) => l({ sender: 'SECRET' }, cmd));
    fire({ type: 'file.save' });
    off();
    fire({ type: 'file.open' });
    expect(got).toEqual([[{ type: 'file.save' }]]);
  });
});

describe('ipc.ts: every registered channel checks sender and arguments before its handler runs', () => {
  it('registers a handler for every channel of the contract, and no other', () => {
    expect([...h.handlers.keys()].sort()).toEqual(Object.keys(IPC_ARGUMENTS).sort());
  });

  it('accepts our window\'s top frame with good arguments', async () => {
    expect(await h.handlers.get('file:open')!(goodEvent(), 'scenario')).toEqual({ ok: true, value: { called: 'open', args: ['scenario'] } });
    expect(await h.handlers.get('app:get-info')!(goodEvent())).toMatchObject({ appVersion: '9.9.9' });
  });

  const badSenders: [string, () => unknown][] = [
    ['another webContents', () => ({ sender: { id: 2, mainFrame: h.ourContents.mainFrame }, senderFrame: h.ourContents.mainFrame })],
    ['an iframe of our page', () => ({ sender: h.ourContents, senderFrame: { url: 'app://momentum/index.html' } })],
    ['our window showing another origin', () => ({ sender: h.ourContents, senderFrame: { ...h.ourContents.mainFrame, url: 'https://evil.example/' } })],
    ['a destroyed frame', () => ({ sender: h.ourContents, senderFrame: null })],
  ];
  for (const [what, event] of badSenders) {
    it(`refuses ${what} on every channel`, async () => {
      for (const [channel, fn] of h.handlers) {
        // The iframe case needs a frame that is not sender.mainFrame but has our URL.
        await expect(Promise.resolve().then(() => fn(event())), channel).rejects.toThrow(/refused/);
      }
    });
  }

  it('hands the team folder operations to the watcher, and refuses a watch id that is not a short string', async () => {
    expect(await h.handlers.get('team-folder:choose')!(goodEvent())).toEqual({ ok: true, value: { called: 'choose', args: [] } });
    expect(await h.handlers.get('team-folder:stop')!(goodEvent(), 'w1')).toEqual({ ok: true, value: { called: 'stop', args: ['w1'] } });
    await expect(Promise.resolve().then(() => h.handlers.get('team-folder:choose')!(goodEvent(), '/etc'))).rejects.toThrow(/bad arguments/);
    await expect(Promise.resolve().then(() => h.handlers.get('team-folder:stop')!(goodEvent(), 'x'.repeat(300)))).rejects.toThrow(/bad arguments/);
  });

  it('refuses bad arguments before the handler runs, and opens only allowlisted links', async () => {
    await expect(Promise.resolve().then(() => h.handlers.get('file:save')!(goodEvent(), { kind: 'scenario', name: 'a', text: '{}', path: '/etc/passwd' }))).rejects.toThrow(/bad arguments/);
    await expect(Promise.resolve().then(() => h.handlers.get('autosave:get')!(goodEvent(), '../x'))).rejects.toThrow(/bad arguments/);
    expect(await h.handlers.get('shell:open-external')!(goodEvent(), 'https://evil.example/')).toBe(false);
    expect(await h.handlers.get('shell:open-external')!(goodEvent(), 'https://digital.nhs.uk/')).toBe(true);
    expect(h.opened).toEqual(['https://digital.nhs.uk/']);
  });

  it('puts only a PNG that decodes on the clipboard, as image/png', async () => {
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    expect(await h.handlers.get('clipboard:write-image')!(goodEvent(), png)).toBe(true);
    expect(h.clipboard).toEqual([{ types: ['image/png'], bytes: png }]);
    // PNG signature, then not an image: decoded and refused, nothing written.
    expect(await h.handlers.get('clipboard:write-image')!(goodEvent(), new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3, 4, 5, 6, 7, 8]))).toBe(false);
    // Not a PNG, text, or too large: refused before the handler runs.
    for (const bad of [new Uint8Array([1, 2, 3]), 'iVBORw0KGgo=', new Uint8Array(32 * 1024 * 1024 + 1).fill(137)]) {
      await expect(Promise.resolve().then(() => h.handlers.get('clipboard:write-image')!(goodEvent(), bad))).rejects.toThrow(/bad arguments/);
    }
    expect(h.clipboard).toHaveLength(1);
  });
});
