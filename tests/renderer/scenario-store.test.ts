import { describe, expect, it } from 'vitest';
import { LEVERS } from '../../engine';
import { createAppStore, selectCanRedo, selectCanUndo, selectCurrentInput, selectLeverValue } from '../../renderer/src/store';
import { MAX_PINS as MAX_PINS_FOR_TESTS } from '../../renderer/src/store/scenario/scenario-slice';

const lever = LEVERS[0]!;
const other = (v: number) => (v + lever.step <= lever.max ? v + lever.step : v - lever.step);

describe('scenario slice', () => {
  it('sets a lever, and a value equal to the scenario removes the override', () => {
    const store = createAppStore();
    const base = selectLeverValue(store.getState(), lever.id);
    store.getState().setLever(lever.id, other(base));
    expect(selectLeverValue(store.getState(), lever.id)).toBe(other(base));
    expect(store.getState().dirty).toBe(true);
    expect(selectCurrentInput(store.getState()).levers[lever.id]).toBe(other(base));
    store.getState().setLever(lever.id, base);
    expect(store.getState().overrides).toEqual({});
  });

  it('merges the events of one drag gesture into one undo step', () => {
    const store = createAppStore();
    const base = selectLeverValue(store.getState(), lever.id);
    const values = [lever.min, lever.max, lever.min + lever.step].filter((v) => v !== base);
    for (const v of values) store.getState().setLever(lever.id, v, { gesture: 7 });
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(selectLeverValue(store.getState(), lever.id)).toBe(base);
    expect(selectCanUndo(store.getState())).toBe(false);
    expect(selectCanRedo(store.getState())).toBe(true);
    store.getState().redo();
    expect(selectLeverValue(store.getState(), lever.id)).toBe(values.at(-1));
  });

  it('makes each change without a gesture its own undo step, and a new change clears redo', () => {
    const store = createAppStore();
    store.getState().setLever(lever.id, lever.min);
    store.getState().setLever(lever.id, lever.max);
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    expect(selectLeverValue(store.getState(), lever.id)).toBe(lever.min);
    store.getState().setLever(lever.id, lever.min + lever.step);
    expect(selectCanRedo(store.getState())).toBe(false);
  });

  it('ignores changes to a locked lever', () => {
    const store = createAppStore();
    const s = store.getState();
    s.loadScenario({ ...s.scenario, lockedLevers: [lever.id], levers: { [lever.id]: lever.max } });
    store.getState().setLever(lever.id, lever.min);
    expect(selectLeverValue(store.getState(), lever.id)).toBe(lever.max);
    expect(store.getState().past).toHaveLength(0);
  });

  it('resets one lever and all levers as undoable steps', () => {
    const store = createAppStore();
    store.getState().setLever(lever.id, lever.min);
    store.getState().resetAll();
    expect(store.getState().overrides).toEqual({});
    store.getState().undo();
    expect(store.getState().overrides).toEqual({ [lever.id]: lever.min });
    store.getState().resetLever(lever.id);
    expect(store.getState().overrides).toEqual({});
  });

  it(`pins up to ${MAX_PINS_FOR_TESTS} named what-ifs, renames, applies and unpins them`, () => {
    const store = createAppStore();
    store.getState().setLever(lever.id, lever.min);
    const ids = Array.from({ length: MAX_PINS_FOR_TESTS }, (_, i) => store.getState().pin(`Option ${i + 1}`));
    expect(ids.every((id) => id !== null)).toBe(true);
    expect(store.getState().pin('one too many')).toBeNull();
    store.getState().renamePin(ids[0]!, 'Fewer priorities');
    expect(store.getState().pins[0]).toMatchObject({ name: 'Fewer priorities', overrides: { [lever.id]: lever.min } });
    store.getState().resetAll();
    store.getState().applyPin(ids[0]!);
    expect(selectLeverValue(store.getState(), lever.id)).toBe(lever.min);
    store.getState().unpin(ids[0]!);
    expect(store.getState().pins.map((p) => p.id)).toEqual(ids.slice(1));
  });

  it('loading a scenario makes it the baseline and clears overrides, history and pins', () => {
    const store = createAppStore();
    store.getState().setLever(lever.id, lever.min);
    store.getState().pin('A');
    const scenario = { ...store.getState().scenario, id: 'other', levers: { [lever.id]: lever.max } };
    store.getState().loadScenario(scenario, { source: 'other.json' });
    const s = store.getState();
    expect(s.scenarioSource).toBe('other.json');
    expect([s.overrides, s.past, s.pins, s.dirty]).toEqual([{}, [], [], false]);
    expect(selectLeverValue(s, lever.id)).toBe(lever.max);
  });
});

