import type { Browser, BrowserContext, Page } from 'playwright-core';
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

/** Return the text autosave has put aside in the scenario slot (the browser build keeps it in IndexedDB), or ''. */
function autosaved(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('momentum');
        open.onerror = () => resolve('');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('autosave')) return resolve('');
          const get = db.transaction('autosave').objectStore('autosave').get('scenario');
          get.onsuccess = () => resolve((get.result as { text?: string } | undefined)?.text ?? '');
          get.onerror = () => resolve('');
        };
      }),
  );
}

async function openEditor(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Edit journey' }).click();
  await page.getByRole('heading', { name: 'Edit the journey', level: 1 }).waitFor();
}

/** Open another tab of the app in the same browser profile (same IndexedDB), as the next session. */
async function nextSession(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

describe('journey editor draft: autosave and recovery', () => {
  it('keeps an abandoned draft, offers it back at the next start and reopens it in the editor; an older draft never replaces newer edits', async () => {
    const first = await openApp(browser);
    const context = first.context();
    const url = first.url();
    await openEditor(first);
    const title = first.locator('#field-title');
    const loadedTitle = await title.inputValue();
    await title.fill('Abandoned workshop draft');
    await first.locator('#field-lesson').fill('Kept although the window closed');
    await first.getByText('unsaved changes').first().waitFor();
    // Autosave puts the draft aside within a few seconds of the last edit.
    await expect.poll(() => autosaved(first), WAIT).toContain('Kept although the window closed');
    expect(pageErrors(first)).toEqual([]);
    // The tab is abandoned without saving, as when a trainer closes the window.
    await first.close({ runBeforeUnload: false });

    const second = await nextSession(context, url);
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
    await second.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Explore' }).click();
    expect(await second.page.getByRole('heading', { level: 1 }).textContent()).toContain(loadedTitle);
    expect(second.errors).toEqual([]);
    await second.page.close({ runBeforeUnload: false });

    // A third session edits before answering the offer: recovering then keeps the newer edits.
    const third = await nextSession(context, url);
    const offer = third.page.getByRole('button', { name: 'Recover “Abandoned workshop draft (journey draft)”' });
    await offer.waitFor(WAIT);
    await openEditor(third.page);
    await third.page.locator('#field-title').fill('Newer edits');
    await offer.click();
    await third.page
      .getByRole('status')
      .filter({ hasText: 'Your journey draft “Abandoned workshop draft” from last time was not recovered: the draft open in Edit journey has newer edits.' })
      .waitFor(WAIT);
    expect(await third.page.locator('#field-title').inputValue()).toBe('Newer edits');
    // And the newer draft is the one kept aside from now on.
    await expect.poll(() => autosaved(third.page), WAIT).toContain('Newer edits');
    expect(await autosaved(third.page)).not.toContain('Abandoned workshop draft');
    expect(third.errors).toEqual([]);
    await context.close();
  });
});
