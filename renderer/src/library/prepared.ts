import { parseScenario, type Scenario } from '../../../engine';

/** A prepared scenario shipped with the app (a file in scenarios/). */
export interface PreparedScenario {
  /** The file name, e.g. "milton-keynes.json". */
  readonly file: string;
  readonly scenario: Scenario;
}

// Bundled at build time: the prepared scenarios are part of the app, not fetched.
const FILES = import.meta.glob<unknown>('../../../scenarios/*.json', { eager: true, import: 'default' });

function load(): PreparedScenario[] {
  const out: PreparedScenario[] = [];
  for (const [path, json] of Object.entries(FILES)) {
    const file = path.slice(path.lastIndexOf('/') + 1);
    if (file === 'scenario.schema.json') continue;
    const parsed = parseScenario(json);
    // A prepared file that does not parse is caught by the scenario checks in CI; the app skips it.
    if (parsed.ok) out.push({ file, scenario: parsed.scenario });
  }
  return out.sort((a, b) => a.scenario.title.localeCompare(b.scenario.title));
}

/** Every prepared scenario that parses, sorted by title. */
export const PREPARED_SCENARIOS: readonly PreparedScenario[] = load();

/** Ids of the scenarios the app opens with, in order of preference. */
const STARTUP_IDS = ['milton-keynes', 'blank-trust'];

/** Return the scenario the app opens with: Milton Keynes if it is prepared, else the blank trust. */
export function startupScenario(): PreparedScenario | undefined {
  for (const id of STARTUP_IDS) {
    const found = PREPARED_SCENARIOS.find((p) => p.scenario.id === id);
    if (found) return found;
  }
  return PREPARED_SCENARIOS[0];
}