describe('scenario slice: several levers at once and the dirty flag', () => {
  it('applies a set of levers (a suggested what-if) as one undo step, skipping locked ones', () => {
    const store = createAppStore();
    const [a, b, c] = LEVERS.filter((l) => !l.options).slice(0, 3) as [typeof lever, typeof lever, typeof lever];
    const s = store.getState();
    s.loadScenario({ ...s.scenario, lockedLevers: [c.id] });
    store.getState().setLevers({ [a.id]: a.min, [b.id]: b.max, [c.id]: c.min });
    expect(store.getState().overrides).toEqual({ [a.id]: a.min, [b.id]: b.max });
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().overrides).toEqual({});
  });

  it('marks the state dirty on a change and clean when saved', () => {
    const store = createAppStore();
    expect(store.getState().dirty).toBe(false);
    store.getState().setLever(lever.id, lever.min);
    expect(store.getState().dirty).toBe(true);
    store.getState().markClean();
    expect(store.getState().dirty).toBe(false);
  });

  it('keeps the what-if (lever changes, undo, pins) when an edited journey becomes the baseline', () => {
    const store = createAppStore();
    const second = LEVERS[1]!;
    const base = selectLeverValue(store.getState(), lever.id);
    const secondBase = selectLeverValue(store.getState(), second.id);
    store.getState().setLever(lever.id, other(base));
    store.getState().setLever(second.id, secondBase === second.min ? second.max : second.min);
    store.getState().pin('Faster');
    const before = store.getState();
    // Saving in Edit journey: the saved file has a new title and takes the second lever's what-if value.
    const saved = { ...before.scenario, title: 'Edited journey', levers: { ...before.scenario.levers, [second.id]: before.overrides[second.id]! } };
    store.getState().rebaseScenario(saved, { source: 'edited.json' });
    const after = store.getState();
    expect(after.scenario.title).toBe('Edited journey');
    expect(after.scenarioSource).toBe('edited.json');
    // The first lever is still moved; the second now matches the baseline, so it is no longer a change.
    expect(after.overrides).toEqual({ [lever.id]: other(base) });
    expect(selectLeverValue(after, second.id)).toBe(before.overrides[second.id]);
    expect(after.dirty).toBe(true);
    expect(after.past).toHaveLength(2);
    expect(after.pins.map((p) => p.name)).toEqual(['Faster']);
    // With nothing left to differ, nothing is unsaved.
    store.getState().rebaseScenario({ ...saved, levers: { ...saved.levers, [lever.id]: other(base) } });
    expect([store.getState().overrides, store.getState().dirty, store.getState().scenarioSource]).toEqual([{}, false, 'edited.json']);
  });

  it('ignores values that are not finite numbers', () => {
    const store = createAppStore();
    store.getState().setLever(lever.id, Number.NaN);
    expect([store.getState().overrides, store.getState().past]).toEqual([{}, []]);
  });
});

describe('ui slice', () => {
  it('switches views and presentation mode', () => {
    const store = createAppStore();
    store.getState().setView('model');
    store.getState().togglePresentation();
    expect([store.getState().view, store.getState().presentation]).toEqual(['model', true]);
    store.getState().setPresentation(false);
    expect(store.getState().presentation).toBe(false);
  });
});
