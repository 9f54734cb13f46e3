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

  // Every line the document cites, by file: `path:N`, `path:N-M`, and a following `:N` meaning the same file.
  const cited = new Map<string, [number, number][]>();
  for (const line of doc.split('\n')) {
    let current: string | null = null;
    for (const [, path, from, to] of line.matchAll(/`([\w./-]+\.(?:ts|html|yml|json))?:(\d+)(?:-(\d+))?`/g)) {
      current = path ?? current;
      if (current) cited.set(current, [...(cited.get(current) ?? []), [Number(from), Number(to ?? from)]]);
    }
  }

  // The settings the checklist rests on: the document cites the line that holds each of them.
  const anchors: [string, string][] = [
    ['electron/main/index.ts', 'protocol.registerSchemesAsPrivileged('],
    ['electron/main/index.ts', 'app.enableSandbox()'],
    ['electron/main/index.ts', "'will-attach-webview'"],
    ['electron/main/index.ts', "'will-navigate'"],
    ['electron/main/index.ts', 'setWindowOpenHandler'],
    ['electron/main/index.ts', 'contextIsolation: true'],
    ['electron/main/index.ts', 'sandbox: true'],
    ['electron/main/index.ts', 'nodeIntegration: false'],
    ['electron/main/index.ts', 'webSecurity: true'],
    ['electron/main/index.ts', 'allowRunningInsecureContent: false'],
    ['electron/main/index.ts', 'webviewTag: false'],
    ['electron/main/index.ts', 'experimentalFeatures: false'],
    ['electron/main/index.ts', 'navigateOnDragDrop: false'],
    ['electron/main/index.ts', 'setPermissionRequestHandler'],
    ['electron/main/index.ts', 'protocol.handle('],
    ['electron/main/index.ts', 'requestSingleInstanceLock'],
    ['electron/main/ipc.ts', 'validateCall('],
    ['electron/main/ipc.ts', 'isAllowedExternalUrl(url)'],
    ['electron/preload/index.ts', "exposeInMainWorld('momentum'"],
    ['renderer/index.html', 'Content-Security-Policy'],
  ];
  for (const [path, text] of anchors) {
    it(`cites the line of ${path} that holds ${text}`, () => {
      const at = lines(path).findIndex((l) => l.includes(text)) + 1;
      expect(at, `${text} is in ${path}`).toBeGreaterThan(0);
      const ranges = cited.get(path) ?? [];
      expect(ranges.some(([from, to]) => from <= at && at <= to), `${path}:${at} (${text}) is cited; cited: ${ranges.map(([f, t]) => (f === t ? f : `${f}-${t}`)).join(', ')}`).toBe(true);
    });
  }

  it('every checklist row and every point beyond it names its test, or says "[no test]"', () => {
    const rows = doc.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows).toHaveLength(20);
    const beyond = doc.slice(doc.indexOf('## Beyond the checklist'), doc.indexOf('## Known gaps')).split(/\n- /).slice(1);
    expect(beyond.length).toBeGreaterThan(5);
    for (const claim of [...rows, ...beyond]) expect(claim, claim.slice(0, 80)).toMatch(/`tests\/[\w./-]+\.test\.tsx?`|\[no test\]/);
  });

  it('counts the operations of the IPC contract as the contract has them', () => {
    const contract = readFileSync(new URL('electron/contract/ipc.ts', root), 'utf8');
    const channels = contract.slice(contract.indexOf('export interface IpcChannels'), contract.indexOf('\n}', contract.indexOf('export interface IpcChannels'))).match(/^ {2}'[\w:-]+':/gm) ?? [];
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
    expect(channels.length).toBeGreaterThan(10);
    expect(doc).toContain(`can only call the ${words[channels.length]} operations of one typed IPC contract`);
  });

  it('never uses enableBlinkFeatures (checklist item 10)', () => {
    for (const f of ['electron/main/index.ts', 'electron/main/ipc.ts', 'electron/preload/index.ts']) expect(readFileSync(new URL(f, root), 'utf8')).not.toContain('enableBlinkFeatures');
  });
});
