/** Saved runs: the run file format, reproduction checks, comparison and attribution of gaps. */
export { RUN_SCHEMA_VERSION, RUN_SCHEMA_REF, RUN_FORMAT, RunFileSchema, KpiSummarySchema } from './schema';
export { parseRunFile, serializeRunFile, isRunFileData, looksLikeScenario, SCENARIO_NOT_RUN, RUN_MIGRATIONS } from './parse';
export type { RunFile, RunParseResult } from './parse';
export { RUN_METHODS, methodFor, summarizeRun, summarizeMonteCarlo, runTask, evaluateTask } from './summary';
export type { RunMethod, KpiStats, KpiSummary, SimTask, TaskResult } from './summary';
export { taskOf, pointOf, makeRunFile, diffSummaries, checkReproduction, reproduceRun, uncertaintyOf } from './reproduce';
export type { RunSpec, SummaryDifference, ReproductionReport } from './reproduce';
export { diffSettings, kpiDeltas, planComparison, completeComparison, compareRuns } from './compare';
export type { SettingDifference, KpiDelta, Comparison, ComparisonPlan, ComparisonResult } from './compare';
export { planAttribution, completeAttribution, effectiveLevers, DEFAULT_MAX_EXACT_PLAYERS } from './attribution';
export type { RunPoint, AttributionPlayer, AttributionPlan, AttributionRow, KpiAttribution, Attribution } from './attribution';
export { buildRunJsonSchema } from './json-schema';
