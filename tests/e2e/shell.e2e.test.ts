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

describe('app shell', () => {
  it('opens the Explore page and shows a result computed by the engine in the worker', async () => {
    const page = await openApp(browser);
    await page.getByRole('heading', { name: 'Explore' }).waitFor();
    const kpi = page.getByTestId('kpi-maturity');
    await kpi.waitFor();
    expect(await kpi.textContent()).toMatch(/Maturity after 5 years: \d\.\d\d of 5/);
    expect(pageErrors(page)).toEqual([]);
  });
});
