import { describe, expect, it } from 'vitest';
import { useChromium, WAIT } from './helpers/ui';

const chromium = useChromium();

const REMOVE = 'remove initiative “e-CARE EPR phase 1”';

describe('journey editor: undo and redo', () => {
  it('undoes removing an initiative others depend on in one step, by button and by keys, and typing in a field as one step', async () => {
    const app = await chromium.openApp();
    const { page } = app;
    await app.goTo('Edit journey');
    // The header's Undo of lever changes gives way to the editor's own.
    expect(await page.getByRole('button', { name: 'Undo', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Undo/ }).isDisabled()).toBe(true);

    // e-CARE EPR phase 1 (third) must be live before e-CARE EPR phase 2.
    const secondName = page.locator('#field-initiatives-2-name');
    expect(await secondName.inputValue()).toBe('e-CARE EPR phase 1');
    const phase2 = page.locator('li.edit-card').filter({ has: page.getByRole('heading', { name: /e-CARE EPR phase 2/ }) });
    const prerequisite = phase2.getByRole('checkbox', { name: 'e-CARE EPR phase 1', exact: true });
    expect(await prerequisite.isChecked()).toBe(true);
    const restored = async () => [await secondName.inputValue(), (await prerequisite.count()) === 1 && (await prerequisite.isChecked())];
    const removed = async () => [await secondName.inputValue(), await prerequisite.count()];

    await page.getByRole('button', { name: 'Remove e-CARE EPR phase 1' }).click();
    await expect.poll(removed, WAIT).toEqual(['Automating administrative work for finance and HR', 0]);
    await page.getByText('unsaved changes').first().waitFor();

    // The button says what it will undo; one undo brings back the initiative in its place and the prerequisite.
    const undo = page.getByRole('button', { name: `Undo: ${REMOVE}`, exact: true });
    expect(await undo.getAttribute('title')).toBe(`Undo: ${REMOVE} (Ctrl+Z)`);
    await page.screenshot({ path: '/tmp/momentum-editor-undo.png' });
    await undo.click();
    await expect.poll(restored, WAIT).toEqual(['e-CARE EPR phase 1', true]);
    await expect.poll(() => page.getByTestId('editor-announcer').textContent(), WAIT).toContain(`Undone: ${REMOVE}.`);
    // Back to the journey as loaded: nothing unsaved.
    await expect.poll(() => page.getByText('unsaved changes').count(), WAIT).toBe(0);
    expect(await page.getByRole('button', { name: /^Undo/ }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: `Redo: ${REMOVE}`, exact: true }).click();
    await expect.poll(removed, WAIT).toEqual(['Automating administrative work for finance and HR', 0]);
    await expect.poll(() => page.getByTestId('editor-announcer').textContent(), WAIT).toContain(`Redone: ${REMOVE}.`);

    // The keys, with the focus on the page rather than in a text field.
    await app.heading.click();
    await app.press('Control+z');
    await expect.poll(restored, WAIT).toEqual(['e-CARE EPR phase 1', true]);
    await app.press('Control+Shift+Z');
    await expect.poll(removed, WAIT).toEqual(['Automating administrative work for finance and HR', 0]);
    await app.press('Control+z');
    await expect.poll(restored, WAIT).toEqual(['e-CARE EPR phase 1', true]);
    await app.press('Control+y');
    await expect.poll(removed, WAIT).toEqual(['Automating administrative work for finance and HR', 0]);
    await app.press('Control+z');
    await expect.poll(restored, WAIT).toEqual(['e-CARE EPR phase 1', true]);

    // Typing into a name, key by key, is one step named after the field and the initiative.
    const firstName = page.locator('#field-initiatives-0-name');
    const original = await firstName.inputValue();
    await firstName.click();
    await firstName.press('End');
    await firstName.pressSequentially(' (revised)');
    expect(await firstName.inputValue()).toBe(`${original} (revised)`);
    await app.heading.click();
    const typing = `change “Name” of initiative “${original}”`;
    await page.getByRole('button', { name: `Undo: ${typing}`, exact: true }).click();
    await expect.poll(() => firstName.inputValue(), WAIT).toBe(original);
    // The removal was redone and undone before the typing, so nothing else is left to undo.
    expect(await page.getByRole('button', { name: /^Undo/ }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: `Redo: ${typing}`, exact: true }).click();
    await expect.poll(() => firstName.inputValue(), WAIT).toBe(`${original} (revised)`);

    // In a text field Ctrl+Z is the field's own undo of the typing: the editor's history is not asked.
    await firstName.press('End');
    await firstName.pressSequentially('!');
    await firstName.press('Control+z');
    await expect.poll(() => firstName.inputValue(), WAIT).toBe(`${original} (revised)`);
    expect(await page.getByRole('button', { name: /^Redo/ }).isDisabled()).toBe(true);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
