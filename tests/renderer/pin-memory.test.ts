// Pinned what-ifs kept per scenario between sessions (renderer/src/platform/pin-memory.ts).
import { describe, expect, it } from 'vitest';
import { blankScenario } from '../../renderer/src/store/scenario/scenario-type';
import { pinsKey, rememberPins } from '../../renderer/src/platform/pin-memory';
import { createAppStore } from '../../renderer/src/store';
import { MAX_PINS, validPins } from '../../renderer/src/store/scenario/scenario-slice';

/** A Storage held in a Map, as localStorage behaves. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

describe('pins kept between sessions', () => {
  it("keeps a scenario's pins when it is loaded again in a later session, and each scenario its own", () => {
    const kept = memoryStorage();
    const a = { ...blankScenario(), id: 'trust-a', title: 'Trust A' };
    const b = { ...blankScenario(), id: 'trust-b', title: 'Trust B' };
    const first = createAppStore();
    first.getState().loadScenario(a);
    const stop = rememberPins(first, kept);
    first.getState().setLever('priorities.concurrent', 2);
    first.getState().pin('Two priorities');
    expect(JSON.parse(kept.getItem(pinsKey('trust-a'))!)).toHaveLength(1);
    // Another scenario starts with its own (none); coming back finds the pin again.
    first.getState().loadScenario(b);
    expect(first.getState().pins).toEqual([]);
    first.getState().loadScenario(a);
    expect(first.getState().pins.map((p) => [p.name, p.overrides])).toEqual([['Two priorities', { 'priorities.concurrent': 2 }]]);
    stop();
    // A new session (a fresh store) with the same scenario.
    const next = createAppStore();
    next.getState().loadScenario(a);
    rememberPins(next, kept);
    expect(next.getState().pins.map((p) => p.name)).toEqual(['Two priorities']);
    // Removing the last pin forgets the kept ones.
    next.getState().unpin(next.getState().pins[0]!.id);
    expect(kept.getItem(pinsKey('trust-a'))).toBeNull();
  });

  it('drops what storage holds that is not a pin: unknown levers, impossible values, too many', () => {
    const many = Array.from({ length: MAX_PINS + 2 }, (_, i) => ({ id: `p${i}`, name: `P${i}`, overrides: { 'priorities.concurrent': 3, 'no.such.lever': 1, 'goal.clarity': 7 } }));
    const pins = validPins([null, 'x', { id: 1 }, ...many]);
    expect(pins).toHaveLength(MAX_PINS);
    expect(pins[0]!.overrides).toEqual({ 'priorities.concurrent': 3 });
    expect(validPins('not a list')).toEqual([]);
  });

  it('forgets nothing on screen when storage refuses to write', () => {
    const refusing = { ...memoryStorage(), setItem: () => { throw new Error('QuotaExceededError'); } } as Storage;
    const store = createAppStore();
    rememberPins(store, refusing);
    expect(store.getState().pin('Kept on screen')).not.toBeNull();
    expect(store.getState().pins.map((p) => p.name)).toEqual(['Kept on screen']);
  });
});
