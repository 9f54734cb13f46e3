// Issue 15: "In the app, a 'Which assumptions matter' view lists the top assumptions with their evidence class.
// Say plainly when a judgement parameter drives a conclusion." One session: each test goes on from the one before.
import { beforeAll, describe, expect, it } from 'vitest';
import { DRAWN_PARAMETERS } from '../../engine';
import { TOP_ASSUMPTIONS } from '../../renderer/src/model/assumption-ranking';
import { useChromium, WAIT, type App } from './helpers/ui';

const chromium = useChromium();
let app: App;

/** The evidence tags the view may show, as How it works words them. */
const TAGS = ['Evidence', 'Evidence + judgement', 'Judgement'];

beforeAll(async () => {
  app = await chromium.openApp({ viewport: { width: 1280, height: 720 } });
  await app.heading.waitFor();
});

describe('Which assumptions matter (issue 15)', () => {
  it('ranks the assumptions for the chosen KPI, each with its evidence class and a bar, and reads the top one out', { timeout: 120_000 }, async () => {
    const { page } = app;
    await app.openAssumptions();
    await page.getByLabel('KPI', { exact: true }).selectOption('maturityAtHorizon');
    await app.findAssumptionsThatMatter(4);
    await page.getByRole('heading', { name: 'Which assumptions move Maturity at the horizon most' }).waitFor(WAIT);
    const rows = app.assumptionRows;
    await expect.poll(() => rows.count(), WAIT).toBe(Math.min(TOP_ASSUMPTIONS, DRAWN_PARAMETERS.length));
    expect(await app.analysisStatus.textContent()).toMatch(/^Done: \d+ assumptions for Current what-if/);

    const n = await rows.count();
    const figures: number[] = [];
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      expect(TAGS).toContain((await row.locator('.basis span').textContent())?.trim());
      figures.push(Number(await row.locator('.effect-figure').textContent()));
      // A board reads labels, never the registry's internal ids (those are in the tooltip, for analysts).
      const text = (await row.textContent()) ?? '';
      expect(text).not.toMatch(/\b[A-Z]{2,}(_[A-Z]+)+\b/);
      expect(await row.locator('th').getAttribute('title')).toMatch(/^[A-Z_]+: /);
    }
    // Largest effect first, and the first bar is the full width of its track.
    expect([...figures].sort((a, b) => b - a)).toEqual(figures);
    expect(await rows.first().locator('.effect-fill').getAttribute('style')).toMatch(/width: 100%/);
    // The plain-language reading names the top assumption by its label and what it rests on.
    const top = await rows.first().locator('.assumption-label').textContent();
    const summary = page.getByTestId('assumption-summary');
    expect(await summary.textContent()).toMatch(new RegExp(`^The top assumption here, '${top!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}', (rests on judgement alone|mixes a published source with judgement|rests on a published source)`));
    // The rest of the assumptions, on request.
    if (DRAWN_PARAMETERS.length > TOP_ASSUMPTIONS) {
      await page.getByRole('button', { name: `Show all ${DRAWN_PARAMETERS.length} assumptions` }).click();
      await expect.poll(() => rows.count(), WAIT).toBe(DRAWN_PARAMETERS.length);
      await page.getByRole('button', { name: `Show the top ${TOP_ASSUMPTIONS} only` }).click();
      await expect.poll(() => rows.count(), WAIT).toBe(TOP_ASSUMPTIONS);
    }
    await page.screenshot({ path: '/tmp/assumptions-view.png', fullPage: true });
    expect(await app.seriousViolations('main')).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('stops a screening on Cancel, and when the KPI changes while it runs', { timeout: 120_000 }, async () => {
    const { page } = app;
    // Enough replications that the screening is still running when it is stopped.
    await app.findAssumptionsThatMatter(2000);
    await page.getByRole('progressbar', { name: 'Assumption screening progress' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => app.analysisStatus.textContent(), WAIT).toBe('Stopped: you cancelled it.');
    expect(await page.getByRole('progressbar', { name: 'Assumption screening progress' }).count()).toBe(0);
    // The ranking of the last finished screening is still shown.
    expect(await app.assumptionRows.count()).toBeGreaterThan(0);

    await app.findAssumptionsThatMatter(2000);
    await page.getByLabel('KPI', { exact: true }).selectOption('benefitsRealised');
    await expect.poll(() => app.analysisStatus.textContent(), WAIT).toMatch(/^Stopped: the settings changed while it ran/);

    // A fresh screening after a cancelled one runs in a fresh worker and finishes.
    await app.findAssumptionsThatMatter(3);
    await page.getByRole('heading', { name: 'Which assumptions move Benefits realised most' }).waitFor(WAIT);
    expect(app.errors).toEqual([]);
  });
});
