import { chmod, lstat, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../electron/contract/ipc';
import { AutosaveStore } from '../../electron/main/files/autosave-store';
import { engineValidator } from '../../electron/main/files/document-validators';
import { FileGrants } from '../../electron/main/files/file-grants';
import { FileService, suggestedSaveName, type FileDialogs } from '../../electron/main/files/file-service';
import { loadDocument, MAX_DOCUMENT_BYTES } from '../../electron/main/files/load-document';
import { RecentFiles, samePathOn, MAX_RECENT } from '../../electron/main/files/recent-files';
import { recoveryInfo, SessionMarker, SESSION_MARKER_FILE } from '../../electron/main/files/recovery';
import { tempDir } from './temp-dir';

const GOOD = JSON.stringify({ title: 'Plan', levers: { urgency: 3 } }, null, 2);

/** Read every file in a folder into a name → content map, to prove nothing changed. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) out[name] = await readFile(join(dir, name), 'latin1');
  return out;
}

describe('loadDocument: a damaged file gives a clear error and is never written', () => {
  const cases: [string, string | Uint8Array, string, RegExp][] = [
    ['truncated JSON', GOOD.slice(0, 20), 'not-json', /damaged or not a scenario file: it is not valid JSON/],
    ['an empty file', '', 'not-json', /is empty/],
    ['binary bytes', new Uint8Array([0xff, 0xfe, 0x00, 0x81, 0xc3]), 'not-text', /is not UTF-8 text: byte 0 \(0xFF\) is not valid UTF-8/],
    ['a JSON list', '[1,2,3]', 'invalid', /holds a list, not a JSON object/],
    ['a JSON number', '42', 'invalid', /holds a number/],
    ['JSON null', 'null', 'invalid', /holds null/],
  ];
  for (const [what, content, code, message] of cases) {
    it(`${what} → ${code}`, async () => {
      const dir = await tempDir();
      const file = join(dir, 'broken.json');
      await writeFile(file, content);
      const before = await snapshot(dir);
      const r = await loadDocument(file, 'scenario');
      expect(r.ok).toBe(false);
      if (r.ok || r.cancelled) throw new Error('unreachable');
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(/^broken\.json /);
      expect(r.error.message).toMatch(message);
      expect(await snapshot(dir)).toEqual(before);
    });
  }

  it('reads a good file, dropping a byte-order mark', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'ok.json'), `\uFEFF${GOOD}`);
    expect(await loadDocument(join(dir, 'ok.json'), 'scenario')).toEqual({ ok: true, value: { name: 'ok.json', text: GOOD } });
  });

  it('reports a missing file, a folder and an oversized file without reading them', async () => {
    const dir = await tempDir();
    const missing = await loadDocument(join(dir, 'gone.json'), 'run');
    expect(!missing.ok && !missing.cancelled && missing.error.code).toBe('not-found');
    await mkdir(join(dir, 'folder.json'));
    const folder = await loadDocument(join(dir, 'folder.json'), 'run');
    expect(!folder.ok && !folder.cancelled && folder.error.message).toMatch(/is a folder/);
    await writeFile(join(dir, 'huge.json'), Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x20));
    const huge = await loadDocument(join(dir, 'huge.json'), 'run');
    expect(!huge.ok && !huge.cancelled && huge.error.code).toBe('too-large');
  });

  it('refuses a device (/dev/zero) from its type, without reading it', async (ctx) => {
    if (process.platform === 'win32') return ctx.skip('no /dev/zero on Windows');
    const r = await loadDocument('/dev/zero', 'scenario');
    expect(!r.ok && !r.cancelled && r.error).toEqual({ code: 'unreadable', message: 'zero is a device, pipe or socket, not a scenario file.' });
  });

  it('passes the kind validator\'s problems through, with the first one in the message', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'bad.json'), GOOD);
    const r = await loadDocument(join(dir, 'bad.json'), 'scenario', {
      validate: () => [
        { path: 'initiatives[3].effortWeeks', message: 'must be at least 1' },
        { path: 'title', message: 'is required' },
      ],
    });
    if (r.ok || r.cancelled) throw new Error('expected a problem');
    expect(r.error.message).toBe('bad.json is not a valid scenario file: initiatives[3].effortWeeks: must be at least 1 (and 1 more problem).');
    expect(r.error.problems).toHaveLength(2);
  });

  it('treats a validator that throws as a problem, not a pass', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'x.json'), GOOD);
    const r = await loadDocument(join(dir, 'x.json'), 'scenario', {
      validate: () => {
        throw new Error('boom');
      },
    });
    expect(!r.ok && !r.cancelled && r.error.code).toBe('invalid');
  });

  it('refuses a scenario with a field written twice, as the CLI and the renderer do', async () => {
    const dir = await tempDir();
    const text = '{ "schemaVersion": 2, "id": "plan", "title": "Plan", "title": "again" }';
    await writeFile(join(dir, 'twice.momentum'), text);
    const r = await loadDocument(join(dir, 'twice.momentum'), 'scenario', { validate: engineValidator });
    expect(!r.ok && !r.cancelled && r.error.message).toMatch(/^twice\.momentum is not a valid scenario file: title: the field "title" appears twice/);
  });
});

/** Dialogs that answer from a script and record what they were asked. */
function scriptedDialogs(answers: { open?: (string | null)[]; save?: (string | null)[]; changed?: ('replace' | 'save-as' | 'cancel')[] }): FileDialogs & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    chooseOpen: async (kind: DocumentKind) => (asked.push(`open ${kind}`), answers.open?.shift() ?? null),
    chooseSave: async (kind: DocumentKind, name: string) => (asked.push(`save ${kind} ${name}`), answers.save?.shift() ?? null),
    chooseExport: async (name: string) => (asked.push(`export ${name}`), answers.save?.shift() ?? null),
    confirmReplaceChanged: async (name: string) => (asked.push(`changed ${name}`), answers.changed?.shift() ?? 'cancel'),
  };
}

