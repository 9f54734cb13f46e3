/**
 * The scenario file format, defined once in zod. The TypeScript types, the runtime validation
 * and schemas/scenario.schema.json all come from these definitions.
 */
import { z } from 'zod';
import { PILLARS } from '../types';
import type { Goal, Initiative, ScenarioEvent, Stage, StageGate } from '../types';
import { DEFAULT_HORIZON_WEEKS, MAX_HORIZON_WEEKS } from '../defaults';
import { LIST_NOUNS, SCENARIO_LIMITS as L, limitMessage } from './limits';
import { SAFE_TEXT, UNSAFE_TEXT_MESSAGE } from './text';

/** The schema version this build writes; older files are migrated, newer ones refused. */
export const SCHEMA_VERSION = 4;

/** The `$schema` value every prepared scenario file starts with. */
export const SCHEMA_REF = '../schemas/scenario.schema.json';

/** The `$schema` value files carried while the schema sat beside the scenarios; saving writes SCHEMA_REF instead. */
export const LEGACY_SCHEMA_REF = './scenario.schema.json';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

const id = z
  .string()
  .regex(ID_PATTERN, { message: 'must be a short id of lower-case letters, digits and hyphens (e.g. "epr-phase-2")' })
  .max(64)
  .meta({ description: 'Lower-case letters, digits and hyphens, e.g. "epr-phase-2".' });
/** Text free of control characters and direction overrides (./text.ts), up to `max` characters. */
const clean = (max: number) => z.string().max(max).regex(SAFE_TEXT, { message: UNSAFE_TEXT_MESSAGE });
const text = (max: number) => clean(max).min(1);
const oneLine = (max: number) => text(max).regex(/^[^\r\n]*$/, { message: 'must fit on one line (no line breaks)' });
const share = z.number().min(0).max(1);
const week = z.number().int().min(0).max(MAX_HORIZON_WEEKS);
/** A list of at most `max` items, whose message names what they are ("must have at most 200 initiatives"). */
const list = <T extends z.ZodType>(item: T, max: number, noun: string) => z.array(item).max(max, { message: limitMessage(max, noun) });

/** A lever id; checked against the engine's LEVERS when a file is parsed. */
export const LeverIdSchema = z.string().min(1).max(64).meta({ id: 'LeverId', description: 'The id of one of the engine\'s levers.' });

/** Board settings by lever id; ids and ranges are checked against the engine's LEVERS when a file is parsed. */
export const LeverValuesSchema = z
  .record(z.string(), z.number())
  .meta({ id: 'LeverValues', description: 'Board settings by lever id. A lever that is not listed takes its default.' });

/** One piece of work in the trust's portfolio. */
export const InitiativeSchema = z.strictObject({
  id: id.meta({ description: 'Unique within the scenario; prerequisites, gates and goals refer to it.' }),
  name: oneLine(120).meta({ description: 'What the board would call it, e.g. "EPR phase 2".' }),
  pillar: z.enum(PILLARS).meta({ description: 'Which pillar of the digital agenda it serves.' }),
  effortWeeks: z
    .number()
    .positive()
    .max(2000)
    .meta({ description: 'Size of the work in effort-weeks (a typical initiative is 1–3, an EPR 5–8). A fully productive reference team of six completes 0.15 effort-weeks a week, before switching, friction, legacy work and scope growth.' }),
  businessCritical: z
    .boolean()
    .default(false)
    .meta({ description: 'A failure or go-live dip disrupts operations; counts against a stage\'s cap.' }),
  prerequisites: list(id, L.prerequisites, 'prerequisites').default([]).meta({ description: 'Ids of initiatives that must be live before this one starts.' }),
  rollout: z.enum(['big-bang', 'pilot-then-scale']).default('big-bang').meta({ description: 'Go live everywhere at once, or pilot in model teams and then scale.' }),
  benefit: z.number().min(0).max(10).default(1).meta({ description: 'Relative size of the benefit once adopted (1 = a typical initiative).' }),
  infrastructureNeed: share.default(0).meta({ description: 'Infrastructure readiness (0–1) needed to progress at full speed; 0 = none.' }),
  buildsInfrastructure: z.boolean().optional().meta({ description: 'Delivering it builds the foundations other work needs.' }),
  stage: id.optional().meta({ description: 'Id of the stage it belongs to; it cannot start before that stage opens.' }),
  earliestStartWeek: week.optional().meta({ description: 'It cannot start before this week (e.g. a deliberately delayed phase).' }),
});

