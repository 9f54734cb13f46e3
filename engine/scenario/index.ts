/** Scenario files: format, validation, migrations, serialisation and conversion to the engine's input. */
export { SCHEMA_VERSION, SCHEMA_REF, ScenarioSchema, InitiativeSchema, StageSchema, StageGateSchema, ScenarioEventSchema, GoalSchema, TargetSchema, TrainerSchema, LeverValuesSchema, PredictionSchema } from './schema';
export type { Scenario, ScenarioInput, Target, TrainerMaterial, PredictionQuestion } from './schema';
export { parseScenario } from './parse';
export { MAX_FILE_BYTES, SCENARIO_LIMITS } from './limits';
export { readJson } from './json-text';
export { decodeFileText, invalidUtf8Offset, PROTOTYPE_KEYS, prototypeKeyProblems } from './file-text';
export type { FileTextResult } from './file-text';
export type { ParseResult } from './parse';
export { editDistance, formatProblems, FILE_PATH } from './problems';
export type { Problem } from './problems';
export { serializeScenario, blankScenario, scenarioToInput } from './serialize';
export { buildScenarioJsonSchema } from './json-schema';
export { migrateV1toV2, migrateV2toV3, migrateV3toV4, MIGRATIONS, OLDEST_SUPPORTED_VERSION } from './migrations';
export { runCheck, CheckSchema, ChecksFileSchema } from './checks';
export type { ScenarioCheck, CheckOutcome } from './checks';
export { SAFE_TEXT, UNSAFE_TEXT_MESSAGE, escapeUnsafeText } from './text';
