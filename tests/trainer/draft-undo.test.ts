import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../engine';
import { emptyHistory, nextRedo, nextUndo, recordEdit, redoEdit, undoEdit, type UndoHistory } from '../../renderer/src/model/undo-history';
import { createAppStore, selectDraftRedo, selectDraftUndo } from '../../renderer/src/store';
import { MAX_DRAFT_HISTORY, withDraftStep } from '../../renderer/src/store/trainer/trainer-slice';
import { keptDraftOf } from '../../renderer/src/views/editor/draft-autosave';
import { removeInitiative, removeStage } from '../../renderer/src/views/editor/draft-ops';

function miltonKeynes(): Scenario {
  const parsed = parseScenario(readFileSync(new URL('../../scenarios/milton-keynes.momentum', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  return parsed.scenario;
}

function editing(scenario = miltonKeynes()) {
  const store = createAppStore();
  store.getState().loadScenario(scenario);
  store.getState().beginDraft(store.getState().scenario);
  return store;
}

const draftOf = (store: ReturnType<typeof createAppStore>) => store.getState().trainer.draft!;

describe('an undo history of snapshots', () => {
  it('merges edits with the same key in a row into one step, and starts a new one for another key or none', () => {
    let h: UndoHistory<string> = emptyHistory();
    h = recordEdit(h, 'a', { label: 'type the name', merge: 'name#1' }, 10);
    h = recordEdit(h, 'ab', { label: 'type the name', merge: 'name#1' }, 10);
    h = recordEdit(h, 'abc', { label: 'type the name', merge: 'name#1' }, 10);
    expect(h.past).toEqual([{ state: 'a', label: 'type the name' }]);
    h = recordEdit(h, 'abcd', { label: 'type the name again', merge: 'name#2' }, 10);
    h = recordEdit(h, 'abcde', { label: 'tick a box' }, 10);
    h = recordEdit(h, 'abcdef', { label: 'tick a box' }, 10);
    expect(h.past.map((s) => s.state)).toEqual(['a', 'abcd', 'abcde', 'abcdef']);
  });

  it('keeps at most `limit` steps, dropping the oldest', () => {
    let h: UndoHistory<number> = emptyHistory();
    for (let i = 0; i < 25; i++) h = recordEdit(h, i, { label: `edit ${i}` }, 10);
    expect(h.past).toHaveLength(10);
    expect(h.past[0]).toEqual({ state: 15, label: 'edit 15' });
    expect(nextUndo(h)).toBe('edit 24');
  });

  it('moves a step from past to future and back, with its label, and a new edit clears what was undone', () => {
    let h: UndoHistory<string> = emptyHistory();
    h = recordEdit(h, 'before', { label: 'rename' }, 10);
    const undone = undoEdit(h, 'after')!;
    expect(undone.state).toBe('before');
    expect(undone.label).toBe('rename');
    expect(nextUndo(undone.history)).toBeNull();
    expect(nextRedo(undone.history)).toBe('rename');
    const redone = redoEdit(undone.history, 'before')!;
    expect(redone.state).toBe('after');
    expect(nextUndo(redone.history)).toBe('rename');
    expect(redoEdit(redone.history, 'after')).toBeNull();
    expect(recordEdit(undone.history, 'before', { label: 'other' }, 10).future).toEqual([]);
    // An undo ends a run of typing: the next keystroke is a step of its own.
    const typed = recordEdit(emptyHistory<string>(), 'x', { label: 'type', merge: 'k' }, 10);
    const afterUndo = undoEdit(typed, 'xy')!.history;
    expect(recordEdit(afterUndo, 'x', { label: 'type', merge: 'k' }, 10).past).toHaveLength(1);
    expect(afterUndo.mergeKey).toBeNull();
  });
});

describe('undo and redo in the journey editor', () => {
  it('undoes removing an initiative in one step: it returns to its place and to the prerequisites it was taken from', () => {
    const store = editing();
    const original = draftOf(store);
    const index = original.initiatives.findIndex((i) => i.id === 'epr-phase-1');
    const dependants = original.initiatives.filter((i) => i.prerequisites.includes('epr-phase-1')).map((i) => i.id);
    expect(dependants).toEqual(['epr-phase-2', 'patient-portal']);

    store.getState().updateDraft((d) => removeInitiative(d, index), { step: { label: 'remove initiative “e-CARE EPR phase 1”' } });
    const removed = draftOf(store);
    expect(removed.initiatives.map((i) => i.id)).not.toContain('epr-phase-1');
    expect(removed.initiatives.filter((i) => i.prerequisites.includes('epr-phase-1'))).toEqual([]);
    expect(selectDraftUndo(store.getState())).toBe('remove initiative “e-CARE EPR phase 1”');

    expect(store.getState().undoDraft()).toBe('remove initiative “e-CARE EPR phase 1”');
    expect(draftOf(store)).toEqual(original);
    expect(draftOf(store).initiatives[index]!.id).toBe('epr-phase-1');
    // Back to the draft as begun: nothing unsaved, so autosave keeps nothing.
    expect(store.getState().trainer.draftDirty).toBe(false);
    expect(keptDraftOf(store.getState().trainer)).toBeNull();
    expect(selectDraftRedo(store.getState())).toBe('remove initiative “e-CARE EPR phase 1”');

    expect(store.getState().redoDraft(5_000)).toBe('remove initiative “e-CARE EPR phase 1”');
    expect(draftOf(store)).toEqual(removed);
    expect(store.getState().trainer.draftDirty).toBe(true);
    expect(store.getState().trainer.draftEditedAt).toBe(5_000);
    expect(store.getState().redoDraft()).toBeNull();
  });

  it('undoes removing a stage together with the initiatives it took the stage from', () => {
    const store = editing();
    const original = draftOf(store);
    const members = original.initiatives.filter((i) => i.stage === 'epr').map((i) => i.id);
    expect(members.length).toBeGreaterThan(0);
    store.getState().updateDraft((d) => removeStage(d, original.stages.findIndex((s) => s.id === 'epr')), { step: { label: 'remove stage “EPR”' } });
    expect(draftOf(store).initiatives.filter((i) => members.includes(i.id)).map((i) => i.stage)).toEqual(members.map(() => undefined));
    store.getState().undoDraft();
    expect(draftOf(store)).toEqual(original);
  });

  it('makes typing into one field during one visit one step, and a second visit another', () => {
    const store = editing();
    const title = draftOf(store).title;
    const type = (text: string, visit: number) =>
      withDraftStep({ label: 'change “Title”', merge: `title#${visit}` }, () => store.getState().updateDraft((d) => void (d.title = text)));
    for (const text of ['N', 'Ne', 'New', 'New t', 'New title']) type(text, 1);
    type('New title!', 2);
    expect(store.getState().trainer.draftHistory.past).toHaveLength(2);
    store.getState().undoDraft();
    expect(draftOf(store).title).toBe('New title');
    store.getState().undoDraft();
    expect(draftOf(store).title).toBe(title);
    expect(store.getState().undoDraft()).toBeNull();
  });

  it('records nothing for an edit that changes nothing, and names an edit without a step', () => {
    const store = editing();
    const title = draftOf(store).title;
    store.getState().updateDraft((d) => void (d.title = title));
    expect(selectDraftUndo(store.getState())).toBeNull();
    expect(store.getState().trainer.draftDirty).toBe(false);
    store.getState().updateDraft((d) => void (d.lesson = 'Another lesson'));
    expect(selectDraftUndo(store.getState())).toBe('edit the journey');
  });

  it(`keeps at most ${MAX_DRAFT_HISTORY} steps`, () => {
    const store = editing();
    for (let i = 0; i < MAX_DRAFT_HISTORY + 30; i++) store.getState().updateDraft((d) => void (d.horizonWeeks = 100 + i));
    let undone = 0;
    while (store.getState().undoDraft() !== null) undone++;
    expect(undone).toBe(MAX_DRAFT_HISTORY);
    // The oldest 30 steps were dropped: undo stops at the 30th edit, not the draft as begun.
    expect(draftOf(store).horizonWeeks).toBe(100 + 29);
  });

  it('keeps the history when the draft is saved, and empties it when another draft begins or one is recovered', () => {
    const store = editing();
    store.getState().updateDraft((d) => void (d.title = 'Saved title'), { step: { label: 'change “Title”' } });
    const saved = draftOf(store);
    store.getState().markDraftSaved(saved);
    expect(store.getState().trainer.draftDirty).toBe(false);
    expect(selectDraftUndo(store.getState())).toBe('change “Title”');
    // Undoing past the save is an unsaved change again, kept by autosave; redoing returns to the saved draft.
    store.getState().undoDraft(7_000);
    expect(store.getState().trainer.draftDirty).toBe(true);
    expect(keptDraftOf(store.getState().trainer)).toMatchObject({ editedAt: 7_000 });
    store.getState().redoDraft();
    expect(store.getState().trainer.draftDirty).toBe(false);
    expect(draftOf(store).title).toBe('Saved title');

    store.getState().beginDraft(miltonKeynes());
    expect(selectDraftUndo(store.getState())).toBeNull();
    expect(selectDraftRedo(store.getState())).toBeNull();
    store.getState().updateDraft((d) => void (d.title = 'x'));
    store.getState().restoreDraft(miltonKeynes(), 1);
    expect(selectDraftUndo(store.getState())).toBeNull();
  });

  it('makes discarding the changes one step that undo takes back', () => {
    const store = editing();
    const original = draftOf(store);
    store.getState().updateDraft((d) => void (d.title = 'Edited'));
    const edited = draftOf(store);
    store.getState().discardDraftChanges();
    expect(draftOf(store)).toBe(original);
    expect(store.getState().trainer.draftDirty).toBe(false);
    expect(selectDraftUndo(store.getState())).toBe('discard changes');
    store.getState().undoDraft();
    expect(draftOf(store)).toBe(edited);
    expect(store.getState().trainer.draftDirty).toBe(true);
  });
});
