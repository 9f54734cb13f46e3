// The app as a person uses it, for the end-to-end tests: open it, go to a view, move a lever, read a figure,
// pin a what-if, open or save a file. Tests say what the person does (app.moveLever(CONCURRENT_PRIORITIES,
// 'Home')) and what they should see; the selectors and the waiting live here, once.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, openApp, pageErrors, recordErrors, type OpenAppOptions } from './browser';

/**
 * How long to wait for a state to come on screen, and how often to look: the medians of 500 runs take a few
 * seconds, longer on a loaded two-core machine.
 */
export const WAIT = { timeout: 20_000, interval: 50 } as const;

/** A chart caption (and the chart's accessible name) while it shows the medians of the 500 runs. */
export const TYPICAL_CAPTION = /^Typical outcome \(median of 500 runs\)/;
/** The headline's basis line while the headline shows the medians of the 500 runs. */
export const TYPICAL_BASIS = /^Typical outcome: the median of 500 runs/;
/** A KPI figure of two decimals, as the table shows one once it has it (not a placeholder). */
export const FIGURE = /^\d\.\d$/;

/** A lever as the person sees it: its control's accessible name, and the id the page tags it with. */
export interface Lever {
  readonly id: string;
  readonly name: string;
}
export const CONCURRENT_PRIORITIES: Lever = { id: 'priorities.concurrent', name: 'Concurrent priorities' };
export const GOAL_CLARITY: Lever = { id: 'goal.clarity', name: 'Clarity of the goal' };

/** The folder a facilitator's page "picks" for a multi-team round: a folder of the page's own private file system. */
export const TEAM_FOLDER = 'team-round';

/**
 * An init script that answers showDirectoryPicker with {@link TEAM_FOLDER}, a real folder handle of the
 * origin's private file system that the test fills with {@link App.putInTeamFolder} (a native folder
 * dialog cannot be driven). The app reads it as it reads any folder the user picks.
 */
export const TEAM_FOLDER_PICKER = `window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle(${JSON.stringify(TEAM_FOLDER)}, { create: true });`;

/** The views of the tab bar, and the heading each opens with. */
const VIEW_HEADINGS = {
  Explore: /^Explore: /,
  Library: 'Library',
  Compare: 'Compare runs',
  Sensitivity: 'Sensitivity',
  'Edit journey': 'Edit the journey',
  'How it works': 'How it works',
} as const;
export type View = keyof typeof VIEW_HEADINGS;

/** One KPI's row of the KPI table, read in the same snapshot as the table's caption. */
export interface KpiRow {
  /** Whether the caption says the table shows the typical outcome (the medians of the runs), not the quick estimate. */
  readonly typical: boolean;
  /** The scenario as loaded. */
  readonly baseline: string;
  /** The current settings. */
  readonly current: string;
  /** The pinned what-ifs, in column order. */
  readonly pinned: readonly string[];
}

/** The served app in one Chromium page, driven the way a person drives it. */
export class App {
  constructor(
    readonly page: Page,
    /** Where the app was opened, for the next session. */
    readonly url: string = page.url(),
  ) {}

  /** The uncaught errors the page has thrown so far. */
  get errors(): string[] {
    return pageErrors(this.page);
  }

  /** Open the app again in a new tab of the same browser profile (same storage), as the next session would. */
  async nextSession(): Promise<App> {
    const page = await this.page.context().newPage();
    recordErrors(page);
    await page.goto(this.url);
    return new App(page, this.url);
  }

