import { describe, expect, it } from 'vitest';
import { CONCURRENT_PRIORITIES, useChromium, WAIT } from './helpers/ui';

const chromium = useChromium();

describe('app shell', () => {
  it('opens on Explore with a prepared scenario and the engine’s result on screen', async () => {
    const app = await chromium.openApp();
    expect(await app.views.getByRole('button', { name: 'Explore' }).getAttribute('aria-current')).toBe('page');
    // The startup scenario's title is the page heading, and the engine's answer is on screen.
    expect(await app.title()).toMatch(/^Explore: \S/);
    await expect.poll(() => app.caption('maturity').textContent(), WAIT).toMatch(/maturity reaches \d\.\d of 5 by year \d+/);
    // Nothing has been changed yet, so there is nothing to undo or redo.
    expect(await app.page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    expect(await app.page.getByRole('button', { name: 'Redo' }).isDisabled()).toBe(true);
    expect(app.errors).toEqual([]);
  });

  it('switches views from the tab bar, and the view comes back with its state', async () => {
    const app = await chromium.openApp();
    await app.moveLever(CONCURRENT_PRIORITIES, 'End');
    const moved = await app.leverValue(CONCURRENT_PRIORITIES);
    await app.goTo('How it works');
    expect(await app.views.getByRole('button', { name: 'How it works' }).getAttribute('aria-current')).toBe('page');
    await app.goTo('Explore');
    expect(await app.leverValue(CONCURRENT_PRIORITIES)).toBe(moved);
    // A view can send the app to another view through the store: Explore links to the model.
    await app.page.getByRole('button', { name: 'How the model works →' }).click();
    await app.page.getByRole('heading', { name: 'How it works', level: 1 }).waitFor();
    expect(app.errors).toEqual([]);
  });
});
