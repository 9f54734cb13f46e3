import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILE_PATH, parseScenario, serializeScenario } from '../../engine';
import type { ParseResult } from '../../engine';
import { libraryFiles } from './library-files';

const seeds = libraryFiles().map((f) => f.text);
const TOP_LEVEL = new Set(['$schema', 'schemaVersion', 'id', 'title', 'summary', 'lesson', 'variantOf', 'source', 'judgement', 'levers', 'horizonWeeks', 'goal', 'initiatives', 'stages', 'events', 'targets', 'lockedLevers', 'trainer']);

/** Assert the loader's contract: a valid scenario that round-trips, or clear problems. */
function assertClear(input: unknown): ParseResult {
  let r: ParseResult | undefined;
  expect(() => (r = parseScenario(input))).not.toThrow();
  const result = r!;
  if (result.ok) {
    const text = serializeScenario(result.scenario);
    const again = parseScenario(text);
    expect(again.ok).toBe(true);
    if (again.ok) expect(serializeScenario(again.scenario)).toBe(text);
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const p of result.problems) {
      expect(typeof p.path).toBe('string');
      expect(p.path.length).toBeGreaterThan(0);
      // A path outside the known fields can only be an unknown field.
      const head = p.path.split(/[.[]/)[0]!;
      if (p.path !== FILE_PATH && !TOP_LEVEL.has(head)) expect(p.message, p.path).toMatch(/^unknown field|appears twice/);
      expect(typeof p.message).toBe('string');
      expect(p.message.trim().length).toBeGreaterThan(3);
      expect(p.message).not.toMatch(/undefined|\[object Object\]/);
    }
  }
  return result;
}

type Json = unknown;

/** Every path (list of keys) to a value inside a JSON document. */
function paths(doc: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(doc)) doc.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (doc !== null && typeof doc === 'object') for (const [k, v] of Object.entries(doc)) paths(v, [...prefix, k], out);
  return out;
}

function setAt(doc: Json, path: (string | number)[], value: Json | typeof REMOVE): Json {
  if (path.length === 0) return value === REMOVE ? undefined : value;
  const copy = (Array.isArray(doc) ? [...(doc as Json[])] : { ...(doc as Record<string, Json>) }) as Record<string | number, Json>;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (rest.length === 0 && value === REMOVE) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head];
  } else copy[head] = setAt(copy[head], rest, value);
  return copy;
}
const REMOVE = Symbol('remove');

const seedDoc = fc.constantFrom(...seeds).map((t) => JSON.parse(t) as Json);

/** A structural mutation of a valid scenario: replace, remove or add a value somewhere. */
const structural = seedDoc.chain((doc) => {
  const all = paths(doc);
  return fc.tuple(fc.constantFrom(...all), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(REMOVE), fc.integer({ min: -1000, max: 1000 }), fc.double(), fc.string()), fc.string({ maxLength: 12 })).map(([path, value, key]) => {
    if (path.length > 0 && value !== REMOVE && typeof value === 'string' && value.length % 3 === 0) {
      // Sometimes add a new field next to the chosen one instead of replacing it.
      return setAt(doc, [...path.slice(0, -1), key], value);
    }
    return setAt(doc, path, value);
  });
});

/** A text-level mutation: cut, insert or replace characters of a valid file. */
const textual = fc.tuple(fc.constantFrom(...seeds), fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 5 })).map(([text, pos, del, ins]) => {
  const at = pos % (text.length + 1);
  return text.slice(0, at) + ins + text.slice(at + del);
});

// Thousands of parses per property: generous timeouts so a loaded machine does not fail them.
describe('fuzz: mutated scenario files never crash the loader', { timeout: 120_000 }, () => {
  it('structural mutations of prepared scenarios give a valid scenario or clear problems', () => {
    const seen = { ok: 0, problems: 0 };
    fc.assert(fc.property(structural, (doc) => {
      const r = assertClear(doc);
      assertClear(JSON.stringify(doc) ?? '');
      seen[r.ok ? 'ok' : 'problems']++;
    }), { numRuns: 2000, seed: 20260401 });
    // Both outcomes must occur, or the mutations are not exercising the validator.
    expect(seen.ok).toBeGreaterThan(50);
    expect(seen.problems).toBeGreaterThan(500);
  });

  it('text mutations of prepared scenario files give a valid scenario or clear problems (invalid JSON with line and column)', () => {
    fc.assert(fc.property(textual, (text) => {
      const r = assertClear(text);
      let isJson = true;
      try {
        JSON.parse(text);
      } catch {
        isJson = false;
      }
      if (!isJson) {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.problems[0]!.message).toMatch(/^invalid JSON at line \d+, column \d+: /);
      }
    }), { numRuns: 2000, seed: 20260402 });
  });

  it('arbitrary values and strings give clear problems', () => {
    fc.assert(fc.property(fc.oneof(fc.anything(), fc.string(), fc.jsonValue(), fc.json()), (value) => {
      assertClear(value);
    }), { numRuns: 1500, seed: 20260403 });
  });

  it('gives the same answer for the same input', () => {
    fc.assert(fc.property(structural, (doc) => {
      expect(parseScenario(doc)).toEqual(parseScenario(doc));
    }), { numRuns: 300, seed: 20260404 });
  });

  it('survives hostile values: deep nesting, throwing getters, huge numbers', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    assertClear(deep);
    assertClear(`{"schemaVersion": 2, "id": "x", "title": "x", "junk": ${deep}}`);
    const hostile = { schemaVersion: 2, id: 'x', title: 'x' };
    Object.defineProperty(hostile, 'levers', { enumerable: true, get: () => { throw new Error('boom'); } });
    assertClear(hostile);
    assertClear({ schemaVersion: 2, id: 'x', title: 'x', horizonWeeks: 1e308 * 10 });
    assertClear('{"schemaVersion": 2, "id": "x", "title": "x", "horizonWeeks": 1e999}');
  });
});
