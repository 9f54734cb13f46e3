// Files the OS asks Momentum to open (double-click, Open with, argv of a first or second
// instance, macOS open-file), handled by the plain module against a real FileService on real
// files, with the Electron side (recent documents, the renderer, error dialogs) recorded.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../electron/contract/ipc';
import { engineValidator } from '../../electron/main/files/document-validators';
import { FileGrants } from '../../electron/main/files/file-grants';
import { FileService } from '../../electron/main/files/file-service';
import { RecentFiles, samePathOn } from '../../electron/main/files/recent-files';
import { documentKindOf, documentPathsInArgv, OsOpenRequests } from '../../electron/main/open-from-os';
import { makeRunFile, serializeRunFile } from '../../engine';
import { tempDir } from './temp-dir';

const SCENARIO = await readFile(new URL('../../scenarios/blank-trust.momentum', import.meta.url), 'utf8');

describe('documentPathsInArgv', () => {
  it('takes the document paths after the executable, made absolute against the folder it was started in', () => {
    expect(documentPathsInArgv(['/opt/Momentum/momentum', '--no-sandbox', 'plan.momentum', '/r/b.MOMENTUM-RUN', 'notes.txt', 'old.json'], '/home/a', true)).toEqual([
      '/home/a/plan.momentum',
      '/r/b.MOMENTUM-RUN',
      '/home/a/old.json',
    ]);
  });

  it('skips the app folder Electron is given when not packaged, and switches that look like files', () => {
    expect(documentPathsInArgv(['electron', '.', '--flag=x.momentum', 'a.momentum'], '/w', false)).toEqual(['/w/a.momentum']);
    expect(documentPathsInArgv(['momentum'], '/w', true)).toEqual([]);
  });
});

describe('documentKindOf', () => {
  it('goes by the extension, and for .json by what the file holds', () => {
    expect(documentKindOf('a.momentum-run', null)).toBe('run');
    expect(documentKindOf('a.momentum', '{"format":"momentum-run"}')).toBe('scenario');
    expect(documentKindOf('a.json', '{"format":"momentum-run"}')).toBe('run');
    expect(documentKindOf('a.json', SCENARIO)).toBe('scenario');
    expect(documentKindOf('a.json', 'not json')).toBe('scenario');
    expect(documentKindOf('a.json', null)).toBe('scenario');
  });
});

/** A real file service in `dir` and an OS-open queue whose Electron side is recorded. */
async function setUp(dir: string) {
  let n = 0;
  await mkdir(join(dir, 'user'), { recursive: true });
  const files = new FileService({
    dialogs: { chooseOpen: async () => null, chooseSave: async () => null, chooseExport: async () => null, confirmReplaceChanged: async () => 'cancel' },
    grants: new FileGrants(() => `id-${++n}`, samePathOn('linux')),
    recents: new RecentFiles(join(dir, 'user', 'recent-files.json'), samePathOn('linux')),
    validate: engineValidator,
  });
  const seen = { recentDocuments: [] as string[], sent: [] as MenuCommand[], reports: [] as string[] };
  const opens = new OsOpenRequests({
    kindOfJson: async (path) => documentKindOf(path, await readFile(path, 'utf8')),
    open: (path, kind) => files.openPath(path, kind),
    addRecentDocument: (path) => void seen.recentDocuments.push(path),
    send: (command) => void seen.sent.push(command),
    report: (message) => void seen.reports.push(message),
  });
  return { files, opens, seen };
}

describe('OsOpenRequests', () => {
  it('holds files asked for before the renderer listens, then opens them in order with Ctrl+O\'s checks', async () => {
    const dir = await tempDir();
    const { files, opens, seen } = await setUp(dir);
    await writeFile(join(dir, 'plan.momentum'), SCENARIO);
    await writeFile(join(dir, 'broken.momentum'), '{"schemaVersion": 2, "id": "x", "title": "X", "horizonWeeks": -1}');
    const run = makeRunFile(
      { scenario: JSON.parse(SCENARIO), overrides: {}, method: 'expected', seed: 1, replications: 1, label: 'R', notes: '' } as never,
      { method: 'expected', kpis: {} } as never,
      { engineVersion: '1', savedAt: '2026-01-01T00:00:00.000Z', notes: '' },
    );
    await writeFile(join(dir, 'old-run.json'), serializeRunFile(run));

    await opens.request(documentPathsInArgv(['momentum', 'plan.momentum', 'broken.momentum', 'missing.momentum'], dir, true));
    await opens.request([join(dir, 'old-run.json')]);
    expect(seen.sent).toEqual([]);

    await opens.setReady();
    expect(seen.sent).toEqual([{ type: 'file.open-granted', id: 'id-1', kind: 'scenario' }, expect.objectContaining({ type: 'file.open-granted', kind: 'run' })]);
    // Only the files that opened reach the OS's recent documents and the app's recent list.
    expect(seen.recentDocuments).toEqual([join(dir, 'plan.momentum'), join(dir, 'old-run.json')]);
    expect((await files.listRecent()).map((r) => r.name).sort()).toEqual(['old-run.json', 'plan.momentum']);
    expect(seen.reports).toHaveLength(2);
    expect(seen.reports[0]).toMatch(/^broken\.momentum is not a valid scenario file: horizonWeeks/);
    expect(seen.reports[1]).toMatch(/^missing\.momentum could not be found/);
    // The renderer reopens the granted file by its id, as from the recent list.
    expect(await files.openRecent('id-1')).toMatchObject({ ok: true, value: { name: 'plan.momentum', kind: 'scenario', text: SCENARIO } });
  });

  it('opens at once once the renderer is ready (a second instance, macOS open-file)', async () => {
    const dir = await tempDir();
    const { opens, seen } = await setUp(dir);
    await writeFile(join(dir, 'later.momentum'), SCENARIO);
    await opens.setReady();
    await opens.setReady();
    await opens.request([join(dir, 'later.momentum')]);
    expect(seen.sent).toEqual([{ type: 'file.open-granted', id: 'id-1', kind: 'scenario' }]);
    expect(seen.recentDocuments).toEqual([join(dir, 'later.momentum')]);
  });
});
