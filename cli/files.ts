/** File access for the command line: reading inputs and writing outputs atomically. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkWriteTarget, writeFailureReason, writeFileAtomic } from '../node-shared/atomic-write';
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
