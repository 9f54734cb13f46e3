/**
 * The one file writer of the command line and the app's main process. A write either puts every
 * byte of the new file in place or leaves the old file exactly as it was, and says why it failed.
 */
import type { Stats } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The slice of `node:fs/promises` the writer uses. Passing it in lets tests put a failing file
 * system underneath: a disk that fills up part-way, or a crash at any step.
 */
export interface WriterFs {
  open(path: string, flags?: string, mode?: number): Promise<FileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<Stats>;
  lstat(path: string): Promise<Stats>;
  readlink(path: string): Promise<string>;
  copyFile(from: string, to: string): Promise<void>;
}

/** Options of {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** Keep the previous version as `<file>.bak` (default true). */
  readonly keepBackup?: boolean;
  /** How many times to retry a rename that the OS refuses for a moment (Windows antivirus, indexers). */
  readonly renameRetries?: number;
  /** Wait between rename retries; tests pass a no-op. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly fs?: WriterFs;
  /** A unique suffix for the temp file (tests pin it). */
  readonly tempSuffix?: string;
}

/** The errors a rename can throw while another process briefly holds the file. */
const TRANSIENT = new Set(['EPERM', 'EACCES', 'EBUSY']);
/** What opening or syncing a folder throws where the platform does not support it (Windows). */
const NO_DIR_SYNC = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF']);
/** Symbolic links followed before giving up, as the OS does (Linux MAXSYMLINKS). */
const MAX_LINKS = 40;

/** Return an error with a Node-style code, for refusals the writer makes itself. */
function coded(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

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

/**
 * Return why a write failed, in a few words a user can act on: "disk full", "read-only file",
 * "permission denied", … Falls back to the error's own message.
 */
export function writeFailureReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk full';
    case 'EROFS':
      return 'read-only file system';
    case 'EREADONLY':
      return 'read-only file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTREG':
      return 'not a regular file (a device, pipe or socket)';
    case 'EFBIG':
      return 'file too large for this disk';
    case 'EIO':
      return 'input/output error on the disk';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Rename with retries on transient errors. */
async function renameWithRetries(fs: WriterFs, from: string, to: string, retries: number, sleep: (ms: number) => Promise<void>): Promise<void> {
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

/** Return the file a path finally names: symbolic links are followed (even to a file not there yet), so a write replaces the target, not the link. */
async function followLinks(fs: WriterFs, path: string): Promise<string> {
  let current = resolve(path);
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    let st: Stats;
    try {
      st = await fs.lstat(current);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw e;
    }
    if (!st.isSymbolicLink()) return current;
    current = resolve(dirname(current), await fs.readlink(current));
  }
  throw coded('ELOOP', `${path}: too many symbolic links`);
}

/** Return the permission bits of an existing regular file at `path`, or undefined when there is none; refuse anything else and read-only files. */
async function existingFileMode(fs: WriterFs, path: string): Promise<number | undefined> {
  let st: Stats;
  try {
    st = await fs.stat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  if (st.isDirectory()) throw coded('EISDIR', `${path} is a folder, not a file`);
  if (!st.isFile()) throw coded('ENOTREG', `${path} is not a regular file (a device, pipe or socket), so it is not replaced`);
  // The owner's write bit: a file marked read-only stays as it is, even for root or an owner who could chmod it.
  if ((st.mode & 0o200) === 0) throw coded('EREADONLY', `${path} is read-only`);
  return st.mode & 0o777;
}

/** Write every byte to the handle, checking each count the OS returns: a short write is retried, a write of nothing means the disk is full. */
async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let done = 0;
  while (done < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.byteLength - done, done);
    if (bytesWritten <= 0) throw coded('ENOSPC', `the disk took ${done} of ${bytes.byteLength} bytes`);
    done += bytesWritten;
  }
}

/** Write bytes to a new file and flush them to the disk before closing; a close error counts too. */
async function writeAndSync(fs: WriterFs, path: string, data: string | Uint8Array, mode: number): Promise<void> {
  const handle = await fs.open(path, 'wx', mode);
  try {
    await writeAll(handle, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    throw e;
  }
  await handle.close();
}

/** Flush a folder's entry table so a rename survives power loss (POSIX only; Windows refuses and needs none). */
async function syncDir(fs: WriterFs, dir: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await fs.open(dir, 'r');
  } catch (e) {
    if (NO_DIR_SYNC.has((e as NodeJS.ErrnoException).code ?? '')) return;
    throw e;
  }
  try {
    await handle.sync();
  } catch (e) {
    if (!NO_DIR_SYNC.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Throw, as {@link writeFileAtomic} would, when `path` could not be written: its folder is missing,
 * or it names a folder, a device or a read-only file. Lets a command refuse before any work.
 */
export async function checkWriteTarget(path: string, fs: WriterFs = nodeFs): Promise<void> {
  const target = await followLinks(fs, path);
  await existingFileMode(fs, target);
  const folder = await fs.stat(dirname(target)).catch(() => null);
  if (!folder?.isDirectory()) throw coded('ENOENT', `the folder of ${path} does not exist`);
}

/**
 * Write `data` to `path` so that a failure at any moment leaves either the old file or the new
 * one, never a mixture: follow symbolic links to the file they name; refuse folders, devices and
 * read-only files; write a temp file in the same folder checking every byte count, fsync it, copy
 * the current file to `<path>.bak`, rename the temp file over the target (retrying transient
 * refusals) and fsync the folder. On failure the temp file is removed, the old file is untouched
 * and the error keeps its code ({@link writeFailureReason} turns it into words).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const sleep = options.sleep ?? defaultSleep;
  const retries = options.renameRetries ?? 8;
  const suffix = options.tempSuffix ?? `${process.pid.toString(36)}${Date.now().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
  const target = await followLinks(fs, path);
  const existingMode = await existingFileMode(fs, target);
  const tmp = tempPath(target, suffix);
  try {
    await writeAndSync(fs, tmp, data, existingMode ?? 0o644);
    if (existingMode !== undefined && options.keepBackup !== false) {
      // Copy (not rename) so that the target exists at every instant; then make the copy durable by the same route.
      const bakTmp = tempPath(backupPath(target), suffix);
      await fs.copyFile(target, bakTmp);
      await renameWithRetries(fs, bakTmp, backupPath(target), retries, sleep);
    }
    await renameWithRetries(fs, tmp, target, retries, sleep);
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    await fs.unlink(tempPath(backupPath(target), suffix)).catch(() => undefined);
    throw e;
  }
  await syncDir(fs, dirname(target));
}
