import { checkDocumentBytes } from './document-check';
import type { TeamFolderFile, TeamFolderSnapshot, TeamFolderWatch } from './platform';

// The browser's side of a multi-team round: a folder handle from showDirectoryPicker, read again every
// couple of seconds (browsers tell a page nothing when a folder changes), or several files chosen at once
// where a browser has no folder picker. The Electron main process keeps the same limits
// (electron/main/files/team-folder.ts).

/** The extension of the files a round reads. */
export const TEAM_FILE_EXTENSION = '.momentum-run';
/** The largest team file read: a saved run of a prepared scenario is under 100 KB. */
export const MAX_TEAM_FILE_BYTES = 2 * 1024 * 1024;
/** The most run files read from one folder (by name); Compare shows ten runs at once. */
export const MAX_TEAM_FILES = 40;
/** How often the folder is read again, in milliseconds. */
export const TEAM_FOLDER_POLL_MS = 2000;

/** The slice of a directory handle the watch uses (async iteration is not in TypeScript's DOM lib yet). */
export interface DirectoryLike {
  readonly name: string;
  values(): AsyncIterable<{ readonly kind: 'file' | 'directory'; readonly name: string; getFile?: () => Promise<File> }>;
}

/** Return a file's bytes as a team file: its checked text, or why it cannot be read. */
export async function readTeamFile(file: File): Promise<TeamFolderFile> {
  const base = { name: file.name, modified: file.lastModified };
  if (file.size > MAX_TEAM_FILE_BYTES) {
    return { ...base, problem: { code: 'too-large', message: `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; a team's run file is at most ${MAX_TEAM_FILE_BYTES / 1048576} MB.` } };
  }
  const checked = checkDocumentBytes(file.name, 'run', new Uint8Array(await file.arrayBuffer()));
  return checked.ok ? { ...base, text: checked.text } : { ...base, problem: checked.problem };
}

function isTeamFileName(name: string): boolean {
  return name.toLowerCase().endsWith(TEAM_FILE_EXTENSION) && !name.startsWith('.');
}

/** Return a key that changes whenever the snapshot would. */
function snapshotKey(files: readonly TeamFolderFile[], skipped: number, problem: string | undefined): string {
  return JSON.stringify([files.map((f) => [f.name, f.modified, f.text?.length ?? -1, f.problem?.message ?? '']), skipped, problem ?? '']);
}

/**
 * Watch a folder handle: read its run files now and again every `pollMs`, and report a snapshot whenever
 * a file was added, changed or removed, or the folder could not be read. Unchanged files (same time and
 * size) are not read again. Subfolders are never entered.
 */
export function watchDirectory(
  dir: DirectoryLike,
  watchId: string,
  onChange: (snapshot: TeamFolderSnapshot) => void,
  timers: { setTimeout: (fn: () => void, ms: number) => number; clearTimeout: (id: number) => void },
  pollMs = TEAM_FOLDER_POLL_MS,
): { watch: TeamFolderWatch; first: Promise<void> } {
  const cache = new Map<string, { stamp: string; file: TeamFolderFile }>();
  let files: readonly TeamFolderFile[] = [];
  let lastKey = '';
  let stopped = false;
  let timer: number | undefined;

  async function scan(): Promise<void> {
    let skipped = 0;
    let problem: string | undefined;
    try {
      const entries: { name: string; getFile: () => Promise<File> }[] = [];
      for await (const entry of dir.values()) {
        if (entry.kind === 'file' && entry.getFile && isTeamFileName(entry.name)) entries.push({ name: entry.name, getFile: entry.getFile.bind(entry) });
      }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      skipped = Math.max(0, entries.length - MAX_TEAM_FILES);
      const next: TeamFolderFile[] = [];
      for (const entry of entries.slice(0, MAX_TEAM_FILES)) {
        let file: File;
        try {
          file = await entry.getFile();
        } catch {
          continue; // deleted between listing and reading: the next scan no longer lists it
        }
        const stamp = `${file.lastModified}:${file.size}`;
        const known = cache.get(entry.name);
        const read = known?.stamp === stamp ? known.file : await readTeamFile(file);
        cache.set(entry.name, { stamp, file: read });
        next.push(read);
      }
      for (const name of [...cache.keys()]) if (!next.some((f) => f.name === name)) cache.delete(name);
      files = next;
    } catch (e) {
      problem = `The folder “${dir.name}” could not be read (${(e as Error).message}); the files read before are kept.`;
    }
    if (stopped) return;
    const key = snapshotKey(files, skipped, problem);
    if (key !== lastKey) {
      lastKey = key;
      onChange({ watchId, folder: dir.name, files, skipped, ...(problem ? { problem } : {}) });
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = timers.setTimeout(() => void scan().finally(schedule), pollMs);
  }

  const first = scan().finally(schedule);
  return {
    watch: {
      folder: dir.name,
      live: true,
      stop: () => {
        stopped = true;
        if (timer !== undefined) timers.clearTimeout(timer);
      },
    },
    first,
  };
}

/** Read several chosen files once, as a snapshot that will not change (browsers without a folder picker). */
export async function snapshotOfFiles(files: readonly File[], watchId: string): Promise<TeamFolderSnapshot> {
  const chosen = files.filter((f) => isTeamFileName(f.name)).sort((a, b) => a.name.localeCompare(b.name));
  const read = await Promise.all(chosen.slice(0, MAX_TEAM_FILES).map(readTeamFile));
  return { watchId, folder: `${files.length} chosen file${files.length === 1 ? '' : 's'}`, files: read, skipped: Math.max(0, chosen.length - MAX_TEAM_FILES) + (files.length - chosen.length) };
}