/** One condition of a stage's entry gate. */
export const StageGateSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('week'), week }).meta({ description: 'Opens at this week.' }),
  z
    .strictObject({ kind: z.literal('initiatives-live'), ids: list(id, L.initiativeIds, 'initiative ids').min(1) })
    .meta({ description: 'Opens once these initiatives are live.' }),
  z.strictObject({ kind: z.literal('infrastructure'), atLeast: share }).meta({ description: 'Opens once infrastructure readiness reaches this share.' }),
  z.strictObject({ kind: z.literal('confidence'), atLeast: share }).meta({ description: 'Opens once board confidence reaches this share.' }),
  z.strictObject({ kind: z.literal('maturity'), atLeast: z.number().min(1).max(5) }).meta({ description: 'Opens once digital maturity (1–5) reaches this score.' }),
]);

/** A stage of a staged journey. */
export const StageSchema = z.strictObject({
  id,
  name: oneLine(120),
  gate: list(StageGateSchema, L.gateConditions, 'gate conditions').default([]).meta({ description: 'All conditions must hold for the stage to open; empty = open from week 0.' }),
  maxConcurrentCritical: z
    .number()
    .int()
    .min(1)
    .max(40)
    .meta({ description: 'At most this many business-critical initiatives in flight while this is the latest open stage.' }),
});

/** A timed event. */
export const ScenarioEventSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('urgency-shock'),
      week,
      label: oneLine(120),
      size: share.meta({ description: 'Added to the urgency stock (0–1).' }),
      priorityCap: z.number().int().min(1).max(40).optional().meta({ description: 'While urgency stays high, at most this many priorities run.' }),
      governanceRelief: share.optional().meta({ description: 'Share of governance friction removed while the shock lasts.' }),
    })
    .meta({ description: 'A shock to urgency, e.g. a pandemic is declared.' }),
  z
    .strictObject({ kind: z.literal('people-leave'), week, label: oneLine(120), share: share.meta({ description: 'Share of the team that leaves.' }) })
    .meta({ description: 'Part of the team leaves, taking what it knew.' }),
  z
    .strictObject({
      kind: z.literal('new-chief-executive'),
      week,
      label: oneLine(120),
      ownership: z.number().min(0).meta({ description: 'The leadership-ownership lever value from this week on.' }),
    })
    .meta({ description: 'A new chief executive changes who owns digital.' }),
  z
    .strictObject({
      kind: z.literal('funding-change'),
      week,
      label: oneLine(120),
      factor: z.number().positive().max(5).meta({ description: 'Capacity multiplier from this week on (0.8 = a 20% cut).' }),
    })
    .meta({ description: 'Funding rises or falls.' }),
]);

/** What "weeks to goal" is measured against. */
export const GoalSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('maturity'), atLeast: z.number().min(1).max(5) }).meta({ description: 'Digital maturity (1–5) reaches this score.' }),
  z.strictObject({ kind: z.literal('initiatives-live'), ids: list(id, L.initiativeIds, 'initiative ids').min(1) }).meta({ description: 'These initiatives are live.' }),
  z.strictObject({ kind: z.literal('adoption'), pillar: z.enum(PILLARS), atLeast: share }).meta({ description: 'Adoption in a pillar reaches this share.' }),
]);

/** A challenge for a workshop: a KPI bound, optionally under a lever limit. */
export const TargetSchema = z
  .strictObject({
    id,
    label: oneLine(160).meta({ description: 'The challenge as the room reads it, e.g. "Maturity 3 by year 3 with at most 4 priorities".' }),
    kpi: z.string().min(1).max(64).meta({ description: 'Name of a KPI of the run, e.g. "maturityAtHorizon" or "weeksToGoal".' }),
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
    byWeek: week.optional().meta({ description: 'Read the series named by "kpi" at this week instead of the KPI at the horizon.' }),
    maxLever: z
      .strictObject({ leverId: LeverIdSchema, atMost: z.number() })
      .optional()
      .meta({ description: 'The challenge must be met with this lever no higher than this value.' }),
  })
  .refine((t) => t.atLeast !== undefined || t.atMost !== undefined, { message: 'needs "atLeast" or "atMost" (or both)' })
  .refine((t) => t.atLeast === undefined || t.atMost === undefined || t.atLeast <= t.atMost, {
    message: '"atLeast" must not be above "atMost"',
  });

