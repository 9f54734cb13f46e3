/**
 * Migrations from older scenario formats to the current one. Each is a pure function from the
 * JSON of version n to the JSON of version n + 1; it never throws and leaves validation to the
 * current schema, so a malformed old file is reported in today's terms.
 *
 * Version 1 (the first release) differed from version 2:
 * - board settings were called `settings` (now `levers`);
 * - an initiative's effort was `effort` (now `effortWeeks`), and piloting was a flag
 *   `pilot: true` (now `rollout: "pilot-then-scale"`);
 * - the scenario's title was `name` (now `title`);
 * - there were no `trainer`, `targets` or `lockedLevers` blocks (they start empty).
 *
 * Version 2 differed from version 3 only in what it lacked: a scenario could not name the case it is a variant of
 * (`variantOf`), how long a session takes (`trainer.sessionMinutes`) or why a lever is locked
 * (`trainer.lockReasons`). The migration only moves the version on; the new fields start absent or empty.
 *
 * Version 3 differed from version 4 only in having no prediction questions on reveal steps
 * (`trainer.reveals[].predictions`); the migration only moves the version on.
 */

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Copy own fields of an object into a fresh one, renaming `from` to `to` (without overwriting `to`). */
function renamed(obj: Json, from: string, to: string): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === from) {
      if (!(to in obj)) Object.defineProperty(out, to, { value: v, enumerable: true, writable: true, configurable: true });
      else Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    } else Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function migrateInitiativeV1(ini: unknown): unknown {
  if (!isObject(ini)) return ini;
  const out = renamed(ini, 'effort', 'effortWeeks');
  if ('pilot' in out && !('rollout' in out) && typeof out.pilot === 'boolean') {
    out.rollout = out.pilot ? 'pilot-then-scale' : 'big-bang';
    delete out.pilot;
  }
  return out;
}

/** Return the version-2 form of a version-1 scenario document. */
export function migrateV1toV2(doc: Json): Json {
  let out = renamed(doc, 'settings', 'levers');
  out = renamed(out, 'name', 'title');
  if (Array.isArray(out.initiatives)) out.initiatives = out.initiatives.map(migrateInitiativeV1);
  out.schemaVersion = 2;
  return out;
}

/** Return the version-3 form of a version-2 scenario document. */
export function migrateV2toV3(doc: Json): Json {
  return { ...doc, schemaVersion: 3 };
}

/** Return the version-4 form of a version-3 scenario document: its reveal steps start with no prediction questions. */
export function migrateV3toV4(doc: Json): Json {
  return { ...doc, schemaVersion: 4 };
}

/** Migrations by the version they read: MIGRATIONS[n] turns version n into version n + 1. */
export const MIGRATIONS: Readonly<Record<number, (doc: Json) => Json>> = { 1: migrateV1toV2, 2: migrateV2toV3, 3: migrateV3toV4 };

/** The oldest schema version that can still be read. */
export const OLDEST_SUPPORTED_VERSION = 1;
