/**
 * Write schemas/scenario.schema.json (and schemas/run.schema.json, for saved runs) from the
 * engine's zod schemas and levers.
 * `npm run schema` regenerates it; `npm run schema -- --check` exits 1 when the committed file
 * is out of date (tests/scenarios/schema-file.test.ts makes the same check in `npm test`).
 */
import { fileURLToPath } from 'node:url';
import { LEVERS, buildRunJsonSchema, buildScenarioJsonSchema } from '../engine/index';
import { writeOrCheck } from './generated-file';

/** Where the generated schema lives. */
export const SCHEMA_FILE = fileURLToPath(new URL('../schemas/scenario.schema.json', import.meta.url));

/** Where the generated run file schema lives (beside the scenario schema it refers to). */
export const RUN_SCHEMA_FILE = fileURLToPath(new URL('../schemas/run.schema.json', import.meta.url));

/** Return the text the run file schema should hold. */
export function runSchemaText(): string {
  return `${JSON.stringify(buildRunJsonSchema(LEVERS), null, 2)}\n`;
}

/** Return the text the schema file should hold. */
export function schemaText(): string {
  return `${JSON.stringify(buildScenarioJsonSchema(LEVERS), null, 2)}\n`;
}

function main(): void {
  writeOrCheck([
    { path: SCHEMA_FILE, name: 'schemas/scenario.schema.json', text: schemaText() },
    { path: RUN_SCHEMA_FILE, name: 'schemas/run.schema.json', text: runSchemaText() },
  ], 'npm run schema');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
