import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine';
import { FIGURE, useChromium, WAIT } from './helpers/ui';

// Running a one-hour workshop from the app (issue 17), in Chromium, the way a trainer drives it.
const chromium = useChromium();

function prepared(file: string) {
  const parsed = parseScenario(readFileSync(`scenarios/${file}`, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.scenario;
}

describe('workshops', () => {
  it('keeps the lesson off screen while the room votes, and shows it once the whole run is shown', { timeout: 120_000 }, async () => {
    const scas = prepared('scas-staged-journey.momentum');
    const app = await chromium.openApp({ viewport: { width: 1440, height: 1000 } });
    try {
      await app.openPrepared(scas.title);
      const head = app.page.locator('.scenario-head');
      await expect.poll(() => head.textContent(), WAIT).toContain(scas.lesson);
      await app.reveal(1);
      await expect.poll(() => head.textContent(), WAIT).not.toContain(scas.lesson);
      expect(await head.getByTestId('lesson-waiting').isVisible()).toBe(true);
      await app.page.getByRole('status').filter({ hasText: /Week 0 of/ }).getByRole('button', { name: 'Show whole run' }).click();
      await expect.poll(() => head.textContent(), WAIT).toContain(scas.lesson);
    } finally {
      await app.close();
    }
  });

  it('says at a last reveal at the horizon that the figures show, while they are on screen', { timeout: 120_000 }, async () => {
    const scas = prepared('scas-staged-journey.momentum');
    const steps = scas.trainer.reveals.length;
    expect(Math.max(...scas.trainer.reveals.map((r) => r.week))).toBe(scas.horizonWeeks);
    const app = await chromium.openApp({ viewport: { width: 1440, height: 1000 } });
    try {
      await app.openPrepared(scas.title);
      for (let step = 1; step <= steps; step++) await app.reveal(step, steps);
      const banner = app.page.locator('.reveal-banner');
      await expect.poll(() => banner.textContent(), WAIT).toContain(`Week ${scas.horizonWeeks} of ${scas.horizonWeeks}`);
      // The figures are on screen, so the banner must not say they read "—".
      await expect.poll(() => app.kpiCell('maturity', 'baseline').textContent(), { ...WAIT, timeout: 60_000 }).toMatch(FIGURE);
      expect(await banner.textContent()).not.toContain('—');
      expect(await banner.textContent()).toContain('the end-of-run figures show all of it');
    } finally {
      await app.close();
    }
  });

  it('plans from the Library: each pair together, how long it takes, and why a lever is locked', { timeout: 120_000 }, async () => {
    const scas = prepared('scas-staged-journey.momentum');
    const variant = prepared('scas-everything-at-once.momentum');
    const mk = prepared('milton-keynes.momentum');
    const app = await chromium.openApp({ viewport: { width: 1440, height: 1000 } });
    try {
      await app.goTo('Library');
      const cards = app.page.locator('.scenario-card');
      const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-scenario')));
      expect(ids.indexOf(variant.id)).toBe(ids.indexOf(scas.id) + 1);
      const scasCard = cards.and(app.page.locator(`[data-scenario="${scas.id}"]`));
      expect(await scasCard.getByTestId('session-minutes').textContent()).toBe('60 min session');
      expect(await scasCard.textContent()).toContain(variant.title);
      expect(await cards.and(app.page.locator(`[data-scenario="${variant.id}"]`)).textContent()).toContain(`Variant of “${scas.title}”`);
      await app.openPrepared(mk.title);
      const note = app.page.getByTestId('locked-note');
      await note.waitFor();
      expect(await note.textContent()).toContain(mk.trainer.lockReasons['leadership.ownership']);
    } finally {
      await app.close();
    }
  });

  it('tries an edited journey in Explore against the scenario as loaded: before and after', { timeout: 180_000 }, async () => {
    const scas = prepared('scas-staged-journey.momentum');
    const app = await chromium.openApp({ viewport: { width: 1440, height: 1000 } });
    try {
      await app.openPrepared(scas.title);
      const typicalRow = async () => {
        await expect.poll(() => app.typicalKpiRow(), { ...WAIT, timeout: 90_000 }).toBeDefined();
        return (await app.typicalKpiRow())!;
      };
      const before = await typicalRow();
      expect(before.current).toBe(before.baseline);
      await app.goTo('Edit journey');
      // Telephony takes ten times the effort: the staged journey stalls behind it.
      await app.page.locator('#field-initiatives-0-effortWeeks').fill('30');
      await app.page.getByRole('button', { name: 'Try it in Explore' }).click();
      await app.page.getByTestId('tried-edit').waitFor();
      // The scenario as loaded stays the baseline; the edit is the what-if beside it.
      await expect.poll(async () => (await app.typicalKpiRow())?.current, { ...WAIT, timeout: 90_000 }).not.toBe(before.current);
      const after = await typicalRow();
      expect(after.baseline).toBe(before.baseline);
      expect(await app.page.locator('table').filter({ hasText: 'Scenario as loaded' }).first().textContent()).toContain('Edited journey');
      // Back to the scenario as loaded: nothing to compare any more.
      await app.page.getByRole('button', { name: 'Back to the scenario as loaded' }).click();
      await app.page.getByTestId('tried-edit').waitFor({ state: 'detached' });
      await expect.poll(async () => (await app.typicalKpiRow())?.current, { ...WAIT, timeout: 90_000 }).toBe(before.baseline);
      expect((await typicalRow()).baseline).toBe(before.baseline);
    } finally {
      await app.close();
    }
  });

  it('words file problems for people, opens the file in Edit journey on the field, and keeps failures off Recent files', { timeout: 120_000 }, async () => {
    const app = await chromium.openApp({ viewport: { width: 1440, height: 1000 }, withoutPickers: true });
    const { page } = app;
    try {
      const folder = mkdtempSync(join(tmpdir(), 'momentum-words-'));
      const bad = join(folder, 'twelve.json');
      const initiatives = [
        { id: 'network', name: 'Network', pillar: 'support', effortWeeks: 3 },
        { id: 'devices', name: 'Devices', pillar: 'support', effortWeeks: 2 },
        { id: 'ecare', name: 'e-CARE EPR phase 1', pillar: 'clinicians', effortWeeks: 'twelve' },
      ];
      writeFileSync(bad, JSON.stringify({ schemaVersion: 3, id: 'twelve', title: 'Twelve', initiatives }));
      await app.openScenarioFile(bad);
      const report = page.getByRole('alert').filter({ hasText: 'Could not open twelve.json' });
      await report.waitFor();
      const text = (await report.textContent()) ?? '';
      expect(text).toContain('Initiative 3 “e-CARE EPR phase 1”: effort (weeks) must be a number, got "twelve"');
      expect(text).toContain('Fix it in Edit journey');
      expect(text).not.toMatch(/initiatives\[2\]|text editor/);
      // Recent files lists only files that opened.
      const recent = page.locator('section[aria-labelledby="recent-heading"]');
      await expect.poll(() => recent.textContent(), WAIT).not.toContain('twelve.json');
      await report.getByRole('button', { name: 'Open in Edit journey' }).click();
      await page.getByRole('heading', { name: 'Edit the journey', level: 1 }).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), WAIT).toBe('field-initiatives-2-effortWeeks');

      // A scenario opened where a run file belongs is called a scenario, and can be run.
      const scenarioFile = join(folder, 'scas.json');
      writeFileSync(scenarioFile, readFileSync('scenarios/scas-staged-journey.momentum', 'utf8'));
      await app.goTo('Compare');
      await app.chooseFile(() => page.getByRole('button', { name: 'Open run file…' }).click(), scenarioFile);
      await page.getByText('scas.json is a scenario, not a saved run').waitFor();
      expect(await page.getByText(/newer version/).count()).toBe(0);
      await page.getByRole('button', { name: 'Run “SCAS: a staged journey” in Explore' }).click();
      await page.getByRole('heading', { level: 1, name: 'SCAS: a staged journey' }).waitFor();
    } finally {
      await app.close();
    }
  });

  it('shows the 60-minute run sheet for the scenario in the trainer panel', { timeout: 120_000 }, async () => {
    const scas = prepared('scas-staged-journey.momentum');
    const app = await chromium.openApp({ viewport: { width: 1440, height: 1000 } });
    try {
      await app.openPrepared(scas.title);
      await app.trainerPanel.getByText('Run sheet (60 minutes)').click();
      const sheet = app.page.getByTestId('run-sheet');
      await sheet.waitFor();
      expect(await sheet.locator('tbody th').allTextContents()).toEqual(['0–5', '5–25', '25–40', '40–50', '50–60']);
      const text = (await sheet.textContent()) ?? '';
      for (const r of scas.trainer.reveals) expect(text).toContain(`Week ${r.week} · ${r.title}`);
      expect(text).toContain('“SCAS variant: everything at once”');
    } finally {
      await app.close();
    }
  });
});
