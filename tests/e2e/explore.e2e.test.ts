import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { DRAWN_PARAMETERS, explainChange, monteCarlo, PARAMETERS, parseScenario, scenarioToInput, simulateExpected } from '../../engine';
import { bandOptions } from '../../renderer/src/sim/live-scheduler';
import { CONCURRENT_PRIORITIES, FIGURE, GOAL_CLARITY, TYPICAL_BASIS, useChromium, WAIT } from './helpers/ui';

const chromium = useChromium();

describe('Explore view', () => {
  it('moves a lever with the keyboard and the chart caption, KPI table and "why" text follow; the info control explains it', async () => {
    const app = await chromium.openExplore();
    const { page } = app;
    // The P10–P90 band of 500 runs arrives once the worker has computed it, and the line becomes their median.
    await expect.poll(() => app.caption('maturity').textContent(), WAIT).toMatch(/^Typical outcome \(median of 500 runs\): .*likely range \d\.\d–\d\.\d/);
    // The KPI table follows the chart through a deferred render: wait until it too shows the runs' median.
    const headlineNow = () => page.locator('[data-testid="headline"] [data-kpi="maturity"] .headline-value').textContent();
    await expect.poll(() => page.locator('[data-testid="kpi-table"] caption').textContent(), WAIT).toMatch(/typical outcome \(median of 500 runs\)$/);
    await expect.poll(() => page.getByTestId('headline-basis').textContent(), WAIT).toMatch(TYPICAL_BASIS);
    await expect.poll(async () => (await app.kpiCell('maturity', 'current').textContent()) === (await headlineNow()), WAIT).toBe(true);
    const captionBefore = await app.caption('maturity').textContent();
    // Record every wording the headline's basis line takes from here on.
    await page.evaluate(() => {
      const el = document.querySelector('[data-testid="headline-basis"]')!;
      const seen: string[] = [el.textContent ?? ''];
      (window as unknown as { basisSeen: string[] }).basisSeen = seen;
      new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
    });
    const kpiBefore = await app.kpiCell('maturity', 'current').textContent();
    const whyBefore = await page.getByTestId('why-panel').textContent();
    const valueBefore = await app.leverValue(CONCURRENT_PRIORITIES);

    await app.moveLever(CONCURRENT_PRIORITIES, 'Home'); // one priority at a time

    await expect.poll(() => app.leverValue(CONCURRENT_PRIORITIES), WAIT).toBe('1 priority');
    expect(valueBefore).not.toBe('1 priority');
    // The what-if is spelled out above the charts.
    expect(await page.getByTestId('changes').textContent()).toBe(`Your what-if: Concurrent priorities 1 priority (was ${valueBefore})`);
    await expect.poll(() => app.caption('maturity').textContent(), WAIT).not.toBe(captionBefore);
    await expect.poll(() => app.kpiCell('maturity', 'current').textContent(), WAIT).not.toBe(kpiBefore);
    await expect.poll(() => page.getByTestId('why-panel').textContent(), WAIT).not.toBe(whyBefore);
    // Once the change settles, screen readers hear the headline against the scenario, and what it is.
    await expect.poll(() => page.getByTestId('announcer').textContent(), WAIT).toMatch(/^Typical outcome \(median of 500 runs\)\. Digital maturity at the end \(1–5\): \d\.\d\b/);
    // While the lever moved, the numbers were the quick estimate and said so; once the runs are in, the median.
    const basisSeen = await page.evaluate(() => (window as unknown as { basisSeen: string[] }).basisSeen);
    expect(basisSeen[0]).toMatch(TYPICAL_BASIS);
    expect(basisSeen.some((t) => /^Quick estimate \(noise off\)/.test(t))).toBe(true);
    expect(basisSeen.at(-1)).toMatch(TYPICAL_BASIS);
    // The baseline column keeps the scenario as loaded, and the current column shows its difference.
    expect(await app.kpiCell('maturity', 'baseline').textContent()).toBe(kpiBefore);
    await expect.poll(() => page.locator('[data-testid="kpi-table"] tr[data-kpi="maturity"] td[data-column="current"] .kpi-delta').textContent(), WAIT).toMatch(/^\d\.\d (higher|lower) (▲ better|▼ worse)$/);

    // The line drawn is the median of the runs, so it lies inside its own likely range; the caption, the
    // chart's accessible name, the headline and the table say so and agree on the number.
    const caption = (await app.caption('maturity').textContent())!;
    const m = /^Typical outcome \(median of 500 runs\): with your settings, maturity reaches (\d\.\d) of 5 by year 5 \(likely range (\d\.\d)–(\d\.\d)\); the scenario as loaded reaches \d\.\d\.$/.exec(caption);
    expect(m, caption).not.toBeNull();
    const [median, lo, hi] = [Number(m![1]), Number(m![2]), Number(m![3])];
    expect(lo).toBeLessThanOrEqual(median);
    expect(median).toBeLessThanOrEqual(hi);
    expect(await page.getByTestId('chart-maturity').getAttribute('aria-label')).toBe(caption);
    const headlineMaturity = Number(await page.locator('[data-testid="headline"] [data-kpi="maturity"] .headline-value').textContent());
    expect(Math.abs(headlineMaturity - median)).toBeLessThanOrEqual(0.055);
    expect(await app.kpiCell('maturity', 'current').textContent()).toBe(headlineMaturity.toFixed(1));
    expect(await page.locator('[data-testid="kpi-table"] caption').textContent()).toMatch(/typical outcome \(median of 500 runs\)$/);
    expect(await page.getByTestId('lines-status').textContent()).toMatch(/^Lines: the typical outcome \(median of 500 runs\)/);

    // The lever's info control gives its explanation and source; Escape closes it.
    const info = page.getByRole('button', { name: 'About Concurrent priorities' });
    await info.click();
    const region = page.getByRole('region', { name: 'About Concurrent priorities' });
    await expect.poll(() => region.textContent(), WAIT).toMatch(/Source:.*Weinberg/);
    await app.press('Escape');
    expect(await info.getAttribute('aria-expanded')).toBe('false');
    expect(app.errors).toEqual([]);
  });

  it('[X3] at two priorities the "why" says what changed against the scenario as loaded, and names priorities only as "still" the largest loss', async () => {
    const parsed = parseScenario(readFileSync('scenarios/milton-keynes.momentum', 'utf8'));
    if (!parsed.ok) throw new Error('milton-keynes.momentum does not parse');
    const scenario = parsed.scenario;
    const app = await chromium.openExplore();
    const { page } = app;
    expect(await app.title()).toBe(`Explore: ${scenario.title}`);
    // The scenario as loaded: what binds most, and no list of changes.
    const loaded = await page.getByTestId('why-headline').textContent();
    expect(await page.getByTestId('why-changes').count()).toBe(0);

    await app.moveLever(CONCURRENT_PRIORITIES, 'Home', 'ArrowRight');
    await expect.poll(() => app.leverValue(CONCURRENT_PRIORITIES), WAIT).toBe('2 priorities');
    // The panel reads the quick estimate (noise off) of both settings: the same engine function here.
    const whatIfLevers = { ...scenario.levers, 'priorities.concurrent': 2 };
    const expected = explainChange(simulateExpected(scenarioToInput(scenario)), simulateExpected(scenarioToInput(scenario, { 'priorities.concurrent': 2 })), scenario.levers, whatIfLevers)!;
    await expect.poll(() => page.getByTestId('why-headline').textContent(), WAIT).toBe(expected.headline);
    const headline = expected.headline;
    expect(headline).not.toMatch(/holds progress back most/);
    // Switching may be named only as still (or now) the largest loss despite the cut.
    if (/switching|priorities/.test(headline)) expect(headline).toMatch(/, (but|and) it is (still|now) the largest loss\.$/);
    const changes = page.getByTestId('why-changes');
    expect(await changes.getByRole('heading').textContent()).toBe('What changed against the scenario as loaded');
    const moves = await changes.locator('li').allTextContents();
    expect(moves).toEqual(expected.moves.slice(0, 3).map((m) => m.text));
    // A move put down to priorities is one they eased.
    for (const m of moves.filter((t) => t.includes('concurrent priorities'))) expect(m).toMatch(/ fell from \d+% to \d+%.*concurrent priorities down from \d+ to 2\.$/);

    // Back to the scenario as loaded: its headline again, and no list.
    await page.getByRole('button', { name: 'Reset all' }).click();
    await expect.poll(() => changes.count(), WAIT).toBe(0);
    expect(await page.getByTestId('why-headline').textContent()).toBe(loaded);
    expect(app.errors).toEqual([]);
  });

  it('drags a slider with the mouse as one undo step; undo and redo by buttons and keys', async () => {
    const app = await chromium.openExplore();
    const { page } = app;
    const lever = () => app.leverValue(CONCURRENT_PRIORITIES);
    const maturity = () => app.kpiCell('maturity', 'current').textContent();
    const before = await lever();
    const kpiBefore = await maturity();
    const slider = app.slider(CONCURRENT_PRIORITIES);
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.9, y);
    await page.mouse.down();
    for (let i = 9; i >= 0; i--) await page.mouse.move(box.x + box.width * (i / 10), y);
    await page.mouse.up();
    await expect.poll(lever, WAIT).not.toBe(before);
    const dragged = await lever();
    await expect.poll(maturity, WAIT).not.toBe(kpiBefore);

    // The whole drag undoes in one step.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(lever, WAIT).toBe(before);
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    await expect.poll(maturity, WAIT).toBe(kpiBefore);

    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(lever, WAIT).toBe(dragged);

    // Keyboard: Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (focus on the page, not a text field).
    await app.heading.click();
    await app.press('Control+z');
    await expect.poll(lever, WAIT).toBe(before);
    await app.press('Control+Shift+Z');
    await expect.poll(lever, WAIT).toBe(dragged);
    await app.press('Control+z', 'Control+y');
    await expect.poll(lever, WAIT).toBe(dragged);

    // Reset returns the lever to the scenario's value.
    await page.getByRole('button', { name: /^Reset Concurrent priorities/ }).click();
    await expect.poll(lever, WAIT).toBe(before);
    expect(app.errors).toEqual([]);
  });

  it("shows bands that include the model's assumptions by default, switches to luck alone, and says how robust a pin is", async () => {
    const app = await chromium.openExplore();
    const { page } = app;
    const basis = () => page.getByTestId('headline-basis').textContent();
    await expect.poll(basis, WAIT).toMatch(/^Typical outcome: the median of 500 runs.*including uncertainty in the model's assumptions\.$/);
    await expect.poll(() => page.getByTestId('lines-status').textContent(), WAIT).toMatch(/including uncertainty in the model's assumptions/);
    await page.getByRole('radio', { name: 'Luck alone' }).check();
    await expect.poll(basis, WAIT).toMatch(/^Typical outcome: the median of 500 runs, each with its own luck\. .*likely range from luck alone/);
    await page.getByRole('radio', { name: "Luck and the model's assumptions" }).check();
    await expect.poll(basis, WAIT).toMatch(/including uncertainty in the model's assumptions/);

    // A pin of a clear goal (Milton Keynes sets 0.6) beats the scenario as loaded in most plausible futures.
    await app.moveLever(GOAL_CLARITY, 'End');
    await expect.poll(() => app.leverValue(GOAL_CLARITY), WAIT).toMatch(/^1(\.0+)?$|100/);
    await app.pinWhatIf('A clear goal');
    await expect.poll(() => page.getByTestId('pin-odds').textContent(), WAIT).toMatch(/^Higher maturity than the scenario as loaded in \d+% of plausible futures$/);
    const share = Number(/(\d+)%/.exec((await page.getByTestId('pin-odds').textContent()) ?? '')?.[1]);
    expect(share).toBeGreaterThanOrEqual(90);
    expect(app.errors).toEqual([]);
  });

  it('keeps pinned what-ifs after a reload and when another scenario was opened in between', async () => {
    const app = await chromium.openExplore();
    await app.moveLever(CONCURRENT_PRIORITIES, 'Home');
    await expect.poll(() => app.leverValue(CONCURRENT_PRIORITIES), WAIT).toBe('1 priority');
    await app.pinWhatIf('Kept pin');
    await app.kpiColumn('Kept pin').waitFor();
    const title = await app.page.getByRole('heading', { level: 1 }).textContent();
    // A new session of the app (a reload) on the same scenario shows the pin again.
    const next = await app.nextSession();
    await next.kpiColumn('Kept pin').waitFor(WAIT);
    // Another scenario has none of it; coming back brings it back.
    await next.openPrepared('Covid-19: one clear imperative');
    expect(await next.kpiColumn('Kept pin').count()).toBe(0);
    await next.openPrepared((title ?? '').replace(/^Explore: /, ''));
    await next.kpiColumn('Kept pin').waitFor(WAIT);
    expect(next.errors).toEqual([]);
  });

  it('pins a named what-if, shows it as a column of the KPI table, renames and removes it', async () => {
    const app = await chromium.openExplore();
    const { page } = app;
    await app.moveLever(CONCURRENT_PRIORITIES, 'Home');
    await expect.poll(() => app.leverValue(CONCURRENT_PRIORITIES), WAIT).toBe('1 priority');
    await expect.poll(() => page.getByTestId('headline').textContent(), WAIT).toMatch(/▲|▼/);
    await app.pinWhatIf('One priority');

    const header = app.kpiColumn('One priority');
    await header.waitFor();
    // Figures are compared only while the table shows typical outcomes (caption and cells read in one snapshot).
    const typicalPin = async () => {
      const pinned = (await app.typicalKpiRow())?.pinned[0] ?? '';
      return FIGURE.test(pinned) ? pinned : 'not yet';
    };
    // Wait for the typical outcome and the pin's own figure, not a placeholder ('…') left while its runs finish.
    await expect.poll(typicalPin, WAIT).toMatch(FIGURE);
    const pinnedValue = await typicalPin();
    // Moving on does not move the pin: it keeps the settings it was pinned with. Once the reset settings' own
    // medians are in (the current column equals the baseline), the pin still shows the figure it had.
    await page.getByRole('button', { name: 'Reset all' }).click();
    await expect.poll(() => app.leverValue(CONCURRENT_PRIORITIES), WAIT).not.toBe('1 priority');
    await expect
      .poll(async () => {
        const row = await app.typicalKpiRow();
        return row && row.current !== '' && row.current === row.baseline ? (row.pinned[0] ?? '') : 'not yet';
      }, WAIT)
      .toBe(pinnedValue);

    // Renaming the pin renames its column.
    const nameField = page.getByRole('textbox', { name: 'Name of pinned what-if 1' });
    await nameField.fill('Just one thing');
    await nameField.press('Enter');
    await app.kpiColumn('Just one thing').waitFor();
    expect(await header.count()).toBe(0);

    await page.getByRole('button', { name: 'Remove Just one thing' }).click();
    await expect.poll(() => app.kpiColumn('Just one thing').count(), WAIT).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('keeps the page the same height while a lever steps: the "why" text re-wrapping does not move the panels below', async () => {
    const app = await chromium.openExplore();
    const { page } = app;
    // Right once, left five times, right four times: a walk over values whose "why" insights swap and re-wrap.
    const walk = ['ArrowRight', ...Array<string>(5).fill('ArrowLeft'), ...Array<string>(4).fill('ArrowRight')];
    const stepThrough = async () => {
      for (const key of walk) {
        const before = await app.leverValue(GOAL_CLARITY);
        await app.press(key);
        await expect.poll(() => app.leverValue(GOAL_CLARITY), WAIT).not.toBe(before);
        // The new settings have been rendered with the quick estimate; wait for their 500 runs too.
        await app.waitForTypicalHeadline();
      }
    };
    await app.slider(GOAL_CLARITY).focus();
    // The first walk shows every wording once (the space held for the panel may grow to the longest).
    await stepThrough();
    // The second walk over the same values records the page's height in every frame, quick estimates included.
    await page.evaluate(`(() => {
      const heights = new Set();
      window.momentumHeights = heights;
      const sample = () => { heights.add(document.documentElement.scrollHeight); requestAnimationFrame(sample); };
      sample();
    })()`);
    await stepThrough();
    const heights = await page.evaluate('[...window.momentumHeights]');
    expect(heights).toHaveLength(1);
    expect(app.errors).toEqual([]);
  });

  it('switches charts with the keyboard and each chart says what it shows', async () => {
    const app = await chromium.openExplore();
    const { page } = app;
    await page.getByRole('tab', { name: 'Maturity' }).focus();
    await app.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Pillars' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => app.caption('pillars').textContent(), WAIT).toMatch(/patients \d\.\d.*clinicians \d\.\d.*support staff \d\.\d/);
    await app.press('ArrowRight');
    await app.caption('wgll').waitFor();
    await app.press('ArrowRight');
    // The timeline is the quick estimate's; once the runs are in, the caption says how they typically fare.
    await expect
      .poll(() => app.caption('portfolio').textContent(), WAIT)
      .toMatch(/^In the quick estimate \(noise off\), \d+ of \d+ initiatives are live by the end, \d+ failed, \d+ not finished\. Across 500 runs, typically \d+ are live and \d+ failed/);
    // [R11] Each row's chance of being live at the end is the share of the view's Monte Carlo, computed here
    // from the same input (the scenario the app opens with, Milton Keynes, as loaded), seed and replications.
    const parsed = parseScenario(readFileSync(new URL('../../scenarios/milton-keynes.momentum', import.meta.url), 'utf8'));
    if (!parsed.ok) throw new Error('milton-keynes.momentum does not parse');
    const scenario = parsed.scenario;
    const mc = monteCarlo(scenarioToInput(scenario), bandOptions());
    const nameOf = (id: string) => scenario.initiatives.find((i) => i.id === id)!.name;
    const uncertain = mc.initiatives.find((o) => o.live > 0.01 && o.live < 0.99)!;
    const pct = `${Math.round(uncertain.live * 100)}%`;
    const row = page.locator(`[data-testid="portfolio-odds"] li[data-initiative="${uncertain.id}"]`);
    // The row label as drawn on the chart (name, shortened there but not here, and its chance), then the details.
    const shown = `${nameOf(uncertain.id)} · ${pct} live: Live at the end in ${pct} of 500 runs`;
    await expect.poll(() => row.textContent(), WAIT).toContain(shown);
    expect((await row.textContent())!.startsWith(shown)).toBe(true);
    // The caption names the least likely initiative (among those live in fewer than half of the runs, if any).
    const least = [...mc.initiatives].sort((a, b) => a.live - b.live)[0]!;
    expect(await app.caption('portfolio').textContent()).toMatch(
      least.live < 0.5 ? `Most at risk, live at the end in fewer than half of the runs: ${nameOf(least.id)} (` : `the least likely is ${nameOf(least.id)} (${Math.round(least.live * 100)}%)`,
    );
    await page.screenshot({ path: '/tmp/momentum-portfolio-odds.png' });
    // While a lever moves, the odds of the earlier settings are not shown beside the new timeline: in every
    // state the page passes through, the odds are there exactly when the caption speaks of the 500 runs.
    await page.evaluate(() => {
      const seen: [boolean, boolean][] = [];
      (window as unknown as { oddsSeen: [boolean, boolean][] }).oddsSeen = seen;
      const sample = () => seen.push([document.querySelector('[data-testid="portfolio-odds"]') !== null, /Across 500 runs/.test(document.querySelector('[data-testid="caption-portfolio"]')?.textContent ?? '')]);
      new MutationObserver(sample).observe(document.body, { childList: true, characterData: true, subtree: true });
    });
    await app.moveLever(CONCURRENT_PRIORITIES, 'End');
    await expect.poll(() => page.evaluate(() => (window as unknown as { oddsSeen: [boolean, boolean][] }).oddsSeen.some(([odds]) => !odds)), WAIT).toBe(true);
    await expect.poll(() => page.getByTestId('portfolio-odds').count(), WAIT).toBe(1);
    const oddsSeen = await page.evaluate(() => (window as unknown as { oddsSeen: [boolean, boolean][] }).oddsSeen);
    expect(oddsSeen.filter(([odds, across]) => odds !== across)).toEqual([]);
    for (const [tab, id] of [['Adoption', 'adoption'], ['Confidence', 'confidence'], ['Benefits', 'benefits']] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await expect.poll(() => app.caption(id).textContent(), WAIT).not.toMatch(/Simulating/);
    }
    // Each line chart says which line it draws.
    expect(await app.caption('benefits').textContent()).toMatch(/^Typical outcome \(median of 500 runs\): benefits realised by the end, \d+ benefit-weeks/);
    await page.getByRole('tab', { name: 'Confidence' }).click();
    expect(await app.caption('confidence').textContent()).toMatch(/^Typical outcome \(median of 500 runs\): at the end, board confidence is \d+%/);
    expect(app.errors).toEqual([]);
  });

  it('enters presentation mode with F5, hides the editing chrome, and leaves with Escape', async () => {
    const app = await chromium.openExplore({ viewport: { width: 1920, height: 1080 } });
    const { page } = app;
    const presenting = () => page.evaluate(() => document.documentElement.classList.contains('presentation'));
    await app.press('F5');
    await expect.poll(presenting, WAIT).toBe(true);
    expect(await app.views.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Pin what-if' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^About / }).count()).toBe(0);
    // The levers still work, and the type is larger.
    expect(await app.slider(CONCURRENT_PRIORITIES).isEnabled()).toBe(true);
    // A few levers show in full; the rest wait in a closed drawer that opens on demand.
    const featured = await page.getByTestId('featured-levers').locator('[data-lever]').count();
    expect(featured).toBeGreaterThanOrEqual(4);
    expect(featured).toBeLessThanOrEqual(6);
    const drawer = page.locator('.lever-drawer');
    expect(await drawer.getAttribute('open')).toBeNull();
    expect(await app.slider(GOAL_CLARITY).isVisible()).toBe(true);
    await drawer.locator(':scope > summary').click();
    await expect.poll(() => drawer.locator('[data-lever]').count(), WAIT).toBeGreaterThan(0);
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThan(16);
    // The room still reads what the numbers are.
    await app.waitForTypicalHeadline();
    expect(await page.getByTestId('headline-basis').isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/momentum-explore-presentation.png' });
    expect(await app.seriousViolations()).toEqual([]);

    await app.press('Escape');
    await expect.poll(() => app.views.count(), WAIT).toBe(1);
    await app.press('Control+Shift+P');
    await expect.poll(() => page.getByRole('button', { name: /Leave presentation/ }).count(), WAIT).toBe(1);
    await page.getByRole('button', { name: /Leave presentation/ }).click();
    await expect.poll(presenting, WAIT).toBe(false);
    expect(app.errors).toEqual([]);
  });

  it('starts with a clean console: the app icon is served and no request fails', async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      // The policy is also sent as a header by the desktop app, where frame-ancestors applies; a meta tag
      // must carry the same policy (tests/electron/csp.test.ts), so Chromium's note about it is expected.
      if ((m.type() === 'error' || m.type() === 'warning') && !/'frame-ancestors' is ignored when delivered via a <meta> element/.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
    });
    await page.goto(inject('baseUrl'));
    await expect.poll(() => page.getByTestId('caption-maturity').textContent(), WAIT).toMatch(/^Typical outcome/);
    const icon = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
      if (!link) return null;
      const r = await fetch(link.href);
      return { status: r.status, type: r.headers.get('content-type'), svg: (await r.text()).startsWith('<svg') };
    });
    expect(icon).toEqual({ status: 200, type: expect.stringMatching(/^image\/svg\+xml/), svg: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('has no serious or critical accessibility violations on Explore (with a pin) and How it works', { timeout: 120_000 }, async () => {
    const app = await chromium.openExplore();
    await app.page.screenshot({ path: '/tmp/momentum-explore.png' });
    await app.pinWhatIf();
    await app.kpiColumn('What-if 1').waitFor();
    expect(await app.seriousViolations()).toEqual([]);
    await app.goTo('How it works');
    await app.page.screenshot({ path: '/tmp/momentum-model.png' });
    expect(await app.seriousViolations()).toEqual([]);
    // The assumptions the likely range includes, from the engine's parameter registry, each with its basis.
    const assumptions = app.page.getByRole('table', { name: /Assumptions the likely range includes/ });
    expect(await assumptions.locator('tbody tr').count()).toBe(DRAWN_PARAMETERS.length);
    expect(await assumptions.textContent()).toContain(PARAMETERS.find((p) => p.id === 'REFERENCE_TEAM_OUTPUT')!.label);
    // Mixed evidence has a tag of its own, not plain judgement's.
    expect(await app.page.locator('.tag-mixed').count()).toBeGreaterThan(0);
  });
});
