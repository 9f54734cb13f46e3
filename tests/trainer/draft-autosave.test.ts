import { describe, expect, it } from 'vitest';
import { blankScenario, parseScenario, serializeScenario, type Scenario } from '../../engine';
import type { Platform, RecoveredDoc } from '../../renderer/src/platform';
import { createAppStore } from '../../renderer/src/store';
import {
  carriedDraft,
  carryDraft,
  draftFromJson,
  draftToKeep,
  forgettingCarriedDraft,
  keptDraftOf,
  readScenarioSlot,
  restoreKeptDraft,
  scenarioSlotDoc,
  UNSAVED_WORK_FORMAT,
  type KeptDraft,
} from '../../renderer/src/views/editor/draft-autosave';

function scenario(title: string): Scenario {
  return { ...blankScenario(), id: 'workshop', title };
}

const recovered = (text: string, name = 'workshop.json'): RecoveredDoc => ({ kind: 'scenario', name, text, savedAt: '2026-01-01T10:00:00.000Z', previousCrashed: true });

/** A store editing a draft of `title`, last edited at `at`. */
function editing(title: string, at: number) {
  const store = createAppStore();
  store.getState().loadScenario(scenario('As loaded'));
  store.getState().beginDraft(store.getState().scenario);
  store.getState().updateDraft((d) => void (d.title = title), { nowMs: at });
  return store;
}

describe('editor draft autosave', () => {
  it('stamps each edit and forgets the stamp once the draft is saved or discarded', () => {
    const store = editing('Edited', 1_000);
    expect(store.getState().trainer.draftEditedAt).toBe(1_000);
    expect(keptDraftOf(store.getState().trainer)).toMatchObject({ title: 'Edited', editedAt: 1_000 });
    store.getState().markDraftSaved(store.getState().scenario);
    expect(store.getState().trainer.draftEditedAt).toBeNull();
    expect(keptDraftOf(store.getState().trainer)).toBeNull();
  });

  it('leaves the slot as it was without a draft, and round-trips lever changes and a draft through the envelope', () => {
    const levers = { kind: 'scenario' as const, name: 'milton-keynes.momentum', text: serializeScenario(scenario('Levers')), fileId: 'f1' };
    expect(scenarioSlotDoc(levers, null)).toBe(levers);
    expect(scenarioSlotDoc(null, null)).toBeNull();
    const kept = keptDraftOf(editing('Workshop draft', 5_000).getState().trainer)!;
    const both = scenarioSlotDoc(levers, kept)!;
    expect(JSON.parse(both.text).format).toBe(UNSAVED_WORK_FORMAT);
    expect(both.name).toBe('milton-keynes.momentum with a journey draft (Workshop draft)');
    expect(both.fileId).toBe('f1');
    const back = readScenarioSlot(recovered(both.text, both.name));
    expect(back.levers?.text).toBe(levers.text);
    expect(back.levers?.name).toBe('milton-keynes.momentum');
    expect(back.draft?.editedAt).toBe(5_000);
    expect(back.draft?.draft).toEqual(kept.draft);

    const draftOnly = readScenarioSlot(recovered(scenarioSlotDoc(null, kept)!.text));
    expect(draftOnly.levers).toBeNull();
    expect(draftOnly.draft?.title).toBe('Workshop draft');
  });

  it('reads a slot written before drafts, or unreadable, as lever changes for the scenario reader', () => {
    const plain = recovered(serializeScenario(scenario('Old')));
    expect(readScenarioSlot(plain)).toEqual({ levers: plain, draft: null });
    const broken = recovered('{ not json');
    expect(readScenarioSlot(broken)).toEqual({ levers: broken, draft: null });
  });

  it('keeps a half-finished draft as it was, problems and all, so the editor can list them', () => {
    const half = { ...scenario(''), horizonWeeks: -4, initiatives: 'oops' };
    expect(parseScenario(half).ok).toBe(false);
    const back = draftFromJson(JSON.parse(JSON.stringify(half)))!;
    expect(back.horizonWeeks).toBe(-4);
    expect(back.title).toBe('');
    // A field of the wrong shape falls back to the blank scenario's, so the editor can open it.
    expect(back.initiatives).toEqual([]);
    expect(parseScenario(back).ok).toBe(false);
    expect(draftFromJson('a string')).toBeNull();
  });

  it('never puts an older draft over a newer one when recovering', () => {
    const older: KeptDraft = { title: 'Older', editedAt: 1_000, draft: scenario('Older') };
    const newer: KeptDraft = { title: 'Newer', editedAt: 9_000, draft: scenario('Newer') };

    const busy = editing('Edited since', 5_000);
    expect(restoreKeptDraft(busy.getState(), older)).toBe('kept-newer');
    expect(busy.getState().trainer.draft?.title).toBe('Edited since');

    const behind = editing('Edited before', 5_000);
    expect(restoreKeptDraft(behind.getState(), newer)).toBe('restored');
    const s = behind.getState();
    expect(s.trainer.draft?.title).toBe('Newer');
    expect(s.trainer.draftDirty).toBe(true);
    expect(s.trainer.draftEditedAt).toBe(9_000);
    // Started from what is loaded, so the editor keeps it rather than following the scenario.
    expect(s.trainer.draftFrom).toBe(s.scenario);
    expect(s.view).toBe('editor');
  });

  it('writes back an earlier session\'s unanswered draft unless the draft being edited is newer, and forgets it on Discard', async () => {
    const earlier: KeptDraft = { title: 'Earlier', editedAt: 3_000, draft: scenario('Earlier') };
    carryDraft(earlier);
    try {
      expect(draftToKeep(createAppStore().getState().trainer)).toBe(earlier);
      expect(draftToKeep(editing('Older edit', 2_000).getState().trainer)).toBe(earlier);
      expect(draftToKeep(editing('Newer edit', 4_000).getState().trainer)?.title).toBe('Newer edit');

      const cleared: string[] = [];
      // A method that reads `this` must still see the real platform through the wrapper.
      class FakePlatform {
        readonly isDesktop = false;
        autosaveClear(kind: string) {
          cleared.push(kind);
          return Promise.resolve();
        }
        getInfo() {
          return Promise.resolve({ appVersion: this.isDesktop ? 'desktop' : 'web', engineVersion: '1', platform: 'test' });
        }
      }
      const platform = new FakePlatform() as unknown as Platform;
      const wrapped = forgettingCarriedDraft(platform);
      expect((await wrapped.getInfo()).appVersion).toBe('web');
      await wrapped.autosaveClear('run');
      expect(carriedDraft()).toBe(earlier);
      await wrapped.autosaveClear('scenario');
      expect(carriedDraft()).toBeNull();
      expect(cleared).toEqual(['run', 'scenario']);
    } finally {
      carryDraft(null);
    }
  });
});
