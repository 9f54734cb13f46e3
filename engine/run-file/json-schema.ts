/** The JSON Schema of run files (schemas/run.schema.json), generated from the zod schema. */
import { z } from 'zod';
import type { LeverDef } from '../types';
import { RunFileSchema } from './schema';

/**
 * Return the JSON Schema for run files. The embedded scenario refers to scenario.schema.json
 * (beside it), and override ids and ranges come from `levers` (the engine's LEVERS).
 */
export function buildRunJsonSchema(levers: readonly LeverDef[]): Record<string, unknown> {
  const schema = z.toJSONSchema(RunFileSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  const defs = (schema.$defs ?? {}) as Record<string, Record<string, unknown>>;
  defs.EmbeddedScenario = { $ref: 'scenario.schema.json', description: defs.EmbeddedScenario?.description };
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  const overrides: Record<string, unknown> = {};
  for (const l of levers) overrides[l.id] = { type: 'number', minimum: l.min, maximum: l.max, description: `${l.label} (${l.unit}).` };
  properties.overrides = { ...properties.overrides, type: 'object', properties: overrides, additionalProperties: false };
  const { $schema: draft, ...rest } = schema;
  return { $schema: draft, $id: 'https://momentum.invalid/run.schema.json', title: 'Momentum saved run', ...rest, $defs: defs };
}