  /** Return the text autosave has put aside in the scenario slot (the browser build keeps it in IndexedDB), or ''. */
  autosaved(): Promise<string> {
    return this.page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('momentum');
          open.onerror = () => resolve('');
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('autosave')) return resolve('');
            const get = db.transaction('autosave').objectStore('autosave').get('scenario');
            get.onsuccess = () => resolve((get.result as { text?: string } | undefined)?.text ?? '');
            get.onerror = () => resolve('');
          };
        }),
    );
  }

  /** Close the page's browser context, and with it every tab of this session. */
  async close(): Promise<void> {
    await this.page.context().close();
  }

  // Views and scenarios

  /** The view's heading (level 1): on Explore, "Explore: " and the scenario's title. */
  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The text of the view's heading. */
  async title(): Promise<string> {
    return (await this.heading.textContent()) ?? '';
  }

  /** The tab bar of views. */
  get views(): Locator {
    return this.page.getByRole('navigation', { name: 'Views' });
  }

  /** Switch to a view from the tab bar and wait until its heading is on screen. */
  async goTo(view: View): Promise<void> {
    await this.views.getByRole('button', { name: view }).click();
    await this.page.getByRole('heading', { name: VIEW_HEADINGS[view], level: 1 }).waitFor();
  }

  /** Open a prepared scenario from the Library, and wait until Explore shows it. */
  async openPrepared(title: string): Promise<void> {
    await this.goTo('Library');
    await this.page.getByRole('button', { name: `Open ${title}` }).click();
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  /** Open a scenario file from the Library through the file chooser (an app opened without pickers). */
  async openScenarioFile(path: string): Promise<void> {
    await this.goTo('Library');
    await this.chooseFile(() => this.page.getByRole('button', { name: 'Open a scenario file…' }).click(), path);
  }

  /** Do what opens the file chooser (a click, a key) and choose a file in it. */
  async chooseFile(open: () => Promise<unknown>, path: string): Promise<void> {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), open()]);
    await chooser.setFiles(path);
  }

  /** Do what saves a file (a click, a key) and return the download it starts. */
  async download(save: () => Promise<unknown>): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), save()]);
    return download;
  }

  /** Save a file into the team folder (as a team's laptop would, onto the shared stick), replacing one of that name. */
  async putInTeamFolder(name: string, text: string): Promise<void> {
    await this.page.evaluate(
      async ({ folder, name, text }) => {
        const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder, { create: true });
        const w = await (await dir.getFileHandle(name, { create: true })).createWritable();
        await w.write(text);
        await w.close();
      },
      { folder: TEAM_FOLDER, name, text },
    );
  }

  /** Press keys one after another, on whatever has the focus. */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /** Start presenting from the Present button, and wait for the way back out. */
  async present(): Promise<void> {
    await this.page.getByRole('button', { name: 'Present' }).click();
    await this.page.getByRole('button', { name: /Leave presentation/ }).waitFor();
  }

  // The trainer's panel

  /** The trainer's panel (briefing, reveals, challenges) of a scenario that has one. */
  get trainerPanel(): Locator {
    return this.page.locator('.trainer-panel');
  }

  /**
   * Go to a step of the trainer's reveals (the first starts them, each later one is the next) and wait until
   * the panel shows it: "Step 2 of", or "Step 2 of 5" given the count.
   */
  async reveal(step: number, of?: number): Promise<void> {
    await this.trainerPanel.getByRole('button', { name: step === 1 ? /Start reveals/ : /Next reveal/ }).click();
    await this.trainerPanel.getByText(`Step ${step} of${of === undefined ? '' : ` ${of}`}`, { exact: false }).waitFor();
  }

  // Levers

  /** A lever's slider. */
  slider(lever: Lever): Locator {
    return this.page.getByRole('slider', { name: lever.name });
  }

  /** A lever's control in the Explore view's lever list (a slider or a select). */
  leverControl(id: string): Locator {
    return this.page.locator(`.explore-levers [data-lever="${id}"] :is(input, select)`).first();
  }

  /** The value a lever shows beside its control, as written there ("1 priority"). */
  leverValue(lever: Lever): Promise<string | null> {
    return this.page.locator(`[data-lever="${lever.id}"] .lever-value`).textContent();
  }

  /** Put the keyboard on a lever's slider and press keys (Home, End, ArrowRight …). */
  async moveLever(lever: Lever, ...keys: string[]): Promise<void> {
    await this.slider(lever).focus();
    await this.press(...keys);
  }

  // Figures

  /** A chart's caption, by the chart's id (maturity, pillars, wgll, portfolio …). */
  caption(chart: string): Locator {
    return this.page.getByTestId(`caption-${chart}`);
  }

  /** A figure of the KPI table: the row of a KPI, the column of a run (baseline, current, or a pin's key). */
  kpiCell(kpi: string, column: string): Locator {
    return this.page.locator(`[data-testid="kpi-table"] tr[data-kpi="${kpi}"] td[data-column="${column}"] .kpi-value`);
  }

  /** The KPI table's column header that names a run or a pinned what-if. */
  kpiColumn(name: string): Locator {
    return this.page.locator('[data-testid="kpi-table"] thead th', { hasText: name });
  }

  /**
   * Read a KPI's row of the table and the table's caption in one snapshot. The table renders deferred and
   * switches between the quick estimate and the medians of the runs: compare figures only while `typical`.
   */
  kpiRow(kpi = 'maturity'): Promise<KpiRow> {
    return this.page.evaluate((id) => {
      const table = document.querySelector('[data-testid="kpi-table"]');
      const cells = Array.from(table?.querySelectorAll(`tr[data-kpi="${id}"] td`) ?? [], (td) => td.querySelector('.kpi-value')?.textContent ?? '');
      return {
        typical: /typical outcome/.test(table?.querySelector('caption')?.textContent ?? ''),
        baseline: cells[0] ?? '',
        current: cells[1] ?? '',
        pinned: cells.slice(2),
      };
    }, kpi);
  }

  /** A KPI's row of the table while it shows the typical outcome, else undefined (see {@link kpiRow}). */
  async typicalKpiRow(kpi = 'maturity'): Promise<KpiRow | undefined> {
    const row = await this.kpiRow(kpi);
    return row.typical ? row : undefined;
  }

  /**
   * Wait for the typical outcome: the maturity chart shows the medians of the 500 runs (its line is then their
   * median) and the KPI table has the scenario as loaded.
   */
  async waitForTypicalOutcome(): Promise<void> {
    await expect.poll(() => this.caption('maturity').textContent(), WAIT).toMatch(/^Typical outcome \(median of 500 runs\): with your settings, maturity reaches \d\.\d of 5/);
    await expect.poll(() => this.kpiCell('maturity', 'baseline').textContent(), WAIT).toMatch(FIGURE);
  }

  /** Wait until the headline shows the medians of the 500 runs (not the quick estimate of settings just moved). */
  async waitForTypicalHeadline(): Promise<void> {
    await expect.poll(() => this.page.getByTestId('headline-basis').textContent(), WAIT).toMatch(TYPICAL_BASIS);
  }

  /** Pin the current what-if, under a name if one is given (else the app names it). */
  async pinWhatIf(name?: string): Promise<void> {
    if (name !== undefined) await this.page.getByLabel('Name for this what-if').fill(name);
    await this.page.getByRole('button', { name: 'Pin what-if' }).click();
  }

  // Sensitivity: which assumptions matter

  /** Open the Sensitivity view's "Which assumptions matter" tab from the keyboard (the tabs' arrow keys). */
  async openAssumptions(): Promise<void> {
    await this.goTo('Sensitivity');
    await this.page.getByRole('tab', { name: 'Levers' }).focus();
    await this.press('ArrowRight');
    await this.page.getByRole('tab', { name: 'Which assumptions matter', selected: true }).waitFor();
  }

  /** Run the assumption screening of the chosen KPI with `replications` per point, and wait until it starts. */
  async findAssumptionsThatMatter(replications: number): Promise<void> {
    await this.page.getByLabel('Replications per point').fill(String(replications));
    await this.page.getByRole('button', { name: 'Find which assumptions matter' }).click();
    await this.page.getByRole('button', { name: 'Cancel' }).or(this.page.getByTestId('assumption-ranking')).first().waitFor(WAIT);
  }

  /** The rows of the ranking of assumptions, largest effect first. */
  get assumptionRows(): Locator {
    return this.page.getByTestId('assumption-ranking').locator('tbody tr');
  }

  /** The status line of the Sensitivity view's analysis ("Done: …", "Stopped: …"). */
  get analysisStatus(): Locator {
    return this.page.getByRole('tabpanel').getByRole('status').first();
  }

  // Checks

  /** The accessibility violations axe-core rates serious or critical, on the whole page or within `selector`. */
  async seriousViolations(selector?: string): Promise<string[]> {
    const axe = new AxeBuilder({ page: this.page });
    const result = await (selector ? axe.include(selector) : axe).analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }
}

