/** File access for the command line: reading inputs and writing outputs atomically. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { decodeFileText, MAX_FILE_BYTES } from '../engine/core';
import { checkWriteTarget, writeFailureReason, writeFileAtomic } from '../node-shared/atomic-write';
import { InputError } from './args';

/** Return a path resolved against the command's working directory. */
export function resolvePath(cwd: string, file: string): string {
  return resolve(cwd, file);
}

/** The file name that stands for standard input (`momentum run -`) or standard output (`--out -`). */
export const STDIN = '-';
export const STDOUT = '-';

/** The UTF-8 byte order mark `--excel` starts a CSV with, so that Excel on Windows reads "score 1–5" as written. */
export const BOM = '\uFEFF';

/** How much is read at a time. */
const CHUNK = 1 << 16;

/**
 * Read a UTF-8 text file of at most MAX_FILE_BYTES (20 MB), decoded by the engine's decodeFileText
 * (one byte-order mark allowed, invalid UTF-8 refused at its byte offset); throw InputError saying which file and why
 * when it cannot be read. A regular file over the limit is refused from its size before a byte is
 * read; a pipe or device (`/dev/zero`) is read only up to the limit and then refused.
 */
export function readText(cwd: string, file: string): string {
  const shown = file === STDIN ? '(stdin)' : file;
  const tooLarge = `${shown}: (file): cannot read: it is larger than ${MAX_FILE_BYTES / 1048576} MB, the most a scenario or run file may be`;
  let fd: number | undefined;
  const stdin = file === STDIN;
  try {
    fd = stdin ? 0 : openSync(resolvePath(cwd, file), 'r');
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (st.isFile() && st.size > MAX_FILE_BYTES) throw new InputError(tooLarge);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      let n: number;
      try {
        n = readSync(fd, chunk, 0, CHUNK, null);
      } catch (err) {
        // A pipe opened non-blocking has nothing yet: wait for it, then read again.
        if (stdin && (err as NodeJS.ErrnoException).code === 'EAGAIN') {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
          continue;
        }
        if (stdin && (err as NodeJS.ErrnoException).code === 'EOF') break;
        throw err;
      }
      if (n === 0) break;
      total += n;
      if (total > MAX_FILE_BYTES) throw new InputError(tooLarge);
      chunks.push(chunk.subarray(0, n));
    }
    // The app decodes with the same function, so both accept and refuse the same bytes.
    const decoded = decodeFileText(Buffer.concat(chunks, total));
    if (!decoded.ok) throw new InputError(`${file}: (file): cannot read: it ${decoded.message}`);
    return decoded.text;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : String((err as Error).message);
    throw new InputError(`${shown}: (file): cannot read: ${why}`);
  } finally {
    if (fd !== undefined && !stdin) closeSync(fd);
  }
}

/**
 * Write a file atomically through the writer the app uses (node-shared/atomic-write.ts): every byte
 * count checked, the file and its folder flushed, symbolic links followed to their target, and
 * folders, devices and read-only files refused. On any failure the old file stays as it was, nothing
 * temporary is left behind, and the InputError names the reason ("disk full", "read-only file", …).
 */
export async function writeAtomic(cwd: string, file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(resolvePath(cwd, file), text, { keepBackup: false });
  } catch (err) {
    throw cannotWrite(file, err);
  }
}

/** Throw InputError, as {@link writeAtomic} would, when `file` could not be written; nothing is written. */
export async function checkOutput(cwd: string, file: string): Promise<void> {
  try {
    await checkWriteTarget(resolvePath(cwd, file));
  } catch (err) {
    throw cannotWrite(file, err);
  }
}

/** Return the InputError for a file that could not be written, naming the reason. */
function cannotWrite(file: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? `the folder ${dirname(file) || '.'} does not exist` : writeFailureReason(err);
  return new InputError(`${file}: (file): cannot write: ${why}; nothing was changed.`);
}
