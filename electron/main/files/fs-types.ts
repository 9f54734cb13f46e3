import type { WriterFs } from '../../../node-shared/atomic-write';

/**
 * The slice of `node:fs/promises` the file modules use. Passing it in (rather than importing
 * it) lets tests put a failing file system underneath and simulate a crash at any step.
 */
export interface FileSystem extends WriterFs {
  readFile(path: string): Promise<Buffer>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  mkdir(path: string, options: { recursive: true }): Promise<string | undefined>;
}
