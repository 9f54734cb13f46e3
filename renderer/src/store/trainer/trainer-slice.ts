import { castDraft, produce } from 'immer';
import type { AppState, SliceCreator } from '../app-state';
import type { TrainerScenario, TrainerSlice } from './trainer-state';
import { MAX_FIGURES } from '../../model/predictions';
import { nextRevealPosition, orderReveals, previousRevealPosition, type RevealPosition } from '../../model/reveal';
import { pauseTimer, startTimer, STOPPED_TIMER } from '../../model/timer';
import { emptyHistory, recordEdit, redoEdit, undoEdit, type EditStep, type HistoryMove } from '../../model/undo-history';

export type { DraftEditOptions, TrainerScenario, TrainerSlice, TrainerState } from './trainer-state';

/** Draft undo steps kept; older ones are dropped. */
export const MAX_DRAFT_HISTORY = 200;

const UNNAMED_EDIT: EditStep = { label: 'edit the journey' };

// The step of the draft edits made while a field's change handler runs (see withDraftStep).
let ambientStep: EditStep | null = null;

/**
 * Run `edit` so that every draft edit it makes without a step of its own is recorded as `step`. The
 * editor's fields wrap their change handlers in it: a field knows what it is and when typing into it
 * starts and stops, while the handler an editor passes it knows only what to change.
 */
export function withDraftStep<T>(step: EditStep, edit: () => T): T {
  const outer = ambientStep;
  ambientStep = step;
  try {
    return edit();
  } finally {
    ambientStep = outer;
  }
}

const revealCount = (s: AppState): number => orderReveals(s.scenario.trainer.reveals).length;

