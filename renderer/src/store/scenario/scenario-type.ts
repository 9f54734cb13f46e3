import { blankInput, type Goal, type Initiative, type LeverValues, type ScenarioEvent, type SimInput, type Stage } from '../../../../engine';

// A stand-in for the engine's Scenario until engine/scenario/ lands; it carries only what the
// Explore view needs and is replaced by a re-export of the engine's type.

/** A scenario as the renderer needs it: board settings, portfolio, goal and locked levers. */
export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly lesson: string;
  readonly levers: LeverValues;
  readonly horizonWeeks: number;
  readonly goal: Goal;
  readonly initiatives: readonly Initiative[];
  readonly stages: readonly Stage[];
  readonly events: readonly ScenarioEvent[];
  readonly lockedLevers: readonly string[];
}

/** Return a blank trust: default levers, no portfolio. */
export function blankScenario(): Scenario {
  const input = blankInput();
  return {
    id: 'blank',
    title: 'A blank trust',
    summary: 'Default board settings and no portfolio.',
    lesson: '',
    levers: {},
    horizonWeeks: input.horizonWeeks,
    goal: input.goal,
    initiatives: [],
    stages: [],
    events: [],
    lockedLevers: [],
  };
}

/** Return the engine input for a scenario with the board's lever overrides applied. */
export function scenarioToInput(scenario: Scenario, overrides: LeverValues = {}): SimInput {
  return {
    horizonWeeks: scenario.horizonWeeks,
    levers: { ...scenario.levers, ...overrides },
    initiatives: scenario.initiatives,
    stages: scenario.stages,
    events: scenario.events,
    goal: scenario.goal,
  };
}
