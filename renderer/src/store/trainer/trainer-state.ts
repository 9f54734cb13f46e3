import type { Draft } from 'immer';
import type { RoomAnswers } from '../../model/predictions';
import type { EditStep, UndoHistory } from '../../model/undo-history';
import type { RevealPosition } from '../../model/reveal';
import type { SessionTimer } from '../../model/timer';
import type { ScenarioSlice } from '../scenario/scenario-state';

/** The scenario document the trainer works on (the same type the scenario slice holds). */
export type TrainerScenario = ScenarioSlice['scenario'];

/** The trainer slice's state: reveal position, session timer, briefing panel and the editor's draft. */
export interface TrainerState {
  /** Where the trainer is in the scenario's reveals; null = not revealing (the whole run shows). */
  revealPosition: RevealPosition;
  /** The scenario id the reveal position belongs to; another scenario starts from the whole run. */
  revealScenarioId: string | null;
  /** The room's answers to the prediction questions, by scenario id and then question id; kept across reloads. */
  predictions: Record<string, RoomAnswers>;
  /** The session timer (start/pause/reset). */
  timer: SessionTimer;
  /** Whether the briefing and facilitator panel beside the charts is open. */
  panelOpen: boolean;
  /** The staged-journey editor's working copy, or null before the editor first opens. */
  draft: TrainerScenario | null;
  /** The loaded scenario the draft was started from, to notice when another one is loaded. */
  draftFrom: TrainerScenario | null;
  /** Whether the draft differs from what it was started from (or last saved as); undoing back to that is clean again. */
  draftDirty: boolean;
  /** When the draft was last edited (ms since 1970), null while it has no unsaved edits; autosave and recovery compare drafts by it. */
  draftEditedAt: number | null;
  /** The draft's undo history (at most MAX_DRAFT_HISTORY steps): kept when the draft is saved, emptied when another draft begins. */
  draftHistory: UndoHistory<TrainerScenario>;
}

/** Options of a draft edit. */
export interface DraftEditOptions {
  /** What the edit does and whether it merges into the newest undo step; default: a step of its own, “edit the journey”. */
  readonly step?: EditStep;
  /** When it was made (ms since 1970); default: now. */
  readonly nowMs?: number;
}

/** The trainer slice: the facilitator kit's state and actions, and the staged-journey editor's draft. */
export interface TrainerSlice {
  trainer: TrainerState;
  /** Lock or unlock a lever in the loaded scenario (saved in its `lockedLevers`); locking returns it to the scenario's value. */
  setLeverLocked(id: string, locked: boolean): void;
  /** Start revealing: the clock goes to the first scripted moment. */
  startReveals(): void;
  /** Advance the clock to the next scripted moment (the first, when not yet revealing). */
  nextReveal(): void;
  /** Go back to the previous scripted moment. */
  previousReveal(): void;
  /** Stop revealing: the charts show the whole run again. */
  endReveals(): void;
  /** Record how many of the room chose an option of a vote of the loaded scenario (a whole number, 0 or more). */
  recordVotes(questionId: string, optionId: string, votes: number): void;
  /** Record the figures the room gave to a number question of the loaded scenario (none clears them). */
  recordFigures(questionId: string, figures: readonly number[]): void;
  /** Forget the room's answers to the loaded scenario's questions, to start a new session. */
  clearPredictions(): void;
  /** Put back answers kept from an earlier session, by scenario id (answers already recorded now win). */
  restorePredictions(saved: Readonly<Record<string, RoomAnswers>>): void;
  /** Start (or resume) the session timer at `nowMs`. */
  startSessionTimer(nowMs: number): void;
  /** Pause the session timer at `nowMs`. */
  pauseSessionTimer(nowMs: number): void;
  /** Return the session timer to zero, stopped. */
  resetSessionTimer(): void;
  /** Open or close the briefing and facilitator panel. */
  setTrainerPanelOpen(open: boolean): void;
  /** Start editing a copy of `scenario` (discarding any earlier draft and its undo history). */
  beginDraft(scenario: TrainerScenario): void;
  /**
   * Change the draft (an immer recipe) as one undo step, or as part of the newest one when the step's merge
   * key matches; an edit that changes nothing records nothing.
   */
  updateDraft(recipe: (draft: Draft<TrainerScenario>) => void, opts?: DraftEditOptions): void;
  /** Put the draft back to what it was started from or last saved as, in one undo step (“discard changes”). */
  discardDraftChanges(nowMs?: number): void;
  /** Undo the newest draft edit; returns what was undone, or null when there was nothing to undo. */
  undoDraft(nowMs?: number): string | null;
  /** Redo the newest undone draft edit; returns what was redone, or null when there was nothing to redo. */
  redoDraft(nowMs?: number): string | null;
  /** Put back a draft kept aside by autosave (unsaved, edited at `editedAt`), over the loaded scenario; no undo history. */
  restoreDraft(draft: TrainerScenario, editedAt: number): void;
  /** Mark the draft as saved: it now stands for `savedAs` (the scenario that was saved and loaded); the undo history stays. */
  markDraftSaved(savedAs: TrainerScenario): void;
}
