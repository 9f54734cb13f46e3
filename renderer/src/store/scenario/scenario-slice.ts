import { castDraft, type Draft } from 'immer';
import { LEVERS, leverValueFault, parseScenario, scenarioToInput, type SimInput } from '../../../../engine';
import type { SliceCreator } from '../app-state';
import { blankScenario, type Scenario } from './scenario-type';
import type { PinnedWhatIf, ScenarioSlice } from './scenario-state';
import { leverDefault, sameLevers } from './selectors';

/** Most what-ifs a board can pin next to the baseline (more lines would not read on a projector). */
export const MAX_PINS = 4;
/** Undo steps kept; older ones are dropped. */
export const MAX_HISTORY = 200;

export type { LeverChangeOptions, PinnedWhatIf, ScenarioSlice } from './scenario-state';

/** Return the engine input of a pin: its own scenario if it has one, else `current`, with its overrides. */
export function pinInput(pin: PinnedWhatIf, current: Scenario): SimInput {
  return scenarioToInput(pin.scenario ?? current, pin.overrides);
}


let pinCounter = 0;

/** Create the scenario slice. */
export const createScenarioSlice: SliceCreator<ScenarioSlice> = (set, get) => {
  // Push the current overrides onto the undo stack, then apply `change` to a draft.
  const change = (mutate: (overrides: Record<string, number>, s: ScenarioSlice) => void, gesture: number | null) => {
    const before = get().overrides;
    set((s) => {
      const merging = gesture !== null && s.lastGesture === gesture;
      mutate(s.overrides, s);
      if (sameLevers(before, s.overrides)) return;
      if (!merging) {
        s.past.push({ ...before });
        if (s.past.length > MAX_HISTORY) s.past.shift();
      }
      s.future = [];
      s.lastGesture = gesture;
      s.dirty = true;
    });
  };
  const applyValue = (o: Record<string, number>, s: ScenarioSlice, id: string, value: number) => {
    if (s.scenario.lockedLevers.includes(id) || !Number.isFinite(value)) return;
    if ((s.scenario.levers[id] ?? leverDefault(id)) === value) delete o[id];
    else o[id] = value;
  };

  // Put `scenario` in place, keeping every override that still differs from it (see rebaseScenario).
  const rebase = (s: Draft<ScenarioSlice>, scenario: Scenario, source: string | undefined) => {
    s.scenario = castDraft(scenario);
    s.scenarioSource = source ?? s.scenarioSource;
    for (const [id, value] of Object.entries(s.overrides)) {
      if ((scenario.levers[id] ?? leverDefault(id)) === value) delete s.overrides[id];
    }
    s.lastGesture = null;
  };

  return {
    scenario: blankScenario(),
    scenarioSource: null,
    overrides: {},
    past: [],
    future: [],
    lastGesture: null,
    pins: [],
    dirty: false,
    loadedScenario: null,

    loadScenario: (scenario, opts) =>
      set((s) => {
        s.scenario = castDraft(scenario);
        s.scenarioSource = opts?.source ?? null;
        s.overrides = {};
        s.past = [];
        s.future = [];
        s.lastGesture = null;
        s.pins = [];
        s.dirty = false;
        s.loadedScenario = null;
      }),
    rebaseScenario: (scenario, opts) =>
      set((s) => {
        rebase(s, scenario, opts?.source);
        s.loadedScenario = null;
        s.dirty = s.dirty && Object.keys(s.overrides).length > 0;
      }),
    tryScenario: (scenario, opts) => {
      const before = get().scenario;
      set((s) => {
        // Trying a second edit still compares with the scenario as first loaded, not with the first edit.
        s.loadedScenario ??= castDraft(before);
        rebase(s, scenario, opts?.source);
      });
    },
    keepTriedScenario: () =>
      set((s) => {
        s.loadedScenario = null;
      }),
    backToLoadedScenario: () =>
      set((s) => {
        if (!s.loadedScenario) return;
        rebase(s, s.loadedScenario as Scenario, undefined);
        s.loadedScenario = null;
      }),
    setLever: (id, value, opts) => change((o, s) => applyValue(o, s, id, value), opts?.gesture ?? null),
    setLevers: (values) =>
      change((o, s) => {
        for (const [id, v] of Object.entries(values)) applyValue(o, s, id, v);
      }, null),
    resetLever: (id) =>
      change((o) => {
        delete o[id];
      }, null),
    resetAll: () =>
      change((o) => {
        for (const k of Object.keys(o)) delete o[k];
      }, null),
    undo: () =>
      set((s) => {
        const prev = s.past.pop();
        if (!prev) return;
        s.future.push({ ...s.overrides });
        s.overrides = prev;
        s.lastGesture = null;
        s.dirty = true;
      }),
    redo: () =>
      set((s) => {
        const next = s.future.pop();
        if (!next) return;
        s.past.push({ ...s.overrides });
        s.overrides = next;
        s.lastGesture = null;
        s.dirty = true;
      }),
    pin: (name) => {
      if (get().pins.length >= MAX_PINS) return null;
      const id = `pin-${++pinCounter}`;
      set((s) => {
        s.pins.push({ id, name: name.trim() || `What-if ${s.pins.length + 1}`, overrides: { ...s.overrides } });
      });
      return id;
    },
    pinScenario: (name, scenario) => {
      if (get().pins.length >= MAX_PINS) return null;
      const id = `pin-${++pinCounter}`;
      set((s) => {
        s.pins.push({ id, name: name.trim().slice(0, 40) || scenario.title.slice(0, 40), overrides: {}, scenario });
      });
      return id;
    },
    restorePins: (pins) =>
      set((s) => {
        s.pins = validPins(pins);
      }),
    unpin: (id) =>
      set((s) => {
        s.pins = s.pins.filter((p) => p.id !== id);
      }),
    renamePin: (id, name) =>
      set((s) => {
        const p = s.pins.find((x) => x.id === id);
        if (p && name.trim()) p.name = name.trim();
      }),
    applyPin: (id) => {
      const p = get().pins.find((x) => x.id === id);
      // Another scenario's levers are not this scenario's what-if: open that scenario to work on it.
      if (!p || p.scenario) return;
      change((o) => {
        for (const k of Object.keys(o)) delete o[k];
        Object.assign(o, p.overrides);
      }, null);
    },
    markClean: () =>
      set((s) => {
        s.dirty = false;
      }),
  };
};

/** Return the well-formed pins among `value` (kept pins read back from storage), at most MAX_PINS of them. */
export function validPins(value: unknown): PinnedWhatIf[] {
  if (!Array.isArray(value)) return [];
  const out: PinnedWhatIf[] = [];
  for (const p of value) {
    if (out.length >= MAX_PINS) break;
    if (!p || typeof p !== 'object') continue;
    const { id, name, overrides, scenario } = p as Record<string, unknown>;
    if (typeof id !== 'string' || typeof name !== 'string' || !overrides || typeof overrides !== 'object') continue;
    // A pin's own scenario goes through the same checks as a scenario file.
    const own = scenario === undefined ? undefined : parseScenario(JSON.stringify(scenario));
    if (own && !own.ok) continue;
    const levers: Record<string, number> = {};
    for (const [k, v] of Object.entries(overrides as Record<string, unknown>)) {
      const def = LEVERS.find((l) => l.id === k);
      if (def && typeof v === 'number' && leverValueFault(def, v) === undefined) levers[k] = v;
    }
    out.push({ id, name: name.slice(0, 40), overrides: levers, ...(own?.ok ? { scenario: own.scenario } : {}) });
  }
  return out;
}
