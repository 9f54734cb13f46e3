import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const doc = readFileSync(new URL('docs/SECURITY.md', root), 'utf8');
const lines = (path: string) => readFileSync(new URL(path, root), 'utf8').split('\n');

describe('docs/SECURITY.md stays true to the code', () => {
  it('every file:line reference points inside an existing file', () => {
    const refs = [...doc.matchAll(/`([\w./-]+\.(?:ts|html|yml|json)):(\d+)(?:-(\d+))?`/g)];
    expect(refs.length).toBeGreaterThan(20);
    for (const [, path, from, to] of refs) {
      expect(existsSync(new URL(path!, root)), path).toBe(true);
      expect(Number(to ?? from), `${path}:${from}`).toBeLessThanOrEqual(lines(path!).length);
    }
  });

  it('every test it names exists, and each claim resting on a fake-Electron test says so', () => {
    const named = [...new Set([...doc.matchAll(/`(tests\/[\w./-]+\.test\.tsx?)`/g)].map((m) => m[1]!))];
    expect(named.length).toBeGreaterThan(8);
    for (const path of named) expect(existsSync(new URL(path, root)), path).toBe(true);
    for (const glue of ['tests/electron/main-glue.test.ts', 'tests/electron/ipc-glue.test.ts']) {
      const mentions = doc.split(`\`${glue}\``).slice(1);
      expect(mentions.length, glue).toBeGreaterThan(0);
      // Right after the name: "(fake Electron)", "(both fake Electron)" or the paragraph that explains it.
      for (const after of mentions) expect(after.slice(0, 200), glue).toContain('fake Electron');
    }
  });

  // The settings the checklist rests on, at the lines the document names.
  const anchors: [string, number, string][] = [
    ['electron/main/index.ts', 27, 'registerSchemesAsPrivileged'],
    ['electron/main/index.ts', 30, 'app.enableSandbox()'],
    ['electron/main/index.ts', 101, "'will-attach-webview'"],
    ['electron/main/index.ts', 103, "'will-navigate'"],
    ['electron/main/index.ts', 105, 'setWindowOpenHandler'],
    ['electron/main/index.ts', 142, 'contextIsolation: true'],
    ['electron/main/index.ts', 143, 'sandbox: true'],
    ['electron/main/index.ts', 144, 'nodeIntegration: false'],
    ['electron/main/index.ts', 147, 'webSecurity: true'],
    ['electron/main/index.ts', 148, 'allowRunningInsecureContent: false'],
    ['electron/main/index.ts', 149, 'webviewTag: false'],
    ['electron/main/index.ts', 150, 'experimentalFeatures: false'],
    ['electron/main/index.ts', 222, 'setPermissionRequestHandler'],
    ['electron/main/index.ts', 254, 'protocol.handle'],
    ['electron/main/ipc.ts', 44, 'validateCall('],
    ['electron/main/ipc.ts', 74, 'isAllowedExternalUrl'],
    ['electron/preload/index.ts', 39, "exposeInMainWorld('momentum'"],
    ['renderer/index.html', 5, 'Content-Security-Policy'],
  ];
  for (const [path, line, text] of anchors) {
    it(`${path}:${line} holds ${text}`, () => {
      expect(doc).toContain(path);
      expect(lines(path)[line - 1]).toContain(text);
    });
  }

  it('never uses enableBlinkFeatures (checklist item 10)', () => {
    for (const f of ['electron/main/index.ts', 'electron/main/ipc.ts', 'electron/preload/index.ts']) expect(readFileSync(new URL(f, root), 'utf8')).not.toContain('enableBlinkFeatures');
  });
});
