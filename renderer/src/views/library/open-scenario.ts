import { parseScenario, type Problem, type Scenario } from '../../../../engine';
import { FileOpenError, type OpenedFile } from '../../platform';

/** What opening a scenario file came to: a scenario to load, or what is wrong and where. */
export type OpenOutcome =
  | { readonly ok: true; readonly scenario: Scenario; readonly name: string; readonly migratedFrom?: number }
  | { readonly ok: false; readonly name: string; readonly message: string; readonly problems: readonly Problem[] };

/** Check an opened file with the scenario validator. */
export function checkOpenedScenario(file: Pick<OpenedFile, 'name' | 'text'>): OpenOutcome {
  const parsed = parseScenario(file.text);
  if (parsed.ok) return { ok: true, scenario: parsed.scenario, name: file.name, ...(parsed.migratedFrom === undefined ? {} : { migratedFrom: parsed.migratedFrom }) };
  const n = parsed.problems.length;
  return { ok: false, name: file.name, message: `${file.name} is not a scenario Momentum can open: ${n} problem${n === 1 ? '' : 's'} found.`, problems: parsed.problems };
}

/** Turn a failure from the platform (unreadable, not JSON, …) into the same shape. */
export function outcomeOfError(error: unknown, name = 'The file'): OpenOutcome {
  if (error instanceof FileOpenError) return { ok: false, name, message: error.message, problems: error.problems ?? [] };
  return { ok: false, name, message: `${name} could not be opened: ${error instanceof Error ? error.message : String(error)}`, problems: [] };
}
