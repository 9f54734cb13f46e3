/**
 * The run file format, defined once in zod: the TypeScript type, runtime validation and
 * schemas/run.schema.json all come from here. A run file holds everything needed to
 * simulate a run again (the scenario itself, lever overrides, method, seed, replications)
 * and the KPI summary it produced, so reopening it can check the numbers still come out.
 */
import { z } from 'zod';
import { SAFE_TEXT, UNSAFE_TEXT_MESSAGE } from '../scenario/text';
import { RUN_METHODS } from './summary';

/** The run file version this build writes; older files are migrated, newer ones refused. */
export const RUN_SCHEMA_VERSION = 3;

/** The `$schema` value a run file starts with (run.schema.json sits beside scenario.schema.json). */
export const RUN_SCHEMA_REF = '../schemas/run.schema.json';

/** The `format` marker that tells a run file from a scenario file. */
export const RUN_FORMAT = 'momentum-run';

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });

/** P10/P50/P90/mean of one KPI. */
export const KpiStatsSchema = z
  .strictObject({ p10: finite, p50: finite, p90: finite, mean: finite })
  .meta({ id: 'KpiStats', description: 'P10, P50, P90 and mean of one KPI across replications.' });

/** The KPI figures a run produced. */
export const KpiSummarySchema = z
  .strictObject({
    kpis: z
      .record(z.string(), finite)
      .meta({ description: 'One number per KPI: the value of an expected or single run, the mean across replications of a Monte Carlo run.' }),
    distribution: z
      .record(z.string(), KpiStatsSchema)
      .optional()
      .meta({ description: 'Monte Carlo only: P10/P50/P90/mean per KPI.' }),
  })
  .meta({ id: 'KpiSummary' });

/** The run file, as written to disk. */
export const RunFileSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Path or URL of run.schema.json, for editors.' }),
    format: z.literal(RUN_FORMAT).meta({ description: `Always "${RUN_FORMAT}": marks the file as a saved run.` }),
    schemaVersion: z.literal(RUN_SCHEMA_VERSION).meta({ description: 'Version of this format; older versions are migrated on opening.' }),
    label: z.string().max(200).regex(SAFE_TEXT, { message: UNSAFE_TEXT_MESSAGE }).regex(/^[^\r\n]*$/, { message: 'must fit on one line (no line breaks)' }).meta({ description: 'Short name of the run, shown in comparisons.' }),
    team: z
      .string()
      .min(1)
      .max(80)
      .regex(SAFE_TEXT, { message: UNSAFE_TEXT_MESSAGE })
      .regex(/^[^\r\n]*$/, { message: 'must fit on one line (no line breaks)' })
      .optional()
      .meta({ description: 'The team that saved the run, in a multi-team round; its run shows under this name.' }),
    notes: z.string().max(20_000).regex(SAFE_TEXT, { message: UNSAFE_TEXT_MESSAGE }).default('').meta({ description: 'The analyst\'s notes; they go into the board pack.' }),
    savedAt: z.iso.datetime({ offset: true }).meta({ description: 'When the run was saved (ISO 8601), supplied by whoever saved it.' }),
    engineVersion: z.string().min(1).max(64).meta({ description: 'Version of the engine that produced the summary.' }),
    method: z.enum(RUN_METHODS).meta({ description: 'expected (noise off), single (one seeded replication) or monte-carlo.' }),
    seed: z.number().int().min(0).max(0xffffffff).meta({ description: 'Seed of the random generator (unused by an expected run).' }),
    replications: z.number().int().min(1).max(100_000).meta({ description: '1 for expected and single runs.' }),
    uncertainty: z
      .enum(['noise', 'all'])
      .meta({ description: "Which uncertainty the run drew: 'noise' (luck alone) or 'all' (luck and the model's assumptions). Always 'noise' for an expected run." }),
    overrides: z
      .record(z.string(), finite)
      .default({})
      .meta({ description: 'Lever values set on top of the scenario\'s own settings, by lever id.' }),
    summary: KpiSummarySchema,
    scenario: z
      .record(z.string(), z.unknown())
      .meta({ id: 'EmbeddedScenario', description: 'The whole scenario the run used (a scenario file\'s content), so the run needs no other file.' }),
  })
  .superRefine((run, ctx) => {
    if (run.method === 'monte-carlo') {
      if (run.replications < 2) ctx.addIssue({ code: 'custom', path: ['replications'], message: 'must be at least 2 for a monte-carlo run' });
      if (!run.summary.distribution) ctx.addIssue({ code: 'custom', path: ['summary', 'distribution'], message: 'is required for a monte-carlo run' });
    } else {
      if (run.replications !== 1) ctx.addIssue({ code: 'custom', path: ['replications'], message: `must be 1 for ${run.method === 'expected' ? 'an expected' : 'a single'} run` });
      if (run.summary.distribution) ctx.addIssue({ code: 'custom', path: ['summary', 'distribution'], message: 'belongs only to a monte-carlo run' });
      if (run.method === 'expected' && run.uncertainty !== 'noise') ctx.addIssue({ code: 'custom', path: ['uncertainty'], message: "must be 'noise' for an expected run (it draws nothing)" });
    }
  });

/** A run file as parsed (before its embedded scenario is checked). */
export type RunFileData = z.output<typeof RunFileSchema>;
