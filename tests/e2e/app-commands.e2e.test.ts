import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, pageErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const WAIT = { timeout: 20_000, interval: 100 };
const leverValue = (page: Page, id: string) => page.locator(`[data-lever="${id}"] .lever-value`);

describe('app-wide File commands, autosave and recovery', () => {
  it('keeps lever changes left unsaved and offers them back in the next session', async () => {
    const first = await openApp(browser);
    const context = first.context();
    await first.getByRole('slider', { name: 'Concurrent priorities' }).focus();
    await first.keyboard.press('Home');
    await expect.poll(() => leverValue(first, 'priorities.concurrent').textContent(), WAIT).toBe('1 priority');
    // The autosave ticks every few seconds; the first tab is then abandoned without closing (as in a crash).
    await first.waitForTimeout(4_000);

    const second = await context.newPage();
    await second.goto(first.url());
    const recover = second.getByRole('button', { name: /^Recover/ });
    await recover.waitFor(WAIT);
    await recover.click();
    await expect.poll(() => leverValue(second, 'priorities.concurrent').textContent(), WAIT).toBe('1 priority');
    expect(await second.getByRole('status').filter({ hasText: 'Recovered your unsaved work' }).count()).toBe(1);
    expect(pageErrors(first)).toEqual([]);
    await context.close();
  });

  it('opens a scenario with Ctrl+O and shows where a broken file is wrong, keeping what was loaded', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'momentum-open-'));
    const bad = join(dir, 'broken.json');
    await writeFile(bad, JSON.stringify({ schemaVersion: 2, id: 'x', title: 'Broken', initiatives: [{ id: 'a', effortWeeks: -4 }] }));
    const page = await openApp(browser, '', undefined, { withoutPickers: true });
    await page.getByRole('heading', { level: 1 }).waitFor();
    const titleBefore = await page.getByRole('heading', { level: 1 }).textContent();
    await page.getByRole('heading', { level: 1 }).click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
    await chooser.setFiles(bad);
    const alert = page.getByRole('alert').filter({ hasText: 'broken.json' });
    await alert.waitFor(WAIT);
    expect(await alert.textContent()).toMatch(/initiatives\[0\]\.effortWeeks/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(titleBefore);
    await page.context().close();
  });

  it('saves with Ctrl+S: the what-if from Explore, and the draft from the editor', async () => {
    const page = await openApp(browser, '', undefined, { withoutPickers: true });
    await page.getByRole('slider', { name: 'Concurrent priorities' }).focus();
    await page.keyboard.press('Home');
    await expect.poll(() => leverValue(page, 'priorities.concurrent').textContent(), WAIT).toBe('1 priority');
    const [fromExplore] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    const saved = JSON.parse(await readFile((await fromExplore.path())!, 'utf8')) as { levers: Record<string, number> };
    expect(saved.levers['priorities.concurrent']).toBe(1);

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Edit journey' }).click();
    const title = page.getByRole('textbox', { name: 'Title' }).first();
    await title.fill('Renamed in the editor');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    const [fromEditor] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    const draft = JSON.parse(await readFile((await fromEditor.path())!, 'utf8')) as { title: string };
    expect(draft.title).toBe('Renamed in the editor');
    await page.context().close();
  });
});
