/** The validation suite: every case in order, and a pure evaluator that turns a case and a context into a result. */
import { ANOMALY_CASES } from './anomalies';
import { EXTREME_CASES } from './extreme';
import { familyCases } from './family';
import { PROPERTY_CASES } from './properties';
import { REPRODUCTION_CASES } from './reproduction';
import { STRUCTURE_CASES } from './structure';
import type { ValidationCase, ValidationContext, ValidationResult } from './types';

/** Return every validation case in report order; the family cases follow the prepared scenarios given. */
export function validationCases(scenarioIds: readonly string[]): ValidationCase[] {
  return [...PROPERTY_CASES, ...STRUCTURE_CASES, ...EXTREME_CASES, ...REPRODUCTION_CASES, ...ANOMALY_CASES, ...familyCases(scenarioIds)];
}

/** Return the case with this id among the suite's cases for these scenarios, or throw when there is none. */
export function validationCase(id: string, scenarioIds: readonly string[] = []): ValidationCase {
  const c = validationCases(scenarioIds).find((x) => x.id === id);
  if (c === undefined) throw new Error(`no validation case '${id}'`);
  return c;
}

/** Evaluate one case; a case that throws (a missing scenario, KPI or series; an engine error) fails and says why. */
export function evaluateCase(c: ValidationCase, ctx: ValidationContext): ValidationResult {
  const { id, category, title, source, threshold } = c;
  try {
    const { figure, pass, detail } = c.evaluate(ctx);
    return { id, category, title, source, threshold, figure, pass, detail };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { id, category, title, source, threshold, figure: 'error', pass: false, detail: `Could not evaluate: ${message}` };
  }
}

/** Options of runValidation. */
export interface RunValidationOptions {
  /** Called before each case with its position (0-based) and the number of cases. */
  readonly onCase?: (index: number, total: number, c: ValidationCase) => void;
}

/** Run every case of the suite over the context's prepared scenarios and return the results in order. */
export function runValidation(ctx: ValidationContext, opts: RunValidationOptions = {}): ValidationResult[] {
  const cases = validationCases(Object.keys(ctx.scenarios));
  return cases.map((c, i) => {
    opts.onCase?.(i, cases.length, c);
    return evaluateCase(c, ctx);
  });
}
