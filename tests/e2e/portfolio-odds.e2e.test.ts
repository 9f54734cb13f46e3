// [R11] During a trainer's reveal the Portfolio chart shows no initiative's odds (they are whole-run figures
// of the 500 runs, which would give the ending away) until the reveal reaches the end of the run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine';
import { useChromium, WAIT } from './helpers/ui';

const chromium = useChromium();

describe('Portfolio odds during a reveal', () => {
  it('[R11] hides each initiative\'s chance of being live until the reveal reaches the end, then shows it again', { timeout: 120_000 }, async () => {
    // The app opens with Milton Keynes, whose reveals end at the horizon.
    const parsed = parseScenario(readFileSync(new URL('../../scenarios/milton-keynes.momentum', import.meta.url), 'utf8'));
    if (!parsed.ok) throw new Error('milton-keynes.momentum does not parse');
    const scenario = parsed.scenario;
    const reveals = [...scenario.trainer.reveals].sort((a, b) => a.week - b.week);
    expect(reveals.at(-1)!.week).toBeGreaterThanOrEqual(scenario.horizonWeeks);
    expect(reveals.some((r) => r.week < scenario.horizonWeeks)).toBe(true);

    const app = await chromium.openApp({ viewport: { width: 1440, height: 1000 } });
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: scenario.title }).waitFor();
    await page.getByRole('tab', { name: 'Portfolio' }).click();
    const odds = page.getByTestId('portfolio-odds');
    const caption = app.caption('portfolio');
    await expect.poll(() => odds.count(), WAIT).toBe(1);
    expect(await caption.textContent()).toMatch(/Most at risk|the least likely is/);

    for (let i = 0; i < reveals.length; i++) {
      await app.reveal(i + 1, reveals.length);
      if (reveals[i]!.week < scenario.horizonWeeks) {
        await expect.poll(() => caption.textContent(), WAIT).toMatch(new RegExp(`at week ${reveals[i]!.week}:`));
        expect(await odds.count()).toBe(0);
        expect(await caption.textContent()).not.toMatch(/Most at risk|least likely|% live|500 runs/);
        expect(await page.getByTestId('chart-portfolio').getAttribute('aria-label')).not.toMatch(/% live|Most at risk/);
        if (i === 1) await page.screenshot({ path: '/tmp/momentum-portfolio-odds-reveal.png' });
      } else {
        // The whole run shows: the odds are back.
        await expect.poll(() => odds.count(), WAIT).toBe(1);
        expect(await caption.textContent()).toMatch(/Most at risk|the least likely is/);
      }
    }
    expect(app.errors).toEqual([]);
  });
});
