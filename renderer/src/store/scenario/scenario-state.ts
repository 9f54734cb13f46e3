import type { LeverValues } from '../../../../engine';
import type { Scenario } from './scenario-type';

/** A named set of lever overrides shown as an extra line next to the baseline. */
export interface PinnedWhatIf {
  readonly id: string;
  readonly name: string;
  /** The overrides (relative to the scenario as loaded) the what-if was pinned with. */
  readonly overrides: LeverValues;
  /**
   * A scenario of its own (a prepared variant pinned beside the case it varies), simulated with `overrides`;
   * absent: the scenario open in Explore.
   */
  readonly scenario?: Scenario;
}

/** Options of a lever change. */
export interface LeverChangeOptions {
  /**
   * Changes carrying the same gesture id (one slider drag) merge into one undo step.
   * Omit it for discrete changes (a key press, a select): each is its own step.
   */
  readonly gesture?: number;
}

/** The scenario slice: the loaded scenario (the baseline), the board's lever overrides, undo/redo and pins. */
export interface ScenarioSlice {
  /** The scenario as loaded: the baseline every what-if is compared against. */
  scenario: Scenario;
  /** Where the scenario came from (a file name or a prepared scenario's id), if known. */
  scenarioSource: string | null;
  /** Lever values the board has moved away from the scenario's; a missing id = the scenario's value. */
  overrides: Record<string, number>;
  /** Earlier override sets, newest last (undo pops from here). */
  past: Record<string, number>[];
  /** Undone override sets, newest last (redo pops from here). */
  future: Record<string, number>[];
  /** The gesture id of the newest undo step, so a drag's later events merge into it. */
  lastGesture: number | null;
  /** Pinned what-ifs, at most MAX_PINS. */
  pins: PinnedWhatIf[];
  /** Whether anything changed since the scenario was loaded or last saved. */
  dirty: boolean;
  /**
   * The scenario as loaded, kept as the baseline while an edited journey is tried in Explore (the edit is then
   * `scenario`, the what-if), so the room can compare before and after; null when the baseline is `scenario`.
   */
  loadedScenario: Scenario | null;

  /** Replace the scenario (the new baseline); clears overrides, history and pins. */
  loadScenario(scenario: Scenario, opts?: { source?: string }): void;
  /**
   * Replace the baseline with an edited version of it (a journey saved or tried from Edit journey),
   * keeping the board's what-if: every override that still differs from the new baseline (a lever the
   * edit set to the what-if's value is no longer a change), the undo history and the pins. Unsaved
   * lever changes stay unsaved.
   */
  rebaseScenario(scenario: Scenario, opts?: { source?: string }): void;
  /**
   * Try an edited journey in Explore: it becomes the what-if (with the board's lever changes on top, as in
   * rebaseScenario) while the scenario as loaded stays the baseline (`loadedScenario`), so both show side by side.
   */
  tryScenario(scenario: Scenario, opts?: { source?: string }): void;
  /** Make the journey being tried the baseline: the comparison with the scenario as loaded ends. */
  keepTriedScenario(): void;
  /** Leave the journey being tried and return to the scenario as loaded, keeping the board's lever changes. */
  backToLoadedScenario(): void;
  /** Set one lever (ignored for a locked lever); a value equal to the scenario's removes the override. */
  setLever(id: string, value: number, opts?: LeverChangeOptions): void;
  /** Set several levers in one undo step (e.g. a trainer's suggested what-if). */
  setLevers(values: LeverValues): void;
  /** Return one lever to the scenario's value. */
  resetLever(id: string): void;
  /** Return every lever to the scenario's values. */
  resetAll(): void;
  /** Undo the newest lever change. */
  undo(): void;
  /** Redo the newest undone lever change. */
  redo(): void;
  /** Pin the current overrides as a named what-if; returns its id, or null when MAX_PINS are pinned. */
  pin(name: string): string | null;
  /** Pin another scenario as it stands (a prepared variant) beside this one; returns its id, or null when full. */
  pinScenario(name: string, scenario: Scenario): string | null;
  /**
   * Put back pins kept from an earlier session of this scenario: at most MAX_PINS, each with a name and lever
   * values the engine knows (anything else is dropped). Replaces the current pins.
   */
  restorePins(pins: unknown): void;
  /** Remove a pinned what-if. */
  unpin(id: string): void;
  /** Rename a pinned what-if. */
  renamePin(id: string, name: string): void;
  /** Make a pinned what-if's levers the current ones (one undo step). */
  applyPin(id: string): void;
  /** Mark the current state as saved. */
  markClean(): void;
}
