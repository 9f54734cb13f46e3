import { blankInput, type LeverValues, type SimInput } from '../../../../engine';
import type { Scenario } from '../../../../engine/scenario/schema';

// Bridges to the engine's scenario API until engine/index.ts exports blankScenario and
// scenarioToInput; then these become re-exports.

export type { Scenario };

/** Return a blank trust: default levers, no portfolio. */
export function blankScenario(): Scenario {
  const input = blankInput();
  return {
    $schema: './scenario.schema.json',
    schemaVersion: 2,
    id: 'blank',
    title: 'A blank trust',
    summary: 'Default board settings and no portfolio.',
    lesson: '',
    source: '',
    judgement: '',
    levers: {},
    horizonWeeks: input.horizonWeeks,
    goal: { kind: 'maturity', atLeast: 3 },
    initiatives: [],
    stages: [],
    events: [],
    targets: [],
    lockedLevers: [],
    trainer: { briefing: '', objectives: [], questions: [], whatIfs: [], reveals: [] },
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
