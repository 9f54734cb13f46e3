import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONCURRENT_PRIORITIES, useChromium, WAIT } from './helpers/ui';

const chromium = useChromium();

describe('app-wide File commands, autosave and recovery', () => {
  it('keeps lever changes left unsaved and offers them back in the next session', async () => {
    const first = await chromium.openApp();
    await first.moveLever(CONCURRENT_PRIORITIES, 'Home');
    await expect.poll(() => first.leverValue(CONCURRENT_PRIORITIES), WAIT).toBe('1 priority');
    // The autosave ticks every few seconds and puts the changed settings aside; the first tab is then
    // abandoned without closing (as in a crash).
    const leversKept = async () => {
      const text = await first.autosaved();
      return text ? (JSON.parse(text) as { levers?: Record<string, number> }).levers?.['priorities.concurrent'] : undefined;
    };
    await expect.poll(leversKept, WAIT).toBe(1);

    const second = await first.nextSession();
    const recover = second.page.getByRole('button', { name: /^Recover/ });
    await recover.waitFor(WAIT);
    await recover.click();
    await expect.poll(() => second.leverValue(CONCURRENT_PRIORITIES), WAIT).toBe('1 priority');
    expect(await second.page.getByRole('status').filter({ hasText: 'Recovered your unsaved work' }).count()).toBe(1);
    expect(first.errors).toEqual([]);
    await first.close();
  });

  it('opens a scenario with Ctrl+O and shows where a broken file is wrong, keeping what was loaded', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'momentum-open-'));
    const bad = join(dir, 'broken.json');
    await writeFile(bad, JSON.stringify({ schemaVersion: 2, id: 'x', title: 'Broken', initiatives: [{ id: 'a', effortWeeks: -4 }] }));
    const app = await chromium.openApp({ withoutPickers: true });
    await app.heading.waitFor();
    const titleBefore = await app.title();
    await app.heading.click();
    await app.chooseFile(() => app.press('Control+o'), bad);
    const alert = app.page.getByRole('alert').filter({ hasText: 'broken.json' });
    await alert.waitFor(WAIT);
    expect(await alert.textContent()).toMatch(/initiatives\[0\]\.effortWeeks/);
    expect(await app.title()).toBe(titleBefore);
    await app.close();
  });

  it('saves with Ctrl+S: the what-if from Explore, and the draft from the editor', async () => {
    const app = await chromium.openApp({ withoutPickers: true });
    await app.moveLever(CONCURRENT_PRIORITIES, 'Home');
    await expect.poll(() => app.leverValue(CONCURRENT_PRIORITIES), WAIT).toBe('1 priority');
    const fromExplore = await app.download(() => app.press('Control+s'));
    const saved = JSON.parse(await readFile((await fromExplore.path())!, 'utf8')) as { levers: Record<string, number> };
    expect(saved.levers['priorities.concurrent']).toBe(1);

    await app.goTo('Edit journey');
    const title = app.page.getByRole('textbox', { name: 'Title' }).first();
    await title.fill('Renamed in the editor');
    await app.page.locator('body').click({ position: { x: 5, y: 300 } });
    const fromEditor = await app.download(() => app.press('Control+s'));
    const draft = JSON.parse(await readFile((await fromEditor.path())!, 'utf8')) as { title: string };
    expect(draft.title).toBe('Renamed in the editor');
    await app.close();
  });
});
