import { describe, expect, it } from 'vitest';
import { CONCURRENT_PRIORITIES, useChromium, WAIT } from './helpers/ui';

const chromium = useChromium();

describe('journey editor draft: autosave and recovery', () => {
  it('keeps an abandoned draft, offers it back at the next start and reopens it in the editor; an older draft never replaces newer edits', async () => {
    const first = await chromium.openApp();
    await first.goTo('Edit journey');
    const title = first.page.locator('#field-title');
    const loadedTitle = await title.inputValue();
    await title.fill('Abandoned workshop draft');
    await first.page.locator('#field-lesson').fill('Kept although the window closed');
    await first.page.getByText('unsaved changes').first().waitFor();
    // Autosave puts the draft aside within a few seconds of the last edit.
    await expect.poll(() => first.autosaved(), WAIT).toContain('Kept although the window closed');
    expect(first.errors).toEqual([]);
    // The tab is abandoned without saving, as when a trainer closes the window.
    await first.page.close({ runBeforeUnload: false });

    const second = await first.nextSession();
    const recover = second.page.getByRole('button', { name: 'Recover “Abandoned workshop draft (journey draft)”' });
    await recover.waitFor(WAIT);
    await second.page.screenshot({ path: '/tmp/momentum-editor-draft-offer.png' });
    await recover.click();
    // The draft opens in the editor as it was left, still unsaved; the scenario as loaded is untouched.
    await second.page.getByRole('heading', { name: 'Edit the journey', level: 1 }).waitFor();
    expect(await second.page.locator('#field-title').inputValue()).toBe('Abandoned workshop draft');
    expect(await second.page.locator('#field-lesson').inputValue()).toBe('Kept although the window closed');
    expect(await second.page.getByText(/· unsaved changes/).count()).toBe(1);
    expect(await second.page.getByRole('status').filter({ hasText: 'Recovered your journey draft “Abandoned workshop draft”; it is open in Edit journey.' }).count()).toBe(1);
    await second.page.screenshot({ path: '/tmp/momentum-editor-draft-recovered.png' });
    await second.goTo('Explore');
    expect(await second.title()).toContain(loadedTitle);
    expect(second.errors).toEqual([]);
    await second.page.close({ runBeforeUnload: false });

    // A third session edits before answering the offer: recovering then keeps the newer edits.
    const third = await second.nextSession();
    const offer = third.page.getByRole('button', { name: 'Recover “Abandoned workshop draft (journey draft)”' });
    await offer.waitFor(WAIT);
    await third.goTo('Edit journey');
    await third.page.locator('#field-title').fill('Newer edits');
    await offer.click();
    await third.page
      .getByRole('status')
      .filter({ hasText: 'Your journey draft “Abandoned workshop draft” from last time was not recovered: the draft open in Edit journey has newer edits.' })
      .waitFor(WAIT);
    expect(await third.page.locator('#field-title').inputValue()).toBe('Newer edits');
    // And the newer draft is the one kept aside from now on.
    await expect.poll(() => third.autosaved(), WAIT).toContain('Newer edits');
    expect(await third.autosaved()).not.toContain('Abandoned workshop draft');
    expect(third.errors).toEqual([]);
    await third.close();
  });

  it('keeps the what-if’s lever changes when the journey is saved, and they stay unsaved', async () => {
    const app = await chromium.openApp({ withoutPickers: true });
    await app.moveLever(CONCURRENT_PRIORITIES, 'Home');
    await expect.poll(() => app.leverValue(CONCURRENT_PRIORITIES), WAIT).toBe('1 priority');
    await app.goTo('Edit journey');
    await app.page.locator('#field-title').fill('Journey saved over a what-if');
    await app.page.getByText('No problems: the scenario is ready to save.').waitFor();
    // In a browser without a save picker, saving is a download.
    await app.download(() => app.page.getByRole('button', { name: 'Save as scenario file…' }).click());
    await app.page.getByText(/Saved as .*\.momentum\. Explore now runs this scenario\./).waitFor(WAIT);
    await app.goTo('Explore');
    expect(await app.title()).toContain('Journey saved over a what-if');
    expect(await app.leverValue(CONCURRENT_PRIORITIES)).toBe('1 priority');
    // The lever changes were not in the saved journey, so they are still put aside as unsaved work.
    const kept = async () => {
      const doc = JSON.parse((await app.autosaved()) || '{}') as { title?: string; levers?: Record<string, number> };
      return [doc.title, doc.levers?.['priorities.concurrent']];
    };
    await expect.poll(kept, WAIT).toEqual(['Journey saved over a what-if', 1]);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
