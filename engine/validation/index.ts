/** The model validation suite: cases as data, a pure evaluator, and the report it writes. */
export * from './types';
export { createValidationContext, VALIDATION_REPLICATIONS, VALIDATION_SEED, withLevers } from './context';
export type { ValidationContextOptions } from './context';
export { evaluateCase, runValidation, validationCase, validationCases } from './suite';
export type { RunValidationOptions } from './suite';
export { buildValidationReport, figureText, renderValidationMarkdown } from './report';
export { P2_PRIORITIES } from './properties';
export { BASE_RATE_BOARDS, BASE_RATE_REPLICATIONS, randomBoards } from './reproduction';
export { SWEEP_POINTS, SWEEP_REPLICATIONS, sweepLever } from './anomalies';
export type { LeverSweep } from './anomalies';
