// What a board meets first: the skip link to "why", and a prepared variant pinned in one step.
import { describe, expect, it } from 'vitest';
import { useChromium, WAIT } from './helpers/ui';

const chromium = useChromium();

describe('board-ready Explore', () => {
  it('reaches "why" from the first tab stop', { timeout: 60_000 }, async () => {
    const app = await chromium.openExplore({ viewport: { width: 1280, height: 720 } });
    const { page } = app;
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to why');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('why');
    expect(await page.evaluate(() => document.activeElement?.querySelector('[data-testid="why-headline"]') !== null)).toBe(true);
    expect(app.errors).toEqual([]);
  });

  it('pins the scenario\'s prepared variant in one step, as a column of its own', { timeout: 90_000 }, async () => {
    const app = await chromium.openExplore({ viewport: { width: 1440, height: 900 } });
    const { page } = app;
    const offer = page.getByRole('button', { name: /^Compare with the variant: / });
    const title = (await offer.textContent())!.replace(/^Compare with the variant: /, '');
    await offer.click();
    await expect.poll(() => app.kpiColumn(title.slice(0, 40)).count(), WAIT).toBe(1);
    expect(await page.getByRole('button', { name: `Pinned: ${title}` }).isDisabled()).toBe(true);
    await expect.poll(() => page.getByRole('list', { name: 'Pinned what-ifs' }).textContent(), WAIT).toContain('another scenario');
    expect(app.errors).toEqual([]);
  });

  it('opens an explanation inside the visible part of its panel, even for the last lever', { timeout: 60_000 }, async () => {
    const app = await chromium.openExplore({ viewport: { width: 1280, height: 720 } });
    const { page } = app;
    const panel = page.locator('.explore-levers');
    // The last lever of the groups open at start (the starting point is folded).
    const last = page.locator('.explore-levers details[open] .info-button').last();
    await last.scrollIntoViewIfNeeded();
    await last.click();
    const box = page.locator('.explore-levers .info-box:not([hidden])');
    await box.waitFor();
    await expect.poll(async () => {
      const [b, p] = await Promise.all([box.boundingBox(), panel.boundingBox()]);
      return b !== null && p !== null && b.y >= p.y - 0.5 && b.y + b.height <= p.y + p.height + 0.5 && b.x >= p.x - 0.5 && b.x + b.width <= p.x + p.width + 0.5;
    }, WAIT).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
