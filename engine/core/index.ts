/**
 * The model without the file formats: running it, its inputs and outputs, summaries and CSV cells.
 * Nothing here loads zod, so worker threads and Web Workers start quickly; tests/architecture
 * checks that. engine/index.ts is the full door and re-exports this one.
 */
export * from '../types';
export { ENGINE_VERSION } from '../version';
export { LEVERS, PLAUSIBLE_ROLE_FTE, plausibleRange, ROLE_FAMILIES, defaultLevers, leverChoices, leverDef, leverValue, leverValueFault } from '../levers';
export type { LeverValueFault } from '../levers';
export { simulate, simulateExpected } from '../simulate';
export { monteCarlo, MAX_REPLICATIONS, mergeMonteCarlo, monteCarloPart, partBuffers, splitReplications } from '../montecarlo';
export type { MonteCarloPartOptions, MonteCarloRunOptions } from '../montecarlo';
export { sensitivity, sensitivityEnds } from '../sensitivity';
export type { SensitivityRange, SensitivityRunOptions } from '../sensitivity';
export { robustness } from '../robustness';
export { assumptionSensitivity } from '../assumption-sensitivity';
export type { AssumptionRow, AssumptionSensitivity, AssumptionSensitivityOptions } from '../assumption-sensitivity';
export type { Robustness } from '../robustness';
export { ASSUMPTION_COUNT, DRAWN_PARAMETERS, drawnValues, FIXED_PARAMETERS, ORDERED_PAIRS, UNCERTAINTY_MODES } from '../assumptions';
export type { Uncertainty } from '../assumptions';
export { PARAMETERS } from '../parameter-registry';
export { SERIES, KPIS } from '../series';
export type { SeriesDef, KpiDef } from '../series';
export { CANCELLED, createInProcessRunner } from '../runner';
export { RUN_SET } from '../run-set';
export type { RunSet } from '../run-set';
export type { AssumptionSensitivityRequest, CancelSignal, SimRunner, MonteCarloOptions, SensitivityOptions } from '../runner';
export { RUN_METHODS, methodFor, summarizeRun, summarizeMonteCarlo, runTask, evaluateTask, typicalKpi } from '../run-file/summary';
export type { RunMethod, KpiStats, KpiSummary, SimTask, TaskResult } from '../run-file/summary';
export { csvCell } from '../export/csv';
export { MAX_FILE_BYTES } from '../scenario/limits';
export { decodeFileText } from '../scenario/file-text';
export type { FileTextResult } from '../scenario/file-text';
export { DOCUMENT_EXTENSIONS, LEGACY_DOCUMENT_EXTENSION, documentKindOfName, openableExtensions, withDocumentExtension } from '../file-types';
export type { DocumentFileKind } from '../file-types';
export type { CsvCell } from '../export/csv';
