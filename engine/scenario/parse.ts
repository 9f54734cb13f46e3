/** Reading a scenario file: JSON text or a value in, a validated Scenario or a list of problems out. */
import { LEVERS } from '../levers';
import { findDuplicateKeys, readJson } from './json-text';
import { LIST_NOUNS, SCENARIO_LIMITS, limitMessage } from './limits';
import { MIGRATIONS, OLDEST_SUPPORTED_VERSION } from './migrations';
import { prototypeKeyProblems } from './file-text';
import { FILE_PATH, describeValue, formatPath, problemsFromIssues } from './problems';
import type { Problem } from './problems';
import { SCHEMA_VERSION, ScenarioSchema } from './schema';
import type { Scenario } from './schema';
import { checkScenario } from './semantic';

/** The outcome of parsing a scenario: the scenario (and the version it was migrated from, if any), or the problems. */
export type ParseResult =
  | { ok: true; scenario: Scenario; migratedFrom?: number }
  | { ok: false; problems: Problem[] };

interface ZodLike {
  _zod: { def: Record<string, unknown> & { type: string } };
}

/** Return the field names allowed at `path` in the scenario schema, following `data` through unions. */
function keysAt(data: unknown, path: readonly PropertyKey[]): string[] {
  let schema = ScenarioSchema as unknown as ZodLike;
  let value: unknown = data;
  const unwrap = () => {
    for (;;) {
      const def = schema._zod.def;
      if (def.type === 'default' || def.type === 'optional' || def.type === 'nullable' || def.type === 'readonly' || def.type === 'prefault') {
        schema = def.innerType as ZodLike;
      } else if (def.type === 'pipe') schema = def.in as ZodLike;
      else if (def.type === 'union') {
        const options = def.options as ZodLike[];
        const disc = def.discriminator as string | undefined;
        const tag = disc !== undefined && value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[disc] : undefined;
        const match = options.find((o) => {
          const shape = o._zod.def.shape as Record<string, ZodLike> | undefined;
          const lit = shape?.[disc ?? '']?._zod.def.values as unknown[] | undefined;
          return lit !== undefined && lit.includes(tag);
        });
        if (match === undefined) return;
        schema = match;
      } else return;
    }
  };
  unwrap();
  for (const key of path) {
    const def = schema._zod.def;
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    if (def.type === 'object') {
      const next = (def.shape as Record<string, ZodLike>)[String(key)];
      if (next === undefined) return [];
      schema = next;
    } else if (def.type === 'array') schema = def.element as ZodLike;
    else if (def.type === 'record') schema = def.valueType as ZodLike;
    else return [];
    unwrap();
  }
  const def = schema._zod.def;
  return def.type === 'object' ? Object.keys(def.shape as object) : [];
}

function versionProblem(version: unknown): Problem | undefined {
  if (version === undefined) return { path: 'schemaVersion', message: `is required (a whole number; this version of Momentum writes ${SCHEMA_VERSION})` };
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { path: 'schemaVersion', message: `must be a whole number (${SCHEMA_VERSION} for files written now), got ${describeValue(version)}` };
  }
  if (version > SCHEMA_VERSION) {
    return {
      path: 'schemaVersion',
      message: `this file was written by a newer version of Momentum (schema version ${version}); this version reads up to ${SCHEMA_VERSION}. Update Momentum to open it.`,
    };
  }
  if (version < OLDEST_SUPPORTED_VERSION) {
    return { path: 'schemaVersion', message: `must be between ${OLDEST_SUPPORTED_VERSION} and ${SCHEMA_VERSION}, got ${version}` };
  }
  return undefined;
}

/**
 * Return problems for top-level lists over their limits, found from their lengths alone: a file of
 * 100,000 events is refused at once, before the key walk, the schema and the problem-building
 * visit every item.
 */
function oversizedLists(doc: Record<string, unknown>): Problem[] {
  const out: Problem[] = [];
  for (const key of Object.keys(LIST_NOUNS) as (keyof typeof LIST_NOUNS)[]) {
    const value = Object.prototype.hasOwnProperty.call(doc, key) ? doc[key] : undefined;
    if (Array.isArray(value) && value.length > SCENARIO_LIMITS[key]) {
      out.push({ path: key, message: `${limitMessage(SCENARIO_LIMITS[key], LIST_NOUNS[key])}, got ${value.length}` });
    }
  }
  return out;
}

function parseUnsafe(input: unknown): ParseResult {
  let data = input;
  if (typeof input === 'string') {
    const read = readJson(input);
    if (!read.ok) return { ok: false, problems: [{ path: FILE_PATH, message: `invalid JSON at line ${read.line}, column ${read.column}: ${read.message}` }] };
    data = read.value;
    const twice = findDuplicateKeys(input);
    if (twice.length > 0) {
      return {
        ok: false,
        problems: twice.slice(0, 20).map((d) => ({
          path: formatPath([...d.path, d.key]),
          message: `the field "${d.key}" appears twice in the same object (again at line ${d.line}, column ${d.column}); keep one, since only the last would count`,
        })),
      };
    }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, problems: [{ path: FILE_PATH, message: `must be a JSON object describing a scenario, got ${describeValue(data)}` }] };
  }
  let doc = data as Record<string, unknown>;
  const version = Object.prototype.hasOwnProperty.call(doc, 'schemaVersion') ? doc.schemaVersion : undefined;
  const bad = versionProblem(version);
  if (bad !== undefined) return { ok: false, problems: [bad] };
  const oversized = oversizedLists(doc);
  if (oversized.length > 0) return { ok: false, problems: oversized };
  const from = version as number;
  for (let v = from; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (step === undefined) return { ok: false, problems: [{ path: 'schemaVersion', message: `no migration from version ${v}` }] };
    doc = step(doc);
  }
  const hidden = prototypeKeyProblems(doc);
  if (hidden.length > 0) return { ok: false, problems: hidden };
  const parsed = ScenarioSchema.safeParse(doc, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: problemsFromIssues(parsed.error.issues, (path) => keysAt(doc, path)) };
  const problems = checkScenario(parsed.data, LEVERS);
  if (problems.length > 0) return { ok: false, problems };
  return from < SCHEMA_VERSION ? { ok: true, scenario: parsed.data, migratedFrom: from } : { ok: true, scenario: parsed.data };
}

/**
 * Parse a scenario from JSON text or an already-parsed value: migrate older versions, validate
 * the structure and the cross-references, and return either the scenario or every problem
 * found. Never throws.
 */
export function parseScenario(text: string | unknown): ParseResult {
  try {
    return parseUnsafe(text);
  } catch (err) {
    // Hostile values (throwing getters, proxies, exotic objects) must still give an answer.
    const detail = err instanceof Error ? err.message : 'unknown error';
    return { ok: false, problems: [{ path: FILE_PATH, message: `could not be read as a scenario (${detail})` }] };
  }
}
