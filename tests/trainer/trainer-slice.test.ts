import { describe, expect, it } from 'vitest';
import { blankScenario, type Scenario } from '../../engine';
import { createAppStore } from '../../renderer/src/store';
import { selectCurrentReveal, selectLeverLocked, selectVisibleUntilWeek } from '../../renderer/src/store/trainer/selectors';
import { elapsedMs } from '../../renderer/src/model/timer';

function scenario(over: Partial<Scenario> = {}): Scenario {
  const base = blankScenario();
  return {
    ...base,
    id: 'workshop',
    levers: { 'priorities.concurrent': 10 },
    trainer: {
      ...base.trainer,
      reveals: [
        { week: 104, title: 'A pandemic is declared', note: 'Ask what the board would stop.' },
        { week: 26, title: 'Stage one ends', note: 'What is live?' },
      ],
    },
    ...over,
  };
}

describe('trainer slice', () => {
  it('locks a lever in the loaded scenario, returns it to the file value and unlocks it', () => {
    const store = createAppStore();
    store.getState().loadScenario(scenario());
    store.getState().setLever('priorities.concurrent', 3);
    store.getState().setLever('priorities.concurrent', 4);
    expect(store.getState().overrides['priorities.concurrent']).toBe(4);
    store.getState().setLeverLocked('priorities.concurrent', true);
    const s = store.getState();
    expect(s.scenario.lockedLevers).toEqual(['priorities.concurrent']);
    expect(s.overrides['priorities.concurrent']).toBeUndefined();
    expect(selectLeverLocked(s, 'priorities.concurrent')).toBe(true);
    // A locked lever ignores the board (the scenario slice enforces it).
    s.setLever('priorities.concurrent', 2);
    expect(store.getState().overrides['priorities.concurrent']).toBeUndefined();
    // Undo cannot bring the override back while the lever is locked.
    store.getState().undo();
    expect(store.getState().overrides['priorities.concurrent']).toBeUndefined();
    store.getState().setLeverLocked('priorities.concurrent', false);
    expect(store.getState().scenario.lockedLevers).toEqual([]);
    expect(store.getState().dirty).toBe(true);
  });

  it('steps the clock through the reveals in week order and hides the weeks after the current one', () => {
    const store = createAppStore();
    store.getState().loadScenario(scenario());
    expect(selectVisibleUntilWeek(store.getState())).toBeNull();
    store.getState().startReveals();
    expect(selectVisibleUntilWeek(store.getState())).toBe(26);
    expect(selectCurrentReveal(store.getState())?.title).toBe('Stage one ends');
    store.getState().nextReveal();
    expect(selectVisibleUntilWeek(store.getState())).toBe(104);
    store.getState().nextReveal();
    expect(selectVisibleUntilWeek(store.getState())).toBe(104);
    store.getState().previousReveal();
    expect(selectVisibleUntilWeek(store.getState())).toBe(26);
    store.getState().endReveals();
    expect(selectVisibleUntilWeek(store.getState())).toBeNull();
  });

  it('shows the whole run again when another scenario is loaded', () => {
    const store = createAppStore();
    store.getState().loadScenario(scenario());
    store.getState().startReveals();
    store.getState().loadScenario(scenario({ id: 'other' }));
    expect(selectVisibleUntilWeek(store.getState())).toBeNull();
  });

  it('runs the session timer from the clock it is given', () => {
    const store = createAppStore();
    store.getState().startSessionTimer(1_000);
    store.getState().pauseSessionTimer(31_000);
    expect(elapsedMs(store.getState().trainer.timer, 99_000)).toBe(30_000);
    store.getState().resetSessionTimer();
    expect(elapsedMs(store.getState().trainer.timer, 99_000)).toBe(0);
  });

  it('keeps an editor draft apart from the loaded scenario until it is saved', () => {
    const store = createAppStore();
    const loaded = scenario();
    store.getState().loadScenario(loaded);
    store.getState().beginDraft(store.getState().scenario);
    store.getState().updateDraft((d) => {
      d.title = 'Edited';
    });
    expect(store.getState().trainer.draft?.title).toBe('Edited');
    expect(store.getState().trainer.draftDirty).toBe(true);
    expect(store.getState().scenario.title).toBe(loaded.title);
    store.getState().markDraftSaved(store.getState().trainer.draft!);
    expect(store.getState().trainer.draftDirty).toBe(false);
  });
});

describe('trying an edited journey in Explore', () => {
  it('keeps the scenario as loaded as the baseline and runs the edit as the what-if, until kept or left', async () => {
    const { selectBaselineInput, selectCurrentInput, selectUnchanged } = await import('../../renderer/src/store');
    const store = createAppStore();
    const loaded = scenario();
    store.getState().loadScenario(loaded);
    const edited = { ...loaded, horizonWeeks: 156 };
    store.getState().tryScenario(edited);
    let s = store.getState();
    expect(selectBaselineInput(s).horizonWeeks).toBe(260);
    expect(selectCurrentInput(s).horizonWeeks).toBe(156);
    expect(selectUnchanged(s)).toBe(false);
    // A second try still compares with the scenario as first loaded.
    store.getState().tryScenario({ ...loaded, horizonWeeks: 104 });
    s = store.getState();
    expect(selectBaselineInput(s).horizonWeeks).toBe(260);
    expect(selectCurrentInput(s).horizonWeeks).toBe(104);
    // Back to the scenario as loaded.
    store.getState().backToLoadedScenario();
    s = store.getState();
    expect(s.scenario).toEqual(loaded);
    expect(s.loadedScenario).toBeNull();
    expect(selectUnchanged(s)).toBe(true);
    // Keeping an edit makes it the baseline.
    store.getState().tryScenario(edited);
    store.getState().keepTriedScenario();
    expect(selectBaselineInput(store.getState()).horizonWeeks).toBe(156);
    // Loading another scenario ends any comparison.
    store.getState().tryScenario({ ...edited, horizonWeeks: 52 });
    store.getState().loadScenario(loaded);
    expect(store.getState().loadedScenario).toBeNull();
  });
});
