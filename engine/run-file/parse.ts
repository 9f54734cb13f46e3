/**
 * Reading and writing run files: JSON text in, a validated run (with its embedded scenario
 * parsed and migrated like any scenario file) or a list of problems out; and back to stable text.
 */
import { LEVERS } from '../levers';
import { parseScenario } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { checkLeverValues } from '../scenario/semantic';
import { serializeScenario } from '../scenario/serialize';
import { prototypeKeyProblems } from '../scenario/file-text';
import { readJson } from '../scenario/json-text';
import { FILE_PATH, describeValue, problemsFromIssues } from '../scenario/problems';
import type { Problem } from '../scenario/problems';
import type { LeverDef, LeverValues } from '../types';
import { RUN_FORMAT, RUN_SCHEMA_REF, RUN_SCHEMA_VERSION, RunFileSchema } from './schema';
import type { RunFileData } from './schema';
import type { KpiSummary, RunMethod } from './summary';

/** A saved run: its embedded scenario parsed and validated. */
export interface RunFile {
  readonly label: string;
  /** The team that saved the run in a multi-team round, if it gave its name. */
  readonly team?: string;
  readonly notes: string;
  /** ISO 8601 time the run was saved, supplied by whoever saved it (the engine has no clock). */
  readonly savedAt: string;
  readonly engineVersion: string;
  readonly method: RunMethod;
  readonly seed: number;
  readonly replications: number;
  /** 'noise' (luck alone) or 'all' (luck and the model's assumptions); 'noise' for an expected run. */
  readonly uncertainty: 'noise' | 'all';
  readonly scenario: Scenario;
  readonly overrides: LeverValues;
  readonly summary: KpiSummary;
}

/** The outcome of reading a run file. */
export type RunParseResult =
  | { ok: true; run: RunFile; migratedFrom?: number; scenarioMigratedFrom?: number }
  | { ok: false; problems: Problem[] };

/**
 * Migrations by the version they read: RUN_MIGRATIONS[n] turns version n into n + 1. Version 2 records the run's
 * uncertainty; every run saved before it drew luck alone. Version 3 may name the team that saved the run (a
 * multi-team round); no run before it had one, so an older Momentum refuses such a file as newer, in words.
 */
export const RUN_MIGRATIONS: Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>> = {
  1: (doc) => ({ ...doc, schemaVersion: 2, uncertainty: 'noise' }),
  2: (doc) => ({ ...doc, schemaVersion: 3 }),
};

/** Return true when a parsed JSON value looks like a run file rather than a scenario. */
export function isRunFileData(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const doc = value as Record<string, unknown>;
  return doc.format === RUN_FORMAT || (typeof doc.$schema === 'string' && doc.$schema.endsWith('run.schema.json'));
}

/** What a run reader says of a scenario file opened where a run file belongs. */
export const SCENARIO_NOT_RUN = 'this is a scenario, not a saved run: open it as a scenario to run it';

/**
 * Return true when a document is a scenario rather than a run: not marked as a run, no embedded scenario, and
 * the scenario's own fields (a title, or a portfolio, settings or trainer material).
 */
export function looksLikeScenario(doc: Record<string, unknown>): boolean {
  if (isRunFileData(doc) || 'scenario' in doc) return false;
  if (typeof doc.$schema === 'string' && doc.$schema.endsWith('scenario.schema.json')) return true;
  return typeof doc.title === 'string' || typeof doc.name === 'string' || ['initiatives', 'levers', 'settings', 'trainer'].some((k) => k in doc);
}

const TOP_KEYS = Object.keys(RunFileSchema.shape ?? {});

const LEVER_MAP: ReadonlyMap<string, LeverDef> = new Map(LEVERS.map((l) => [l.id, l]));

