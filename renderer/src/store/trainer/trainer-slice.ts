import { castDraft, type Draft } from 'immer';
import type { AppState, SliceCreator } from '../app-state';
import type { TrainerScenario, TrainerSlice } from './trainer-state';
import { MAX_FIGURES } from '../../model/predictions';
import { nextRevealPosition, orderReveals, previousRevealPosition, type RevealPosition } from '../../model/reveal';
import { pauseTimer, startTimer, STOPPED_TIMER } from '../../model/timer';

export type { TrainerScenario, TrainerSlice, TrainerState } from './trainer-state';

const revealCount = (s: AppState): number => orderReveals(s.scenario.trainer.reveals).length;

/** Create the trainer slice. */
export const createTrainerSlice: SliceCreator<TrainerSlice> = (set) => {
  const moveReveal = (step: (pos: RevealPosition, count: number) => RevealPosition) =>
    set((s) => {
      const current = s.trainer.revealScenarioId === s.scenario.id ? s.trainer.revealPosition : null;
      s.trainer.revealPosition = step(current, revealCount(s as AppState));
      s.trainer.revealScenarioId = s.scenario.id;
    });
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
      }),
    updateDraft: (recipe, nowMs = Date.now()) =>
      set((s) => {
        if (!s.trainer.draft) return;
        recipe(s.trainer.draft as Draft<TrainerScenario>);
        s.trainer.draftDirty = true;
        s.trainer.draftEditedAt = nowMs;
      }),
    restoreDraft: (draft, editedAt) =>
      set((s) => {
        s.trainer.draft = castDraft(draft);
        // Started from what is loaded now, so the editor keeps it rather than following the scenario.
        s.trainer.draftFrom = s.scenario;
        s.trainer.draftDirty = true;
        s.trainer.draftEditedAt = editedAt;
      }),
    markDraftSaved: (savedAs) =>
      set((s) => {
        s.trainer.draft = castDraft(savedAs);
        s.trainer.draftFrom = castDraft(savedAs);
        s.trainer.draftDirty = false;
        s.trainer.draftEditedAt = null;
      }),
  };
};
