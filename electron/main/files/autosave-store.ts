import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DOCUMENT_KINDS, type AutosaveDoc, type DocumentKind } from '../../contract/ipc';
import { writeFileAtomic } from '../../../node-shared/atomic-write';
import type { FileSystem } from './fs-types';
import { quarantine, readStoredJson } from './json-store';

/** The format of an autosave file in the user-data folder. */
export const AutosaveFileSchema = z.strictObject({
  format: z.literal('momentum-autosave'),
  version: z.literal(1),
  kind: z.enum(DOCUMENT_KINDS as [DocumentKind, ...DocumentKind[]]),
  name: z.string().max(1024),
  text: z.string(),
  fileId: z.string().max(256).optional(),
  savedAt: z.string().max(64),
});

/** Options of {@link AutosaveStore}. */
export interface AutosaveStoreOptions {
  readonly fs?: FileSystem;
  readonly now?: () => Date;
  /** Told when an autosave file was found damaged and moved aside. */
  readonly onCorrupt?: (path: string, movedTo: string | null) => void;
}

/**
 * Unsaved work in `<userData>/autosave/<kind>.json`, one slot per document kind, each
 * written atomically. A damaged slot is moved aside (never overwritten) and reads as empty.
 */
export class AutosaveStore {
  private readonly fs: FileSystem;
  private readonly now: () => Date;

  /** Keep autosaves under `dir` (created on first write). */
  constructor(
    readonly dir: string,
    private readonly options: AutosaveStoreOptions = {},
  ) {
    this.fs = options.fs ?? nodeFs;
    this.now = options.now ?? (() => new Date());
  }

  /** Return the file of one slot. */
  pathOf(kind: DocumentKind): string {
    return join(this.dir, `${kind}.json`);
  }

  /** Put work aside, replacing the slot's earlier autosave. */
  async put(doc: AutosaveDoc): Promise<void> {
    await this.fs.mkdir(this.dir, { recursive: true });
    const file: z.input<typeof AutosaveFileSchema> = {
      format: 'momentum-autosave',
      version: 1,
      kind: doc.kind,
      name: doc.name,
      text: doc.text,
      ...(doc.fileId !== undefined ? { fileId: doc.fileId } : {}),
      savedAt: this.now().toISOString(),
    };
    // No .bak: an autosave is itself the safety copy, and a stale .bak would be offered nowhere.
    await writeFileAtomic(this.pathOf(doc.kind), JSON.stringify(file), { fs: this.fs, keepBackup: false });
  }

  /** Return a slot's work, or null when empty or damaged (a damaged file is moved aside). */
  async get(kind: DocumentKind): Promise<AutosaveDoc | null> {
    const path = this.pathOf(kind);
    const read = await readStoredJson(path, AutosaveFileSchema, this.fs);
    if (read.ok) {
      if (read.value.kind !== kind) return null;
      const { name, text, fileId, savedAt } = read.value;
      return fileId !== undefined ? { kind, name, text, fileId, savedAt } : { kind, name, text, savedAt };
    }
    if (read.reason === 'corrupt') this.options.onCorrupt?.(path, await quarantine(path, this.fs));
    return null;
  }

  /** Return every slot's work, newest first. */
  async list(): Promise<AutosaveDoc[]> {
    const docs: AutosaveDoc[] = [];
    for (const kind of DOCUMENT_KINDS) {
      const doc = await this.get(kind);
      if (doc) docs.push(doc);
    }
    return docs.sort((a, b) => (b.savedAt ?? '').localeCompare(a.savedAt ?? ''));
  }

  /** Empty one slot. */
  async clear(kind: DocumentKind): Promise<void> {
    await this.fs.unlink(this.pathOf(kind)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }

  /** Empty every slot. */
  async clearAll(): Promise<void> {
    for (const kind of DOCUMENT_KINDS) await this.clear(kind);
  }
}
