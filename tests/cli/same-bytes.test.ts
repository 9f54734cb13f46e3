// One parser behaviour: the command line (`momentum validate`), the desktop app's main process
// (loadDocument with the engine's validator, in the worker thread the app checks files in, and on
// the calling thread) and the browser build (checkDocumentBytes, then the
// engine's parsers) accept and refuse the same bytes, for the same reason, from the same fixtures.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRunFile, parseScenario } from '../../engine';
import { WorkerDocumentChecker } from '../../electron/main/files/document-checker';
import { engineValidator } from '../../electron/main/files/document-validators';
import { loadDocument } from '../../electron/main/files/load-document';
import { checkDocumentBytes } from '../../renderer/src/platform/document-check';
import { momentum, ROOT, scenario, tempDir } from './helpers';

const tmp = tempDir();
const worker = new WorkerDocumentChecker({ entry: new URL('../../electron/main/files/document-worker-source.mjs', import.meta.url) });
afterAll(async () => {
  tmp.cleanup();
  await worker.close();
});

const enc = new TextEncoder();
const BOM = [0xef, 0xbb, 0xbf];
const SCENARIO = readFileSync(scenario('blank-trust.momentum'), 'utf8');
const RUN = readFileSync(join(ROOT, 'tests/fixtures/runs/older-engine.json'), 'utf8');
const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...enc.encode(p)] : p)));
/** The scenario with its title's first letter replaced by raw bytes (Latin-1 "é", an overlong "/", …). */
const withTitleBytes = (raw: number[]) => {
  const at = SCENARIO.indexOf('"title": "') + '"title": "'.length;
  return { bytes: bytes(SCENARIO.slice(0, at), raw, SCENARIO.slice(at + 1)), offset: enc.encode(SCENARIO.slice(0, at)).length };
};
/** The run file with `key` (an own property, as JSON.parse makes it) added to the object at `path`. */
const runWithKey = (path: readonly string[], key: string) => {
  const doc = JSON.parse(RUN) as Record<string, unknown>;
  const holder = path.reduce((o, k) => o[k] as Record<string, unknown>, doc);
  Object.defineProperty(holder, key, { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
  return JSON.stringify(doc, null, 2);
};
const latin1 = withTitleBytes([0xe9]);
const overlong = withTitleBytes([0xc0, 0xaf]);

type Fixture = { name: string; kind: 'scenario' | 'run'; bytes: Uint8Array; refused?: RegExp };
const FIXTURES: Fixture[] = [
  { name: 'plain.json', kind: 'scenario', bytes: bytes(SCENARIO) },
  { name: 'one-bom.json', kind: 'scenario', bytes: bytes(BOM, SCENARIO) },
  { name: 'emoji.json', kind: 'scenario', bytes: withTitleBytes([0xf0, 0x9f, 0x93, 0x88]).bytes },
  { name: 'run.json', kind: 'run', bytes: bytes(RUN) },
  { name: 'run-one-bom.json', kind: 'run', bytes: bytes(BOM, RUN) },
  { name: 'two-boms.json', kind: 'scenario', bytes: bytes(BOM, BOM, SCENARIO), refused: /two byte-order marks \(a second one at byte 3\)/ },
  { name: 'run-two-boms.json', kind: 'run', bytes: bytes(BOM, BOM, RUN), refused: /two byte-order marks/ },
  { name: 'latin1.json', kind: 'scenario', bytes: latin1.bytes, refused: new RegExp(`is not UTF-8 text: byte ${latin1.offset} \\(0xE9\\)`) },
  { name: 'overlong.json', kind: 'scenario', bytes: overlong.bytes, refused: new RegExp(`byte ${overlong.offset} \\(0xC0\\) is not valid UTF-8`) },
  { name: 'utf16.json', kind: 'scenario', bytes: new Uint8Array([0xff, 0xfe, ...[...SCENARIO.slice(0, 40)].flatMap((c) => [c.charCodeAt(0), 0])]), refused: /byte 0 \(0xFF\)/ },
  { name: 'bom-then-latin1.json', kind: 'scenario', bytes: bytes(BOM, '{"x": "', [0xe9], '"}'), refused: /byte 10 \(0xE9\)/ },
  { name: 'run-proto.json', kind: 'run', bytes: bytes(runWithKey([], '__proto__')), refused: /__proto__: unknown field; "__proto__" cannot be used as a name/ },
  { name: 'run-constructor.json', kind: 'run', bytes: bytes(runWithKey(['overrides'], 'constructor')), refused: /overrides\.constructor: unknown field; "constructor" cannot be used as a name/ },
  { name: 'run-prototype.json', kind: 'run', bytes: bytes(runWithKey(['summary'], 'prototype')), refused: /summary\.prototype: unknown field/ },
  { name: 'scenario-proto.json', kind: 'scenario', bytes: bytes(SCENARIO.replace('{', '{"__proto__": {"x": 1}, ')), refused: /__proto__: unknown field/ },
  { name: 'scenario-constructor.json', kind: 'scenario', bytes: bytes(SCENARIO.replace('{', '{"constructor": 1, ')), refused: /constructor: unknown field; "constructor" cannot be used as a name/ },
];
for (const f of FIXTURES) writeFileSync(join(tmp.dir, f.name), f.bytes);

/** The browser build: its byte check, then the engine's parser on the text, as opening a file does. */
function browserOutcome(f: Fixture): { ok: boolean; message: string } {
  const checked = checkDocumentBytes(f.name, f.kind, f.bytes);
  if (!checked.ok) return { ok: false, message: checked.problem.message };
  const parsed = f.kind === 'scenario' ? parseScenario(checked.text) : parseRunFile(checked.text);
  return parsed.ok ? { ok: true, message: '' } : { ok: false, message: parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n') };
}

describe('the command line, the app and the browser build read the same bytes the same way', () => {
  it('accept the same files and refuse the same files, saying why', async () => {
    const cli = await momentum(['validate', ...FIXTURES.map((f) => f.name)], { cwd: tmp.dir });
    const cliLines = cli.stdout.trimEnd().split('\n');
    for (const f of FIXTURES) {
      const mine = cliLines.filter((l) => l.startsWith(`${f.name}: `)).join('\n');
      const app = await loadDocument(join(tmp.dir, f.name), f.kind, { check: worker.check });
      expect(await loadDocument(join(tmp.dir, f.name), f.kind, { validate: engineValidator }), `${f.name} on the main thread`).toEqual(app);
      const appMessage = app.ok || app.cancelled ? '' : [app.error.message, ...(app.error.problems ?? []).map((p) => `${p.path}: ${p.message}`)].join('\n');
      const browser = browserOutcome(f);
      if (f.refused) {
        expect(mine, `${f.name} on the command line`).toMatch(f.refused);
        expect(app.ok, `${f.name} in the app`).toBe(false);
        expect(appMessage, `${f.name} in the app`).toMatch(f.refused);
        expect(browser.ok, `${f.name} in the browser`).toBe(false);
        expect(browser.message, `${f.name} in the browser`).toMatch(f.refused);
      } else {
        expect([mine, app.ok, browser], f.name).toEqual(['', true, { ok: true, message: '' }]);
      }
    }
    expect(cli.code).toBe(1);
  });
});
