import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  evaluateChallenge,
  LEVERS,
  monteCarlo,
  parseScenario,
  scenarioToInput,
  serializeScenario,
  simulateExpected,
  type LeverValues,
  type PeriodExplanation,
  type RunResult,
  type Scenario,
} from '../../engine';
import { constraintTotals, CONSTRAINT_WORDS } from '../../renderer/src/components/why-panel';
import { BAND_REPLICATIONS, bandOptions } from '../../renderer/src/sim/live-scheduler';
import { challengeVerdict, describeCheck } from '../../renderer/src/trainer/kpi-labels';
import { useChromium, WAIT, type App } from './helpers/ui';

// The trainer's journey of issue 6, in Chromium, the way a person drives it.
const SCENARIO_FILE = process.env.MOMENTUM_TRAINER_SCENARIO ?? 'scas-staged-journey.momentum';
const SHOTS = process.env.MOMENTUM_SHOTS ?? '';

const chromium = useChromium();

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

/** Open the app with the browser's download/upload fallback instead of native file pickers. */
function openWithFallbackFiles(): Promise<App> {
  return chromium.openApp({ viewport: { width: 1440, height: 1000 }, withoutPickers: true });
}

/**
 * Return the verdict the app must show for a challenge: judged, like the headline, on the medians of the same
 * 500 runs. The medians are read here straight from the Monte Carlo, not through the app's judging code, so a
 * panel that judged on anything else (the quick estimate, other settings) fails.
 */
function expectedVerdict(scenario: Scenario, overrides: LeverValues, targetId: string) {
  const input = scenarioToInput(scenario, overrides);
  const typical = monteCarlo(input, bandOptions());
  const kpis = Object.fromEntries(Object.entries(typical.kpis).map(([id, d]) => [id, d.p50]));
  const series = Object.fromEntries(Object.entries(typical.bands).map(([id, b]) => [id, b.p50]));
  const levers = { ...scenario.levers, ...overrides };
  const result = evaluateChallenge(scenario.targets.find((t) => t.id === targetId)!, { kpis, series, levers, leverDefs: LEVERS });
  return {
    result,
    badge: result.pass ? '✓ Passed' : '✗ Not met',
    text: challengeVerdict(result),
    checks: result.checks.map((c) => `${c.pass ? '✓ ' : '✗ '}${describeCheck(c, LEVERS, scenario.horizonWeeks)}`),
  };
}

/** Wait until a challenge is judged on the typical outcome, and return what it shows. */
async function shownVerdict(challenge: Locator) {
  await expect.poll(() => challenge.getAttribute('data-basis'), { timeout: 60_000 }).toBe('typical');
  return {
    badge: (await challenge.locator('.badge').textContent())?.trim(),
    text: (await challenge.locator('.challenge-verdict').textContent())?.replace(/^.*?(Passed|Not met)\S*\s*/, ''),
    checks: await challenge.locator('.challenge-checks li').allTextContents(),
    basis: await challenge.locator('.challenge-basis').textContent(),
  };
}

/**
 * Return the "why" panel's headline for a set of period explanations of the quick estimate: the constraint that
 * cost the most progress over them and its share. Worked out here from the engine's periods, so that a panel
 * reading any other periods (one still under way at the reveal week) shows other words.
 */
function whyHeadline(explanations: readonly PeriodExplanation[], revealing: boolean): string {
  const totals = constraintTotals({ explanations } as RunResult);
  const top = Object.entries(totals).sort((a, b) => b[1] - a[1])[0]!;
  const words = CONSTRAINT_WORDS[top[0] as keyof typeof CONSTRAINT_WORDS];
  const through = explanations.at(-1)!.toWeek;
  return `${words.name} holds progress back most${revealing ? ' so far' : ''}: ${words.meaning} (${Math.round(top[1] * 100)}% of the progress lost${revealing ? ` up to week ${through}` : ''}).`;
}

