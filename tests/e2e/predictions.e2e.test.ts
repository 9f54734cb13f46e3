import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { monteCarlo, parseScenario, RUN_SET, scenarioToInput, simulateExpected } from '../../engine';
import { useChromium, WAIT } from './helpers/ui';

// The room's predictions (issue 17), in Chromium: recorded before a reveal, shown against the run when it comes,
// kept across a reload, and listed in the debrief.
const chromium = useChromium();

const scas = (() => {
  const parsed = parseScenario(readFileSync('scenarios/scas-staged-journey.momentum', 'utf8'));
  if (!parsed.ok) throw new Error('the SCAS scenario does not parse');
  return parsed.scenario;
})();
const week60 = scas.trainer.reveals.find((r) => r.week === 60)!;
const maturityQuestion = week60.predictions!.find((q) => q.kind === 'number')!;
const liveQuestion = week60.predictions!.find((q) => q.kind === 'vote')!;

describe('the room’s predictions', () => {
  it('records a vote and figures before a reveal, shows them against the run, keeps them, and debriefs them', { timeout: 240_000 }, async () => {
    // What the run gives at week 60: the median of the run set for maturity (the runs keep its band), and the quick
    // estimate for initiatives live (they keep none).
    const input = scenarioToInput(scas);
    const maturity = monteCarlo(input, { ...RUN_SET, series: ['maturity'] }).bands.maturity!.p50[60]!;
    const live = simulateExpected(input).series.initiativesLive![60]!;
    expect(live).toBe(2);

    const app = await chromium.openApp({ viewport: { width: 1440, height: 1000 }, withoutPickers: true });
    const { page } = app;
    try {
      await app.openPrepared(scas.title);
      await app.reveal(1);
      const ask = page.getByTestId('predictions-ask');
      await ask.waitFor();
      expect(await ask.getByRole('heading').textContent()).toBe('Ask the room before the next reveal');
      // The fields are named for a screen reader: the votes by option within the question's group, the figures by the question.
      const vote = ask.getByRole('group', { name: liveQuestion.question });
      await vote.getByRole('spinbutton', { name: 'Votes for One or two' }).focus();
      await app.press('9');
      await vote.getByRole('spinbutton', { name: 'Votes for Three or more' }).focus();
      await app.press('4');
      const figures = ask.getByRole('textbox', { name: maturityQuestion.question });
      await figures.focus();
      await page.keyboard.type('2.5, three');
      await page.getByRole('alert').filter({ hasText: '“three” is not a number' }).waitFor();
      expect(await figures.getAttribute('aria-invalid')).toBe('true');
      await figures.fill('2.5, 3');
      await page.getByRole('alert').filter({ hasText: 'is not a number' }).waitFor({ state: 'detached' });
      expect(await app.seriousViolations('.trainer-panel')).toEqual([]);
      // Nothing of the outcome shows before the reveal.
      expect(await page.locator('[data-prediction-result]').count()).toBe(0);

      await app.reveal(2);
      const shown = page.getByTestId('predictions-shown');
      const maturityResult = shown.locator(`[data-prediction-result="${maturityQuestion.id}"]`);
      await expect
        .poll(() => maturityResult.textContent(), { ...WAIT, timeout: 90_000 })
        .toContain(`Digital maturity at week 60: ${maturity.toFixed(1)} of 5 (typical outcome, the median of 500 runs)`);
      expect(await maturityResult.textContent()).toContain('2.5 of 5 and 3.0 of 5 (average 2.8 of 5)');
      const liveResult = shown.locator(`[data-prediction-result="${liveQuestion.id}"]`);
      const liveText = (await liveResult.textContent()) ?? '';
      expect(liveText).toContain('None yet: 0; One or two: 9; Three or more: 4 (13 votes)');
      expect(liveText).toContain('Initiatives live at week 60: 2 initiatives (quick estimate, noise off)');
      expect(liveText).toContain('The run supports “One or two”, which 9 votes of 13 chose.');
      // The next step's question is asked now, with nothing recorded yet.
      expect(await page.getByTestId('predictions-ask').textContent()).toContain(scas.trainer.reveals.find((r) => r.week === 190)!.predictions![0]!.question);

      // The next session in the same browser finds the answers kept.
      const next = await app.nextSession();
      await next.openPrepared(scas.title);
      await next.reveal(1);
      const again = next.page.getByTestId('predictions-ask');
      await expect.poll(() => again.getByRole('spinbutton', { name: 'Votes for One or two' }).inputValue(), WAIT).toBe('9');
      expect(await again.getByRole('textbox', { name: maturityQuestion.question }).inputValue()).toBe('2.5, 3');
      await next.trainerPanel.getByRole('button', { name: 'Show whole run' }).click();

      // The debrief lists them against the whole run, on screen and in the page it saves.
      await next.trainerPanel.getByText('Debrief (2 predictions)').click();
      const debrief = next.page.getByTestId('debrief');
      const row = debrief.locator(`[data-debrief="${liveQuestion.id}"]`);
      await expect.poll(() => row.textContent(), WAIT).toContain('One or two: 9; Three or more: 4 (13 votes)');
      expect(await row.textContent()).toContain('The run supports “One or two”');
      const maturityRow = debrief.locator(`[data-debrief="${maturityQuestion.id}"]`);
      await expect.poll(() => maturityRow.textContent(), { ...WAIT, timeout: 90_000 }).toContain(`${maturity.toFixed(1)} of 5 (typical outcome`);
      const download = await next.download(() => debrief.getByRole('button', { name: 'Save the debrief…' }).click());
      expect(download.suggestedFilename()).toBe(`${scas.id}-debrief.html`);
      const html = readFileSync((await download.path())!, 'utf8');
      expect(html).toContain(`<title>Debrief: ${scas.title}</title>`);
      expect(html).toContain('2.5 of 5 and 3.0 of 5 (average 2.8 of 5)');
      expect(html).toContain('None yet: 0; One or two: 9; Three or more: 4 (13 votes)');

      // A new session starts clean after a second click.
      await debrief.getByRole('button', { name: 'Clear the room’s predictions…' }).click();
      await debrief.getByRole('button', { name: 'Yes, clear 2 answers' }).click();
      await expect.poll(() => row.textContent(), WAIT).toContain('Not recorded.');
      expect(next.errors).toEqual([]);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('adds a question to a reveal in Edit journey, and the trainer panel asks it before that step', { timeout: 180_000 }, async () => {
    const app = await chromium.openApp({ viewport: { width: 1440, height: 1000 } });
    const { page } = app;
    try {
      await app.openPrepared(scas.title);
      await app.goTo('Edit journey');
      // The step at week 190 asks one figure; give it a vote as well, judged by board confidence.
      const step = scas.trainer.reveals.findIndex((r) => r.week === 190);
      const card = page.locator(`#field-trainer-reveals-${step}`);
      await card.getByRole('button', { name: '+ Add a vote' }).click();
      const vote = card.locator('.prediction-card').last();
      await vote.getByLabel('What the room is asked').fill('Will the board be more confident than at the start?');
      await vote.getByLabel('Judged by (read at this step’s week)').selectOption('confidence');
      await vote.getByLabel('Answer 1').fill('Yes, above 30%');
      await vote.getByLabel('Supported from').first().fill('0.3');
      await vote.getByLabel('Answer 2').fill('No, 30% or less');
      await vote.getByLabel('Supported up to').nth(1).fill('0.3');
      await vote.getByRole('button', { name: '+ Add answer' }).click();
      await vote.getByRole('button', { name: 'Remove answer Answer 3' }).click();
      expect(await vote.getByLabel(/^Answer \d$/).count()).toBe(2);
      await page.getByRole('button', { name: 'Try it in Explore' }).click();
      await page.getByTestId('tried-edit').waitFor();
      await app.reveal(1);
      await app.reveal(2);
      const ask = page.getByTestId('predictions-ask');
      await ask.getByRole('group', { name: 'Will the board be more confident than at the start?' }).getByRole('spinbutton', { name: 'Votes for Yes, above 30%' }).waitFor();
      // Removed again in the editor, the question goes from the panel too.
      await app.goTo('Edit journey');
      await card.getByRole('button', { name: 'Remove question Will the board be more confident than at the start?' }).click();
      expect(await card.locator('.prediction-card').count()).toBe(scas.trainer.reveals[step]!.predictions!.length);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
