// Explore in presentation mode on the screens boards present from: the common projector resolutions and a
// 1920×1080 display. At each, the headline cards hold their figures, the chart keeps most of the width and
// nothing runs off to the side.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { recordErrors } from './helpers/browser';
import { App, CONCURRENT_PRIORITIES, TYPICAL_BASIS, useChromium, WAIT } from './helpers/ui';

const chromium = useChromium();

const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** Below this width (presenting) the why and trainer column sits under the main column (styles.css). */
const STACKED_BELOW = 1700;
/**
 * The chart's least share of the viewport's width. Stacked, only the settings column (at most about a quarter of
 * the width) and the paddings stand beside it: 60% leaves room for those and still draws a five-year axis wide
 * enough to read across a room. Side by side with three columns (1920 wide), half the width is over 950 pixels.
 */
const chartShare = (width: number) => (width < STACKED_BELOW ? 0.6 : 0.5);

const TABS = ['Maturity', 'Pillars', 'What Good Looks Like', 'Portfolio', 'Adoption', 'Confidence', 'Benefits'];

/** Return what spills out of the headline cards: any label, figure or comparison wider than its box or outside its card. */
function headlineOverflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const cards = [...document.querySelectorAll<HTMLElement>('[data-testid="headline"] .headline-item')];
    if (cards.length === 0) problems.push('no headline cards');
    for (const card of cards) {
      const box = card.getBoundingClientRect();
      for (const el of card.querySelectorAll<HTMLElement>('dt, .headline-value, .headline-base')) {
        const r = el.getBoundingClientRect();
        const what = `${card.dataset.kpi} ${el.className || el.tagName}`;
        if (el.scrollWidth > el.clientWidth) problems.push(`${what}: content ${el.scrollWidth}px in a box of ${el.clientWidth}px`);
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
          problems.push(`${what}: outside its card`);
        }
      }
    }
    return problems;
  });
}

/** Return what scrolls sideways: the page, or one of the Explore view's columns. */
function sidewaysScroll(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth) problems.push(`page: ${doc.scrollWidth}px wide in ${window.innerWidth}px`);
    for (const col of document.querySelectorAll<HTMLElement>('.explore > *')) {
      if (col.scrollWidth > col.clientWidth) problems.push(`${col.className}: ${col.scrollWidth}px wide in ${col.clientWidth}px`);
    }
    return problems;
  });
}

/** Return how many rows the chart tabs wrap onto (the distinct tops of the tabs). */
function tabRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const tabs = [...document.querySelectorAll('.chart-tabs [role="tab"]')].map((t) => t.getBoundingClientRect());
    const tops = new Set(tabs.map((r) => Math.round(r.top)));
    return tops.size;
  });
}

/** Return the width of the chart on show and of the viewport. */
function chartWidth(page: Page): Promise<{ chart: number; viewport: number }> {
  return page.evaluate(() => ({
    chart: document.querySelector('.chart-panel canvas')?.getBoundingClientRect().width ?? 0,
    viewport: window.innerWidth,
  }));
}

/** Open the app, wait for the typical outcome to be on screen, and start presenting. */
async function present(viewport: { width: number; height: number }): Promise<App> {
  const app = await chromium.openExplore({ viewport });
  await app.present();
  return app;
}

/** Return what of one fixed screen is off it: a page taller than the viewport, the chart's axis or the why below the fold. */
function offScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollHeight > window.innerHeight) problems.push(`page: ${doc.scrollHeight}px tall in ${window.innerHeight}px`);
    const below = (sel: string) => {
      const el = document.querySelector(sel);
      if (!el) return problems.push(`${sel}: missing`);
      const r = el.getBoundingClientRect();
      if (r.height === 0) problems.push(`${sel}: not shown`);
      else if (r.bottom > window.innerHeight + 0.5) problems.push(`${sel}: ends at ${Math.round(r.bottom)}px, below ${window.innerHeight}px`);
    };
    below('.chart-panel canvas');
    below('[data-testid="headline"]');
    below('[data-testid="why-headline"]');
    return problems;
  });
}