/** Return what a "why" headline names and by how much, e.g. "Change fatigue: 43%". */
function gist(headline: string): string {
  const m = /^(.+?) holds progress back most(?: so far)?: .*\((\d+)% of the progress lost/.exec(headline);
  return m ? `${m[1]}: ${m[2]}%` : headline;
}

describe('trainer mode', () => {
  it('opens a scenario, locks levers, steps through reveals, checks a challenge, edits, saves and reopens it unchanged', { timeout: 180_000 }, async () => {
    const prepared = readFileSync(join('scenarios', SCENARIO_FILE), 'utf8');
    const original = parseScenario(prepared);
    if (!original.ok) throw new Error(`${SCENARIO_FILE} does not parse`);
    const scenario = original.scenario;

    const app = await openWithFallbackFiles();
    const { page } = app;
    await app.goTo('Library');
    await page.getByRole('heading', { name: 'Prepared scenarios' }).waitFor();
    await shot(page, 'trainer-1-library');
    expect(await app.seriousViolations('main')).toEqual([]);

    // Open the prepared scenario: Explore shows it with the trainer panel.
    await app.openPrepared(scenario.title);
    const panel = app.trainerPanel;
    await panel.waitFor();
    // The card was scrolled into view in the library; Explore must not open scrolled away.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    // Lock two levers.
    await panel.getByText(/^Lock levers/).click();
    // Two levers the scenario leaves free: concurrent priorities and ownership where they are free.
    const free = LEVERS.map((l) => l.id).filter((id) => !scenario.lockedLevers.includes(id));
    const preferred = ['priorities.concurrent', 'leadership.ownership'].filter((id) => free.includes(id));
    const toLock = [...preferred, ...free.filter((id) => !preferred.includes(id))].slice(0, 2);
    for (const id of toLock) {
      const sw = panel.locator(`#lock-${id.replace(/\./g, '-')}`);
      await sw.check();
      expect(await sw.isChecked()).toBe(true);
      expect(await app.leverControl(id).isDisabled()).toBe(true);
    }
    await shot(page, 'trainer-2-locked');

    // Step through every reveal; the note of each moment appears.
    const reveals = [...scenario.trainer.reveals].sort((a, b) => a.week - b.week);
    expect(reveals.length).toBeGreaterThan(1);
    for (let i = 0; i < reveals.length; i++) {
      await app.reveal(i + 1, reveals.length);
      expect(await panel.locator('.reveal-title').textContent()).toBe(reveals[i]!.title);
      // The charts stop at the reveal week, and the caption describes that week, not the end of the run.
      const week = Math.min(reveals[i]!.week, scenario.horizonWeeks);
      if (week < scenario.horizonWeeks) {
        await expect.poll(() => app.caption('maturity').textContent(), WAIT).toMatch(new RegExp(`maturity is \\d\\.\\d of 5 at week ${week}\\b`));
      }
      if (i === 1) await shot(page, 'trainer-3-reveal');
    }
    expect(await panel.getByRole('button', { name: /Next reveal/ }).isDisabled()).toBe(true);
    await panel.getByRole('button', { name: 'Show whole run' }).click();

    // Attempt a challenge: a clear verdict and by how much, judged on the medians of the 500 runs the headline
    // shows, and the same verdict the engine gives for those runs.
    const target = scenario.targets[0]!;
    const challenge = panel.locator(`[data-challenge="${target.id}"]`);
    await challenge.getByRole('button', { name: 'Check this challenge' }).click();
    const first = await shownVerdict(challenge);
    const want = expectedVerdict(scenario, {}, target.id);
    expect(first.basis).toBe(`Judged on the typical outcome of ${BAND_REPLICATIONS} runs (their medians), as the headline shows it.`);
    expect(first.badge).toBe(want.badge);
    expect(first.text).toBe(want.text);
    expect(first.checks).toEqual(want.checks);
    expect(first.checks.join(' ')).toMatch(/to spare|short by|over the limit by|too late by|exactly on the mark|never reached|not reached/);

    await shot(page, 'trainer-4-challenge');
    expect(await app.seriousViolations('.trainer-panel')).toEqual([]);

    // Edit an initiative in the staged-journey editor; a bad value is flagged in the validator's words.
    await app.goTo('Edit journey');
    const effort = page.locator('#field-initiatives-0-effortWeeks');
    await effort.fill('0');
    await page.locator('#field-initiatives-0-effortWeeks-problems').getByText('must be a positive number, got 0').waitFor();
    expect(await effort.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'trainer-5-editor-problem');
    await effort.fill('41');
    const name = page.locator('#field-initiatives-0-name');
    await name.fill('Integrated dispatch, phase one');
    await page.getByText('No problems: the scenario is ready to save.').waitFor();
    expect(await app.seriousViolations('main')).toEqual([]);
    await shot(page, 'trainer-6-editor', true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'trainer-6a-editor-top');

    // Save: in the browser this is a download.
    const download = await app.download(() => page.getByRole('button', { name: 'Save as scenario file…' }).click());
    const folder = mkdtempSync(join(tmpdir(), 'momentum-trainer-'));
    const savedPath = join(folder, download.suggestedFilename());
    await download.saveAs(savedPath);
    const savedText = readFileSync(savedPath, 'utf8');
    const saved = parseScenario(savedText);
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const expected = {
      ...scenario,
      lockedLevers: [...scenario.lockedLevers, ...toLock],
      initiatives: scenario.initiatives.map((ini, i) => (i === 0 ? { ...ini, effortWeeks: 41, name: 'Integrated dispatch, phase one' } : ini)),
    };
    expect(saved.scenario).toEqual(expected);
    expect(savedText).toBe(serializeScenario(expected));

    // Reopen the saved file from disk (upload) and see the same scenario.
    await app.openScenarioFile(savedPath);
    await page.getByRole('heading', { level: 1, name: scenario.title }).waitFor();
    for (const id of toLock) {
      expect(await app.leverControl(id).isDisabled()).toBe(true);
    }
    await app.goTo('Edit journey');
    expect(await page.locator('#field-initiatives-0-effortWeeks').inputValue()).toBe('41');
    expect(await page.locator('#field-initiatives-0-name').inputValue()).toBe('Integrated dispatch, phase one');
    expect(app.errors).toEqual([]);
  });

  it('runs the facilitator kit and the editor from the keyboard alone: what-ifs, reveals, timer, collapsing, moving an initiative', { timeout: 120_000 }, async () => {
    const parsed = parseScenario(readFileSync(join('scenarios', SCENARIO_FILE), 'utf8'));
    if (!parsed.ok) throw new Error(`${SCENARIO_FILE} does not parse`);
    const app = await openWithFallbackFiles();
    const { page } = app;
    const press = async (name: string | RegExp, key = 'Enter', within = page.locator('body')) => {
      const button = within.getByRole('button', typeof name === 'string' ? { name, exact: true } : { name });
      await button.focus();
      await page.keyboard.press(key);
    };
    await press('Library');
    await press(`Open ${parsed.scenario.title}`);
    const panel = app.trainerPanel;
    await panel.waitFor();
    // Each suggested what-if moves its levers in one step; a locked lever stays put and the panel says so.
    for (const w of parsed.scenario.trainer.whatIfs) {
      await press(w.label, 'Enter', panel);
      const status = await panel.locator('.briefing [role="status"]').textContent();
      expect(status).toContain(`Applied "${w.label}"`);
      for (const [id, value] of Object.entries(w.levers)) {
        const control = app.leverControl(id);
        if (parsed.scenario.lockedLevers.includes(id)) expect(status).toContain('except the locked');
        else expect(Number(await control.inputValue())).toBe(value);
      }
    }
    // The what-ifs moved the levers: a challenge is judged on the 500 runs of these settings, not of the scenario as loaded.
    const overrides: Record<string, number> = {};
    for (const w of parsed.scenario.trainer.whatIfs) for (const [id, v] of Object.entries(w.levers)) if (!parsed.scenario.lockedLevers.includes(id)) overrides[id] = v;
    const target = parsed.scenario.targets[0]!;
    const challenge = panel.locator(`[data-challenge="${target.id}"]`);
    await press('Check this challenge', 'Enter', challenge);
    const moved = expectedVerdict(parsed.scenario, overrides, target.id);
    // Without a lever that changes the verdict's figures, this step would not show that the verdict follows them.
    expect(moved.checks).not.toEqual(expectedVerdict(parsed.scenario, {}, target.id).checks);
    await expect.poll(async () => (await shownVerdict(challenge)).checks, { timeout: 60_000 }).toEqual(moved.checks);
    expect((await shownVerdict(challenge)).badge).toBe(moved.badge);

    await press(/Start reveals/, 'Enter', panel);
    await panel.getByText(/Step 1 of/).waitFor();
    // During a reveal the verdict would give the ending away, so it waits.
    await challenge.getByText('The verdict shows once the whole run is revealed.').waitFor();
    await press(/Next reveal/, ' ', panel);
    await panel.getByText(/Step 2 of/).waitFor();

    await press('Start', ' ', panel);
    const timer = panel.getByRole('timer');
    expect(await timer.getAttribute('aria-label')).toMatch(/running$/);
    await press('Pause', 'Enter', panel);
    expect(await timer.getAttribute('aria-label')).toMatch(/paused$/);
    await press('Reset', 'Enter', panel);
    expect(await timer.textContent()).toBe('0:00');

    await press('Hide', 'Enter', panel);
    const toggle = panel.getByRole('button', { name: 'Show briefing and facilitator kit' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await panel.locator('#trainer-panel-body').isHidden()).toBe(true);

    // In the editor, moving an initiative keeps the keyboard on it.
    await press('Edit journey');
    const [first, second] = parsed.scenario.initiatives;
    await press(`Move ${first!.name} down`);
    await page.locator('#field-initiatives-1-name').waitFor();
    expect(await page.locator('#field-initiatives-0-name').inputValue()).toBe(second!.name);
    expect(await page.locator('#field-initiatives-1-name').inputValue()).toBe(first!.name);
    await page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, `Move ${first!.name} down`);
    expect(app.errors).toEqual([]);
  });

  it('[R8] keeps the "why" panel to the quarters that have ended at each reveal week, and explains the next once the reveals reach its end', { timeout: 120_000 }, async () => {
    const parsed = parseScenario(readFileSync(join('scenarios', SCENARIO_FILE), 'utf8'));
    if (!parsed.ok) throw new Error(`${SCENARIO_FILE} does not parse`);
    const scenario = parsed.scenario;
    // The panel reads the quick estimate (noise off) of the settings as loaded: the same engine function here.
    const { explanations } = simulateExpected(scenarioToInput(scenario));
    const app = await openWithFallbackFiles();
    const { page } = app;
    await app.openPrepared(scenario.title);
    const panel = app.trainerPanel;
    await panel.waitFor();
    const why = page.getByTestId('why-panel');
    await why.waitFor();
    const reveals = [...scenario.trainer.reveals].sort((a, b) => a.week - b.week).filter((r) => r.week < scenario.horizonWeeks);
    expect(reveals.length).toBeGreaterThan(1);
    // The quarter under way at the previous step, which the panel must explain once the reveals reach its end.
    let waiting: PeriodExplanation | undefined;
    let telling = 0;
    for (let i = 0; i < reveals.length; i++) {
      await app.reveal(i + 1);
      const week = reveals[i]!.week;
      const ended = explanations.filter((p) => p.toWeek <= week);
      const underWay = explanations.find((p) => p.fromWeek <= week && p.toWeek > week);
      const through = ended.at(-1)?.toWeek ?? -1;
      // What the panel names and by how much (the panel follows the charts in a deferred render): nothing while
      // no quarter has ended, not even the constraint of the quarter under way; else the ended quarters' figures.
      const named = async () => ((await page.getByTestId('why-headline').count()) === 0 ? 'nothing' : gist((await page.getByTestId('why-headline').textContent()) ?? ''));
      await expect.poll(named, WAIT).toBe(ended.length === 0 ? 'nothing' : gist(whyHeadline(ended, true)));
      // Counting the quarter under way (weeks after the reveal) would name another figure: the check can tell.
      if (underWay && gist(whyHeadline([...ended, underWay], true)) !== (ended.length === 0 ? 'nothing' : gist(whyHeadline(ended, true)))) telling++;
      if (ended.length > 0) expect(await page.getByTestId('why-headline').textContent()).toBe(whyHeadline(ended, true));
      expect(await why.getAttribute('data-explained-through')).toBe(String(through));
      const note = (await page.getByTestId('why-reveal').textContent()) ?? '';
      if (ended.length === 0) expect(note).toContain('Too early to say');
      if (underWay) expect(note).toContain(`weeks ${underWay.fromWeek}–${underWay.toWeek}`);
      // No year in the story of what bound progress starts after the reveal week.
      const story = page.locator('.why-story');
      if ((await story.count()) > 0) {
        await story.locator('summary').click();
        for (const line of await story.locator('li').allTextContents()) {
          const lastYear = Number(/Years? (?:\d+–)?(\d+)/.exec(line)![1]);
          expect((lastYear - 1) * 52, line).toBeLessThanOrEqual(week);
        }
        await story.locator('summary').click();
      }
      // Advancing the reveals past the end of the quarter that was under way explains it.
      if (waiting && waiting.toWeek <= week) expect(through).toBeGreaterThanOrEqual(waiting.toWeek);
      waiting = underWay;
      if (i === 1) {
        await page.getByTestId('why-hold').screenshot({ path: '/tmp/trainer-why-reveal.png' });
        // The other panels too speak of the reveal week, in their captions and in the charts' accessible names.
        for (const [tab, id] of [['Pillars', 'pillars'], ['What Good Looks Like', 'wgll'], ['Portfolio', 'portfolio'], ['Confidence', 'confidence'], ['Benefits', 'benefits']] as const) {
          await page.getByRole('tab', { name: tab }).click();
          const caption = (await app.caption(id).textContent()) ?? '';
          expect(caption, tab).toMatch(new RegExp(`\\b(at|by) week ${week}\\b|^Week ${week} scores`));
          expect(caption, tab).not.toMatch(/the end|NaN|Year \d scores/);
          // The replications may land between two reads and move both from the quick estimate to the typical
          // outcome: wait until the chart's name and the caption, read together, agree.
          const agree = async () => (await page.getByTestId(`chart-${id}`).getAttribute('aria-label')) === (await app.caption(id).textContent());
          await expect.poll(agree, WAIT).toBe(true);
          if (id === 'portfolio') await page.screenshot({ path: '/tmp/trainer-portfolio-reveal.png' });
        }
        await page.getByRole('tab', { name: 'Maturity' }).click();
        // A hidden end-of-run figure is not "the same as" the scenario's.
        expect(await page.getByTestId('headline').textContent()).not.toContain('same as');
      }
    }
    expect(telling).toBeGreaterThan(0);
    // The whole run: every quarter, with no "so far" and no note.
    await panel.getByRole('button', { name: 'Show whole run' }).click();
    await expect.poll(() => why.getAttribute('data-explained-through'), WAIT).toBe(null);
    expect(await page.getByTestId('why-headline').textContent()).toBe(whyHeadline(explanations, false));
    expect(await page.getByTestId('why-reveal').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('reports every problem of a broken scenario file in words instead of a blank screen', async () => {
    const app = await openWithFallbackFiles();
    const { page } = app;
    const folder = mkdtempSync(join(tmpdir(), 'momentum-broken-'));
    const broken = join(folder, 'broken.json');
    writeFileSync(broken, JSON.stringify({ schemaVersion: 2, id: 'broken', title: 'Broken', initiatives: [{ id: 'a', name: 'A', pillar: 'patients', effortWeeks: -3 }] }));
    await app.openScenarioFile(broken);
    const report = page.getByRole('alert');
    await report.getByText('Could not open broken.json').waitFor();
    expect(await report.textContent()).toContain('Initiative 1 “A”: effort (weeks) must be');
    expect(await report.textContent()).not.toContain('initiatives[0].effortWeeks');
    await shot(page, 'trainer-7-broken');
    expect(app.errors).toEqual([]);
  });
});
