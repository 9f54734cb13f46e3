import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, formatProblems, migrateV1toV2, migrateV2toV3, migrateV3toV4, parseScenario, serializeScenario } from '../../engine';

const FIXTURES = fileURLToPath(new URL('../fixtures/scenarios/', import.meta.url));
const fixture = (name: string): string => readFileSync(FIXTURES + name, 'utf8');

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('migrations', () => {
  it('has one migration for every version below the current one', () => {
    for (let v = 1; v < SCHEMA_VERSION; v++) expect(typeof MIGRATIONS[v], `from ${v}`).toBe('function');
  });

  it.each([
    ['v1-full.json', 'v1-full.migrated.json', 1],
    ['v1-minimal.json', 'v1-minimal.migrated.json', 1],
    ['v3-reveals.json', 'v3-reveals.migrated.json', 3],
  ])('reads %s as an old file and gives the reviewed current file %s', (v1, v2, from) => {
    const r = parseScenario(fixture(v1));
    expect(r.ok ? [] : formatProblems(r.problems)).toEqual([]);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(from);
    expect(serializeScenario(r.scenario)).toBe(fixture(v2));
    // The migrated file is a current file: it reads back without migration.
    const again = parseScenario(fixture(v2));
    expect(again.ok && again.migratedFrom).toBeUndefined();
  });

  it('v1→v2 renames settings, name and effort, turns the pilot flag into a rollout mode, and adds empty trainer material', () => {
    const v1 = JSON.parse(fixture('v1-full.json')) as Record<string, unknown>;
    const v2 = migrateV1toV2(deepFreeze(v1));
    expect(v2.schemaVersion).toBe(2);
    expect(v2.levers).toEqual({ 'priorities.concurrent': 4 });
    expect(v2).not.toHaveProperty('settings');
    expect(v2.title).toBe('A staged journey saved by the first release');
    expect(v2).not.toHaveProperty('name');
    const initiatives = v2.initiatives as Record<string, unknown>[];
    expect(initiatives.map((i) => i.effortWeeks)).toEqual([20, 40, 10]);
    expect(initiatives.map((i) => i.rollout)).toEqual([undefined, 'big-bang', 'pilot-then-scale']);
    expect(initiatives.some((i) => 'effort' in i || 'pilot' in i)).toBe(false);
    const r = parseScenario(v2);
    expect(r.ok && r.scenario.trainer).toEqual({ lockReasons: {}, briefing: '', objectives: [], questions: [], whatIfs: [], reveals: [] });
  });

  it('v2→v3 moves the version on and leaves the new workshop fields absent or empty', () => {
    const v2 = deepFreeze({ schemaVersion: 2, id: 'old', title: 'Saved before sessions had durations', lockedLevers: ['goal.clarity'] });
    const v3 = migrateV2toV3(v2);
    expect(v3).toEqual({ ...v2, schemaVersion: 3 });
    const r = parseScenario(v2);
    expect(r.ok ? r.migratedFrom : formatProblems(r.problems)).toBe(2);
    if (!r.ok) return;
    expect(r.scenario.variantOf).toBeUndefined();
    expect(r.scenario.trainer.sessionMinutes).toBeUndefined();
    expect(r.scenario.trainer.lockReasons).toEqual({});
  });

  it('v3→v4 moves the version on and leaves every reveal step without prediction questions', () => {
    const v3 = deepFreeze(JSON.parse(fixture('v3-reveals.json')) as Record<string, unknown>);
    const v4 = migrateV3toV4(v3);
    expect(v4).toEqual({ ...v3, schemaVersion: 4 });
    expect(v3.schemaVersion).toBe(3);
    const r = parseScenario(v3);
    expect(r.ok ? r.migratedFrom : formatProblems(r.problems)).toBe(3);
    if (!r.ok) return;
    expect(r.scenario.schemaVersion).toBe(4);
    expect(r.scenario.trainer.reveals.map((x) => x.predictions)).toEqual([undefined, undefined]);
    // Saved again, the file is a version 4 file with the reveals as they were.
    expect(serializeScenario(r.scenario)).not.toContain('"predictions"');
  });

  it('a version 3 file that already names prediction questions is refused: they came with version 4', () => {
    const v3 = JSON.parse(fixture('v3-reveals.json')) as { trainer: { reveals: Record<string, unknown>[] } };
    v3.trainer.reveals[0]!.predictions = [{ kind: 'number', id: 'm', question: 'What maturity?', series: 'maturity' }];
    // Migrated as a whole, the file is read in today's terms: predictions are valid in version 4.
    const r = parseScenario(v3);
    expect(r.ok ? r.scenario.trainer.reveals[0]!.predictions?.length : formatProblems(r.problems)).toBe(1);
  });

  it('is pure: it does not change the document it is given (frozen input does not throw)', () => {
    const v1 = deepFreeze(JSON.parse(fixture('v1-full.json')) as Record<string, unknown>);
    const before = JSON.stringify(v1);
    migrateV1toV2(v1);
    expect(JSON.stringify(v1)).toBe(before);
  });

  it('reports problems in an old file in today\'s terms', () => {
    const r = parseScenario(fixture('v1-bad-effort.json'));
    expect(r.ok ? [] : formatProblems(r.problems)).toEqual(['initiatives[0].effortWeeks: must be a positive number, got -4']);
  });

  it('refuses a file from a newer version, saying so', () => {
    const r = parseScenario(fixture('v5-future.json'));
    expect(r.ok ? [] : formatProblems(r.problems)).toEqual([
      'schemaVersion: this file was written by a newer version of Momentum (schema version 5); this version reads up to 4. Update Momentum to open it.',
    ]);
  });

  it('keeps a "__proto__" key as data, never as a prototype', () => {
    const doc = JSON.parse('{"schemaVersion":1,"id":"x","name":"X","settings":{"__proto__":{"polluted":1}}}') as Record<string, unknown>;
    const v2 = migrateV1toV2(doc);
    expect(Object.getPrototypeOf(v2.levers)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const r = parseScenario(doc);
    expect(r.ok).toBe(false);
  });
});