async function service(dir: string, dialogs: FileDialogs) {
  let n = 0;
  const recents = new RecentFiles(join(dir, 'user', 'recent-files.json'), samePathOn('linux'));
  await mkdir(join(dir, 'user'), { recursive: true });
  return new FileService({ dialogs, grants: new FileGrants(() => `id-${++n}`), recents, now: () => new Date('2026-01-02T03:04:05Z') });
}

describe('FileService: open and save through dialogs and grants', () => {
  it('opens a chosen file, saves back to it atomically and keeps the previous version as .bak', async () => {
    const dir = await tempDir();
    const file = join(dir, 'plan.json');
    await writeFile(file, GOOD);
    const dialogs = scriptedDialogs({ open: [file] });
    const files = await service(dir, dialogs);
    const opened = await files.open('scenario');
    if (!opened.ok) throw new Error('open failed');
    expect(opened.value).toMatchObject({ id: 'id-1', name: 'plan.json', location: dir, kind: 'scenario', text: GOOD });
    const saved = await files.save({ kind: 'scenario', name: 'plan.json', text: '{"v":2}', id: opened.value.id });
    expect(saved).toEqual({ ok: true, value: { id: 'id-1', name: 'plan.json', location: dir } });
    expect(await readFile(file, 'utf8')).toBe('{"v":2}');
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(GOOD);
    expect(dialogs.asked).toEqual(['open scenario']);
  });

  it('asks before replacing a file that changed on disk since it was opened, and cancelling writes nothing', async () => {
    const dir = await tempDir();
    const file = join(dir, 'plan.json');
    await writeFile(file, GOOD);
    const dialogs = scriptedDialogs({ open: [file], changed: ['cancel', 'replace'] });
    const files = await service(dir, dialogs);
    const opened = await files.open('scenario');
    if (!opened.ok) throw new Error('open failed');
    await writeFile(file, '{"someone":"else"}');
    expect(await files.save({ kind: 'scenario', name: 'plan.json', text: '{"mine":1}', id: opened.value.id })).toEqual({ ok: false, cancelled: true });
    expect(await readFile(file, 'utf8')).toBe('{"someone":"else"}');
    expect(await files.save({ kind: 'scenario', name: 'plan.json', text: '{"mine":1}', id: opened.value.id })).toMatchObject({ ok: true });
    expect(await readFile(file, 'utf8')).toBe('{"mine":1}');
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('{"someone":"else"}');
    expect(dialogs.asked).toEqual(['open scenario', 'changed plan.json', 'changed plan.json']);
  });

  it('asks before writing to a recent file that was not opened in this session', async () => {
    const dir = await tempDir();
    const file = join(dir, 'plan.json');
    await writeFile(file, GOOD);
    await (await service(dir, scriptedDialogs({ open: [file] }))).open('scenario');
    const dialogs = scriptedDialogs({ changed: ['cancel'] });
    const restarted = await service(dir, dialogs);
    const [recent] = await restarted.listRecent();
    expect(await restarted.save({ kind: 'scenario', name: 'plan.json', text: '{"blind":1}', id: recent!.id })).toEqual({ ok: false, cancelled: true });
    expect(dialogs.asked).toEqual(['changed plan.json']);
    expect(await readFile(file, 'utf8')).toBe(GOOD);
  });

  it('never writes to an id it did not issue, and Save without a grant asks where (Save As)', async () => {
    const dir = await tempDir();
    const target = join(dir, 'new-plan');
    const dialogs = scriptedDialogs({ save: [target] });
    const files = await service(dir, dialogs);
    const r = await files.save({ kind: 'scenario', name: 'New plan', text: GOOD, id: '/etc/passwd' });
    expect(r).toMatchObject({ ok: true, value: { name: 'new-plan' } });
    expect(dialogs.asked).toEqual(['save scenario New plan.momentum']);
    expect(await readFile(target, 'utf8')).toBe(GOOD);
    expect(await files.openRecent('made-up')).toMatchObject({ ok: false, cancelled: false, error: { code: 'not-allowed' } });
  });

  it('Save As writes exactly the name the dialog confirmed: an existing report.momentum-run is never replaced unasked', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'report.momentum-run'), 'the existing report');
    const dialogs = scriptedDialogs({ save: [join(dir, 'report')] });
    const files = await service(dir, dialogs);
    const r = await files.saveAs({ kind: 'run', name: 'report', text: GOOD });
    expect(r).toMatchObject({ ok: true, value: { name: 'report' } });
    // The dialog was offered the name with its extension, so the OS asks before replacing report.momentum-run.
    expect(dialogs.asked).toEqual(['save run report.momentum-run']);
    expect(await readFile(join(dir, 'report.momentum-run'), 'utf8')).toBe('the existing report');
    expect(await readFile(join(dir, 'report'), 'utf8')).toBe(GOOD);
  });

  it('Save As over a symbolic link writes the link\'s target and keeps the link; a read-only file is refused and kept', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'shared'));
    const target = join(dir, 'shared', 'plan.momentum');
    await writeFile(target, 'old plan');
    const link = join(dir, 'plan.momentum');
    await symlink(join('shared', 'plan.momentum'), link);
    const locked = join(dir, 'locked.momentum');
    await writeFile(locked, 'keep me');
    await chmod(locked, 0o444);
    const files = await service(dir, scriptedDialogs({ save: [link, locked] }));
    expect(await files.saveAs({ kind: 'scenario', name: 'plan', text: GOOD })).toMatchObject({ ok: true });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(target, 'utf8')).toBe(GOOD);
    const refused = await files.saveAs({ kind: 'scenario', name: 'locked', text: GOOD });
    expect(refused).toMatchObject({ ok: false, error: { code: 'write-failed', message: expect.stringMatching(/^locked\.momentum could not be saved: .*read-only/) } });
    expect(await readFile(locked, 'utf8')).toBe('keep me');
  });

  it('refuses to write text that is not a well-formed document, leaving the file as it was', async () => {
    const dir = await tempDir();
    const file = join(dir, 'plan.json');
    await writeFile(file, GOOD);
    const files = await service(dir, scriptedDialogs({ open: [file] }));
    const opened = await files.open('scenario');
    if (!opened.ok) throw new Error('open failed');
    const r = await files.save({ kind: 'scenario', name: 'plan.json', text: '{"half": ', id: opened.value.id });
    expect(r).toMatchObject({ ok: false, cancelled: false, error: { code: 'invalid' } });
    expect(await readFile(file, 'utf8')).toBe(GOOD);
  });

  it('refuses to save over a read-only file, naming the reason, and leaves it as it was', async () => {
    const dir = await tempDir();
    const file = join(dir, 'plan.json');
    await writeFile(file, GOOD);
    await chmod(file, 0o444);
    const files = await service(dir, scriptedDialogs({ open: [file] }));
    const opened = await files.open('scenario');
    if (!opened.ok) throw new Error('open failed');
    const r = await files.save({ kind: 'scenario', name: 'plan.json', text: '{"v":2}', id: opened.value.id });
    expect(r).toMatchObject({ ok: false, cancelled: false, error: { code: 'write-failed', message: 'plan.json could not be saved: read-only file. The previous version is untouched.' } });
    expect(await readFile(file, 'utf8')).toBe(GOOD);
    expect((await readdir(dir)).sort()).toEqual(['plan.json', 'user']);
  });

  it('a corrupt file is reported, gets no grant and stays byte-for-byte as it was', async () => {
    const dir = await tempDir();
    const file = join(dir, 'corrupt.json');
    await writeFile(file, '{"title": "Plan", "levers": {');
    const files = await service(dir, scriptedDialogs({ open: [file] }));
    const r = await files.open('scenario');
    expect(r).toMatchObject({ ok: false, cancelled: false, error: { code: 'not-json' } });
    expect(await files.listRecent()).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe('{"title": "Plan", "levers": {');
  });

  it('keeps a recent list that survives a restart and drops files that vanished', async () => {
    const dir = await tempDir();
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    await writeFile(a, GOOD);
    await writeFile(b, GOOD);
    const files = await service(dir, scriptedDialogs({ open: [a, b, a] }));
    await files.open('scenario');
    await files.open('run');
    await files.open('scenario');
    const restarted = await service(dir, scriptedDialogs({}));
    const recents = await restarted.listRecent();
    expect(recents.map((r) => [r.name, r.kind])).toEqual([['a.json', 'scenario'], ['b.json', 'run']]);
    const reopened = await restarted.openRecent(recents[1]!.id);
    expect(reopened).toMatchObject({ ok: true, value: { name: 'b.json', text: GOOD } });
    await writeFile(a, 'x');
    await (await import('node:fs/promises')).unlink(a);
    expect(await restarted.openRecent(recents[0]!.id)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await restarted.listRecent()).map((r) => r.name)).toEqual(['b.json']);
  });

  it('exports bytes where the user chose and cancelling writes nothing', async () => {
    const dir = await tempDir();
    const out = join(dir, 'chart.png');
    const files = await service(dir, scriptedDialogs({ save: [out, null] }));
    expect(await files.export({ name: 'chart.png', data: new Uint8Array([1, 2, 3]) })).toMatchObject({ ok: true, value: { name: 'chart.png' } });
    expect([...(await readFile(out))]).toEqual([1, 2, 3]);
    expect(await files.export({ name: 'again.png', data: 'x' })).toEqual({ ok: false, cancelled: true });
  });

  it('suggests safe names with the kind\'s own extension, replacing .json', () => {
    expect(suggestedSaveName('Plan A', 'scenario')).toBe('Plan A.momentum');
    expect(suggestedSaveName('plan.JSON', 'scenario')).toBe('plan.momentum');
    expect(suggestedSaveName('plan.momentum', 'scenario')).toBe('plan.momentum');
    expect(suggestedSaveName('board.run.json', 'run')).toBe('board.momentum-run');
    expect(suggestedSaveName('board.momentum-run', 'run')).toBe('board.momentum-run');
    expect(suggestedSaveName('../../etc/x', 'scenario')).toBe('..-..-etc-x.momentum');
    expect(suggestedSaveName('   ', 'run')).toBe('untitled.momentum-run');
  });
});

