import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MAX_HORIZON_WEEKS, SCENARIO_LIMITS, parseScenario, scenarioToInput, simulateExpected, type RunResult, type Scenario } from '../../engine';
import { EVENT_LIST_SHOWN } from '../../renderer/src/components/event-list';
import { formatNumber } from '../../renderer/src/model/format';
import { formatKpi, KPI_TABLE, kpiValue } from '../../renderer/src/components/kpi-meta';
import { INLINE_SLOW_IN_A_ROW, INLINE_WARMUP_RUNS } from '../../renderer/src/sim/inline-expected';
import { FIGURE, useChromium, type App } from './helpers/ui';

// The Explore view computes the expected run of the current settings on the main thread, and sends a
// scenario's runs back to the simulation worker once they prove slow (renderer/src/sim/inline-expected.ts).
// These tests drive that switch in Chromium with a clock the test controls, and open a scenario at the
// format's limits the way a user would.

const chromium = useChromium();

const WAIT = { timeout: 30_000, interval: 50 };
const LEVER = 'priorities.concurrent';
/** Lever steps taken with the real clock, all within the session's warm-up runs, so real timings cannot send the scenario to the worker. */
const INLINE_STEPS = 4;

/** What the page records of its workers: every request posted, and every reply to one. */
interface Probe {
  readonly sent: { op: string; id: number; worker: number; levers?: Record<string, number> }[];
  readonly replies: { id: number; worker: number; maturity?: number }[];
}

declare global {
  interface Window {
    __workerLog: Probe;
    /** Set: every read of performance.now() moves the clock 10 ms further, so every timed run looks slow. */
    __momentumSlowClock?: boolean;
  }
}

// Installed before any page script (as source text: the test transform's helpers do not exist in the page).
// - The clock: inline-expected.ts times a run with two reads of performance.now(), so once the flag is set
//   every inline run measures at least 10 ms, over the 6 ms limit and under the 50 ms one.
// - The workers: every call (the engine's RPC, engine/parallel/rpc.ts: { call, method, args }) is recorded
//   with the levers of an expected run's input, and every reply ({ call, ok, value }) with the maturity it
//   carries, tagged by worker (each worker's client numbers its calls from 1).
// - The bands' Monte Carlo requests are never delivered, so the view keeps showing the quick estimate,
//   which is the expected run; otherwise the medians of the bands would replace it at a moment the test
//   cannot choose.
const INIT_SCRIPT = `(() => {
  const realNow = performance.now.bind(performance);
  let skew = 0;
  performance.now = () => {
    if (window.__momentumSlowClock) skew += 10;
    return realNow() + skew;
  };
  const probe = { sent: [], replies: [] };
  window.__workerLog = probe;
  const index = new WeakMap();
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (!index.has(this)) {
      const worker = (probe.workers = (probe.workers || 0) + 1);
      index.set(this, worker);
      this.addEventListener('message', (e) => {
        const d = e.data;
        if (d && typeof d.call === 'number' && !('progress' in d)) {
          const maturity = d.ok && d.value && d.value.kpis ? d.value.kpis.maturityAtHorizon : undefined;
          probe.replies.push({ id: d.call, worker, maturity });
        }
      });
    }
    const op = String(message && message.method);
    probe.sent.push({ op, id: Number(message && message.call), worker: index.get(this), levers: op === 'expected' ? { ...message.args.input.levers } : undefined });
    if (op === 'monteCarlo') return;
    return post.call(this, message, ...rest);
  };
})();`;

/** Open the app with the probe installed before any of its scripts. */
async function openProbed(withoutPickers = false): Promise<App> {
  const app = await chromium.openApp({ withoutPickers, initScript: INIT_SCRIPT });
  await app.heading.waitFor();
  expect(await app.page.evaluate(() => typeof window.__workerLog)).toBe('object');
  return app;
}

const probeOf = (page: Page): Promise<Probe> => page.evaluate(() => window.__workerLog);
const slider = (page: Page) => page.locator(`[data-lever="${LEVER}"] input[type="range"]`);

/** What the view shows of the current run: the maturity chart's caption, its accessible name, the headline and the KPI table's current column. */
async function shown(page: Page): Promise<{ caption: string; chartLabel: string; headline: string; table: string[] }> {
  return page.evaluate((ids) => {
    const text = (sel: string) => document.querySelector(sel)?.textContent ?? '';
    return {
      caption: text('[data-testid="caption-maturity"]'),
      chartLabel: document.querySelector('[data-testid="chart-maturity"]')?.getAttribute('aria-label') ?? '',
      headline: text('[data-testid="headline"] [data-kpi="maturity"] .headline-value'),
      table: ids.map((id) => text(`[data-testid="kpi-table"] tr[data-kpi="${id}"] td[data-column="current"] .kpi-value`)),
    };
  }, KPI_TABLE.map((k) => k.id));
}

