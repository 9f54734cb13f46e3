/**
 * The board pack as a PDF in one click: the pack's HTML (self-contained: styles inline, charts as data-URL
 * images) is laid out in a hidden window with JavaScript off and printed to A4 with Chromium's printToPDF,
 * whose bytes the renderer then saves through the usual export dialog. The window never shows, runs no script,
 * cannot navigate (every webContents is hardened in index.ts) and is destroyed whatever happens.
 */

/** Largest pack the main process lays out (its charts are inline PNGs): 30 MB of HTML. */
export const MAX_PACK_HTML = 30 * 1024 * 1024;

/** The part of a BrowserWindow the render uses. */
export interface PdfWindow {
  loadURL(url: string): Promise<void>;
  readonly webContents: { printToPDF(options: { pageSize: 'A4'; printBackground: boolean; preferCSSPageSize: boolean }): Promise<Buffer | Uint8Array> };
  destroy(): void;
}

/** The settings of the hidden window: nothing runs in it, and it has no preload or Node. */
export const PDF_WINDOW_OPTIONS = {
  show: false,
  webPreferences: {
    javascript: false,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
    images: true,
  },
} as const;

/** Lay out `html` in a window from `open` and return it printed to A4 PDF bytes. */
export async function renderPdf(html: string, open: () => PdfWindow): Promise<Uint8Array> {
  if (html.length > MAX_PACK_HTML) throw new Error('The board pack is too large to print.');
  const win = open();
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    win.destroy();
  }
}
