import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createInProcessRunner, ENGINE_VERSION, LEVERS, parseRunFile, reproduceRun } from '../../engine';
import { fiveRuns, PRIORITIES } from '../analyst/run-fixtures';
import { CONCURRENT_PRIORITIES, useChromium, type App } from './helpers/ui';

const chromium = useChromium();
// One session through the Compare and Sensitivity views: each test goes on from where the one before left it.
let app: App;
let page: Page;
let files: { name: string; path: string; label: string; horizonWeeks: number }[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'momentum-runs-'));
  files = (await fiveRuns()).map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.text);
    return { name: f.name, path, label: f.run.label, horizonWeeks: f.run.scenario.horizonWeeks };
  });
  // Without the File System Access pickers, files go through <input type=file> and downloads (what Playwright can drive).
  app = await chromium.openApp({ withoutPickers: true });
  page = app.page;
  await app.goTo('Compare');
});

/** Open a run file in the Compare view through the file chooser. */
const openRunFile = (path: string) => app.chooseFile(() => page.getByRole('button', { name: 'Open run file…' }).click(), path);
/** Click a button that saves a file, and return the file downloaded: its suggested name and where it is. */
async function save(button: Locator): Promise<{ name: string; path: string }> {
  const download = await app.download(() => button.click());
  return { name: download.suggestedFilename(), path: (await download.path())! };
}

