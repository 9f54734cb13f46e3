import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { checkRecovery, startAutosave } from '../../renderer/src/platform/autosave';
import type { BrowserPlatform } from '../../renderer/src/platform/browser-platform';
import { useChromium } from './helpers/ui';

interface Harness {
  platform: BrowserPlatform;
  startAutosave: typeof startAutosave;
  checkRecovery: typeof checkRecovery;
}
declare global {
  interface Window {
    harness: Harness;
  }
}

const ORIGIN = 'http://localhost:4987';
const chromium = useChromium();
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'momentum-harness-'));
  await build({ configFile: false, root: new URL('./platform-harness/', import.meta.url).pathname, base: './', logLevel: 'silent', build: { outDir, emptyOutDir: true, target: 'es2022' } });
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/** Serve the harness build on a localhost origin (a secure context, like the real app). */
async function newContext(): Promise<BrowserContext> {
  const context = await chromium.browser.newContext({ acceptDownloads: true });
  await context.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/+/, '') || 'index.html';
    return route.fulfill({ path: join(outDir, path) });
  });
  return context;
}

async function open(context: BrowserContext, query = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/index.html${query}`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  return page;
}

describe('BrowserPlatform in Chromium', () => {
  it('autosaves to IndexedDB and offers the work back after the tab dies', async () => {
    const context = await newContext();
    const first = await open(context);
    await first.evaluate(async () => {
      const doc = { kind: 'scenario' as const, name: 'Away-day plan', text: '{"title":"Away-day plan"}' };
      const autosave = window.harness.startAutosave(() => doc, { platform: window.harness.platform, intervalMs: 86_400_000 });
      await autosave.flush();
    });
    // The first tab never closes cleanly (no pagehide): a second tab starts as after a crash.
    const second = await open(context);
    const recovered = await second.evaluate(() => window.harness.checkRecovery(undefined, window.harness.platform));
    expect(recovered).toMatchObject({ kind: 'scenario', name: 'Away-day plan', text: '{"title":"Away-day plan"}', previousCrashed: true });
    await second.evaluate(() => window.harness.platform.autosaveClear('scenario'));
    expect(await second.evaluate(() => window.harness.checkRecovery(undefined, window.harness.platform))).toBeNull();
    await context.close();
  });

  it('offers the work back in a notice; Recover hands it over and Discard drops it', async () => {
    const context = await newContext();
    const first = await open(context);
    await first.evaluate(() => window.harness.platform.autosavePut({ kind: 'scenario', name: 'Away-day plan', text: '{"v":1}' }));
    const page = await open(context, '?notice');
    const notice = page.getByRole('alertdialog');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Momentum closed unexpectedly\.Your scenario “Away-day plan” was kept at \d\d:\d\d/);
    await page.screenshot({ path: '/tmp/momentum-recovery-notice.png' });
    await page.getByRole('button', { name: 'Recover “Away-day plan”' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as unknown as { recovered: unknown }).recovered)).toMatchObject({ kind: 'scenario', name: 'Away-day plan', text: '{"v":1}' });
    // Recovering keeps the autosave (the work is still unsaved); discarding in a fresh page drops it.
    const again = await open(context, '?notice');
    await again.getByRole('button', { name: 'Discard' }).click();
    await again.getByRole('alertdialog').waitFor({ state: 'detached' });
    expect(await again.evaluate(() => window.harness.platform.autosaveGet('scenario'))).toBeNull();
    const none = await open(context, '?notice');
    // The notice asks the same question; once it has its answer (none), nothing is shown.
    expect(await none.evaluate(() => window.harness.checkRecovery(undefined, window.harness.platform))).toBeNull();
    expect(await none.getByRole('alertdialog').count()).toBe(0);
    await context.close();
  });

  it('a clean close is not reported as a crash', async () => {
    const context = await newContext();
    const first = await open(context);
    await first.close();
    const second = await open(context);
    expect(await second.evaluate(async () => (await window.harness.platform.getRecovery()).previousCrashed)).toBe(false);
    await context.close();
  });

  it('opens a file through the <input type=file> fallback, lists it as recent and reopens it after a reload', async () => {
    const context = await newContext();
    const page = await open(context, '?fallback');
    const text = '{"title":"SCAS","levers":{}}';
    const pending = page.evaluate(() => window.harness.platform.openFile('scenario'));
    const chooser = await page.waitForEvent('filechooser');
    await chooser.setFiles({ name: 'scas.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const file = await pending;
    expect(file).toMatchObject({ name: 'scas.json', kind: 'scenario', text });
    const recents = await page.evaluate(() => window.harness.platform.listRecent());
    expect(recents.map((r) => r.name)).toEqual(['scas.json']);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    const again = await page.evaluate((id) => window.harness.platform.openRecent(id), recents[0]!.id);
    expect(again).toMatchObject({ name: 'scas.json', text });
    await context.close();
  });

  it('refuses a damaged file with a clear message and keeps it out of the recent list', async () => {
    const context = await newContext();
    const page = await open(context, '?fallback');
    const pending = page.evaluate(() =>
      window.harness.platform.openFile('scenario').then(
        () => null,
        (e: Error & { code?: string }) => ({ name: e.name, code: e.code, message: e.message }),
      ),
    );
    const chooser = await page.waitForEvent('filechooser');
    await chooser.setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"title": "SCAS", "lev') });
    expect(await pending).toMatchObject({ name: 'FileOpenError', code: 'not-json', message: expect.stringMatching(/^broken\.json is damaged or not a scenario file/) });
    expect(await page.evaluate(() => window.harness.platform.listRecent())).toEqual([]);
    await context.close();
  });

  it('reads several chosen run files at once for a multi-team round where the browser has no folder picker', async () => {
    const context = await newContext();
    const page = await open(context, '?fallback');
    const pending = page.evaluate(async () => {
      const snapshots: unknown[] = [];
      const watch = await window.harness.platform.watchTeamFolder((s) => snapshots.push(s));
      return { folder: watch?.folder, live: watch?.live, snapshots };
    });
    const chooser = await page.waitForEvent('filechooser');
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles([
      { name: 'team-b.momentum-run', mimeType: 'application/json', buffer: Buffer.from('{"format": "momentum-run", "lab') },
      { name: 'team-a.momentum-run', mimeType: 'application/json', buffer: Buffer.from('{"format":"momentum-run"}') },
    ]);
    const { folder, live, snapshots } = await pending;
    expect({ folder, live }).toEqual({ folder: '2 chosen files', live: false });
    expect(snapshots).toEqual([
      {
        watchId: expect.any(String),
        folder: '2 chosen files',
        skipped: 0,
        files: [
          { name: 'team-a.momentum-run', modified: expect.any(Number), text: '{"format":"momentum-run"}' },
          { name: 'team-b.momentum-run', modified: expect.any(Number), problem: { code: 'not-json', message: expect.stringMatching(/^team-b\.momentum-run is damaged or not a run file: it is not valid JSON/) } },
        ],
      },
    ]);
    await context.close();
  });

  it('saves as a download where the browser has no save picker', async () => {
    const context = await newContext();
    const page = await open(context, '?fallback');
    const [download, ref] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate(() => window.harness.platform.saveFileAs({ kind: 'run', name: 'Run 1', text: '{"run":1}' })),
    ]);
    expect(ref?.name).toBe('Run 1.momentum-run');
    expect(download.suggestedFilename()).toBe('Run 1.momentum-run');
    expect(await readFile((await download.path())!, 'utf8')).toBe('{"run":1}');
    await context.close();
  });

  it('asks before leaving the page while work is unsaved', async () => {
    const context = await newContext();
    const page = await open(context);
    await page.evaluate(() => window.harness.platform.setUnsaved('explore', 'Plan'));
    // Chromium shows the leave-page question only after the user has interacted with the page.
    await page.mouse.click(5, 5);
    const dialog = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const d = await dialog;
    expect(d.type()).toBe('beforeunload');
    await d.dismiss();
    await context.close();
  });
});
