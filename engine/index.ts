/** The engine's public API: import from here, not from internal files. */
export * from './types';
export { ENGINE_VERSION } from './version';
export { LEVERS, simulate, simulateExpected, monteCarlo, sensitivity } from './placeholder';
export { createInProcessRunner } from './runner';
export type { SimRunner, MonteCarloOptions, SensitivityOptions } from './runner';
export { blankInput, DEFAULT_HORIZON_WEEKS, MAX_HORIZON_WEEKS } from './defaults';
export * from './challenge';
export * from './scenario';
export * from './run-file';
export * from './export';