/** A what-if the trainer can apply with one click. */
export const WhatIfSchema = z.strictObject({ label: oneLine(120), levers: LeverValuesSchema });

/** A weekly series of the run that a prediction is read against; checked against the engine's SERIES when a file is parsed. */
const seriesId = z.string().min(1).max(64).meta({ id: 'SeriesId', description: 'The id of a weekly series of the run, e.g. "maturity", "confidence" or "initiativesLive".' });

/** One answer of a vote, with the range of the question's series that supports it. */
export const PredictionOptionSchema = z
  .strictObject({
    id: id.meta({ description: 'Unique within the question; the recorded votes refer to it.' }),
    label: oneLine(120).meta({ description: 'The answer as the room reads it, e.g. "Yes, both are live".' }),
    atLeast: z.number().optional().meta({ description: 'The model supports this answer when the question’s series is at least this at the reveal’s week.' }),
    atMost: z.number().optional().meta({ description: 'The model supports this answer when the question’s series is at most this at the reveal’s week.' }),
  })
  .refine((o) => o.atLeast === undefined || o.atMost === undefined || o.atLeast <= o.atMost, { message: '"atLeast" must not be above "atMost"' });

/** A question the room answers before a reveal step; the step shows the answers against the run. */
export const PredictionSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('vote'),
      id: id.meta({ description: 'Unique within the scenario; the predictions a session records refer to it.' }),
      question: oneLine(240).meta({ description: 'What the room is asked, e.g. "Will 111 and the fleet EPR both be live by now?"' }),
      series: seriesId.optional().meta({ description: 'The series that judges the vote: read at the reveal\'s week, the option whose range holds it is the one the model supports. Without it the tally is shown beside the charts.' }),
      options: list(PredictionOptionSchema, L.predictionOptions, 'options').min(2),
    })
    .meta({ description: 'The room votes between options; the facilitator records how many chose each.' }),
  z
    .strictObject({
      kind: z.literal('number'),
      id: id.meta({ description: 'Unique within the scenario; the predictions a session records refer to it.' }),
      question: oneLine(240).meta({ description: 'What the room is asked, e.g. "What will digital maturity be by now?"' }),
      series: seriesId.meta({ description: 'The series the room\'s figures are compared with, read at the reveal\'s week.' }),
    })
    .meta({ description: 'The room gives a figure (or a few); the reveal shows them against the model\'s typical value.' }),
]);

/** A step the trainer reveals when the run reaches a week. */
export const RevealSchema = z.strictObject({
  week,
  title: oneLine(120).meta({ description: 'What the room is told, e.g. "A pandemic is declared".' }),
  note: text(2000).meta({ description: 'What the trainer says or asks at this point.' }),
  predictions: list(PredictionSchema, L.predictions, 'prediction questions')
    .optional()
    .meta({ description: 'Questions the room answers before this step; the step shows the answers against the run at its week.' }),
});

/** How long a workshop with the scenario takes, in minutes (the trainer guide's "45–60 minutes"). */
export const SessionMinutesSchema = z
  .strictObject({ min: z.number().int().min(5).max(480), max: z.number().int().min(5).max(480) })
  .refine((m) => m.min <= m.max, { message: '"min" must not be above "max"' })
  .meta({ id: 'SessionMinutes', description: 'The shortest and longest a session with the scenario takes, in minutes.' });

