import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { orderReveals } from '../../renderer/src/model/reveal';
import { parseScenario, type Scenario } from '../../engine';
import { useChromium, WAIT } from './helpers/ui';

// Issue 17: while the room predicts what will happen, nothing on screen may say what the run teaches. Every
// prepared scenario with reveals is opened in the app, its first reveal started, and the page searched for the
// lesson, the insights, the "why" lessons and the challenges' verdicts; then the whole run is shown and they return.
const chromium = useChromium();

const PREPARED: Scenario[] = readdirSync('scenarios')
  .filter((f) => f.endsWith('.momentum'))
  .map((f) => {
    const parsed = parseScenario(readFileSync(`scenarios/${f}`, 'utf8'));
    if (!parsed.ok) throw new Error(`${f} does not parse`);
    return parsed.scenario;
  })
  .filter((s) => s.trainer.reveals.length > 0 && orderReveals(s.trainer.reveals)[0]!.week < s.horizonWeeks);

describe('spoiler-free reveals in the app, every prepared scenario', () => {
  it('finds prepared scenarios with reveals', () => expect(PREPARED.length).toBeGreaterThan(3));

  it('hides the lesson, insights, "why" lessons and verdicts at the first reveal of each, and shows them with the whole run', { timeout: 600_000 }, async () => {
    const app = await chromium.openApp({ viewport: { width: 1440, height: 1000 } });
    const { page } = app;
    const spoilers = () => page.locator('.insights, .lesson-tag, .challenge-verdict, .challenge-checks');
    try {
      for (const scenario of PREPARED) {
        await app.openPrepared(scenario.title);
        // The trainer asks for every challenge's verdict before the reveals begin.
        const check = app.trainerPanel.getByRole('button', { name: 'Check this challenge' });
        for (let left = await check.count(); left > 0; left--) {
          await check.first().click();
          await expect.poll(() => check.count(), WAIT).toBe(left - 1);
        }
        await app.reveal(1);
        const head = page.locator('.scenario-head');
        await head.getByTestId('lesson-waiting').waitFor();
        if (scenario.lesson) expect(await page.locator('body').textContent(), scenario.title).not.toContain(scenario.lesson);
        expect(await spoilers().count(), `${scenario.title}: spoilers at step 1`).toBe(0);
        expect(await app.trainerPanel.getByText('The verdict shows once the whole run is revealed.').count()).toBe(scenario.targets.length);

        await app.trainerPanel.getByRole('button', { name: 'Show whole run' }).click();
        if (scenario.lesson) await expect.poll(() => head.textContent(), WAIT).toContain(scenario.lesson);
        // The verdicts come back once the run is whole, one per challenge, when its runs are in.
        if (scenario.targets.length > 0) await expect.poll(() => page.locator('.challenge-verdict').count(), { ...WAIT, timeout: 90_000 }).toBe(scenario.targets.length);
      }
    } finally {
      await app.close();
    }
  });
});
