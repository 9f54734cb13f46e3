import { parseRunFile, parseScenario } from '../../../engine';
import type { DocumentValidator } from './load-document';

/** Check a scenario or run file with the engine's own parsers (the same rules as the CLI's `validate`). */
export const engineValidator: DocumentValidator = (kind, value) => {
  const result = kind === 'scenario' ? parseScenario(value) : parseRunFile(value);
  return result.ok ? [] : result.problems;
};