/** Material for running a workshop with the scenario. */
export const TrainerSchema = z.strictObject({
  sessionMinutes: SessionMinutesSchema.optional().meta({ description: 'How long a workshop with the scenario takes, shown in the Library.' }),
  lockReasons: z
    .record(z.string().max(64), oneLine(240))
    .refine((r) => Object.keys(r).length <= L.lockedLevers, { message: limitMessage(L.lockedLevers, 'lock reasons') })
    .default({})
    .meta({ description: 'Why each locked lever is locked, by lever id, as the room is told when the scenario opens.' }),
  briefing: clean(4000).default('').meta({ description: 'Read out at the start: the situation the room is in.' }),
  objectives: list(text(400), L.objectives, 'objectives').default([]).meta({ description: 'What participants should take away.' }),
  questions: list(text(400), L.questions, 'questions').default([]).meta({ description: 'Discussion questions.' }),
  whatIfs: list(WhatIfSchema, L.whatIfs, 'what-ifs').default([]).meta({ description: 'Suggested lever changes to try.' }),
  reveals: list(RevealSchema, L.reveals, 'reveal steps').default([]).meta({ description: 'Steps to reveal as the run reaches each week.' }),
});

/** A whole scenario file (current schema version). */
export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().default(SCHEMA_REF).meta({ description: 'Path to scenario.schema.json, for editors.' }),
    schemaVersion: z.literal(SCHEMA_VERSION).meta({ description: 'Format version of this file.' }),
    id: id.meta({ description: 'Unique id of the scenario; prepared files are named <id>.json.' }),
    title: oneLine(120),
    summary: clean(4000).default(''),
    lesson: clean(240).regex(/^[^\r\n]*$/, { message: 'must fit on one line (no line breaks)' }).default('').meta({ description: 'The lesson in one line.' }),
    variantOf: id.optional().meta({ description: 'The id of the scenario this one is a variant of; the Library shows them as a pair.' }),
    source: clean(2000).default('').meta({ description: 'Where the facts come from.' }),
    judgement: clean(4000).default('').meta({ description: 'What in this scenario is judgement rather than fact.' }),
    levers: LeverValuesSchema.default({}),
    horizonWeeks: z.number().int().min(1).max(MAX_HORIZON_WEEKS).default(DEFAULT_HORIZON_WEEKS).meta({ description: 'Weeks to simulate (1–520).' }),
    goal: GoalSchema.default({ kind: 'maturity', atLeast: 3 }),
    initiatives: list(InitiativeSchema, L.initiatives, LIST_NOUNS.initiatives).default([]),
    stages: list(StageSchema, L.stages, LIST_NOUNS.stages).default([]),
    events: list(ScenarioEventSchema, L.events, LIST_NOUNS.events).default([]),
    targets: list(TargetSchema, L.targets, LIST_NOUNS.targets).default([]),
    lockedLevers: list(LeverIdSchema, L.lockedLevers, LIST_NOUNS.lockedLevers).default([]).meta({ description: 'Levers the trainer fixes for the workshop.' }),
    trainer: TrainerSchema.default({ lockReasons: {}, briefing: '', objectives: [], questions: [], whatIfs: [], reveals: [] }),
  })
  .meta({ title: 'Momentum scenario', description: 'A Momentum scenario file: board settings, portfolio, stages, events, targets and trainer material.' });

/** A parsed, validated scenario with every default filled in. */
export type Scenario = z.output<typeof ScenarioSchema>;
/** A scenario target (a challenge). */
export type Target = z.output<typeof TargetSchema>;
/** The trainer material of a scenario. */
export type TrainerMaterial = z.output<typeof TrainerSchema>;
/** A prediction question of a reveal step. */
export type PredictionQuestion = z.output<typeof PredictionSchema>;
/** A scenario as written in a file, before defaults are filled in. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;

// Compile-time proof that what the schema accepts is what the engine takes: if engine/types.ts
// changes, this stops compiling instead of letting a file load into a shape the engine misreads.
type Assert<T extends true> = T;
type Assignable<A, B> = [A] extends [B] ? true : false;
type _InitiativeFits = Assert<Assignable<z.output<typeof InitiativeSchema>, Initiative>>;
type _StageFits = Assert<Assignable<z.output<typeof StageSchema>, Stage>>;
type _GateFits = Assert<Assignable<z.output<typeof StageGateSchema>, StageGate>>;
type _EventFits = Assert<Assignable<z.output<typeof ScenarioEventSchema>, ScenarioEvent>>;
type _GoalFits = Assert<Assignable<z.output<typeof GoalSchema>, Goal>>;
