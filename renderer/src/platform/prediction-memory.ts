import type { createAppStore } from '../store';
import { MAX_FIGURES, type RoomAnswer, type RoomAnswers } from '../model/predictions';

/** The store the predictions are kept from. */
type AppStore = ReturnType<typeof createAppStore>;

/** Where the room's predictions are kept between sessions (every scenario's, by scenario id). */
export const PREDICTIONS_KEY = 'momentum:predictions';

/** Return the page's localStorage, or null where there is none (or it refuses access). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function readAnswer(v: unknown): RoomAnswer | null {
  if (!isRecord(v)) return null;
  if (v.kind === 'vote' && isRecord(v.counts)) {
    const counts: Record<string, number> = {};
    for (const [id, n] of Object.entries(v.counts)) if (isCount(n)) counts[id] = n;
    return { kind: 'vote', counts };
  }
  if (v.kind === 'number' && Array.isArray(v.figures)) {
    const figures = v.figures.filter((f): f is number => typeof f === 'number' && Number.isFinite(f)).slice(0, MAX_FIGURES);
    return figures.length > 0 ? { kind: 'number', figures } : null;
  }
  return null;
}

/**
 * Return the predictions kept in storage, by scenario id, keeping only well-formed answers: a damaged or
 * hand-edited entry loses the answers it spoils, never the others.
 */
export function readKeptPredictions(text: string | null): Record<string, RoomAnswers> {
  let saved: unknown = null;
  try {
    saved = JSON.parse(text ?? 'null');
  } catch {
    return {};
  }
  if (!isRecord(saved)) return {};
  const out: Record<string, RoomAnswers> = {};
  for (const [scenarioId, answers] of Object.entries(saved)) {
    if (!isRecord(answers)) continue;
    const kept: Record<string, RoomAnswer> = {};
    for (const [questionId, answer] of Object.entries(answers)) {
      const read = readAnswer(answer);
      if (read) kept[questionId] = read;
    }
    if (Object.keys(kept).length > 0) out[scenarioId] = kept;
  }
  return out;
}

/**
 * Keep the room's predictions across reloads, with the session: written whenever they change, put back when the
 * app starts. A storage that is full or refuses access only loses the memory, never the answers on screen.
 * Returns the function that stops it.
 */
export function rememberPredictions(store: AppStore, kept: Storage | null = storage()): () => void {
  if (!kept) return () => undefined;
  const saved = readKeptPredictions(kept.getItem(PREDICTIONS_KEY));
  if (Object.keys(saved).length > 0) store.getState().restorePredictions(saved);
  return store.subscribe((s, prev) => {
    if (s.trainer.predictions === prev.trainer.predictions) return;
    try {
      const nonEmpty = Object.entries(s.trainer.predictions).filter(([, answers]) => Object.keys(answers).length > 0);
      if (nonEmpty.length === 0) kept.removeItem(PREDICTIONS_KEY);
      else kept.setItem(PREDICTIONS_KEY, JSON.stringify(Object.fromEntries(nonEmpty)));
    } catch {
      // A full or locked storage forgets the predictions between sessions; they stay on screen.
    }
  });
}
