/**
 * The engine's public API: import from here, not from internal files. engine/core is the zod-free part
 * of it, for workers; engine/validation is the model validation suite, for scripts and the Model view.
 */
export * from './core';
export { REFERENCE_PORTFOLIO } from './portfolio';
export { realWorkShare, WEINBERG_TABLE } from './switching';
export { CONSTRAINT_LABELS, EXPLAIN_PERIOD_WEEKS } from './explain';
export { CONSTRAINT_LOSS_WORDS, explainChange, runLosses, shareLost } from './explain-change';
export type { ChangeExplanation, ConstraintChange, ConstraintLossWords, ConstraintMove, LeverChange, LossKind, RunLosses } from './explain-change';
export { maturityOverlay, OVERLAY_NOTE, WGLL_LABELS } from './maturity';
export { MECHANISMS } from './mechanisms';
export { blankInput, DEFAULT_HORIZON_WEEKS, MAX_HORIZON_WEEKS } from './defaults';
export * from './challenge';
export * from './scenario';
export * from './run-file';
export * from './export';
