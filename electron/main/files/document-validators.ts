import { parseRunFile, parseScenario } from '../../../engine';
import type { DocumentValidator } from './load-document';

/**
 * Check a scenario or run file with the engine's own parsers (the same rules as the CLI's
 * `validate`). They read the text, not the parsed value: only the text shows a field written
 * twice, which the renderer's own parse (and the CLI) refuse.
 */
export const engineValidator: DocumentValidator = (kind, _value, text) => {
  const result = kind === 'scenario' ? parseScenario(text) : parseRunFile(text);
  return result.ok ? [] : result.problems;
};