/** What the view should show for a run the engine computed here, in Node, from the same scenario and settings. */
function expectedShown(run: RunResult): { caption: string; headline: string; table: string[] } {
  const maturity = run.series.maturity!;
  const years = Math.round(run.horizonWeeks / 52);
  const maturityMeta = KPI_TABLE.find((k) => k.id === 'maturity')!;
  return {
    caption: `Quick estimate (noise off): with your settings, maturity reaches ${formatNumber(maturity[maturity.length - 1]!, 1)} of 5 by year ${years}`,
    headline: formatKpi(maturityMeta, kpiValue(run, maturityMeta.ids)),
    table: KPI_TABLE.map((k) => formatKpi(k, kpiValue(run, k.ids))),
  };
}

/** Wait until the chart, headline and table show the engine's expected run of `scenario` with the lever at `value`. */
async function waitUntilShowing(page: Page, scenario: Scenario, value: number): Promise<RunResult> {
  const run = simulateExpected(scenarioToInput(scenario, { [LEVER]: value }));
  const want = expectedShown(run);
  await expect
    .poll(async () => {
      const s = await shown(page);
      return { caption: s.caption.slice(0, want.caption.length), headline: s.headline, table: s.table, labelled: s.chartLabel === s.caption };
    }, WAIT)
    .toEqual({ ...want, labelled: true });
  return run;
}

/** Press a key on the lever and wait until it has moved; return its new value. */
async function step(page: Page, key: 'ArrowRight' | 'ArrowLeft'): Promise<number> {
  const before = await slider(page).inputValue();
  await page.keyboard.press(key);
  await expect.poll(() => slider(page).inputValue(), WAIT).not.toBe(before);
  return Number(await slider(page).inputValue());
}

/** Return the expected-run requests sent after the first `from` requests. */
const expectedSince = (probe: Probe, from: number) => probe.sent.slice(from).filter((s) => s.op === 'expected');

/** Return the prepared scenario the app opened on, found by its title at the end of the view's heading ("Explore: <title>"). */
function openedScenario(heading: string): Scenario {
  let found: Scenario | undefined;
  for (const file of readdirSync('scenarios').filter((f) => f.endsWith('.momentum'))) {
    const parsed = parseScenario(readFileSync(join('scenarios', file), 'utf8'));
    if (parsed.ok && heading.endsWith(parsed.scenario.title) && parsed.scenario.title.length > (found?.title.length ?? 0)) found = parsed.scenario;
  }
  if (!found) throw new Error(`No prepared scenario is named by the heading "${heading}".`);
  return found;
}

