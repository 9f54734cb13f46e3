import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Where Debian installs Chromium; override with MOMENTUM_CHROMIUM. */
export const CHROMIUM_PATH = process.env.MOMENTUM_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launch Debian's Chromium headless with the flags this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}

const errorsByPage = new WeakMap<Page, string[]>();

/** Start recording the uncaught errors a page throws (read them with {@link pageErrors}). */
export function recordErrors(page: Page): void {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  errorsByPage.set(page, errors);
}

/** Return the uncaught errors a page has thrown so far. */
export function pageErrors(page: Page): string[] {
  return errorsByPage.get(page) ?? [];
}

/** Where the served app is (path relative to the app's root). */
export function appUrl(path = ''): string {
  return new URL(path, inject('baseUrl')).toString();
}

/** Options of {@link openApp}. */
export interface OpenAppOptions {
  /** Path relative to the app's root. */
  readonly path?: string;
  readonly viewport?: { readonly width: number; readonly height: number };
  /**
   * Remove the File System Access pickers so files go through <input type=file> and downloads,
   * which Playwright can drive (file chooser and download events).
   */
  readonly withoutPickers?: boolean;
  /** Script source run in every page of the context before any of the page's own scripts. */
  readonly initScript?: string;
}

/** Open a fresh page, in a context of its own, on the served app, recording page errors. */
export async function openApp(browser: Browser, options: OpenAppOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, acceptDownloads: true });
  if (options.withoutPickers) {
    await context.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      delete w.showOpenFilePicker;
      delete w.showSaveFilePicker;
    });
  }
  if (options.initScript) await context.addInitScript({ content: options.initScript });
  const page = await context.newPage();
  // Listening from the start turns on file-chooser interception before any click can open one
  // (enabling it lazily races the first chooser of a browser).
  if (options.withoutPickers) page.on('filechooser', () => undefined);
  recordErrors(page);
  await page.goto(appUrl(options.path));
  return page;
}
