import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FileSystem } from './fs-types';

/** Options of {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** Keep the previous version as `<file>.bak` (default true). */
  readonly keepBackup?: boolean;
  /** How many times to retry a rename that the OS refuses for a moment (Windows antivirus, indexers). */
  readonly renameRetries?: number;
  /** Wait between rename retries; tests pass a no-op. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly fs?: FileSystem;
  /** A unique suffix for the temp file (tests pin it). */
  readonly tempSuffix?: string;
}

/** The errors a rename can throw while another process briefly holds the file. */
const TRANSIENT = new Set(['EPERM', 'EACCES', 'EBUSY']);

/** Return the backup path kept next to a file. */
export function backupPath(path: string): string {
  return `${path}.bak`;
}

/** Return whether a name is one of our temp files (so folder scans can skip and clean them). */
export function isTempName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.momentum-tmp');
}

/** Return the temp path used while writing `path`: a hidden file in the same folder, so the rename stays on one file system. */
export function tempPath(path: string, suffix: string): string {
  return join(dirname(path), `.${basename(path)}.${suffix}.momentum-tmp`);
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Rename with retries on transient errors. */
async function renameWithRetries(fs: FileSystem, from: string, to: string, retries: number, sleep: (ms: number) => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (attempt >= retries || !TRANSIENT.has(code)) throw e;
      await sleep(Math.min(1000, 20 * 2 ** attempt));
    }
  }
}

/** Write bytes to a new file and flush them to the disk before closing. */
async function writeAndSync(fs: FileSystem, path: string, data: string | Uint8Array, mode: number | undefined): Promise<void> {
  const handle = await fs.open(path, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flush a folder's entry table so a rename survives power loss (POSIX only; Windows refuses and needs none). */
async function syncDir(fs: FileSystem, dir: string): Promise<void> {
  try {
    const h = await fs.open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // Not supported on this platform: the rename is still atomic, only its durability is the OS's.
  }
}

/**
 * Write `data` to `path` so that a crash at any moment leaves either the old file or the new
 * one, never a mixture: write a temp file in the same folder, fsync it, copy the current file
 * to `<path>.bak`, then rename the temp file over `path` (retrying transient refusals) and
 * fsync the folder. On failure the temp file is removed and the old file is untouched.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const sleep = options.sleep ?? defaultSleep;
  const retries = options.renameRetries ?? 8;
  const suffix = options.tempSuffix ?? `${process.pid.toString(36)}${Date.now().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
  const tmp = tempPath(path, suffix);
  let existingMode: number | undefined;
  let exists = false;
  try {
    const st = await fs.stat(path);
    if (!st.isFile()) throw Object.assign(new Error(`${path} is not a file`), { code: 'EISDIR' });
    exists = true;
    existingMode = st.mode & 0o777;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  try {
    await writeAndSync(fs, tmp, data, existingMode ?? 0o644);
    if (exists && options.keepBackup !== false) {
      // Copy (not rename) so that `path` exists at every instant; then make the copy durable by the same route.
      const bakTmp = tempPath(backupPath(path), suffix);
      await fs.copyFile(path, bakTmp);
      await renameWithRetries(fs, bakTmp, backupPath(path), retries, sleep);
    }
    await renameWithRetries(fs, tmp, path, retries, sleep);
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    await fs.unlink(tempPath(backupPath(path), suffix)).catch(() => undefined);
    throw e;
  }
  await syncDir(fs, dirname(path));
}
