// Fuzz: thousands of malformed and mutated files thrown at every loader the desktop shell owns
// (document loader in main and renderer, autosave, recent files, window state, session marker),
// at the engine's parseScenario and parseRunFile, and at the IPC and app:// gatekeepers.
// The property is always the same: no throw, a clear answer, and the file on disk untouched.
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRunFile, parseScenario } from '../../engine';
import { APP_ORIGIN, resolveAppPath } from '../../electron/main/app-protocol';
import { AutosaveStore } from '../../electron/main/files/autosave-store';
import { engineValidator } from '../../electron/main/files/document-validators';
import { checkDocument, loadDocument } from '../../electron/main/files/load-document';
import { RecentFiles, samePathOn } from '../../electron/main/files/recent-files';
import { SessionMarker, SESSION_MARKER_FILE } from '../../electron/main/files/recovery';
import { IpcRejection, validateCall, type SenderInfo } from '../../electron/main/ipc-validation';
import { loadWindowState } from '../../electron/main/window-state';
import { checkDocumentBytes } from '../../renderer/src/platform/document-check';
import type { DocumentKind, IpcChannel } from '../../electron/contract/ipc';
import { tempDir } from './temp-dir';

const enc = new TextEncoder();
const root = new URL('../../', import.meta.url);
const read = (rel: string) => readFileSync(new URL(rel, root), 'utf8');

const scenarioSeeds = readdirSync(new URL('scenarios/', root))
  .filter((f) => f.endsWith('.momentum'))
  .map((f) => read(`scenarios/${f}`));
const runSeeds = readdirSync(new URL('tests/fixtures/runs/', root)).map((f) => read(`tests/fixtures/runs/${f}`));
const autosaveSeed = JSON.stringify({ format: 'momentum-autosave', version: 1, kind: 'scenario', name: 'Plan', text: scenarioSeeds[0], savedAt: '2026-01-01T00:00:00.000Z' });
const otherSeeds = [
  autosaveSeed,
  JSON.stringify({ version: 1, entries: [{ path: '/home/a/plan.json', kind: 'scenario', openedAt: '2026-01-01T00:00:00.000Z' }] }),
  JSON.stringify({ bounds: { x: 10, y: 10, width: 1200, height: 800 }, maximized: false }),
  JSON.stringify({ state: 'running', pid: 1, startedAt: '2026-01-01T00:00:00.000Z' }),
];
const allSeeds = [...scenarioSeeds, ...runSeeds, ...otherSeeds];

/** Replace, delete or retype one value somewhere inside a JSON document. */
function mutateJson(text: string, pathPick: number, replacement: unknown, mode: number): string {
  const doc = JSON.parse(text) as unknown;
  const holders: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((x, i) => (holders.push([v, i]), walk(x)));
    else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        holders.push([v as Record<string, unknown>, k]);
        walk((v as Record<string, unknown>)[k]);
      }
    }
  };
  walk(doc);
  if (holders.length === 0) return JSON.stringify(replacement);
  const [holder, key] = holders[pathPick % holders.length]!;
  if (mode === 0 && !Array.isArray(holder)) delete (holder as Record<string, unknown>)[key as string];
  else if (mode === 1) (holder as Record<string | number, unknown>)[key] = String((holder as Record<string | number, unknown>)[key]);
  else if (mode === 2 && !Array.isArray(holder)) (holder as Record<string, unknown>)['__proto__'] = replacement;
  else (holder as Record<string | number, unknown>)[key] = replacement;
  return JSON.stringify(doc);
}

/** Mutated bytes: byte-level damage to a real file, structural JSON damage, or pure noise. */
const mutatedBytes = (seeds: readonly string[]): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...seeds), fc.nat()).map(([s, n]) => enc.encode(s.slice(0, n % (s.length + 1)))) },
    {
      weight: 3,
      arbitrary: fc.tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })).map(([s, flips]) => {
        const b = enc.encode(s);
        for (const [pos, byte] of flips) b[pos % b.length] = byte;
        return b;
      }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom(...seeds), fc.nat(), fc.nat({ max: 200 }), fc.uint8Array({ maxLength: 32 })).map(([s, at, del, ins]) => {
        const b = enc.encode(s);
        const p = at % (b.length + 1);
        return new Uint8Array([...b.subarray(0, p), ...ins, ...b.subarray(Math.min(b.length, p + del))]);
      }),
    },
    {
      weight: 4,
      arbitrary: fc.tuple(fc.constantFrom(...seeds), fc.nat(), fc.jsonValue({ maxDepth: 3 }), fc.integer({ min: 0, max: 4 })).map(([s, p, v, m]) => enc.encode(mutateJson(s, p, v, m))),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 256 }).map((s) => enc.encode(s)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => enc.encode(JSON.stringify(v))) },
    { weight: 1, arbitrary: fc.constantFrom(...seeds).map((s) => enc.encode(`\uFEFF${s}`)) },
  );

const kinds = fc.constantFrom<DocumentKind>('scenario', 'run');

