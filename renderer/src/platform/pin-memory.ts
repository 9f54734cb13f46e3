import type { PinnedWhatIf } from '../store';
import type { createAppStore } from '../store';

/** The store the pins are kept from. */
type AppStore = ReturnType<typeof createAppStore>;

/** Where a scenario's pins are kept between sessions, by scenario id. */
export function pinsKey(scenarioId: string): string {
  return `momentum:pins:${scenarioId}`;
}

/** Return the page's localStorage, or null where there is none (or it refuses access). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * Keep each scenario's pinned what-ifs across reloads and scenario switches: written whenever they change,
 * put back when a scenario is loaded again. A storage that is full or refuses access only loses the memory,
 * never the pins on screen. Returns the function that stops it.
 */
export function rememberPins(store: AppStore, kept: Storage | null = storage()): () => void {
  if (!kept) return () => undefined;
  const restore = (id: string) => {
    let saved: unknown = null;
    try {
      saved = JSON.parse(kept.getItem(pinsKey(id)) ?? 'null');
    } catch {
      saved = null;
    }
    if (Array.isArray(saved) && saved.length > 0) store.getState().restorePins(saved);
  };
  const save = (id: string, pins: readonly PinnedWhatIf[]) => {
    try {
      if (pins.length === 0) kept.removeItem(pinsKey(id));
      else kept.setItem(pinsKey(id), JSON.stringify(pins));
    } catch {
      // A full or locked storage forgets the pins between sessions; they stay on screen.
    }
  };
  restore(store.getState().scenario.id);
  return store.subscribe((s, prev) => {
    // A loaded scenario starts with no pins: put back the ones kept for it.
    if (s.scenario !== prev.scenario && s.pins.length === 0 && prev.pins !== s.pins) restore(s.scenario.id);
    else if (s.scenario.id !== prev.scenario.id && s.pins.length === 0) restore(s.scenario.id);
    else if (s.pins !== prev.pins) save(s.scenario.id, s.pins);
  });
}
