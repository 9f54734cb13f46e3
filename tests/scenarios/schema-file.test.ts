import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEVERS } from '../../engine';
import { SCHEMA_FILE, schemaText } from '../../scripts/gen-schema';

describe('schemas/scenario.schema.json', () => {
  it('is what `npm run schema` generates from the zod schema and the engine\'s levers (run it and commit if this fails)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
  });

  it('lists every engine lever for editor completion, with its range', () => {
    const schema = JSON.parse(schemaText()) as { $defs: { LeverValues: { properties: Record<string, { minimum: number; maximum: number }> }; LeverId: { enum: string[] } } };
    expect(schema.$defs.LeverId.enum).toEqual(LEVERS.map((l) => l.id));
    for (const l of LEVERS) expect(schema.$defs.LeverValues.properties[l.id]).toMatchObject({ minimum: l.min, maximum: l.max });
  });
});