function parseUnsafe(input: unknown): RunParseResult {
  let data = input;
  if (typeof input === 'string') {
    const read = readJson(input);
    if (!read.ok) return { ok: false, problems: [{ path: FILE_PATH, message: `invalid JSON at line ${read.line}, column ${read.column}: ${read.message}` }] };
    data = read.value;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, problems: [{ path: FILE_PATH, message: `must be a JSON object describing a saved run, got ${describeValue(data)}` }] };
  }
  let doc = data as Record<string, unknown>;
  // Refused like the scenario parser does: the schema would otherwise drop them without a word.
  const hidden = prototypeKeyProblems(doc);
  if (hidden.length > 0) return { ok: false, problems: hidden };
  // A scenario has its own schemaVersion, which would read as a run format from a newer Momentum: say what it is.
  if (looksLikeScenario(doc)) return { ok: false, problems: [{ path: FILE_PATH, message: SCENARIO_NOT_RUN }] };
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, problems: [{ path: 'schemaVersion', message: `must be a whole number (${RUN_SCHEMA_VERSION} for runs saved now), got ${describeValue(version)}` }] };
  }
  if (version > RUN_SCHEMA_VERSION) {
    return {
      ok: false,
      problems: [{ path: 'schemaVersion', message: `this run was saved by a newer version of Momentum (run format ${version}); this version reads up to ${RUN_SCHEMA_VERSION}. Update Momentum to open it.` }],
    };
  }
  if (version < 1) return { ok: false, problems: [{ path: 'schemaVersion', message: `must be between 1 and ${RUN_SCHEMA_VERSION}, got ${version}` }] };
  for (let v = version; v < RUN_SCHEMA_VERSION; v++) {
    const step = RUN_MIGRATIONS[v];
    if (!step) return { ok: false, problems: [{ path: 'schemaVersion', message: `no migration from run format ${v}` }] };
    doc = step(doc);
  }
  const parsed = RunFileSchema.safeParse(doc, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, problems: problemsFromIssues(parsed.error.issues, (path) => (path.length === 0 ? TOP_KEYS : [])) };
  }
  const data1: RunFileData = parsed.data;
  const scenario = parseScenario(data1.scenario);
  const problems: Problem[] = [];
  if (!scenario.ok) {
    for (const p of scenario.problems) problems.push({ path: p.path === FILE_PATH ? 'scenario' : `scenario.${p.path}`, message: p.message });
  }
  checkLeverValues(data1.overrides, ['overrides'], LEVER_MAP, problems);
  if (!scenario.ok || problems.length > 0) return { ok: false, problems };
  const run: RunFile = {
    label: data1.label,
    ...(data1.team !== undefined ? { team: data1.team } : {}),
    notes: data1.notes,
    savedAt: data1.savedAt,
    engineVersion: data1.engineVersion,
    method: data1.method,
    seed: data1.seed,
    replications: data1.replications,
    uncertainty: data1.uncertainty,
    scenario: scenario.scenario,
    overrides: data1.overrides,
    summary: data1.summary.distribution ? { kpis: data1.summary.kpis, distribution: data1.summary.distribution } : { kpis: data1.summary.kpis },
  };
  return {
    ok: true,
    run,
    ...(version < RUN_SCHEMA_VERSION ? { migratedFrom: version } : {}),
    ...(scenario.migratedFrom !== undefined ? { scenarioMigratedFrom: scenario.migratedFrom } : {}),
  };
}

/**
 * Parse a run file from JSON text or an already-parsed value: migrate older formats, validate
 * it and its embedded scenario (problem paths inside it start with `scenario.`), and check the
 * lever overrides against the engine's levers. Never throws.
 */
export function parseRunFile(input: string | unknown): RunParseResult {
  try {
    return parseUnsafe(input);
  } catch (err) {
    const detail = err instanceof Error ? err.message : 'unknown error';
    return { ok: false, problems: [{ path: FILE_PATH, message: `could not be read as a saved run (${detail})` }] };
  }
}

function sorted<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key]!;
  return out;
}

/**
 * Return a run as JSON text in a stable form: `$schema` first, fields in a fixed order, keys of
 * overrides and KPIs sorted, the embedded scenario in its own canonical form, two-space indent
 * and a final newline. Numbers are written in their shortest round-trip form, so the stored
 * summary compares exactly with a fresh simulation.
 */
export function serializeRunFile(run: RunFile): string {
  const summary = run.summary.distribution
    ? { kpis: sorted(run.summary.kpis), distribution: sorted(run.summary.distribution) }
    : { kpis: sorted(run.summary.kpis) };
  const doc = {
    $schema: RUN_SCHEMA_REF,
    format: RUN_FORMAT,
    schemaVersion: RUN_SCHEMA_VERSION,
    label: run.label,
    ...(run.team !== undefined ? { team: run.team } : {}),
    notes: run.notes,
    savedAt: run.savedAt,
    engineVersion: run.engineVersion,
    method: run.method,
    seed: run.seed,
    replications: run.replications,
    uncertainty: run.uncertainty,
    overrides: sorted(run.overrides),
    summary,
    scenario: JSON.parse(serializeScenario(run.scenario)) as unknown,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