describe('fuzz: document loaders', () => {
  it('checkDocument (main) and checkDocumentBytes (renderer) never throw, agree, and explain every refusal (3000 files)', () => {
    fc.assert(
      fc.property(mutatedBytes(allSeeds), kinds, (bytes, kind) => {
        const main = checkDocument('input.json', kind, bytes);
        const renderer = checkDocumentBytes('input.json', kind, bytes);
        expect(renderer.ok).toBe(main.ok);
        if (!main.ok && !main.cancelled && !renderer.ok) {
          expect(renderer.problem.code).toBe(main.error.code);
          expect(main.error.message).toMatch(/^input\.json .{10,}/);
        }
        if (main.ok) expect(typeof JSON.parse(main.value.text)).toBe('object');
      }),
      { numRuns: 3000, seed: 8 },
    );
  }, 120_000);

  it('checkDocument with the engine validators (parseScenario, parseRunFile) never throws and never lets a bad document through (3000 files)', () => {
    fc.assert(
      fc.property(mutatedBytes(allSeeds), kinds, (bytes, kind) => {
        const r = checkDocument('input.json', kind, bytes, engineValidator);
        if (r.ok) {
          const again = kind === 'scenario' ? parseScenario(r.value.text) : parseRunFile(r.value.text);
          expect(again.ok).toBe(true);
        } else if (!r.cancelled) {
          expect(r.error.message.length).toBeGreaterThan(20);
          for (const p of r.error.problems ?? []) {
            expect(typeof p.path).toBe('string');
            expect(p.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 3000, seed: 9 },
    );
  }, 120_000);

  it('parseScenario and parseRunFile answer every mutated value, including non-JSON values, without throwing (2000 each)', () => {
    const values = fc.oneof(fc.anything(), mutatedBytes(allSeeds).map((b) => new TextDecoder().decode(b)));
    fc.assert(
      fc.property(values, (v) => {
        for (const r of [parseScenario(v), parseRunFile(v)]) {
          if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000, seed: 10 },
    );
  }, 120_000);

  it('the valid seeds themselves load (so the mutations start from real files)', () => {
    expect(scenarioSeeds.length).toBeGreaterThanOrEqual(2);
    for (const s of scenarioSeeds) expect(checkDocument('s.json', 'scenario', enc.encode(s), engineValidator).ok).toBe(true);
    expect(runSeeds.some((s) => checkDocument('r.json', 'run', enc.encode(s), engineValidator).ok)).toBe(true);
  });

  it('loadDocument on real files never throws and never changes the file (300 files)', async () => {
    const dir = await tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(mutatedBytes(allSeeds), kinds, async (bytes, kind) => {
        const file = join(dir, `f${n++}.json`);
        await writeFile(file, bytes);
        const r = await loadDocument(file, kind, { validate: engineValidator });
        expect(r.ok || (!r.cancelled && r.error.message.startsWith(`f${n - 1}.json `))).toBe(true);
        expect(Buffer.compare(await readFile(file), Buffer.from(bytes))).toBe(0);
      }),
      { numRuns: 300, seed: 11 },
    );
  }, 120_000);
});

describe('fuzz: the app\'s own files', () => {
  it('a damaged autosave, recent list, window state or session marker never stops the app, and a damaged autosave is kept aside intact (300 each)', async () => {
    const dir = await tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(mutatedBytes(otherSeeds), async (bytes) => {
        const d = join(dir, `case${n++}`);
        const store = new AutosaveStore(d);
        await (await import('node:fs/promises')).mkdir(d, { recursive: true });
        await writeFile(store.pathOf('scenario'), bytes);
        const doc = await store.get('scenario');
        if (doc === null) {
          const left = await readdir(d);
          // Either it was a valid-but-empty case (wrong kind) or the damaged bytes were moved aside unchanged.
          const aside = left.find((f) => f.includes('.corrupt-'));
          if (aside) expect(Buffer.compare(await readFile(join(d, aside)), Buffer.from(bytes))).toBe(0);
        } else {
          expect(doc.kind).toBe('scenario');
        }
        await writeFile(join(d, 'recent.json'), bytes);
        const recent = await new RecentFiles(join(d, 'recent.json'), samePathOn('linux')).list();
        expect(Array.isArray(recent)).toBe(true);
        await writeFile(join(d, 'window.json'), bytes);
        const win = await loadWindowState(join(d, 'window.json'));
        expect(win.bounds.width).toBeGreaterThan(0);
        await writeFile(join(d, SESSION_MARKER_FILE), bytes);
        expect(typeof (await new SessionMarker(d).begin(1, new Date(0))).previousCrashed).toBe('boolean');
      }),
      { numRuns: 300, seed: 12 },
    );
  }, 120_000);
});

describe('fuzz: gatekeepers', () => {
  const sender: SenderInfo = { frameUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true };
  const channels: IpcChannel[] = ['app:get-info', 'file:open', 'file:open-recent', 'file:save', 'file:save-as', 'file:export', 'recent:list', 'recent:clear', 'autosave:put', 'autosave:get', 'autosave:clear', 'session:recovery', 'doc:set-unsaved', 'shell:open-external'];

  it('validateCall either returns arguments of the right shape or throws IpcRejection, never anything else (5000 calls)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...channels), fc.array(fc.anything({ withObjectString: true, withNullPrototype: true, withTypedArray: true }), { maxLength: 3 }), (channel, args) => {
        try {
          const out = validateCall(channel, sender, args, [APP_ORIGIN]);
          expect(Array.isArray(out)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(IpcRejection);
        }
      }),
      { numRuns: 5000, seed: 13 },
    );
  }, 120_000);

  it('resolveAppPath never returns a path outside the root (5000 URLs)', () => {
    const r = join('/srv', 'momentum', 'renderer');
    const segment = fc.oneof(fc.constantFrom('..', '.', '%2e%2e', '%2E.', '..%2f', '%5c', '%00', 'assets', 'index.html', '%2F', 'C:', '~', ''), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (parts) => {
        const p = resolveAppPath(r, `${APP_ORIGIN}/${parts.join('/')}`);
        if (p !== null) expect(p.startsWith(`${r}/`)).toBe(true);
      }),
      { numRuns: 5000, seed: 14 },
    );
  });
});