/** The Chromium of one test file: launched before its tests, closed after them. */
export class Chromium {
  #browser: Browser | undefined;

  /** The running browser (only inside tests and hooks). */
  get browser(): Browser {
    if (!this.#browser) throw new Error('Chromium is not running: use the browser inside a test or a hook.');
    return this.#browser;
  }

  /** Launch (the file's beforeAll). */
  async launch(): Promise<void> {
    this.#browser = await launchChromium();
  }

  /** Close (the file's afterAll). */
  async quit(): Promise<void> {
    await this.#browser?.close();
  }

  /** Open the app in a fresh page of its own browser context (1440×900 unless told). */
  async openApp(options: OpenAppOptions = {}): Promise<App> {
    const page = await openApp(this.browser, options);
    return new App(page);
  }

  /** Open the app on Explore and wait for the typical outcome of the scenario it opens with. */
  async openExplore(options: OpenAppOptions = {}): Promise<App> {
    const app = await this.openApp(options);
    await app.heading.waitFor();
    await app.waitForTypicalOutcome();
    return app;
  }
}

/** Launch Chromium before the calling test file's tests and close it after them. */
export function useChromium(): Chromium {
  const chromium = new Chromium();
  beforeAll(() => chromium.launch());
  afterAll(() => chromium.quit());
  return chromium;
}
