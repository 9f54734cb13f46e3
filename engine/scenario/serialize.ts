/** Writing scenarios, starting a blank one and turning one into the engine's input. */
import type { LeverValues, SimInput } from '../types';
import { DEFAULT_HORIZON_WEEKS } from '../defaults';
import { LEGACY_SCHEMA_REF, SCHEMA_REF, SCHEMA_VERSION, ScenarioSchema } from './schema';
import type { Scenario } from './schema';

function sortedLevers(levers: LeverValues): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(levers).sort()) Object.defineProperty(out, key, { value: levers[key], enumerable: true, writable: true, configurable: true });
  return out;
}

/**
 * Return the scenario as JSON text in a stable form: `$schema` first, fields in the schema's
 * order, defaults written out, lever ids sorted, two-space indent and a final newline, so that
 * saving an unchanged scenario gives the same bytes and diffs stay small.
 */
export function serializeScenario(scenario: Scenario): string {
  // Re-parsing puts every object's fields in the schema's order and fills defaults.
  const canonical = ScenarioSchema.parse(scenario);
  const ordered = {
    ...canonical,
    // A file from before the schemas moved to schemas/ points editors at the new place once saved.
    $schema: canonical.$schema === LEGACY_SCHEMA_REF ? SCHEMA_REF : canonical.$schema,
    levers: sortedLevers(canonical.levers),
    trainer: { ...canonical.trainer, whatIfs: canonical.trainer.whatIfs.map((w) => ({ ...w, levers: sortedLevers(w.levers) })) },
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Return a blank trust: no portfolio, default board settings, goal of maturity 3, empty trainer material. */
export function blankScenario(): Scenario {
  return {
    $schema: SCHEMA_REF,
    schemaVersion: SCHEMA_VERSION,
    id: 'blank-trust',
    title: 'A blank trust',
    summary: '',
    lesson: '',
    source: '',
    judgement: '',
    levers: {},
    horizonWeeks: DEFAULT_HORIZON_WEEKS,
    goal: { kind: 'maturity', atLeast: 3 },
    initiatives: [],
    stages: [],
    events: [],
    targets: [],
    lockedLevers: [],
    trainer: { lockReasons: {}, briefing: '', objectives: [], questions: [], whatIfs: [], reveals: [] },
  };
}

/**
 * Return the engine's input for a scenario, with `overrides` (e.g. the sliders a board has
 * moved) applied on top of the scenario's own lever values. Locked levers are the UI's to
 * enforce: this function applies whatever it is given.
 */
export function scenarioToInput(scenario: Scenario, overrides: LeverValues = {}): SimInput {
  return {
    horizonWeeks: scenario.horizonWeeks,
    levers: { ...scenario.levers, ...overrides },
    initiatives: scenario.initiatives.map((i) => ({
      id: i.id,
      name: i.name,
      pillar: i.pillar,
      effortWeeks: i.effortWeeks,
      businessCritical: i.businessCritical,
      prerequisites: [...i.prerequisites],
      rollout: i.rollout,
      benefit: i.benefit,
      infrastructureNeed: i.infrastructureNeed,
      ...(i.buildsInfrastructure !== undefined ? { buildsInfrastructure: i.buildsInfrastructure } : {}),
      ...(i.stage !== undefined ? { stage: i.stage } : {}),
      ...(i.earliestStartWeek !== undefined ? { earliestStartWeek: i.earliestStartWeek } : {}),
    })),
    stages: scenario.stages.map((s) => ({ ...s, gate: s.gate.map((g) => ({ ...g })) })),
    events: scenario.events.map((e) => ({ ...e })),
    goal: { ...scenario.goal },
  };
}
