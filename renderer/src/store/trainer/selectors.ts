import type { AppState } from '../app-state';
import type { RoomAnswers } from '../../model/predictions';
import { nextRedo, nextUndo } from '../../model/undo-history';
import { clampRevealPosition, orderReveals, revealHidesEnding, revealVisibleUntilWeek, type RevealStep } from '../../model/reveal';

/** Return the reveal position for the loaded scenario (null when not revealing or it belongs to another scenario). */
export function selectRevealPosition(s: AppState): number | null {
  if (s.trainer.revealScenarioId !== s.scenario.id) return null;
  return clampRevealPosition(s.trainer.revealPosition, s.scenario.trainer.reveals.length);
}

/** Return the reveal the clock stands at, or null when the whole run shows. */
export function selectCurrentReveal(s: AppState): RevealStep | null {
  const pos = selectRevealPosition(s);
  return pos === null ? null : (orderReveals(s.scenario.trainer.reveals)[pos] ?? null);
}

/**
 * Return the last week the charts may show, or null for the whole run. The Explore charts
 * read this so that, while a trainer steps through reveals, the future stays hidden.
 */
export function selectVisibleUntilWeek(s: AppState): number | null {
  return revealVisibleUntilWeek(s.scenario.trainer.reveals, selectRevealPosition(s), s.scenario.horizonWeeks);
}

/** Return whether a reveal is under way that stops short of the run's end, so the lesson and verdicts wait. */
export function selectEndingHidden(s: AppState): boolean {
  return revealHidesEnding(selectVisibleUntilWeek(s), s.scenario.horizonWeeks);
}

/** Return whether the trainer has locked a lever in the loaded scenario. */
export function selectLeverLocked(s: AppState, id: string): boolean {
  return s.scenario.lockedLevers.includes(id);
}

const NO_ANSWERS: RoomAnswers = {};

/** Return the room's answers to the loaded scenario's prediction questions. */
export function selectRoomAnswers(s: AppState): RoomAnswers {
  return s.trainer.predictions[s.scenario.id] ?? NO_ANSWERS;
}

/** Return what Undo in the journey editor would undo (e.g. `remove initiative “e-CARE EPR phase 1”`), or null. */
export function selectDraftUndo(s: AppState): string | null {
  return nextUndo(s.trainer.draftHistory);
}

/** Return what Redo in the journey editor would redo, or null. */
export function selectDraftRedo(s: AppState): string | null {
  return nextRedo(s.trainer.draftHistory);
}
