// Opened documents are checked in a worker thread (electron/main/files/document-checker.ts): the
// same answers as on the calling thread, and the calling thread's event loop keeps turning while a
// file at the size limit is checked. Plain Node worker_threads; no Electron involved.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentKind, FileResult } from '../../electron/contract/ipc';
import { checkOnThisThread, WorkerDocumentChecker, type DocumentChecker } from '../../electron/main/files/document-checker';
import { FileGrants } from '../../electron/main/files/file-grants';
import { FileService } from '../../electron/main/files/file-service';
import { MAX_DOCUMENT_BYTES, type LoadedDocument } from '../../electron/main/files/load-document';
import { RecentFiles, samePathOn } from '../../electron/main/files/recent-files';
import { tempDir } from './temp-dir';
import { turnsDuring } from './event-loop-turns';

const WORKER_ENTRY = new URL('../../electron/main/files/document-worker-source.mjs', import.meta.url);
const enc = new TextEncoder();
const scenarioText = readFileSync(new URL('../../scenarios/covid-19.momentum', import.meta.url), 'utf8');

/** Return a scenario padded with a long unknown field to exactly `bytes` bytes (the engine refuses the field, after parsing it all). */
function paddedScenario(bytes: number): string {
  const head = `${JSON.stringify(JSON.parse(scenarioText)).slice(0, -1)},"notes":"`;
  return `${head}${'n'.repeat(bytes - head.length - 2)}"}`;
}

const checkers: WorkerDocumentChecker[] = [];
/** Return a worker checker that is closed after the file's tests. */
function workerChecker(maxHeapMb?: number): WorkerDocumentChecker {
  const c = new WorkerDocumentChecker({ entry: WORKER_ENTRY, maxHeapMb });
  checkers.push(c);
  return c;
}
afterAll(async () => {
  for (const c of checkers) await c.close();
});

describe('WorkerDocumentChecker', () => {
  const cases: [string, DocumentKind, Uint8Array, boolean][] = [
    ['a prepared scenario', 'scenario', enc.encode(scenarioText), true],
    ['a scenario opened as a run', 'run', enc.encode(scenarioText), true],
    ['truncated JSON', 'scenario', enc.encode(scenarioText.slice(0, 200)), true],
    ['Latin-1 bytes', 'scenario', new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]), true],
    ['two byte-order marks', 'scenario', enc.encode(`\uFEFF\uFEFF${scenarioText}`), true],
    ['a __proto__ key', 'run', enc.encode('{"__proto__":{"x":1}}'), true],
    ['a field written twice', 'scenario', enc.encode(scenarioText.replace('{', '{"title":"A",')), true],
    ['an unknown field, envelope only', 'scenario', enc.encode('{"anything":1}'), false],
    ['a list, envelope only', 'run', enc.encode('[1]'), false],
  ];
  it('answers exactly as checkDocument on this thread does, full and envelope-only', async () => {
    const worker = workerChecker();
    const here = checkOnThisThread();
    for (const [what, kind, bytes, full] of cases) {
      const expected = await here({ name: 'doc.momentum', kind, bytes, full });
      // The worker gets its own copy: the bytes move to it, so the caller's view is emptied.
      expect(await worker.check({ name: 'doc.momentum', kind, bytes: bytes.slice(), full }), what).toEqual(expected);
    }
    // The cases cover both answers.
    const answers = await Promise.all(cases.map(([, kind, bytes, full]) => here({ name: 'd', kind, bytes, full })));
    expect(answers.filter((r) => r.ok).length).toBeGreaterThan(0);
    expect(answers.filter((r) => !r.ok).length).toBeGreaterThan(0);
  });

  it('keeps this thread\'s event loop turning while a file at the size limit is checked; on this thread it would not', async () => {
    const text = paddedScenario(MAX_DOCUMENT_BYTES);
    const bytes = enc.encode(text);
    expect(bytes.byteLength).toBe(MAX_DOCUMENT_BYTES);
    const worker = workerChecker();
    // Start the worker first, so what is measured is the check, not the thread's start.
    await worker.check({ name: 'warm.momentum', kind: 'scenario', bytes: enc.encode('{}'), full: true });

    const inWorker = await turnsDuring(() => worker.check({ name: 'big.momentum', kind: 'scenario', bytes: bytes.slice(), full: true }));
    const here = await turnsDuring(() => checkOnThisThread()({ name: 'big.momentum', kind: 'scenario', bytes, full: true }));
    expect(inWorker.result).toEqual(here.result);
    expect(!inWorker.result.ok && !inWorker.result.cancelled && inWorker.result.error.message).toMatch(/^big\.momentum is not a valid scenario file: notes: unknown field/);
    expect(here.turns).toBe(0);
    expect(inWorker.turns).toBeGreaterThan(1);
  }, 60_000);

  it('a check that exhausts the worker\'s memory fails with a message naming the file; the next check starts a new worker', async () => {
    const worker = workerChecker(24);
    // Deeply repeated small lists: far more heap as objects than as text.
    const heavy = `{"x":[${Array(400_000).fill('[1,2,[3,4,{"a":5}]]').join(',')}]}`;
    const failed = await worker.check({ name: 'hostile.momentum', kind: 'scenario', bytes: enc.encode(heavy), full: true });
    expect(failed.ok).toBe(false);
    expect(!failed.ok && !failed.cancelled && failed.error).toMatchObject({ code: 'unreadable', message: expect.stringMatching(/^hostile\.momentum could not be checked \(.+\); nothing was opened\.$/) });
    expect(worker.running).toBe(false);
    const next = await worker.check({ name: 'plan.momentum', kind: 'scenario', bytes: enc.encode(scenarioText), full: true });
    expect(next).toEqual({ ok: true, value: { name: 'plan.momentum', text: scenarioText } });
  }, 60_000);

  it('tells a run from a scenario by content, and says scenario for bytes that are not text', async () => {
    const worker = workerChecker();
    expect(await worker.kindOf('a.json', enc.encode(scenarioText))).toBe('scenario');
    expect(await worker.kindOf('b.json', enc.encode('{"$schema":"https://x/run.schema.json"}'))).toBe('run');
    expect(await worker.kindOf('c.json', new Uint8Array([0xff, 0xfe]))).toBe('scenario');
  });
});

