// "Copy chart" (issues 16 and 19): the button beside the chart tabs and the right-click menu on a
// chart put a PNG on the real clipboard of Chromium, holding the chart with its title above and the
// scenario, date and source line below. The clipboard is read back in the page and decoded.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl } from './helpers/browser';
import { useChromium, WAIT } from './helpers/ui';

const chromium = useChromium();

/** What the page's clipboard and the shown chart hold, measured in the page. */
interface Clipped {
  readonly types: readonly string[];
  readonly signature: readonly number[];
  readonly width: number;
  readonly height: number;
  readonly chartWidth: number;
  readonly chartHeight: number;
  /** Pixels of the clipped chart area that differ from the chart drawn on white. */
  readonly chartDiffers: number;
  /** Dark (text) pixels in the title band and in the footer. */
  readonly titleInk: number;
  readonly footerInk: number;
}

/** Read the clipboard's image and compare it with the chart canvas shown now. */
function readClipboard(page: Page): Promise<Clipped> {
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const blob = await item!.getType('image/png');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const bitmap = await createImageBitmap(blob);
    const img = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    img.drawImage(bitmap, 0, 0);
    const chart = document.querySelector<HTMLCanvasElement>('#chart-tabpanel canvas')!;
    const white = new OffscreenCanvas(chart.width, chart.height).getContext('2d')!;
    white.fillStyle = '#fff';
    white.fillRect(0, 0, chart.width, chart.height);
    white.drawImage(chart, 0, 0);
    const pad = 12 * (chart.width / chart.clientWidth);
    const top = pad + 16 * (chart.width / chart.clientWidth) + pad;
    const want = white.getImageData(0, 0, chart.width, chart.height).data;
    const got = img.getImageData(pad, top, chart.width, chart.height).data;
    let chartDiffers = 0;
    for (let i = 0; i < want.length; i += 4) if (want[i] !== got[i] || want[i + 1] !== got[i + 1] || want[i + 2] !== got[i + 2]) chartDiffers++;
    const ink = (y0: number, y1: number) => {
      const d = img.getImageData(0, y0, bitmap.width, y1 - y0).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! < 160 && d[i + 1]! < 160 && d[i + 2]! < 160) n++;
      return n;
    };
    return {
      types: item!.types,
      signature: [...bytes.subarray(0, 8)],
      width: bitmap.width,
      height: bitmap.height,
      chartWidth: chart.width,
      chartHeight: chart.height,
      chartDiffers,
      titleInk: ink(0, top),
      footerInk: ink(top + chart.height, bitmap.height),
    };
  });
}

describe('Copy chart', () => {
  it('the button puts the chart with its title, scenario, date and source line on the clipboard as PNG', async () => {
    const app = await chromium.openExplore();
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(appUrl()).origin });
    await page.getByRole('button', { name: 'Copy the chart "Maturity"' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /chart/ }).first().textContent(), WAIT).toBe('Copied the chart "Maturity" to the clipboard.');
    const clip = await readClipboard(page);
    expect(clip.types).toContain('image/png');
    expect(clip.signature).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(clip.width).toBe(clip.chartWidth + 24);
    expect(clip.height).toBeGreaterThan(clip.chartHeight + 16 + 2 * 12 * 1.4);
    expect(clip.chartDiffers).toBe(0);
    expect(clip.titleInk).toBeGreaterThan(50);
    expect(clip.footerInk).toBeGreaterThan(100);
    expect(app.errors).toEqual([]);
  });

  it('right-clicking a chart offers "Copy chart", which copies the chart of the tab shown; Escape closes the menu', async () => {
    const app = await chromium.openExplore();
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(appUrl()).origin });
    await page.getByRole('tab', { name: 'Adoption' }).click();
    const canvas = page.locator('#chart-tabpanel canvas');
    await canvas.click({ button: 'right' });
    const item = page.getByRole('menuitem', { name: 'Copy chart' });
    await item.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => item.count(), WAIT).toBe(0);

    await canvas.click({ button: 'right' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), WAIT).toBe('Copy chart');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: /chart/ }).first().textContent(), WAIT).toBe('Copied the chart "Adoption" to the clipboard.');
    expect(await item.count()).toBe(0);
    const clip = await readClipboard(page);
    expect(clip.chartDiffers).toBe(0);
    expect(clip.width).toBe(clip.chartWidth + 24);
    expect(app.errors).toEqual([]);
  });
});
