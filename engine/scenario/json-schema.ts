/** The JSON Schema of scenario files (schemas/scenario.schema.json), generated from the zod schema. */
import { z } from 'zod';
import { SERIES } from '../series';
import type { LeverDef } from '../types';
import { ScenarioSchema } from './schema';

/**
 * Return the JSON Schema for scenario files. Lever ids and ranges come from `levers` (the
 * engine's LEVERS), so editors complete lever names and flag out-of-range values; series ids
 * (which prediction questions name) come from the engine's SERIES.
 */
export function buildScenarioJsonSchema(levers: readonly LeverDef[]): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const defs = (schema.$defs ?? {}) as Record<string, Record<string, unknown>>;
  defs.LeverId = { ...defs.LeverId, enum: levers.map((l) => l.id) };
  defs.SeriesId = { ...defs.SeriesId, enum: SERIES.map((d) => d.id) };
  const properties: Record<string, unknown> = {};
  for (const l of levers) {
    properties[l.id] = {
      type: 'number',
      minimum: l.min,
      maximum: l.max,
      default: l.default,
      description: `${l.label} (${l.unit}). ${l.explanation}${l.options ? ` Values: ${l.options.map((o) => `${o.value} = ${o.label}`).join('; ')}.` : ''}`,
      ...(l.options ? { enum: l.options.map((o) => o.value) } : {}),
    };
  }
  defs.LeverValues = { type: 'object', description: defs.LeverValues?.description, properties, additionalProperties: false };
  const { $schema: draft, ...rest } = schema;
  return { $schema: draft, $id: 'https://momentum.invalid/scenario.schema.json', ...rest, $defs: defs };
}