describe('Explore: the expected run on the main thread, and its fallback to the worker', () => {
  it('runs lever steps inline, sends them to the worker once the runs prove slow, and the chart and headline keep following the slider', { timeout: 180_000 }, async () => {
    const app = await openProbed();
    const { page } = app;
    const scenario = openedScenario(await app.title());
    const start = Number(await slider(page).inputValue());
    await waitUntilShowing(page, scenario, start);
    // The scenario as loaded has its expected run computed by the worker once: the probe sees the
    // requests of that kind (so the absence of any below means something).
    await expect.poll(async () => (await probeOf(page)).sent.filter((s) => s.op === 'expected').length, WAIT).toBeGreaterThan(0);
    await expect.poll(() => app.kpiCell('maturity', 'baseline').textContent(), WAIT).toMatch(FIGURE);

    // With the real clock, lever steps are computed in the page: no expected run goes to a worker.
    await slider(page).focus();
    const inlineFrom = (await probeOf(page)).sent.length;
    const seen = new Set<string>();
    for (let i = 0; i < INLINE_STEPS; i++) {
      const value = await step(page, 'ArrowRight');
      await waitUntilShowing(page, scenario, value);
      seen.add((await shown(page)).table.join('|'));
    }
    expect(expectedSince(await probeOf(page), inlineFrom)).toEqual([]);

    // Every timed run now looks slow. After the rule's warm-up and its slow runs in a row, lever steps go to
    // the worker; until then they stay inline. Each step's figures are the engine's for the new setting.
    await page.evaluate(() => {
      window.__momentumSlowClock = true;
    });
    // The session's warm-up runs and the slow runs in a row, with room to spare: the lever has 40 positions.
    let fallbackAt = -1;
    for (let i = 0; i < INLINE_WARMUP_RUNS + INLINE_SLOW_IN_A_ROW + 4 && fallbackAt < 0; i++) {
      const from = (await probeOf(page)).sent.length;
      const value = await step(page, 'ArrowRight');
      await waitUntilShowing(page, scenario, value);
      seen.add((await shown(page)).table.join('|'));
      if (expectedSince(await probeOf(page), from).length > 0) fallbackAt = i;
    }
    expect(fallbackAt, 'no lever step went to the worker while every run measured slow').toBeGreaterThanOrEqual(0);
    // Not before its time: the session's first runs (one when the view opened, one per step so far) are
    // judged by the 50 ms limit only, and after them it takes INLINE_SLOW_IN_A_ROW slow runs in a row. An
    // earlier switch means the warm-up or the streak is not honoured, or steps run the engine more than once.
    expect(fallbackAt).toBeGreaterThanOrEqual(INLINE_WARMUP_RUNS + INLINE_SLOW_IN_A_ROW - (1 + INLINE_STEPS));

    // From then on every step is the worker's: its request carries the slider's value, and what the view
    // shows is the engine's run of that setting, which is also the worker's reply.
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowLeft', 'ArrowRight'] as const) {
      const from = (await probeOf(page)).sent.length;
      const value = await step(page, key);
      const run = await waitUntilShowing(page, scenario, value);
      seen.add((await shown(page)).table.join('|'));
      const probe = await probeOf(page);
      const requests = expectedSince(probe, from);
      expect(requests.map((r) => r.levers?.[LEVER])).toContain(value);
      const request = requests.filter((r) => r.levers?.[LEVER] === value).at(-1)!;
      const reply = probe.replies.find((r) => r.id === request.id && r.worker === request.worker);
      expect(reply?.maturity).toBeCloseTo(run.kpis.maturityAtHorizon!, 9);
    }
    // The steps changed what the view shows (the figures above were not the same throughout).
    expect(seen.size).toBeGreaterThan(1);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

describe('Explore with a scenario at the limits of the format', () => {
  const { initiatives, stages, events } = SCENARIO_LIMITS;
  it(`opens a ten-year scenario of ${initiatives} initiatives, ${stages} stages and ${events} events from a file; 30 lever steps by keyboard and the chart follows each; a file one over a limit is refused and the scenario stays`, { timeout: 240_000 }, async () => {
    const text = JSON.stringify(largeScenario(initiatives, stages, events), null, 2);
    const parsed = parseScenario(text);
    if (!parsed.ok) throw new Error(`The large scenario does not parse: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
    const scenario = parsed.scenario;
    const file = join(await mkdtemp(join(tmpdir(), 'momentum-large-')), 'large-trust.json');
    await writeFile(file, text);

    // The way a user opens a file: the Library's button, the system's file dialog.
    const app = await openProbed(true);
    const { page } = app;
    await app.openScenarioFile(file);
    await expect.poll(async () => (await app.title()).endsWith(scenario.title), WAIT).toBe(true);
    let value = Number(await slider(page).inputValue());
    expect(value).toBe(scenario.levers[LEVER]);
    await waitUntilShowing(page, scenario, value);

    // Thirty steps up, each waited for: the chart, headline and table show the engine's run of every
    // setting in turn, whether the page computed it or the worker did.
    await slider(page).focus();
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const next = await step(page, 'ArrowRight');
      expect(next).toBeGreaterThan(value);
      value = next;
      await waitUntilShowing(page, scenario, value);
      seen.add((await shown(page)).table.join('|'));
    }
    expect(seen.size).toBeGreaterThan(1);

    // The list under the chart shows the first events and, by keyboard, all of them (the run adds stage openings).
    const list = page.locator('[data-testid="chart-maturity"]').locator('xpath=ancestor::figure[1]').locator('ol.event-list');
    expect(await list.locator('li').count()).toBe(EVENT_LIST_SHOWN);
    const showAll = page.getByRole('button', { name: /^Show all \d+ events$/ }).first();
    const total = Number(/\d+/.exec((await showAll.textContent())!)![0]);
    expect(total).toBeGreaterThanOrEqual(events);
    await showAll.focus();
    await app.press('Enter');
    await expect.poll(() => list.locator('li').count(), WAIT).toBe(total);
    expect(await page.getByRole('button', { name: `Show the first ${EVENT_LIST_SHOWN} events only` }).first().getAttribute('aria-expanded')).toBe('true');

    // The Editor will not add an event past the limit, and says why.
    await app.goTo('Edit journey');
    const addEvent = page.getByRole('button', { name: '+ Add event' });
    await expect.poll(() => addEvent.isDisabled(), WAIT).toBe(true);
    expect(await page.locator(`#${await addEvent.getAttribute('aria-describedby')}`).textContent()).toBe(`A scenario holds at most ${events} events: remove one to add another.`);

    // A file with one initiative more than the limit is refused with the limit's message, and the
    // scenario open before, with the lever where the user left it, is still there.
    const over = join(await mkdtemp(join(tmpdir(), 'momentum-over-')), 'one-too-many.json');
    await writeFile(over, JSON.stringify({ ...largeScenario(initiatives + 1, stages, events), id: 'one-too-many', title: 'One initiative too many' }));
    await app.openScenarioFile(over);
    const report = page.getByRole('alert');
    await report.getByText('Could not open one-too-many.json').waitFor();
    expect(await report.locator('li').allTextContents()).toEqual([`The scenario must have at most ${initiatives} initiatives, got ${initiatives + 1}`]);
    await app.goTo('Explore');
    expect((await app.title()).endsWith(scenario.title)).toBe(true);
    expect(Number(await slider(page).inputValue())).toBe(value);
    await waitUntilShowing(page, scenario, value);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

/**
 * Return a scenario of the given size at the format's other limits: the longest horizon (MAX_HORIZON_WEEKS),
 * the strictest stage caps, `initiatives` initiatives in chains of prerequisites spread over `stages` stages
 * gated by week and by earlier work, and `events` events of every kind. The format's list limits
 * (SCENARIO_LIMITS) give the largest counts a file may hold.
 */
function largeScenario(initiatives: number, stages: number, events: number): Record<string, unknown> {
  const horizon = MAX_HORIZON_WEEKS;
  const pillars = ['patients', 'clinicians', 'support'];
  const perStage = Math.ceil(initiatives / stages);
  const kinds = ['urgency-shock', 'people-leave', 'new-chief-executive', 'funding-change'];
  return {
    $schema: './scenario.schema.json',
    schemaVersion: 2,
    id: 'large-trust',
    title: `A very large portfolio: ${initiatives} initiatives over ten years`,
    summary: 'Built by the end-to-end tests to try the app at the limits of the scenario format.',
    horizonWeeks: horizon,
    levers: { [LEVER]: 8 },
    goal: { kind: 'maturity', atLeast: 3.5 },
    stages: Array.from({ length: stages }, (_, s) => ({
      id: `stage-${s + 1}`,
      name: `Stage ${s + 1}`,
      // Each stage opens at its week once a piece of work of the stage before the last is live.
      gate: s === 0 ? [] : [{ kind: 'week', week: Math.floor((s * horizon) / (stages + 1)) }, ...(s > 1 ? [{ kind: 'initiatives-live', ids: [`work-${(s - 2) * perStage + 1}`] }] : [])],
      maxConcurrentCritical: 1 + (s % 40),
    })),
    initiatives: Array.from({ length: initiatives }, (_, i) => ({
      id: `work-${i + 1}`,
      name: `Piece of work ${i + 1}`,
      pillar: pillars[i % 3],
      effortWeeks: 4 + (i % 37),
      businessCritical: i % 5 === 0,
      prerequisites: i % 3 === 2 ? [`work-${i}`] : [],
      rollout: i % 2 ? 'pilot-then-scale' : 'big-bang',
      benefit: 0.5 + (i % 7) / 3,
      infrastructureNeed: (i % 10) / 20,
      stage: `stage-${Math.floor(i / perStage) + 1}`,
    })),
    events: Array.from({ length: events }, (_, e) => {
      const week = Math.floor(((e + 1) * (horizon - 1)) / (events + 1));
      const label = `Event ${e + 1}`;
      switch (kinds[e % 4]) {
        case 'urgency-shock':
          return { kind: 'urgency-shock', week, label, size: 0.3, priorityCap: 3, governanceRelief: 0.2 };
        case 'people-leave':
          return { kind: 'people-leave', week, label, share: 0.05 };
        case 'new-chief-executive':
          return { kind: 'new-chief-executive', week, label, ownership: e % 4 };
        default:
          return { kind: 'funding-change', week, label, factor: 0.9 + (e % 3) / 10 };
      }
    }),
  };
}
