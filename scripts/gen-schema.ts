/**
 * Write scenarios/scenario.schema.json from the engine's zod schema and levers.
 * `npm run schema` regenerates it; `npm run schema -- --check` exits 1 when the committed file
 * is out of date (tests/scenarios/schema-file.test.ts makes the same check in `npm test`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LEVERS, buildScenarioJsonSchema } from '../engine/index';

/** Where the generated schema lives. */
export const SCHEMA_FILE = fileURLToPath(new URL('../scenarios/scenario.schema.json', import.meta.url));

/** Return the text the schema file should hold. */
export function schemaText(): string {
  return `${JSON.stringify(buildScenarioJsonSchema(LEVERS), null, 2)}\n`;
}

function main(): void {
  const want = schemaText();
  if (process.argv.includes('--check')) {
    let have = '';
    try {
      have = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      have = '';
    }
    if (have !== want) {
      console.error('scenarios/scenario.schema.json is out of date: run `npm run schema` and commit it.');
      process.exit(1);
    }
    console.log('scenarios/scenario.schema.json is up to date.');
    return;
  }
  writeFileSync(SCHEMA_FILE, want);
  console.log(`wrote ${SCHEMA_FILE}`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
