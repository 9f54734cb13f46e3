import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecoveryInfo } from '../../contract/ipc';
import { writeFileAtomic } from '../../../node-shared/atomic-write';
import type { AutosaveStore } from './autosave-store';
import type { FileSystem } from './fs-types';
import { readStoredJson } from './json-store';

/** The session marker's file name in the user-data folder. */
export const SESSION_MARKER_FILE = 'session.json';

/** What the marker holds while the app runs, and after it exits cleanly. */
export const SessionMarkerSchema = z.strictObject({
  state: z.enum(['running', 'clean-exit']),
  pid: z.number().int(),
  startedAt: z.string().max(64),
});

/** What the start of a session found about the one before. */
export interface SessionStart {
  /** True when the last session never wrote its clean exit (it crashed, was killed, or the machine lost power). */
  readonly previousCrashed: boolean;
}

/**
 * Tell a crash from a clean exit with a marker file: `running` is written at start and
 * `clean-exit` on a clean quit, so finding `running` at start means the last session died.
 * A damaged marker counts as a crash: offering recovery costs a question, missing it costs work.
 */
export class SessionMarker {
  private readonly path: string;
  private readonly fs: FileSystem;

  /** Keep the marker in `dir` (the user-data folder). */
  constructor(dir: string, fs: FileSystem = nodeFs) {
    this.path = join(dir, SESSION_MARKER_FILE);
    this.fs = fs;
  }

  /** Read the last session's marker, then mark this session as running. */
  async begin(pid: number, now: Date): Promise<SessionStart> {
    const read = await readStoredJson(this.path, SessionMarkerSchema, this.fs);
    const previousCrashed = read.ok ? read.value.state === 'running' : read.reason === 'corrupt';
    await this.write('running', pid, now);
    return { previousCrashed };
  }

  /** Mark a clean exit (after the user has saved or discarded every change). */
  async end(pid: number, startedAt: Date): Promise<void> {
    await this.write('clean-exit', pid, startedAt);
  }

  private async write(state: 'running' | 'clean-exit', pid: number, startedAt: Date): Promise<void> {
    const marker: z.input<typeof SessionMarkerSchema> = { state, pid, startedAt: startedAt.toISOString() };
    await writeFileAtomic(this.path, JSON.stringify(marker), { fs: this.fs, keepBackup: false });
  }
}

/**
 * Return what to offer back at start-up: every autosave left behind, and whether the last
 * session (or this session's renderer) crashed. After a clean exit autosaves are normally
 * gone (the user saved or discarded), so any left are offered too.
 */
export async function recoveryInfo(store: AutosaveStore, crashed: boolean): Promise<RecoveryInfo> {
  return { previousCrashed: crashed, docs: await store.list() };
}