describe('Compare view (issue 7)', () => {
  it('opens five run files through the file chooser and checks each one reproduces', async () => {
    for (const f of files) {
      await openRunFile(f.path);
      await page.getByRole('status').filter({ hasText: `Opened ${f.name}` }).waitFor();
    }
    const rows = page.getByRole('table', { name: 'Open runs' }).locator(':scope > tbody > tr');
    await expect.poll(() => rows.count()).toBe(5);
    for (const f of files.slice(0, 4)) {
      await rows.filter({ has: page.getByRole('rowheader', { name: f.label, exact: true }) }).getByText('Reproduced', { exact: true }).waitFor();
    }
    // The fifth was "saved by engine 0.0.1" with other numbers: the view says so and shows both.
    const stale = rows.filter({ hasText: 'Saved last year' });
    await stale.getByText('Engine changed the numbers').waitFor();
    expect(await stale.textContent()).toMatch(/0\.0\.1 then, .+ now/);
    await expect.poll(() => stale.getByRole('table').locator('tbody tr').count()).toBeGreaterThan(0);
  });

  it('refuses a damaged run file, listing each problem in words, and opens nothing', async () => {
    const doc = JSON.parse(readFileSync(files[0]!.path, 'utf8')) as Record<string, unknown>;
    doc.replications = 'lots';
    doc.overrides = { 'no.such.lever': 3 };
    const bad = join(dirname(files[0]!.path), 'damaged.run.json');
    writeFileSync(bad, JSON.stringify(doc));
    await openRunFile(bad);
    const alert = page.getByRole('alert').filter({ hasText: 'damaged.run.json has these problems' });
    await alert.waitFor();
    const lines = await alert.locator('li').allTextContents();
    expect(lines.some((l) => l.startsWith('Replications must be'))).toBe(true);
    expect(lines.some((l) => l.includes('replications:'))).toBe(false);
    expect(await page.getByRole('table', { name: 'Open runs' }).locator(':scope > tbody > tr').count()).toBe(5);
  });

  it('shows only the settings that differ, and KPI deltas against the reference run', async () => {
    const diff = page.getByTestId('settings-diff');
    await diff.waitFor();
    const prioritiesRow = diff.locator(`tr[data-setting="${PRIORITIES}"]`);
    const cells = await prioritiesRow.locator('td').allTextContents();
    expect(cells).toHaveLength(5);
    expect(cells[1]).toMatch(/^2\b/);
    expect(cells[2]).toMatch(/^30\b/);
    // Levers left at the same value in every run are not listed.
    const listed = await diff.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-setting')));
    expect(listed.length).toBeLessThan(LEVERS.length + 1);
    expect(listed).toContain(PRIORITIES);

    const deltas = page.getByTestId('kpi-deltas');
    expect(await deltas.locator('thead th').nth(1).textContent()).toContain('Baseline (reference)');
    const firstRow = await deltas.locator('tbody tr').first().locator('td').allTextContents();
    expect(firstRow).toHaveLength(5);
    // Non-reference cells carry a bracketed difference.
    expect(firstRow.slice(1).some((t) => /\([+−0]/.test(t))).toBe(true);

    // Choosing another reference run moves the "(reference)" marker.
    await page.getByRole('radio', { name: 'Use "Two priorities" as the reference run' }).check();
    expect(await deltas.locator('thead th').nth(2).textContent()).toContain('(reference)');
    await page.getByRole('radio', { name: 'Use "Baseline" as the reference run' }).check();
  });

  it('overlays a series chosen in the series picker for every run', async () => {
    const overlay = page.getByTestId('overlay-chart');
    await expect.poll(() => overlay.getAttribute('data-lines')).toBe('5');
    const picker = page.getByRole('combobox', { name: 'Series', exact: true });
    const options = await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options.length).toBeGreaterThan(0);
    const target = options[options.length - 1]!;
    await picker.selectOption(target);
    await expect.poll(() => overlay.getAttribute('data-series')).toBe(target);
    expect(await overlay.locator('canvas').count()).toBe(1);
    await picker.selectOption(options.includes('maturity') ? 'maturity' : options[0]!);
  });

  it('attributes the gap to each differing lever and says how interactions are handled', async () => {
    await page.getByLabel('Explain the gap to').selectOption({ label: 'Two priorities and more' });
    await page.getByRole('button', { name: 'Explain the gap' }).click();
    const attribution = page.getByTestId('attribution');
    await attribution.waitFor();
    const rows = await attribution.locator('tbody tr th').allTextContents();
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('interaction-note').textContent()).toMatch(/interaction/i);
  });

  it('exports the KPIs as CSV with the documented header', async () => {
    const d = await save(page.getByRole('button', { name: 'Export KPIs CSV' }));
    expect(d.name).toBe('kpis-by-run.csv');
    const text = readFileSync(d.path, 'utf8');
    const [header, ...lines] = text.trim().split('\n');
    expect(header).toBe('run,reference,kpi,value,p10,p50,p90,delta');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.some((l) => l.startsWith('Baseline,yes,'))).toBe(true);
  });

  it('saves the current what-if as a run file that reproduces, and adds it to the comparison', async () => {
    await page.getByText('Save the current what-if as a run').click();
    const form = page.getByRole('form', { name: 'Save run' });
    await form.getByLabel('Label').fill('Board option B');
    await form.getByLabel('Notes for the board pack').fill('Preferred by the finance director.');
    await form.getByLabel('Replications').fill('30');
    const d = await save(form.getByRole('button', { name: 'Save run…' }));
    expect(d.name).toBe('board-option-b.momentum-run');
    const parsed = parseRunFile(readFileSync(d.path, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.run.label).toBe('Board option B');
    expect(parsed.run.notes).toBe('Preferred by the finance director.');
    expect(parsed.run.replications).toBe(30);
    // The file holds everything needed to reproduce it: simulate it again here and compare.
    const again = await reproduceRun(parsed.run, createInProcessRunner(), ENGINE_VERSION);
    expect(again.status).toBe('reproduced');
    const rows = page.getByRole('table', { name: 'Open runs' }).locator(':scope > tbody > tr');
    await expect.poll(() => rows.count()).toBe(6);
    await page.getByRole('button', { name: 'Close "Board option B"' }).click();
    await expect.poll(() => rows.count()).toBe(5);
    // Reopened in the app, the saved file re-simulates to the same numbers.
    await openRunFile(d.path);
    const reopened = rows.filter({ has: page.getByRole('rowheader', { name: 'Board option B', exact: true }) });
    await reopened.getByText('Reproduced', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Close "Board option B"' }).click();
    await expect.poll(() => rows.count()).toBe(5);
  });

  it('exports every series of one run as CSV', async () => {
    const d = await save(page.getByRole('button', { name: 'Export every series of "Baseline" as CSV' }));
    expect(d.name).toBe('baseline-series.csv');
    const [header, ...lines] = readFileSync(d.path, 'utf8').trim().split('\n');
    expect(header!.startsWith('week,')).toBe(true);
    expect(header).toContain('maturity.p50');
    // Week 0 to the horizon, one line each.
    expect(lines.length).toBe(files[0]!.horizonWeeks + 1);
  });

  it('exports a chart as PNG', async () => {
    const d = await save(page.getByRole('button', { name: /^Save the chart ".*" as PNG$/ }).first());
    expect(d.name).toMatch(/\.png$/);
    const bytes = readFileSync(d.path);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(5000);
  });

  it('exports a self-contained board pack with settings, KPIs, charts, insights and notes', async () => {
    await page.getByLabel('Title', { exact: true }).fill('Digital priorities: options for the board');
    await page.getByLabel("Analyst's notes").fill('We recommend option B.\n\nRisks are listed in annex 2.');
    const d = await save(page.getByRole('button', { name: 'Export board pack (HTML)' }));
    expect(d.name).toBe('digital-priorities-options-for-the-board.html');
    const html = readFileSync(d.path, 'utf8');
    expect(html).toContain('<h1>Digital priorities: options for the board</h1>');
    for (const f of files) expect(html).toContain(f.label);
    expect(html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]{1000,}"/);
    expect(html).toContain('<p>We recommend option B.</p>');
    expect(html).toContain('The plan the board approved in October.');
    expect(html).toContain('@media print');
    // The attribution computed above goes in too, with how interactions were handled.
    expect(html).toContain('>Why the runs differ</h2>');
    expect(html).toContain('How interactions are handled:');
    expect(html).not.toMatch(/(src|href)="https?:/);
    // Open the exported file on its own: it renders with its charts and nothing to fetch.
    const packPage = await page.context().newPage();
    const failed: string[] = [];
    packPage.on('requestfailed', (r) => failed.push(r.url()));
    await packPage.setContent(html);
    expect(await packPage.locator('img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
    await packPage.screenshot({ path: '/tmp/analyst-board-pack.png', fullPage: true });
    await packPage.close();
    expect(failed).toEqual([]);
  });

  it('prints the board pack from a print view', async () => {
    await page.getByRole('button', { name: 'Print board pack…' }).click();
    await page.getByText('Print view opened').waitFor();
    const frame = page.frameLocator('iframe[data-print-view]');
    expect(await frame.locator('h1').textContent()).toBe('Digital priorities: options for the board');
  });

  it('adds the current what-if to the comparison', async () => {
    await page.getByRole('button', { name: 'Add current what-if' }).click();
    const rows = page.getByRole('table', { name: 'Open runs' }).locator(':scope > tbody > tr');
    await expect.poll(() => rows.count()).toBe(6);
    await rows.last().getByText('New, not saved').waitFor();
    await expect.poll(() => page.getByTestId('overlay-chart').getAttribute('data-lines')).toBe('6');
    // Saving it from its row writes a run file and marks it saved.
    const label = (await rows.last().getByRole('rowheader').textContent())!.trim();
    const d = await save(rows.last().getByRole('button', { name: `Save "${label}" as a run file` }));
    const saved = parseRunFile(readFileSync(d.path, 'utf8'));
    expect(saved.ok && saved.run.label).toBe(label);
    await rows.last().getByText('Saved; simulated just now').waitFor();
  });

  it('reopens a closed run from the recent run files', async () => {
    const rows = page.getByRole('table', { name: 'Open runs' }).locator(':scope > tbody > tr');
    await page.getByRole('button', { name: 'Close "Thirty priorities"' }).click();
    await expect.poll(() => rows.count()).toBe(5);
    await page.getByLabel('Recent run files').selectOption({ label: 'run-3.run.json' });
    await page.getByRole('button', { name: 'Open recent' }).click();
    const back = rows.filter({ has: page.getByRole('rowheader', { name: 'Thirty priorities', exact: true }) });
    await back.getByText('Reproduced', { exact: true }).waitFor();
    expect(await rows.count()).toBe(6);
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    await page.screenshot({ path: '/tmp/analyst-compare.png', fullPage: true });
    expect(await app.seriousViolations('main')).toEqual([]);
  });
});

describe('Sensitivity view (issue 7)', () => {
  it('runs a sensitivity of a chosen KPI over every lever and shows the tornado rows', async () => {
    await app.goTo('Sensitivity');
    await page.getByLabel('What to analyse').selectOption({ label: 'Run: Baseline' });
    await page.getByLabel('Replications per setting').fill('20');
    await page.getByRole('button', { name: 'Run sensitivity' }).click();
    const table = page.getByTestId('tornado-table');
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(LEVERS.length);
    const swings = await table.locator('tbody tr td:last-child').allTextContents();
    const values = swings.map((s) => Number(s.replace(/,/g, '')));
    // Widest swing first.
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    expect(await page.locator('.sensitivity-view canvas').count()).toBe(1);
    await page.screenshot({ path: '/tmp/analyst-sensitivity.png', fullPage: true });
    expect(await app.seriousViolations('main')).toEqual([]);
  });

  it('works from the keyboard alone: choose a KPI and run again', async () => {
    const kpi = page.getByLabel('KPI', { exact: true });
    const before = await kpi.inputValue();
    await kpi.focus();
    await app.press('ArrowDown');
    const after = await kpi.inputValue();
    expect(after).not.toBe(before);
    // From the KPI select: replications, seed, then the Run button.
    await app.press('Tab', 'Tab', 'Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Run sensitivity');
    await app.press('Enter');
    const label = await kpi.locator('option:checked').textContent();
    await page.getByRole('heading', { name: `What moves ${label} most` }).waitFor();
    await expect.poll(() => page.getByTestId('tornado-table').locator('tbody tr').count()).toBe(LEVERS.length);
  });

  it('shows how many levers are done while a longer sensitivity runs', async () => {
    await page.getByLabel('What to analyse').selectOption({ label: 'Current what-if' });
    await page.getByLabel('Replications per setting').fill('60');
    // Record every value the progress bar shows, however fast the run goes.
    await page.evaluate(() => {
      const seen: { value: number; max: number }[] = [];
      (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
      const read = () => {
        const bar = document.querySelector('progress[aria-label="Sensitivity progress"]');
        if (bar) seen.push({ value: Number(bar.getAttribute('value')), max: Number(bar.getAttribute('max')) });
      };
      new MutationObserver(read).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
    });
    await page.getByRole('button', { name: 'Run sensitivity' }).click();
    await page.getByText(/^Done: \d+ levers for Current what-if/).waitFor({ timeout: 30_000 });
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: { value: number; max: number }[] }).progressSeen);
    // The worker reports each lever as it finishes: the bar moved before the result arrived, out of every lever.
    expect(Math.max(...seen.map((x) => x.value))).toBeGreaterThan(0);
    expect(new Set(seen.map((x) => x.max))).toEqual(new Set([LEVERS.length]));
    expect(await page.getByRole('progressbar', { name: 'Sensitivity progress' }).count()).toBe(0);
  });

  it('exports the sensitivity table as CSV', async () => {
    const d = await save(page.getByRole('button', { name: 'Export CSV' }));
    const text = readFileSync(d.path, 'utf8');
    expect(text.split('\n')[0]).toBe('kpi,baseline,lever,label,low,kpiAtLow,high,kpiAtHigh,swing');
    expect(text.trim().split('\n')).toHaveLength(LEVERS.length + 1);
  });

  it('keeps the tornado across views and puts it in the board pack', async () => {
    await app.goTo('Compare');
    const d = await save(page.getByRole('button', { name: 'Export board pack (HTML)' }));
    const html = readFileSync(d.path, 'utf8');
    expect(html).toMatch(/<h2 id="extra-\d-h">What moves .+ most<\/h2>/);
    expect(html.match(/<img src="data:image\/png;base64,/g)?.length).toBeGreaterThanOrEqual(2);
    await app.goTo('Sensitivity');
    await expect.poll(() => page.getByTestId('tornado-table').locator('tbody tr').count()).toBe(LEVERS.length);
    expect(await page.getByRole('note').filter({ hasText: 'have changed since this analysis' }).count()).toBe(0);
    // Moving a lever in Explore makes the analysis of the current what-if out of date, and the view says so.
    await app.goTo('Explore');
    await app.moveLever(CONCURRENT_PRIORITIES, 'ArrowRight');
    await app.goTo('Sensitivity');
    await page.getByRole('note').filter({ hasText: 'The settings of Current what-if have changed since this analysis' }).waitFor();
    expect(app.errors).toEqual([]);
  });
});
