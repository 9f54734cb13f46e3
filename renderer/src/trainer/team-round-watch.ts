import { useSyncExternalStore } from 'react';
import { getPlatform, type TeamFolderSnapshot, type TeamFolderWatch } from '../platform';
import { useAppStore } from '../store';
import type { TeamRun } from '../model/team-round';

/*
 * The folder of the multi-team round being watched, kept outside any view so that the watch goes on while
 * the facilitator is in Explore, and the teams' runs it has put into Compare. One round at a time.
 */

/** What the round's folder holds now, as the platform last reported it. */
export interface RoundFolderState {
  /** The folder's name (or "3 chosen files"), null while no round is open. */
  readonly folder: string | null;
  /** Whether changes keep arriving (false where the browser only read files chosen once). */
  readonly live: boolean;
  readonly snapshot: TeamFolderSnapshot | null;
}

const CLOSED: RoundFolderState = { folder: null, live: false, snapshot: null };
let state: RoundFolderState = CLOSED;
let watch: TeamFolderWatch | null = null;
/** The watch whose reports reach the state. */
let current: object | null = null;
const listeners = new Set<() => void>();

/** The Compare runs of the round's teams, by file name; `stamp` tells a changed file from the one added. */
const teamRuns = new Map<string, { readonly id: string; readonly stamp: string }>();

function set(next: RoundFolderState): void {
  state = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Return the round's folder state, re-rendering when it changes. */
export function useRoundFolder(): RoundFolderState {
  return useSyncExternalStore(subscribe, () => state);
}

/** Ask for the round's folder and watch it instead of the one before; false when cancelled (the old one goes on). */
export async function chooseRoundFolder(): Promise<boolean> {
  const token = {};
  let latest: TeamFolderSnapshot | null = null;
  // Until the new watch is in place, the old one keeps reporting and the new one's snapshots are held.
  const next = await getPlatform().watchTeamFolder((snapshot) => {
    if (current === token) set({ ...state, snapshot });
    else latest = snapshot;
  });
  if (!next || !latest) {
    next?.stop();
    return false;
  }
  watch?.stop();
  watch = next;
  current = token;
  set({ folder: next.folder, live: next.live, snapshot: latest });
  return true;
}

/**
 * Stop watching the round's folder; the teams' runs stay open in Compare, and stay known as theirs, so
 * choosing the folder again does not open them twice.
 */
export function stopRoundFolder(): void {
  watch?.stop();
  watch = null;
  current = null;
  set(CLOSED);
}

/** Return the ids of the Compare runs that belong to the round. */
export function roundRunIds(): ReadonlySet<string> {
  return new Set([...teamRuns.values()].map((r) => r.id));
}

/**
 * Put the round's teams into Compare under their team names: add new teams, replace a team whose file
 * changed, and close the run of a team whose file left the round. A team run the facilitator closed stays
 * closed until its file changes.
 */
export function syncTeamRuns(teams: readonly TeamRun[]): void {
  const store = useAppStore.getState();
  const present = new Set(teams.map((t) => t.fileName));
  for (const [fileName, entry] of [...teamRuns]) {
    if (present.has(fileName)) continue;
    teamRuns.delete(fileName);
    if (useAppStore.getState().openRuns.some((r) => r.id === entry.id)) store.removeRun(entry.id);
  }
  for (const t of teams) {
    const stamp = `${t.modified}:${t.run.savedAt}:${t.team}`;
    const known = teamRuns.get(t.fileName);
    if (known?.stamp === stamp) continue;
    if (known) store.removeRun(known.id);
    teamRuns.delete(t.fileName);
    const id = store.addRun({ origin: 'file', fileName: t.fileName, run: { ...t.run, label: t.team } });
    if (id) teamRuns.set(t.fileName, { id, stamp });
  }
}