/** Return what the fixed "Leave presentation" button covers: headings, buttons, tabs or the trainer's controls. */
function coveredByLeave(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const leave = document.querySelector('.leave-presentation');
    if (!leave) return ['no Leave presentation button'];
    const a = leave.getBoundingClientRect();
    const hit: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('h1, h2, button, [role="tab"], .trainer-panel, .scenario-head > *')) {
      if (el === leave || leave.contains(el)) continue;
      const b = el.getBoundingClientRect();
      if (b.width === 0 || b.height === 0) continue;
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) hit.push(`${el.tagName}.${el.className}: ${(el.textContent ?? '').slice(0, 30)}`);
    }
    return hit;
  });
}

describe('Explore in presentation mode', () => {
  it('fits one screen with no scrolling and no trainer kit, for the default scenario and SCAS, at 1280×720 and 1920×1080', { timeout: 180_000 }, async () => {
    const app = await present({ width: 1280, height: 720 });
    const { page } = app;
    for (const scenario of ['default', 'SCAS: a staged journey']) {
      if (scenario !== 'default') {
        await page.keyboard.press('Escape');
        await app.openPrepared(scenario);
        await app.present();
      }
      for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
        await page.setViewportSize(viewport);
        const at = `${scenario} at ${viewport.width}×${viewport.height}`;
        await page.getByTestId('why-headline').waitFor();
        await expect.poll(() => offScreen(page), { ...WAIT, message: at }).toEqual([]);
        expect(await coveredByLeave(page), at).toEqual([]);
        // The trainer's own kit (briefing, challenges, lever locks, timer) is not shown to the room.
        for (const kit of [/^Challenges/, /^Lock levers/, /^Briefing/, /^Session timer/]) {
          expect(await page.getByRole('heading', { name: kit }).count(), `${kit} ${at}`).toBe(0);
        }
      }
    }
    expect(app.errors).toEqual([]);
  });

  it('keeps every headline figure in its card, the chart wide and nothing scrolling sideways at 1024×768 to 1920×1080', { timeout: 120_000 }, async () => {
    const app = await present(VIEWPORTS[0]);
    const { page } = app;
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      const at = `${viewport.width}×${viewport.height}`;
      // The chart follows its box on the next frame: wait until it has the share it needs (or time out showing it).
      await expect.poll(async () => {
        const { chart, viewport: w } = await chartWidth(page);
        return chart / w;
      }, { ...WAIT, message: `chart share at ${at}` }).toBeGreaterThanOrEqual(chartShare(viewport.width));
      expect(await headlineOverflows(page), at).toEqual([]);
      expect(await sidewaysScroll(page), at).toEqual([]);
      expect(await tabRows(page), `chart tab rows at ${at}`).toBe(1);
      if (viewport.width < STACKED_BELOW) {
        // The why and trainer column sits under the charts, not squeezed beside them.
        const [chart, side] = await Promise.all([page.locator('.chart-panel').boundingBox(), page.locator('.explore-side').boundingBox()]);
        expect(side!.y, at).toBeGreaterThanOrEqual(chart!.y + chart!.height);
      }
      await page.screenshot({ path: `/tmp/momentum-presentation-${viewport.width}x${viewport.height}.png` });
    }
    expect(app.errors).toEqual([]);
  });

  it('lays out the normal (editing) view as well on a 1024×768 or 1280×720 screen', { timeout: 120_000 }, async () => {
    const app = await chromium.openExplore({ viewport: { width: 1024, height: 768 } });
    const { page } = app;
    for (const viewport of [{ width: 1024, height: 768 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(viewport);
      const at = `${viewport.width}×${viewport.height}`;
      // Below 1350 pixels the why and trainer column sits under the main column here too.
      await expect.poll(async () => {
        const { chart, viewport: w } = await chartWidth(page);
        return chart / w;
      }, { ...WAIT, message: `chart share at ${at}` }).toBeGreaterThanOrEqual(0.6);
      expect(await headlineOverflows(page), at).toEqual([]);
      expect(await sidewaysScroll(page), at).toEqual([]);
      expect(await tabRows(page), `chart tab rows at ${at}`).toBe(1);
      // The header's tabs each keep to one line.
      const heights = await page.locator('.app-tabs button').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
      expect(Math.max(...heights), at).toBeLessThan(1.5 * Math.min(...heights));
      await page.screenshot({ path: `/tmp/momentum-explore-${viewport.width}x${viewport.height}.png` });
    }
    expect(app.errors).toEqual([]);
  });

  it('shows every chart tab and the trainer panel of a prepared scenario without sideways scrolling on a 1024×768 projector', { timeout: 120_000 }, async () => {
    const app = await chromium.openApp({ viewport: { width: 1024, height: 768 } });
    const { page } = app;
    await app.openPrepared('SCAS: a staged journey');
    await app.present();
    const panel = app.trainerPanel;
    await app.reveal(1);
    // The fields that record the room's predictions are the presenter's kit: not on the projector.
    expect(await panel.getByTestId('predictions-ask').count()).toBe(0);
    for (const tab of TABS) {
      await page.getByRole('tab', { name: tab }).click();
      await expect.poll(async () => {
        const { chart, viewport: w } = await chartWidth(page);
        return chart / w;
      }, { ...WAIT, message: `chart share on ${tab}` }).toBeGreaterThanOrEqual(chartShare(1024));
      expect(await sidewaysScroll(page), tab).toEqual([]);
      expect(await headlineOverflows(page), tab).toEqual([]);
    }
    // The trainer's panel is reachable and fits the column it now shares with the why.
    await panel.scrollIntoViewIfNeeded();
    const [box, side] = await Promise.all([panel.boundingBox(), page.locator('.explore-side').boundingBox()]);
    expect(box!.x + box!.width).toBeLessThanOrEqual(side!.x + side!.width + 0.5);
    await page.screenshot({ path: '/tmp/momentum-presentation-trainer-1024x768.png' });
    expect(app.errors).toEqual([]);
  });

  it('keeps an audience screen (a second tab) in step with the presenter, fitting 1280×720 with no trainer kit', { timeout: 120_000 }, async () => {
    const presenter = await chromium.openExplore({ viewport: { width: 1440, height: 900 } });
    const screen = await presenter.page.context().newPage();
    await screen.setViewportSize({ width: 1280, height: 720 });
    const url = new URL(presenter.url);
    url.search = 'audience=1';
    recordErrors(screen);
    await screen.goto(url.toString());
    const audience = new App(screen);
    await screen.getByTestId('audience-screen').waitFor();
    // The presenter moves a lever; the audience's screen follows, and its headline settles on the same figures.
    await presenter.moveLever(CONCURRENT_PRIORITIES, 'Home');
    const shown = await presenter.leverValue(CONCURRENT_PRIORITIES);
    await expect.poll(() => audience.leverValue(CONCURRENT_PRIORITIES), WAIT).toBe(shown);
    await expect.poll(() => presenter.page.getByTestId('headline-basis').textContent(), WAIT).toMatch(TYPICAL_BASIS);
    await expect.poll(() => screen.getByTestId('headline-basis').textContent(), WAIT).toMatch(TYPICAL_BASIS);
    const figures = (page: Page) => page.locator('[data-testid="headline"] .headline-value').allTextContents();
    await expect.poll(() => figures(screen), WAIT).toEqual(await figures(presenter.page));
    // One fixed screen: no scrolling, the chart and the figures in view, nothing of the trainer's kit, no way out.
    await expect.poll(() => offScreen(screen), WAIT).toEqual([]);
    for (const kit of [/^Challenges/, /^Lock levers/, /^Briefing/, /^Session timer/]) expect(await screen.getByRole('heading', { name: kit }).count()).toBe(0);
    expect(await screen.getByRole('button', { name: /Leave presentation/ }).count()).toBe(0);
    // Nor the presenter's controls: the reveal buttons and "Copy chart" stay on the presenter's window.
    expect(await screen.getByRole('button', { name: /Start reveals|Copy the chart/ }).count()).toBe(0);
    expect(await presenter.page.getByRole('button', { name: /Copy the chart/ }).count()).toBe(1);
    // It takes no input of its own: keys there change nothing.
    await screen.keyboard.press('Escape');
    await screen.keyboard.press('Control+z');
    expect(await audience.leverValue(CONCURRENT_PRIORITIES)).toBe(shown);
    await screen.screenshot({ path: '/tmp/momentum-audience-1280x720.png' });
    expect(audience.errors).toEqual([]);
    expect(presenter.errors).toEqual([]);
  });
});
