import * as nodeFs from 'node:fs/promises';
import type { z } from 'zod';
import type { FileSystem } from './fs-types';

/** The outcome of reading one of the app's own JSON files. */
export type StoredJson<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: 'missing' | 'corrupt'; readonly detail?: string };

/** The largest file of the app's own (settings, recents, autosave) it will read. */
export const MAX_STORE_BYTES = 64 * 1024 * 1024;

/**
 * Read one of the app's own JSON files and check it with a zod schema. A missing file and a
 * damaged one are told apart; neither throws, because a bad settings file must never stop
 * the app from starting.
 */
export async function readStoredJson<S extends z.ZodType>(path: string, schema: S, fs: FileSystem = nodeFs): Promise<StoredJson<z.output<S>>> {
  let text: string;
  try {
    const st = await fs.stat(path);
    if (!st.isFile() || st.size > MAX_STORE_BYTES) return { ok: false, reason: 'corrupt', detail: 'not a file of a sensible size' };
    text = await fs.readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: 'missing' };
    return { ok: false, reason: 'corrupt', detail: (e as Error).message };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: 'corrupt', detail: (e as Error).message };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: 'corrupt', detail: parsed.error.issues[0]?.message ?? 'invalid' };
  return { ok: true, value: parsed.data };
}

/**
 * Move a damaged file aside as `<path>.corrupt-<n>` so that nothing ever writes over it
 * (it may still hold work someone can rescue by hand). Returns the new path, or null.
 */
export async function quarantine(path: string, fs: FileSystem = nodeFs): Promise<string | null> {
  for (let n = 1; n < 1000; n++) {
    const target = `${path}.corrupt-${n}`;
    try {
      await fs.stat(target);
      continue;
    } catch {
      // free name
    }
    try {
      await fs.rename(path, target);
      return target;
    } catch {
      return null;
    }
  }
  return null;
}
