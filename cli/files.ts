/** File access for the command line: reading inputs and writing outputs atomically. */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './args';

/** Return a path resolved against the command's working directory. */
export function resolvePath(cwd: string, file: string): string {
  return resolve(cwd, file);
}

/** Read a text file; throw InputError saying which file and why when it cannot be read. */
export function readText(cwd: string, file: string): string {
  try {
    return readFileSync(resolvePath(cwd, file), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : String((err as Error).message);
    throw new InputError(`${file}: (file): cannot read: ${why}`);
  }
}

/**
 * Write a file atomically: write a temporary file in the same folder, flush it to disk and
 * rename it over the target, so readers see the old file or the new one, never half of one.
 * On any failure the temporary file is removed and nothing is left behind.
 */
export function writeAtomic(cwd: string, file: string, text: string): void {
  const target = resolvePath(cwd, file);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx');
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'the folder does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : String((err as Error).message);
    throw new InputError(`${file}: (file): cannot write: ${why}`);
  }
}
