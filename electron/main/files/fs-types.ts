import type { FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';

/**
 * The slice of `node:fs/promises` the file modules use. Passing it in (rather than importing
 * it) lets tests put a failing file system underneath and simulate a crash at any step.
 */
export interface FileSystem {
  open(path: string, flags?: string, mode?: number): Promise<FileHandle>;
  readFile(path: string): Promise<Buffer>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<Stats>;
  copyFile(from: string, to: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<string | undefined>;
}