describe('FileService with the worker checker', () => {
  it('opens a file at the size limit from disk while the event loop keeps turning, and refuses one byte more before reading it', async () => {
    const dir = await tempDir();
    const checker = workerChecker();
    const check: DocumentChecker = checker.check;
    const files = new FileService({
      dialogs: { chooseOpen: async () => null, chooseSave: async () => null, chooseExport: async () => null, confirmReplaceChanged: async () => 'cancel' },
      grants: new FileGrants(),
      recents: new RecentFiles(join(dir, 'recent.json'), samePathOn(process.platform)),
      check,
    });
    const path = join(dir, 'big.momentum');
    await writeFile(path, paddedScenario(MAX_DOCUMENT_BYTES));
    const opened = await turnsDuring(() => files.openPath(path, 'scenario') as Promise<FileResult<LoadedDocument>>);
    expect(opened.turns).toBeGreaterThan(1);
    expect(!opened.result.ok && !opened.result.cancelled && opened.result.error.code).toBe('invalid');

    const good = join(dir, 'plan.momentum');
    await writeFile(good, scenarioText);
    expect(await files.openPath(good, 'scenario')).toMatchObject({ ok: true, value: { name: 'plan.momentum', kind: 'scenario', text: scenarioText } });

    await writeFile(path, paddedScenario(MAX_DOCUMENT_BYTES + 1));
    expect(await files.openPath(path, 'scenario')).toMatchObject({ ok: false, error: { code: 'too-large' } });
  }, 60_000);

  it('checks the text of a save in the worker too: a draft that is not a JSON object is never written', async () => {
    const dir = await tempDir();
    const files = new FileService({
      dialogs: { chooseOpen: async () => null, chooseSave: async () => join(dir, 'x.momentum'), chooseExport: async () => null, confirmReplaceChanged: async () => 'cancel' },
      grants: new FileGrants(),
      recents: new RecentFiles(join(dir, 'recent.json'), samePathOn(process.platform)),
      check: workerChecker().check,
    });
    expect(await files.saveAs({ kind: 'scenario', name: 'x', text: '[1,2]' })).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/^Nothing was written: .*holds a list/) } });
    expect(await files.saveAs({ kind: 'scenario', name: 'x', text: '{"draft":true}' })).toMatchObject({ ok: true, value: { name: 'x.momentum' } });
    expect(readFileSync(join(dir, 'x.momentum'), 'utf8')).toBe('{"draft":true}');
  });
});