/** Create the trainer slice. */
export const createTrainerSlice: SliceCreator<TrainerSlice> = (set, get) => {
  const moveReveal = (step: (pos: RevealPosition, count: number) => RevealPosition) =>
    set((s) => {
      const current = s.trainer.revealScenarioId === s.scenario.id ? s.trainer.revealPosition : null;
      s.trainer.revealPosition = step(current, revealCount(s as AppState));
      s.trainer.revealScenarioId = s.scenario.id;
    });
  // Put `draft` in place with `history`; it is unsaved unless it is again what the editor started from or saved.
  const putDraft = (draft: TrainerScenario, history: TrainerSlice['trainer']['draftHistory'], nowMs: number) => {
    // Compared outside `set`, where the state is the committed objects rather than immer's proxies of them.
    const dirty = draft !== get().trainer.draftFrom;
    set((s) => {
      s.trainer.draft = castDraft(draft);
      s.trainer.draftHistory = castDraft(history);
      s.trainer.draftDirty = dirty;
      s.trainer.draftEditedAt = dirty ? nowMs : null;
    });
  };
  const move = (
    step: (history: TrainerSlice['trainer']['draftHistory'], current: TrainerScenario) => HistoryMove<TrainerScenario> | null,
    nowMs: number,
  ): string | null => {
    const { draft, draftHistory } = get().trainer;
    const moved = draft ? step(draftHistory, draft) : null;
    if (!moved) return null;
    putDraft(moved.state, moved.history, nowMs);
    return moved.label;
  };
  return {
    trainer: {
      revealPosition: null,
      revealScenarioId: null,
      predictions: {},
      timer: STOPPED_TIMER,
      panelOpen: true,
      draft: null,
      draftFrom: null,
      draftDirty: false,
      draftEditedAt: null,
      draftHistory: emptyHistory(),
    },
    setLeverLocked: (id, locked) =>
      set((s) => {
        const list = s.scenario.lockedLevers;
        const has = list.includes(id);
        if (locked === has) return;
        if (locked) {
          // A lock fixes the lever at the value the file gives it, which is what a reopened file shows.
          s.scenario.lockedLevers = [...list, id];
          delete s.overrides[id];
          // Undo and redo restore whole sets of overrides; drop this lever from them so they cannot move it.
          for (const step of [...s.past, ...s.future]) delete step[id];
        } else s.scenario.lockedLevers = list.filter((x) => x !== id);
        s.dirty = true;
      }),
    startReveals: () => moveReveal((_pos, count) => nextRevealPosition(null, count)),
    nextReveal: () => moveReveal(nextRevealPosition),
    previousReveal: () => moveReveal(previousRevealPosition),
    endReveals: () =>
      set((s) => {
        s.trainer.revealPosition = null;
      }),
    recordVotes: (questionId, optionId, votes) =>
      set((s) => {
        const mine = (s.trainer.predictions[s.scenario.id] ??= {});
        const was = mine[questionId];
        const counts = was?.kind === 'vote' ? { ...was.counts } : {};
        counts[optionId] = Number.isFinite(votes) ? Math.max(0, Math.round(votes)) : 0;
        mine[questionId] = { kind: 'vote', counts };
      }),
    recordFigures: (questionId, figures) =>
      set((s) => {
        const mine = (s.trainer.predictions[s.scenario.id] ??= {});
        const kept = figures.filter((f) => Number.isFinite(f)).slice(0, MAX_FIGURES);
        if (kept.length === 0) delete mine[questionId];
        else mine[questionId] = { kind: 'number', figures: kept };
      }),
    clearPredictions: () =>
      set((s) => {
        delete s.trainer.predictions[s.scenario.id];
      }),
    restorePredictions: (saved) =>
      set((s) => {
        for (const [scenarioId, answers] of Object.entries(saved)) {
          s.trainer.predictions[scenarioId] = castDraft({ ...answers, ...s.trainer.predictions[scenarioId] });
        }
      }),
    startSessionTimer: (nowMs) =>
      set((s) => {
        s.trainer.timer = startTimer(s.trainer.timer, nowMs);
      }),
    pauseSessionTimer: (nowMs) =>
      set((s) => {
        s.trainer.timer = pauseTimer(s.trainer.timer, nowMs);
      }),
    resetSessionTimer: () =>
      set((s) => {
        s.trainer.timer = STOPPED_TIMER;
      }),
    setTrainerPanelOpen: (open) =>
      set((s) => {
        s.trainer.panelOpen = open;
      }),
    beginDraft: (scenario) =>
      set((s) => {
        s.trainer.draft = castDraft(scenario);
        s.trainer.draftFrom = castDraft(scenario);
        s.trainer.draftDirty = false;
        s.trainer.draftEditedAt = null;
        s.trainer.draftHistory = castDraft(emptyHistory<TrainerScenario>());
      }),
    updateDraft: (recipe, opts) => {
      const { draft: before, draftHistory } = get().trainer;
      if (!before) return;
      // Drafts are immutable snapshots, so the one before the edit is the undo step as it stands.
      const after = produce(before, recipe);
      if (after === before) return;
      const history = recordEdit(draftHistory, before, opts?.step ?? ambientStep ?? UNNAMED_EDIT, MAX_DRAFT_HISTORY);
      putDraft(after, history, opts?.nowMs ?? Date.now());
    },
    discardDraftChanges: (nowMs = Date.now()) => {
      const { draft, draftFrom, draftHistory } = get().trainer;
      if (!draft || !draftFrom || draft === draftFrom) return;
      putDraft(draftFrom, recordEdit(draftHistory, draft, { label: 'discard changes' }, MAX_DRAFT_HISTORY), nowMs);
    },
    undoDraft: (nowMs = Date.now()) => move(undoEdit, nowMs),
    redoDraft: (nowMs = Date.now()) => move(redoEdit, nowMs),
    restoreDraft: (draft, editedAt) =>
      set((s) => {
        s.trainer.draft = castDraft(draft);
        // Started from what is loaded now, so the editor keeps it rather than following the scenario.
        s.trainer.draftFrom = s.scenario;
        s.trainer.draftDirty = true;
        s.trainer.draftEditedAt = editedAt;
        s.trainer.draftHistory = castDraft(emptyHistory<TrainerScenario>());
      }),
    markDraftSaved: (savedAs) =>
      set((s) => {
        s.trainer.draft = castDraft(savedAs);
        s.trainer.draftFrom = castDraft(savedAs);
        s.trainer.draftDirty = false;
        s.trainer.draftEditedAt = null;
        // Typing on after a save starts a new undo step.
        s.trainer.draftHistory = castDraft({ ...s.trainer.draftHistory, mergeKey: null } as typeof s.trainer.draftHistory);
      }),
  };
};
