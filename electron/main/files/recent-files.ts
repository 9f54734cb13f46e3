import * as nodeFs from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { DOCUMENT_KINDS, type DocumentKind } from '../../contract/ipc';
import { writeFileAtomic } from '../../../node-shared/atomic-write';
import type { FileSystem } from './fs-types';
import { readStoredJson } from './json-store';

/** How many recent files the File menu lists. */
export const MAX_RECENT = 10;

/** One recent file as stored in the user-data folder. */
export interface RecentEntry {
  readonly path: string;
  readonly kind: DocumentKind;
  readonly openedAt: string;
}

const RecentFileSchema = z.strictObject({
  version: z.literal(1),
  entries: z
    .array(
      z.strictObject({
        path: z.string().min(1).max(4096).refine(isAbsolute, 'not an absolute path'),
        kind: z.enum(DOCUMENT_KINDS as [DocumentKind, ...DocumentKind[]]),
        openedAt: z.string().max(64),
      }),
    )
    .max(1000),
});

/** Return `entries` with `entry` first, its older duplicate dropped, at most MAX_RECENT long. */
export function addRecent(entries: readonly RecentEntry[], entry: RecentEntry, samePath: (a: string, b: string) => boolean): RecentEntry[] {
  return [entry, ...entries.filter((e) => !samePath(e.path, entry.path))].slice(0, MAX_RECENT);
}

/** Return whether two paths name the same file on this OS (case-insensitive on Windows and macOS). */
export function samePathOn(platform: NodeJS.Platform): (a: string, b: string) => boolean {
  return platform === 'win32' || platform === 'darwin' ? (a, b) => a.toLowerCase() === b.toLowerCase() : (a, b) => a === b;
}

/** The recent-files list in `<userData>/recent-files.json`; a damaged list reads as empty. */
export class RecentFiles {
  private entries: RecentEntry[] | null = null;

  /** Keep the list at `path`. */
  constructor(
    private readonly path: string,
    private readonly samePath: (a: string, b: string) => boolean,
    private readonly fs: FileSystem = nodeFs,
  ) {}

  /** Return the list, newest first. */
  async list(): Promise<readonly RecentEntry[]> {
    if (!this.entries) {
      const read = await readStoredJson(this.path, RecentFileSchema, this.fs);
      this.entries = read.ok ? read.value.entries.slice(0, MAX_RECENT) : [];
    }
    return this.entries;
  }

  /** Put a file at the top of the list. */
  async add(path: string, kind: DocumentKind, now: Date): Promise<void> {
    this.entries = addRecent(await this.list(), { path, kind, openedAt: now.toISOString() }, this.samePath);
    await this.save();
  }

  /** Drop a file from the list (it was moved or deleted). */
  async remove(path: string): Promise<void> {
    this.entries = (await this.list()).filter((e) => !this.samePath(e.path, path));
    await this.save();
  }

  /** Empty the list. */
  async clear(): Promise<void> {
    this.entries = [];
    await this.save();
  }

  private async save(): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify({ version: 1, entries: this.entries ?? [] }), { fs: this.fs, keepBackup: false });
  }
}
