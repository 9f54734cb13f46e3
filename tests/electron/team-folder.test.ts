// The folder of a multi-team round, watched by the main process (electron/main/files/team-folder.ts):
// only the chosen folder, only its run files, size-limited, checked by the document checker, and each
// change sent once. Plain Node on real folders, with a manual clock; no Electron involved.
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TeamFolderSnapshot } from '../../electron/contract/ipc';
import { checkOnThisThread, WorkerDocumentChecker, type DocumentChecker } from '../../electron/main/files/document-checker';
import { MAX_TEAM_FILE_BYTES, MAX_TEAM_FILES, TEAM_FOLDER_POLL_MS, TeamFolders, type TeamFolderFs } from '../../electron/main/files/team-folder';
import { blankScenario, ENGINE_VERSION, makeRunFile, serializeRunFile } from '../../engine';
import { tempDir } from './temp-dir';

const runText = (team: string) =>
  serializeRunFile(
    makeRunFile({ label: `${team} plan`, scenario: blankScenario(), overrides: {}, method: 'expected', seed: 1, replications: 1 }, { kpis: { maturityAtHorizon: 2 } }, { engineVersion: ENGINE_VERSION, savedAt: '2026-11-20T10:00:00.000Z', team }),
  );

/** A watcher over `dir` with a manual clock: `tick()` runs what is due and waits for it. */
function watcher(dir: string | null, options: { check?: DocumentChecker; fs?: TeamFolderFs } = {}) {
  const sent: TeamFolderSnapshot[] = [];
  const due: { fn: () => Promise<void>; ms: number; cancelled: boolean }[] = [];
  const checked: string[] = [];
  const check = options.check ?? checkOnThisThread();
  let ids = 0;
  const folders = new TeamFolders({
    chooseFolder: async () => dir,
    check: (request) => {
      checked.push(request.name);
      return check(request);
    },
    send: (s) => sent.push(s),
    fs: options.fs,
    newId: () => `watch-${++ids}`,
    schedule: (fn, ms) => {
      const entry = { fn, ms, cancelled: false };
      due.push(entry);
      return () => void (entry.cancelled = true);
    },
  });
  const tick = async () => {
    for (const entry of due.splice(0)) if (!entry.cancelled) await entry.fn();
  };
  return { folders, sent, due, checked, tick };
}

async function chosen(folders: TeamFolders): Promise<TeamFolderSnapshot> {
  const r = await folders.choose();
  if (!r.ok) throw new Error(r.cancelled ? 'cancelled' : r.error.message);
  return r.value;
}

