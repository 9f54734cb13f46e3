import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, pageErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const WAIT = { timeout: 20_000, interval: 50 };

describe('app shell', () => {
  it('opens on Explore with a prepared scenario and the engine’s result on screen', async () => {
    const page = await openApp(browser);
    const views = page.getByRole('navigation', { name: 'Views' });
    expect(await views.getByRole('button', { name: 'Explore' }).getAttribute('aria-current')).toBe('page');
    // The startup scenario's title is the page heading, and the engine's answer is on screen.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Explore: \S/);
    await expect.poll(() => page.getByTestId('caption-maturity').textContent(), WAIT).toMatch(/maturity reaches \d\.\d of 5 by year \d+/);
    // Nothing has been changed yet, so there is nothing to undo or redo.
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Redo' }).isDisabled()).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });

  it('switches views from the tab bar, and the view comes back with its state', async () => {
    const page = await openApp(browser);
    const views = page.getByRole('navigation', { name: 'Views' });
    const slider = page.getByRole('slider', { name: 'Concurrent priorities' });
    await slider.focus();
    await page.keyboard.press('End');
    const moved = await page.locator('[data-lever="priorities.concurrent"] .lever-value').textContent();
    await views.getByRole('button', { name: 'How it works' }).click();
    await page.getByRole('heading', { name: 'How it works', level: 1 }).waitFor();
    expect(await views.getByRole('button', { name: 'How it works' }).getAttribute('aria-current')).toBe('page');
    await views.getByRole('button', { name: 'Explore' }).click();
    expect(await page.locator('[data-lever="priorities.concurrent"] .lever-value').textContent()).toBe(moved);
    // A view can send the app to another view through the store: Explore links to the model.
    await page.getByRole('button', { name: 'How the model works →' }).click();
    await page.getByRole('heading', { name: 'How it works', level: 1 }).waitFor();
    expect(pageErrors(page)).toEqual([]);
  });
});