describe('RecentFiles', () => {
  it(`keeps at most ${MAX_RECENT} files, newest first, one entry per file`, async () => {
    const dir = await tempDir();
    const r = new RecentFiles(join(dir, 'recent.json'), samePathOn('win32'));
    for (let i = 0; i < 15; i++) await r.add(join(dir, `f${i}.json`), 'scenario', new Date(2026, 0, 1, 0, i));
    await r.add(join(dir, 'F3.JSON'), 'run', new Date(2026, 0, 2));
    const list = await new RecentFiles(join(dir, 'recent.json'), samePathOn('win32')).list();
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toMatchObject({ path: join(dir, 'F3.JSON'), kind: 'run' });
    expect(list.filter((e) => e.path.toLowerCase().endsWith('f3.json'))).toHaveLength(1);
  });

  it('reads a damaged list as empty', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'recent.json'), '{"version":1,"entries":[{"path":"relative.json","kind":"scenario","openedAt":"x"}]}');
    expect(await new RecentFiles(join(dir, 'recent.json'), samePathOn('linux')).list()).toEqual([]);
  });
});

describe('autosave and crash recovery', () => {
  it('puts work aside per kind, finds it after a restart and clears it', async () => {
    const dir = await tempDir();
    const store = new AutosaveStore(join(dir, 'autosave'), { now: () => new Date('2026-03-01T10:00:00Z') });
    await store.put({ kind: 'scenario', name: 'Plan', text: GOOD, fileId: 'id-7' });
    await store.put({ kind: 'run', name: 'Run 1', text: '{}' });
    const again = new AutosaveStore(join(dir, 'autosave'));
    expect(await again.get('scenario')).toEqual({ kind: 'scenario', name: 'Plan', text: GOOD, fileId: 'id-7', savedAt: '2026-03-01T10:00:00.000Z' });
    expect((await again.list()).map((d) => d.kind).sort()).toEqual(['run', 'scenario']);
    await again.clear('scenario');
    await again.clear('scenario');
    expect(await again.get('scenario')).toBeNull();
    expect((await again.list()).map((d) => d.kind)).toEqual(['run']);
  });

  it('moves a damaged autosave aside instead of overwriting it, and reads it as empty', async () => {
    const dir = await tempDir();
    const store = new AutosaveStore(join(dir, 'autosave'), { onCorrupt: (p, to) => reported.push([p, to]) });
    const reported: [string, string | null][] = [];
    await mkdir(store.dir, { recursive: true });
    await writeFile(store.pathOf('scenario'), '{"format":"momentum-autosave","version":1,"kind":"scen');
    expect(await store.get('scenario')).toBeNull();
    expect(reported).toEqual([[store.pathOf('scenario'), `${store.pathOf('scenario')}.corrupt-1`]]);
    expect(await readFile(`${store.pathOf('scenario')}.corrupt-1`, 'utf8')).toContain('"kind":"scen');
    await store.put({ kind: 'scenario', name: 'New', text: '{}' });
    expect(await readFile(`${store.pathOf('scenario')}.corrupt-1`, 'utf8')).toContain('"kind":"scen');
  });

  it('the session marker tells a crash from a clean exit', async () => {
    const dir = await tempDir();
    const marker = new SessionMarker(dir);
    const t = new Date('2026-03-01T09:00:00Z');
    expect(await marker.begin(100, t)).toEqual({ previousCrashed: false });
    // The process dies: no end(). The next start sees the "running" marker.
    expect(await new SessionMarker(dir).begin(101, t)).toEqual({ previousCrashed: true });
    await marker.end(101, t);
    expect(await new SessionMarker(dir).begin(102, t)).toEqual({ previousCrashed: false });
    await writeFile(join(dir, SESSION_MARKER_FILE), '{"state":"runn');
    expect(await new SessionMarker(dir).begin(103, t)).toEqual({ previousCrashed: true });
    expect(JSON.parse(await readFile(join(dir, SESSION_MARKER_FILE), 'utf8'))).toMatchObject({ state: 'running', pid: 103 });
  });

  it('after a crash, recovery offers the autosaved work back, newest first', async () => {
    const dir = await tempDir();
    let clock = Date.parse('2026-03-01T09:00:00Z');
    const store = new AutosaveStore(join(dir, 'autosave'), { now: () => new Date((clock += 1000)) });
    const marker = new SessionMarker(dir);
    await marker.begin(1, new Date(clock));
    await store.put({ kind: 'run', name: 'Run', text: '{"r":1}' });
    await store.put({ kind: 'scenario', name: 'Plan', text: GOOD });
    // crash, restart:
    const start = await new SessionMarker(dir).begin(2, new Date(clock));
    const info = await recoveryInfo(new AutosaveStore(join(dir, 'autosave')), start.previousCrashed);
    expect(info.previousCrashed).toBe(true);
    expect(info.docs.map((d) => [d.kind, d.name])).toEqual([['scenario', 'Plan'], ['run', 'Run']]);
    expect((await stat(store.pathOf('scenario'))).isFile()).toBe(true);
  });
});
