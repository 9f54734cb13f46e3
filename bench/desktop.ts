// The desktop app's main process while it opens a file at the 20 MB limit: the longest stall of its
// event loop (windows, menus and IPC all wait for it), with the check in the worker thread as the app
// does it (electron/main/files/document-checker.ts) and, for comparison, on the main thread. Opening
// goes through FileService.openPath on a real file, as File › Open does.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { checkOnThisThread, WorkerDocumentChecker, type DocumentChecker } from '../electron/main/files/document-checker';
import { FileGrants } from '../electron/main/files/file-grants';
import { FileService } from '../electron/main/files/file-service';
import { MAX_DOCUMENT_BYTES } from '../electron/main/files/load-document';
import { RecentFiles, samePathOn } from '../electron/main/files/recent-files';
import { entryOf, type Entry, type Suite } from './measure';

const STALL_BUDGET_MS = 100;
const RUNS = 5;
const MAIN_THREAD_RUNS = 3;
const SCENARIO = readFileSync(new URL('../scenarios/covid-19.momentum', import.meta.url), 'utf8');

/** A prepared scenario padded to exactly `bytes` with one long field (parsed whole, then refused). */
function paddedWithText(bytes: number): string {
  const head = `${JSON.stringify(JSON.parse(SCENARIO)).slice(0, -1)},"notes":"`;
  return `${head}${'n'.repeat(bytes - head.length - 2)}"}`;
}

/** A prepared scenario padded to about `bytes` with many small lists: the costliest shape to parse per byte. */
function paddedWithLists(bytes: number): string {
  const head = `${JSON.stringify(JSON.parse(SCENARIO)).slice(0, -1)},"notes":[`;
  const item = '[1.5,2.25,{"a":3}]';
  return `${head}${Array(Math.floor((bytes - head.length - 2) / (item.length + 1))).fill(item).join(',')}]}`;
}

/** Return the longest event-loop stall (ms) while `work` is awaited, and its wall time (ms). */
async function stallDuring(work: () => Promise<unknown>): Promise<{ stall: number; wall: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  // A timer-drift probe too: the histogram only samples while the loop turns.
  let last = performance.now();
  let drift = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    drift = Math.max(drift, now - last);
    last = now;
  }, 1);
  histogram.enable();
  const t0 = performance.now();
  await work();
  const wall = performance.now() - t0;
  histogram.disable();
  clearInterval(probe);
  drift = Math.max(drift, performance.now() - last);
  return { stall: Math.max(histogram.max / 1e6, drift), wall };
}

/** Open `path` and return the longest event-loop stall meanwhile (ms) and the wall time of the open (ms). */
function openOnce(files: FileService, path: string): Promise<{ stall: number; wall: number }> {
  return stallDuring(async () => {
    const result = await files.openPath(path, 'scenario');
    if (result.ok || result.cancelled || result.error.code !== 'invalid') throw new Error(`The padded file was not refused as invalid: ${JSON.stringify(result).slice(0, 200)}`);
  });
}

function serviceWith(check: DocumentChecker, dir: string): FileService {
  return new FileService({
    dialogs: { chooseOpen: async () => null, chooseSave: async () => null, chooseExport: async () => null, confirmReplaceChanged: async () => 'cancel' },
    grants: new FileGrants(),
    recents: new RecentFiles(join(dir, 'recent.json'), samePathOn(process.platform)),
    check,
  });
}

/** The main process opening large files. */
export const DESKTOP_SUITE: Suite = {
  id: 'desktop',
  summary: 'main process: longest event-loop stall while a 20 MB file is checked (worker thread, and on the main thread)',
  async run(log) {
    const dir = mkdtempSync(join(tmpdir(), 'momentum-bench-'));
    const worker = new WorkerDocumentChecker({ entry: new URL('../electron/main/files/document-worker-source.mjs', import.meta.url) });
    try {
      const text = join(dir, 'text.momentum');
      const lists = join(dir, 'lists.momentum');
      writeFileSync(text, paddedWithText(MAX_DOCUMENT_BYTES));
      writeFileSync(lists, paddedWithLists(2 * 1024 * 1024));
      const inWorker = serviceWith(worker.check, dir);
      const onMain = serviceWith(checkOnThisThread(), dir);
      await openOnce(inWorker, text); // warm-up: the worker starts and compiles the engine
      // What the machine alone costs: the same probe over a second of doing nothing (another process
      // taking the core shows up here too, and in the figures below).
      const idle = [];
      for (let i = 0; i < RUNS; i++) idle.push(await stallDuring(() => new Promise((r) => setTimeout(r, 1000))));
      log(`idle: stall max ${Math.max(...idle.map((x) => x.stall)).toFixed(0)} ms`);
      const entries: Entry[] = [entryOf('desktop: longest main-loop stall over 1 s doing nothing (the machine\'s own noise)', 'ms', idle.map((x) => x.stall))];
      for (const [label, path, runsOnMain] of [['20 MB of text', text, MAIN_THREAD_RUNS], ['2 MB of small lists', lists, 1]] as const) {
        const w = [];
        for (let i = 0; i < RUNS; i++) w.push(await openOnce(inWorker, path));
        const m = [];
        for (let i = 0; i < runsOnMain; i++) m.push(await openOnce(onMain, path));
        log(`${label}: worker stall max ${Math.max(...w.map((x) => x.stall)).toFixed(0)} ms (open ${Math.max(...w.map((x) => x.wall)).toFixed(0)} ms); main thread stall ${Math.max(...m.map((x) => x.stall)).toFixed(0)} ms`);
        entries.push(
          entryOf(`desktop: longest main-loop stall, opening ${label} (checked in the worker)`, 'ms', w.map((x) => x.stall), { limit: STALL_BUDGET_MS, on: 'p95' }),
          entryOf(`desktop: open of ${label}, File › Open to answer (checked in the worker)`, 'ms', w.map((x) => x.wall)),
          entryOf(`desktop: longest main-loop stall, opening ${label} (checked on the main thread, before)`, 'ms', m.map((x) => x.stall)),
        );
      }
      return entries;
    } finally {
      await worker.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
