/** The board pack's one-click PDF: laid out in a hidden window that runs no script, and always cleaned up. */
import { describe, expect, it } from 'vitest';
import { MAX_PACK_HTML, PDF_WINDOW_OPTIONS, renderPdf, type PdfWindow } from '../../electron/main/pdf';
import { validateCall, type SenderInfo } from '../../electron/main/ipc-validation';

function fakeWindow(print: () => Promise<Uint8Array>) {
  const seen = { urls: [] as string[], options: [] as unknown[], destroyed: 0 };
  const win: PdfWindow = {
    loadURL: async (url) => {
      seen.urls.push(url);
    },
    webContents: {
      printToPDF: async (options) => {
        seen.options.push(options);
        return print();
      },
    },
    destroy: () => {
      seen.destroyed++;
    },
  };
  return { win, seen };
}

describe('the board pack as a PDF', () => {
  it('loads the pack as a data URL, prints A4 with backgrounds, returns the bytes and destroys the window', async () => {
    const { win, seen } = fakeWindow(async () => new Uint8Array([37, 80, 68, 70]));
    const html = '<!doctype html><title>Pack</title><p>Maturity 3.1 — 45% chance</p>';
    const bytes = await renderPdf(html, () => win);
    expect([...bytes]).toEqual([37, 80, 68, 70]);
    expect(decodeURIComponent(seen.urls[0]!.replace(/^data:text\/html;charset=utf-8,/, ''))).toBe(html);
    expect(seen.options).toEqual([{ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }]);
    expect(seen.destroyed).toBe(1);
  });

  it('destroys the window when printing fails, and refuses a pack over the limit before opening one', async () => {
    const { win, seen } = fakeWindow(async () => {
      throw new Error('printing failed');
    });
    await expect(renderPdf('<p>x</p>', () => win)).rejects.toThrow('printing failed');
    expect(seen.destroyed).toBe(1);
    let opened = 0;
    await expect(renderPdf('x'.repeat(MAX_PACK_HTML + 1), () => (opened++, win))).rejects.toThrow(/too large/);
    expect(opened).toBe(0);
  });

  it('runs no script and loads no preload in the hidden window', () => {
    expect(PDF_WINDOW_OPTIONS.show).toBe(false);
    expect(PDF_WINDOW_OPTIONS.webPreferences.javascript).toBe(false);
    expect(PDF_WINDOW_OPTIONS.webPreferences.sandbox).toBe(true);
    expect('preload' in PDF_WINDOW_OPTIONS.webPreferences).toBe(false);
  });

  it('accepts only a string of at most the limit over IPC', () => {
    const sender: SenderInfo = { frameUrl: 'app://momentum/index.html', isMainFrame: true, isOurWindow: true };
    const origins = ['app://momentum'];
    expect(validateCall('pdf:render', sender, ['<p>x</p>'], origins)).toEqual(['<p>x</p>']);
    expect(() => validateCall('pdf:render', sender, [42], origins)).toThrow(/bad arguments/);
    expect(() => validateCall('pdf:render', sender, [], origins)).toThrow(/bad arguments/);
    expect(() => validateCall('pdf:render', { ...sender, frameUrl: 'https://example.com/' }, ['<p>x</p>'], origins)).toThrow();
  });
});
