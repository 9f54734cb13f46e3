import { mkdtemp, writeFile } from 'node:fs/promises';
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
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+o');
    await (await chooser).setFiles(bad);
    const alert = page.getByRole('alert').filter({ hasText: 'broken.json' });
    await alert.waitFor(WAIT);
    expect(await alert.textContent()).toMatch(/initiatives\[0\]\.effortWeeks/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(titleBefore);
    await page.context().close();
  });
});
