import { LEVERS, type LeverDef, type LeverValues, type SimInput } from '../../../../engine';
import type { ScenarioSlice } from './scenario-state';
import { scenarioToInput } from './scenario-type';

// Selectors that build new objects memoise on their inputs' identity: zustand re-renders a
// component whenever a selector returns a new reference, and immer keeps references stable
// for parts of the state that did not change.

function memo2<A, B, R>(fn: (a: A, b: B) => R): (a: A, b: B) => R {
  let lastA: A | undefined;
  let lastB: B | undefined;
  let last: R | undefined;
  let has = false;
  return (a, b) => {
    if (!has || a !== lastA || b !== lastB) {
      last = fn(a, b);
      lastA = a;
      lastB = b;
      has = true;
    }
    return last as R;
  };
}

/** Return the value a lever takes when neither scenario nor board set it. */
export function leverDefault(id: string): number {
  return LEVERS.find((l) => l.id === id)?.default ?? 0;
}

/** Return the lever definition with this id, if the engine has one. */
export function leverDef(id: string): LeverDef | undefined {
  return LEVERS.find((l) => l.id === id);
}

/** Return whether two sets of lever values set the same levers to the same values. */
export function sameLevers(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** Return the scenario's own value of a lever (the baseline value). */
export const selectBaselineValue = (s: ScenarioSlice, id: string): number => s.scenario.levers[id] ?? leverDefault(id);

/** Return the current value of a lever: the board's override, else the scenario's, else the default. */
export const selectLeverValue = (s: ScenarioSlice, id: string): number =>
  s.overrides[id] ?? s.scenario.levers[id] ?? leverDefault(id);

/** Return whether the scenario locks a lever. */
export const selectIsLocked = (s: ScenarioSlice, id: string): boolean => s.scenario.lockedLevers.includes(id);

/** Return whether there is a lever change to undo. */
export const selectCanUndo = (s: ScenarioSlice): boolean => s.past.length > 0;

/** Return whether there is an undone lever change to redo. */
export const selectCanRedo = (s: ScenarioSlice): boolean => s.future.length > 0;

const effectiveLevers = memo2((levers: LeverValues, overrides: LeverValues): LeverValues => {
  const out: Record<string, number> = {};
  for (const l of LEVERS) out[l.id] = l.default;
  return Object.assign(out, levers, overrides);
});

/** Return every lever's current value (defaults, then the scenario's values, then overrides). */
export const selectEffectiveLevers = (s: ScenarioSlice): LeverValues => effectiveLevers(s.scenario.levers, s.overrides);

const currentInput = memo2((scenario: ScenarioSlice['scenario'], overrides: LeverValues) => scenarioToInput(scenario, overrides));
const baselineInput = memo2((scenario: ScenarioSlice['scenario'], _unused: null) => scenarioToInput(scenario, {}));

/** Return the engine input for the board's current settings. */
export const selectCurrentInput = (s: ScenarioSlice): SimInput => currentInput(s.scenario, s.overrides);

/**
 * Return the engine input for the scenario as loaded (the baseline): the scenario itself, or, while an edited
 * journey is tried in Explore, the scenario it was edited from.
 */
export const selectBaselineInput = (s: ScenarioSlice): SimInput => baselineInput(s.loadedScenario ?? s.scenario, null);

/** Return whether the current settings are the baseline itself: no lever moved and no edited journey tried. */
export const selectUnchanged = (s: ScenarioSlice): boolean => Object.keys(s.overrides).length === 0 && s.loadedScenario === null;