describe('watching the folder of a multi-team round', () => {
  it('reads only the run files of the chosen folder: no other files, no subfolders, no links out of it', async () => {
    const dir = await tempDir();
    const outside = await tempDir();
    await writeFile(join(dir, 'team-a.momentum-run'), runText('Team A'));
    await writeFile(join(dir, 'team-b.momentum-run'), '{"format": "momentum-run", ');
    await writeFile(join(dir, 'notes.txt'), 'not a run');
    await writeFile(join(dir, 'scenario.momentum'), '{}');
    await mkdir(join(dir, 'old'));
    await writeFile(join(dir, 'old', 'team-z.momentum-run'), runText('Team Z'));
    await writeFile(join(outside, 'secret.momentum-run'), runText('Elsewhere'));
    await symlink(join(outside, 'secret.momentum-run'), join(dir, 'link.momentum-run'));
    const w = watcher(dir);
    const first = await chosen(w.folders);
    expect(first.folder).toBe(dir.split('/').pop());
    expect(first.folder).not.toContain('/');
    expect(first.files.map((f) => f.name)).toEqual(['team-a.momentum-run', 'team-b.momentum-run']);
    expect(first.files[0]!.text).toBe(runText('Team A'));
    expect(first.files[1]!.problem?.code).toBe('not-json');
    expect(first.files[1]!.text).toBeUndefined();
    expect(w.checked).toEqual(['team-a.momentum-run', 'team-b.momentum-run']);
  });

  it('refuses a file over the size limit without reading it, and reads at most the first files by name', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'big.momentum-run'), Buffer.alloc(MAX_TEAM_FILE_BYTES + 1, 32));
    for (let i = 0; i < MAX_TEAM_FILES + 2; i++) await writeFile(join(dir, `t${String(i).padStart(2, '0')}.momentum-run`), runText(`T${i}`));
    const read: string[] = [];
    const fs: TeamFolderFs = {
      readdir: (p, o) => import('node:fs/promises').then((f) => f.readdir(p, o)),
      lstat: (p) => import('node:fs/promises').then((f) => f.lstat(p)),
      readFile: (p) => {
        read.push(p.split('/').pop()!);
        return import('node:fs/promises').then((f) => f.readFile(p));
      },
    };
    const first = await chosen(watcher(dir, { fs }).folders);
    expect(first.files).toHaveLength(MAX_TEAM_FILES);
    expect(first.skipped).toBe(3);
    expect(first.files[0]).toMatchObject({ name: 'big.momentum-run', problem: { code: 'too-large' } });
    expect(read).not.toContain('big.momentum-run');
  });

  it('sends a snapshot when a file is added, changed or removed, and nothing while the folder is unchanged', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'team-a.momentum-run'), runText('Team A'));
    const w = watcher(dir);
    await chosen(w.folders);
    expect(w.due.map((d) => d.ms)).toEqual([TEAM_FOLDER_POLL_MS]);
    await w.tick();
    expect(w.sent).toEqual([]);
    await writeFile(join(dir, 'team-d.momentum-run'), runText('Team D'));
    await w.tick();
    expect(w.sent.map((s) => s.files.map((f) => f.name))).toEqual([['team-a.momentum-run', 'team-d.momentum-run']]);
    // Unchanged files are not checked again.
    expect(w.checked).toEqual(['team-a.momentum-run', 'team-d.momentum-run']);
    await writeFile(join(dir, 'team-a.momentum-run'), runText('Team A, second try'));
    await w.tick();
    expect(w.sent[1]!.files[0]!.text).toBe(runText('Team A, second try'));
    await rm(join(dir, 'team-d.momentum-run'));
    await w.tick();
    expect(w.sent[2]!.files.map((f) => f.name)).toEqual(['team-a.momentum-run']);
    expect(w.sent.every((s) => s.watchId === 'watch-1')).toBe(true);
  });

  it('says when the folder can no longer be read, keeping the files read before', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'team-a.momentum-run'), runText('Team A'));
    const w = watcher(dir);
    await chosen(w.folders);
    await rm(dir, { recursive: true });
    await w.tick();
    expect(w.sent).toHaveLength(1);
    expect(w.sent[0]!.problem).toMatch(/^The folder “.+” could not be read \(ENOENT\); the files read before are kept\.$/);
    expect(w.sent[0]!.files.map((f) => f.name)).toEqual(['team-a.momentum-run']);
  });

  it('stops when asked, and watches one folder at a time', async () => {
    const dir = await tempDir();
    const w = watcher(dir);
    const first = await chosen(w.folders);
    const second = await chosen(w.folders);
    expect(second.watchId).not.toBe(first.watchId);
    expect(w.folders.watching).toBe(second.watchId);
    w.folders.stop(first.watchId);
    expect(w.folders.watching).toBe(second.watchId);
    w.folders.stop(second.watchId);
    expect(w.folders.watching).toBeNull();
    await writeFile(join(dir, 'team-a.momentum-run'), runText('Team A'));
    await w.tick();
    expect(w.sent).toEqual([]);
    expect(w.due).toEqual([]);
  });

  it('reports a cancelled dialog, and a chosen path that is not a readable folder', async () => {
    expect(await watcher(null).folders.choose()).toEqual({ ok: false, cancelled: true });
    const dir = await tempDir();
    await writeFile(join(dir, 'file.momentum-run'), runText('A'));
    const r = await watcher(join(dir, 'file.momentum-run')).folders.choose();
    expect(r).toEqual({ ok: false, cancelled: false, error: { code: 'unreadable', message: 'The folder “file.momentum-run” could not be read: it is not a folder.' } });
  });

  it("checks the files in the document checker's worker thread, with the engine's run-file parser", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'team-a.momentum-run'), runText('Team A'));
    await writeFile(join(dir, 'team-b.momentum-run'), runText('Team B').replace('"method": "expected"', '"method": "guess"'));
    const checker = new WorkerDocumentChecker({ entry: new URL('../../electron/main/files/document-worker-source.mjs', import.meta.url) });
    try {
      const first = await chosen(watcher(dir, { check: checker.check }).folders);
      expect(checker.running).toBe(true);
      expect(first.files[0]!.text).toBe(runText('Team A'));
      expect(first.files[1]!.problem).toMatchObject({ code: 'invalid', problems: [{ path: 'method' }] });
    } finally {
      await checker.close();
    }
  });
});
