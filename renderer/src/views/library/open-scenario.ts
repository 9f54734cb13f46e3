import { isRunFileData, parseScenario, type Problem, type Scenario } from '../../../../engine';
import { FileOpenError, type OpenedFile } from '../../platform';

/** What opening a scenario file came to: a scenario to load, or what is wrong and where. */
export type OpenOutcome =
  | { readonly ok: true; readonly scenario: Scenario; readonly name: string; readonly migratedFrom?: number }
  | {
      readonly ok: false;
      readonly name: string;
      readonly message: string;
      readonly problems: readonly Problem[];
      /** The file's JSON when it reads as JSON, to name its initiatives in the problems and open it in Edit journey. */
      readonly doc?: unknown;
    };

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Check an opened file with the scenario validator. */
export function checkOpenedScenario(file: Pick<OpenedFile, 'name' | 'text'>): OpenOutcome {
  const parsed = parseScenario(file.text);
  if (parsed.ok) return { ok: true, scenario: parsed.scenario, name: file.name, ...(parsed.migratedFrom === undefined ? {} : { migratedFrom: parsed.migratedFrom }) };
  const n = parsed.problems.length;
  const doc = jsonOf(file.text);
  if (isRunFileData(doc)) {
    return { ok: false, name: file.name, message: `${file.name} is a saved run, not a scenario: open it in Compare (Open a run file…) to compare it with others.`, problems: [] };
  }
  return {
    ok: false,
    name: file.name,
    message: `${file.name} is not a scenario Momentum can open: ${n} problem${n === 1 ? '' : 's'} found.`,
    problems: parsed.problems,
    ...(doc === undefined ? {} : { doc }),
  };
}

/** Turn a failure from the platform (unreadable, not JSON, …) into the same shape. */
export function outcomeOfError(error: unknown, name = 'The file'): OpenOutcome {
  if (error instanceof FileOpenError) return { ok: false, name, message: error.message, problems: error.problems ?? [] };
  return { ok: false, name, message: `${name} could not be opened: ${error instanceof Error ? error.message : String(error)}`, problems: [] };
}
