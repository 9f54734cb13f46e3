// The UI in Chromium (playwright-core), on the browser build served by vite preview as the e2e tests do:
// lever change → chart updated, band refresh, a 1,000-replication band in the page's worker, cold start to
// the first chart, and the page's memory with ten run files opened in the Compare view.
//
// The app is measured as shipped: an init script timestamps, inside the page, each key press, each message
// to and from the simulation workers and each redraw of a chart canvas (chart.js clears the canvas at the
// start of every draw), so no product code carries benchmark hooks. The expected run of the current
// settings is computed on the page's main thread, in the task of the lever change, and sends no message:
// its update is timed from the key event to the redraw.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import {
  createInProcessRunner, ENGINE_VERSION, evaluateTask, makeRunFile, parseScenario, serializeRunFile, taskOf, type LeverValues, type RunSpec, type Uncertainty,
} from '../engine';
import { entryOf, quantile, type Entry, type Suite } from './measure';

const CHROMIUM = process.env.MOMENTUM_CHROMIUM ?? '/usr/bin/chromium';
// The flags of tests/e2e/helpers/browser.ts (this machine's closed network, no GPU).
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const VIEWPORT = { width: 1440, height: 900 };

const LEVER_CHANGES = 120;
const LEVER_CHANGES_DURING_BANDS = 60;
const BAND_CHANGES = 12;
/** Timed 1,000-replication bands per mode (two rounds of half): enough that the p95 is not simply the slowest. */
const BAND_1000_RUNS = 40;
const ROBUSTNESS_RUNS = 12;
const COLD_STARTS = 5;
const RUN_FILES = 10;

/** What the init script records in the page (times are performance.now(), ms since navigation start). */
interface Probe {
  /** Requests posted to a worker: op, id, time; and replies: id, time. */
  sent: { op: string; id: number; t: number; worker: number; replications?: number }[];
  replies: { id: number; t: number; worker: number }[];
  /** Canvas redraws: the canvas's data-testid, its text alternative at the time (the chart's caption) and the time. */
  draws: { testId: string; label: string; t: number }[];
  /** Time stamp of the latest keydown, and of the first animation frame after it (-1 until it comes). */
  key: number;
  keyFrame: number;
}

declare global {
  interface Window {
    __probe: Probe;
    __workers: Worker[];
    /** The script URL of the app's simulation workers (the first one started). */
    __workerUrl?: string | URL;
    /** Index in __workers of the app's band worker: the one the app sent its first Monte Carlo to. */
    __bandWorker?: number;
    /** The input and options of the app's latest band request. */
    __lastBandInput?: unknown;
    __lastBandOpts?: Record<string, unknown>;
    /** Set to stop the bench's own band runs (leverChangesDuringBands); cleared when the last one is done. */
    __stopBands?: boolean;
    __bandsRunning?: boolean;
  }
}

/** Installed before any page script: wraps Worker and the 2D canvas clear to timestamp what the app does. */
function instrument(): void {
  const probe: Probe = { sent: [], replies: [], draws: [], key: -1, keyFrame: -1 };
  window.__probe = probe;
  window.__workers = [];
  const Native = window.Worker;
  class TimedWorker extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      const index = window.__workers.length;
      window.__workerUrl ??= url;
      window.__workers.push(this);
      // The workers speak the engine's RPC (engine/parallel/rpc.ts): calls { call, method, args, progress? },
      // replies { call, ok, value | error } or { call, progress }. The bench's own requests below are written
      // as { id, op, input, opts, port, progress? } and read replies as { id, ok, result, error, progress }:
      // this listener, the first on every worker, gives each reply those names too (the app's client reads
      // only its own), and postMessage turns a bench request into a call.
      this.addEventListener('message', (e: MessageEvent<{ call?: number; id?: number; value?: unknown; result?: unknown; progress?: unknown }>) => {
        const d = e.data;
        if (d && typeof d === 'object' && typeof d.call === 'number') {
          d.id = d.call;
          if ('value' in d) d.result = d.value;
        }
        if (d && typeof d.id === 'number' && !('progress' in d)) probe.replies.push({ id: d.id, t: performance.now(), worker: index });
      });
      const post = this.postMessage.bind(this) as (m: unknown, t?: Transferable[]) => void;
      type Old = { op?: string; id?: number; input?: unknown; opts?: { replications?: number }; port?: unknown; progress?: boolean; [k: string]: unknown };
      type Call = { method?: string; call?: number; args?: { input?: unknown; opts?: { replications?: number } }; progress?: true };
      const asCall = (m: Old): Call => {
        const { op, id, progress, ...rest } = m;
        return { call: id, method: op, args: rest as Call['args'], ...(progress ? { progress: true as const } : {}) };
      };
      this.postMessage = ((raw: Old | Call, transfer?: Transferable[]) => {
        const message: Call = raw && typeof raw === 'object' && 'op' in raw && !('method' in raw) ? asCall(raw as Old) : (raw as Call);
        if (message?.method === 'monteCarlo') {
          window.__bandWorker ??= index;
          window.__lastBandInput = message.args?.input;
          window.__lastBandOpts = message.args?.opts;
        }
        probe.sent.push({ op: String(message?.method), id: Number(message?.call), t: performance.now(), worker: index, replications: message?.args?.opts?.replications });
        post(message, transfer);
      }) as Worker['postMessage'];
    }
  }
  window.Worker = TimedWorker as typeof Worker;
  const clear = CanvasRenderingContext2D.prototype.clearRect;
  CanvasRenderingContext2D.prototype.clearRect = function (this: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) {
    const id = this.canvas.getAttribute('data-testid');
    if (id) probe.draws.push({ testId: id, label: this.canvas.getAttribute('aria-label') ?? '', t: performance.now() });
    return clear.call(this, x, y, w, h);
  };
  window.addEventListener('keydown', (e) => {
    probe.key = e.timeStamp;
    probe.keyFrame = -1;
    // The frame that follows the key press: a chart drawn before its animation-frame callbacks is in it.
    requestAnimationFrame(() => {
      if (probe.key === e.timeStamp) probe.keyFrame = performance.now();
    });
  }, true);
  // File pickers off, so run files go through <input type=file>, which Playwright can drive.
  const w = window as unknown as Record<string, unknown>;
  delete w.showOpenFilePicker;
  delete w.showSaveFilePicker;
}

/** Uncaught errors of any page, reported at the end: a figure from a broken page would mean nothing. */
const pageErrors: string[] = [];

async function newPage(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  // Sent as source text; tsx's transform names functions through a helper the page lacks, so it gets one.
  await context.addInitScript({ content: `globalThis.__name = (target) => target;\n(${instrument.toString()})();` });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(baseUrl);
  return { context, page };
}

const probeOf = (page: Page) => page.evaluate(() => window.__probe);

/** Wait until the maturity chart is drawn after the reply to the newest request of `op` sent after `since`. */
async function drawnAfter(page: Page, op: string, since: number, replications?: number): Promise<{ sent: number; reply: number; drawn: number }> {
  const handle = await page.waitForFunction(
    ({ op, since, replications }) => {
      const p = window.__probe;
      const req = p.sent.filter((s) => s.op === op && s.t >= since && (replications === undefined || s.replications === replications)).at(-1);
      if (!req) return null;
      const reply = p.replies.find((r) => r.id === req.id && r.worker === req.worker);
      if (!reply) return null;
      const draw = p.draws.find((d) => d.testId === 'chart-maturity' && d.t >= reply.t);
      return draw ? { sent: req.t, reply: reply.t, drawn: draw.t } : null;
    },
    { op, since, replications },
    { timeout: 30_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as { sent: number; reply: number; drawn: number };
}

/** Wait until the maturity chart has been drawn with figures (its caption no longer says it is simulating); return when. */
async function firstChartWithFigures(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => window.__probe.draws.find((d) => d.testId === 'chart-maturity' && d.label !== '' && !d.label.startsWith('Simulating'))?.t ?? null,
    undefined,
    { timeout: 30_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Press an arrow key on the focused slider and wait for the maturity chart's first redraw after the key event
 * and for the first animation frame after it; return the key event's time, the redraw's and the frame's.
 */
async function pressAndWaitForChart(page: Page, key: string): Promise<{ key: number; drawn: number; frame: number }> {
  const before = await page.evaluate(() => performance.now());
  await page.keyboard.press(key);
  const handle = await page.waitForFunction(
    (since) => {
      const p = window.__probe;
      if (p.key < since || p.keyFrame < 0) return null;
      const draw = p.draws.find((d) => d.testId === 'chart-maturity' && d.t >= p.key);
      return draw ? { key: p.key, drawn: draw.t, frame: p.keyFrame } : null;
    },
    before,
    { timeout: 30_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as { key: number; drawn: number; frame: number };
}

async function coldStarts(browser: Browser, baseUrl: string, log: (line: string) => void): Promise<Entry> {
  const times: number[] = [];
  for (let i = 0; i < COLD_STARTS + 1; i++) {
    const { context, page } = await newPage(browser, baseUrl);
    const drawn = await firstChartWithFigures(page);
    await context.close();
    // The first start warms the preview server's file cache; it is not counted.
    if (i > 0) times.push(drawn);
  }
  const e = entryOf('ui: cold start to the first chart with numbers (navigation → maturity chart drawn)', 'ms', times);
  log(`${e.name}: median ${e.median.toFixed(0)} ms`);
  return e;
}

async function leverChanges(page: Page, log: (line: string) => void): Promise<Entry[]> {
  const slider = page.getByRole('slider', { name: 'Clarity of the goal' });
  await slider.focus();
  // Let the first bands settle so that the measured changes see the steady state of a drag.
  await drawnAfter(page, 'monteCarlo', 0);
  // The budgets hold with uncertainty 'all', the app's default: check that the page is in it.
  const mode = (await lastBand(page)).opts.uncertainty;
  if (mode !== 'all') throw new Error(`The app's bands use uncertainty '${String(mode)}', not 'all'.`);
  const update: number[] = [];
  let inFrame = 0;
  const sentBefore = (await probeOf(page)).sent.filter((s) => s.op === 'expected').length;
  for (let i = 0; i < LEVER_CHANGES + 10; i++) {
    const t = await pressAndWaitForChart(page, i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    // The first ten changes are the warm-up (JIT of the engine and the views on the main thread).
    if (i < 10) continue;
    update.push(t.drawn - t.key);
    if (t.drawn < t.frame) inFrame++;
  }
  // The app sends a scenario's expected runs to a worker only once they proved slow on the main thread; a
  // figure taken partly over that path would describe something else.
  const toWorker = (await probeOf(page)).sent.filter((s) => s.op === 'expected').length - sentBefore;
  if (toWorker > 0) log(`note: ${toWorker} expected runs went to the worker during the lever changes (the app judged the scenario slow here)`);
  const out = [
    entryOf("ui: expected-value update, lever change (key event) → chart drawn (run on the main thread, React, chart.js), uncertainty 'all'", 'ms', update, { limit: 16, on: 'p95' }),
    entryOf('ui: lever changes whose chart is drawn before the next frame\'s animation callbacks (share)', '%', [(100 * inFrame) / LEVER_CHANGES]),
  ];
  log(`${out[0]!.name}: median ${out[0]!.median.toFixed(1)} ms, p95 ${out[0]!.p95.toFixed(1)} ms over ${out[0]!.runs}`);
  log(`${out[1]!.name}: ${out[1]!.median.toFixed(0)}%`);
  return out;
}

async function bandRefreshes(page: Page, log: (line: string) => void): Promise<Entry[]> {
  const refresh: number[] = [];
  const settled: number[] = [];
  let replications = 0;
  for (let i = 0; i < BAND_CHANGES + 2; i++) {
    const before = await page.evaluate(() => performance.now());
    await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    // The full band run is the larger of the two the view sends after a change settles.
    const full = await page.waitForFunction((since) => {
      const reqs = window.__probe.sent.filter((s) => s.op === 'monteCarlo' && s.t >= since);
      return reqs.length >= 2 ? Math.max(...reqs.map((r) => r.replications ?? 0)) : null;
    }, before, { timeout: 30_000, polling: 'raf' });
    replications = (await full.jsonValue()) as number;
    const t = await drawnAfter(page, 'monteCarlo', before, replications);
    const key = (await probeOf(page)).key;
    if (i < 2) continue;
    refresh.push(t.drawn - t.sent);
    settled.push(t.drawn - key);
  }
  const out = [
    entryOf(`ui: band refresh, the view's ${replications}-replication bands, request sent → chart drawn`, 'ms', refresh),
    entryOf(`ui: lever change → full bands drawn (includes the view's settle pause and its quick first estimate)`, 'ms', settled),
  ];
  for (const e of out) log(`${e.name}: median ${e.median.toFixed(0)} ms, p95 ${e.p95.toFixed(0)} ms`);
  return out;
}

/** One timed sample: request → last reply, and request → the band worker's own share done (its last progress report). */
interface Timed {
  readonly total: number;
  readonly own: number | null;
}

/**
 * Post requests to a worker of the page, sample after sample (a sample's requests go together: the worker
 * queues them, and the sample ends with its last reply); return each sample's times after `warmup` samples.
 */
async function timedRequests(page: Page, worker: 'band' | 'pair', bodies: Record<string, unknown>[][], warmup: number): Promise<Timed[]> {
  return (await page.evaluate(async ({ worker, bodies, warmup }) => {
    if (window.__bandWorker === undefined) throw new Error('No band request seen yet.');
    // 'pair': a band worker of the app's own script with one helper attached, as the app sets them up where it
    // has cores to spare (createBandLane), so that each request is split between the two.
    let helper: Worker | undefined;
    let target = window.__workers[window.__bandWorker]!;
    if (worker === 'pair') {
      target = new Worker(window.__workerUrl!, { type: 'module' });
      helper = new Worker(window.__workerUrl!, { type: 'module' });
      const channel = new MessageChannel();
      helper.postMessage({ id: 1, op: 'serveParts', port: channel.port2 }, [channel.port2]);
      target.postMessage({ id: 1, op: 'attachHelper', port: channel.port1 }, [channel.port1]);
    }
    let next = 1_000_000_000 + Math.floor(Math.random() * 1_000_000) * 16;
    type Reply = { id: number; progress?: [number, number]; ok?: boolean; error?: string };
    const ask = (body: Record<string, unknown>) =>
      new Promise<number | null>((resolve, reject) => {
        const id = next++;
        let own: number | null = null;
        const on = (e: MessageEvent<Reply>) => {
          if (e.data?.id !== id) return;
          if (e.data.progress) {
            if (e.data.progress[0] === e.data.progress[1]) own = performance.now();
            return;
          }
          target.removeEventListener('message', on);
          if (e.data.ok === false) reject(new Error(e.data.error));
          else resolve(own);
        };
        target.addEventListener('message', on);
        target.postMessage({ ...body, id });
      });
    const out: { total: number; own: number | null }[] = [];
    for (let i = 0; i < bodies.length; i++) {
      const t0 = performance.now();
      const owns = await Promise.all(bodies[i]!.map(ask));
      const t1 = performance.now();
      if (i >= warmup) out.push({ total: t1 - t0, own: owns[0] === null || owns[0] === undefined ? null : owns[0] - t0 });
    }
    if (helper) {
      target.terminate();
      helper.terminate();
    }
    return out;
  }, { worker, bodies, warmup })) as Timed[];
}

/** Return the median and p95 of some times, as text. */
function spread(times: readonly number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `median ${quantile(sorted, 0.5).toFixed(0)} ms, p95 ${quantile(sorted, 0.95).toFixed(0)} ms`;
}

/** The input and options of the app's latest band request, as the page sent them. */
async function lastBand(page: Page): Promise<{ input: unknown; opts: Record<string, unknown> }> {
  const band = await page.evaluate(() => ({ input: window.__lastBandInput, opts: window.__lastBandOpts }));
  if (!band.input || !band.opts) throw new Error('The band request was not captured.');
  return band as { input: unknown; opts: Record<string, unknown> };
}

async function thousandReplicationBands(page: Page, log: (line: string) => void): Promise<Entry[]> {
  // Ask the page's own band worker (the one that computes the bands, with its helper) for 1,000 replications of
  // the current settings and the app's band options, with ids the app does not use; time request → reply
  // (transfer included). Each mode in turn, then each again, so that a slow spell of the shared machine falls
  // on both; and beside them the same requests to a band worker with one helper, to judge the split (the app
  // splits only where it has a core beyond the main thread's and the band worker's: helperCount).
  const { input, opts } = await lastBand(page);
  // A band worker reports progress of its own share, so each split sample also says when that share was done:
  // what comes after it is the wait for the helper's part, the shared merge and the transfer back.
  const body = (uncertainty: Uncertainty, i: number) => [{ op: 'monteCarlo', input, opts: { ...opts, replications: 1000, seed: 20_201 + i, uncertainty }, progress: true }];
  const samples: Record<'noise' | 'all' | 'split', Timed[]> = { noise: [], all: [], split: [] };
  for (let round = 0; round < 2; round++) {
    for (const u of ['noise', 'all'] as const) {
      samples[u].push(...(await timedRequests(page, 'band', Array.from({ length: BAND_1000_RUNS / 2 + 2 }, (_, i) => body(u, i)), 2)));
    }
    samples.split.push(...(await timedRequests(page, 'pair', Array.from({ length: BAND_1000_RUNS / 2 + 2 }, (_, i) => body('all', i)), 2)));
  }
  const times = { noise: samples.noise.map((t) => t.total), all: samples.all.map((t) => t.total), split: samples.split.map((t) => t.total) };
  const own = samples.split.filter((t) => t.own !== null);
  log(`  split: request → band worker's own share done ${spread(own.map((t) => t.own!))}; own share done → reply ${spread(own.map((t) => t.total - t.own!))}`);
  const out = [
    entryOf("ui: 1,000-replication band in the page's worker (the series the view charts), uncertainty 'noise', request → reply", 'ms', times.noise, { limit: 100, on: 'p95' }),
    entryOf("ui: 1,000-replication band in the page's worker (the series the view charts), uncertainty 'all', request → reply", 'ms', times.all, { limit: 100, on: 'p95' }),
    entryOf("ui: the same 'all' band split between a band worker and one helper worker, request → reply", 'ms', times.split),
  ];
  for (const e of out) log(`${e.name}: median ${e.median.toFixed(0)} ms, p95 ${e.p95.toFixed(0)} ms over ${e.runs}`);
  return out;
}

async function robustnessChecks(page: Page, log: (line: string) => void): Promise<Entry> {
  // A robustness check as the app makes it: two paired 1,000-replication Monte Carlos of uncertainty 'all'
  // (KPIs only) in the band worker, the scenario and a what-if, then the comparison (engine/robustness.ts: a
  // pass over the paired KPI values and a sort of the gains), all timed from the requests to the share.
  const { input } = await lastBand(page);
  const what = input as { levers: Record<string, number> };
  const whatIf = { ...what, levers: { ...what.levers, 'leadership.ownership': 3 } };
  const times = (await page.evaluate(async ({ runs, input, whatIf }) => {
    const band = window.__workers[window.__bandWorker!]!;
    let next = 4_000_000_000;
    type Reply = { id: number; ok?: boolean; error?: string; progress?: unknown; result?: { kpis: Record<string, { values: Float64Array }> } };
    const ask = (body: Record<string, unknown>) =>
      new Promise<Reply>((resolve, reject) => {
        const id = next++;
        const on = (e: MessageEvent<Reply>) => {
          if (e.data?.id !== id || 'progress' in e.data) return;
          band.removeEventListener('message', on);
          if (e.data.ok === false) reject(new Error(e.data.error));
          else resolve(e.data);
        };
        band.addEventListener('message', on);
        band.postMessage({ ...body, id });
      });
    const out: number[] = [];
    for (let i = 0; i < runs + 2; i++) {
      const opts = { replications: 1000, seed: 5 + i, uncertainty: 'all', series: [] };
      const t0 = performance.now();
      const [a, b] = await Promise.all([ask({ op: 'monteCarlo', input, opts }), ask({ op: 'monteCarlo', input: whatIf, opts })]);
      const x = a.result!.kpis.maturityAtHorizon!.values, y = b.result!.kpis.maturityAtHorizon!.values;
      const gains = new Float64Array(x.length);
      let wins = 0;
      for (let r = 0; r < x.length; r++) {
        gains[r] = y[r]! - x[r]!;
        if (gains[r]! > 0) wins++;
      }
      gains.sort();
      if (!(wins >= 0 && gains.length === 1000)) throw new Error('The robustness check read no KPI values.');
      if (i >= 2) out.push(performance.now() - t0);
    }
    return out;
  }, { runs: ROBUSTNESS_RUNS, input, whatIf })) as number[];
  const e = entryOf("ui: robustness over 1,000 paired draws in the page's band worker (two Monte Carlos, uncertainty 'all', KPIs only, and the comparison)", 'ms', times, { limit: 1000, on: 'p95' });
  log(`${e.name}: median ${e.median.toFixed(0)} ms, p95 ${e.p95.toFixed(0)} ms over ${e.runs}`);
  return e;
}

async function leverChangesDuringBands(page: Page, log: (line: string) => void): Promise<Entry> {
  // The update must stay quick while bands compute (a drag never waits for bands): the band worker (and its
  // helpers, on machines with cores to spare) shares the cores with the main thread, which runs the expected run itself. Keep them busy with
  // 1,000-replication bands of the current settings, one after another, and time lever changes meanwhile.
  await page.evaluate(() => {
    const band = window.__workers[window.__bandWorker!]!;
    let next = 3_000_000_000;
    const once = () =>
      new Promise<void>((resolve) => {
        const id = next++;
        const on = (e: MessageEvent<{ id: number; progress?: unknown }>) => {
          if (e.data?.id !== id || 'progress' in e.data) return;
          band.removeEventListener('message', on);
          resolve();
        };
        band.addEventListener('message', on);
        band.postMessage({ id, op: 'monteCarlo', input: window.__lastBandInput, opts: { ...window.__lastBandOpts, replications: 1000, seed: next } });
      });
    window.__stopBands = false;
    window.__bandsRunning = true;
    void (async () => {
      while (!window.__stopBands) await once();
      window.__bandsRunning = false;
    })();
  });
  const times: number[] = [];
  for (let i = 0; i < LEVER_CHANGES_DURING_BANDS + 5; i++) {
    const t = await pressAndWaitForChart(page, i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    if (i >= 5) times.push(t.drawn - t.key);
  }
  await page.evaluate(() => {
    window.__stopBands = true;
  });
  await page.waitForFunction(() => window.__bandsRunning === false, undefined, { timeout: 30_000 });
  const e = entryOf("ui: expected-value update, lever change → chart drawn, while 1,000-replication bands of uncertainty 'all' compute in the workers", 'ms', times);
  log(`${e.name}: median ${e.median.toFixed(1)} ms, p95 ${e.p95.toFixed(1)} ms over ${e.runs}`);
  return e;
}

async function workerRoundTrip(page: Page, log: (line: string) => void): Promise<Entry> {
  // A request the worker refuses at once (no such operation): what remains is the cost of the two messages
  // and of waking the worker's thread, the floor under every request to a worker (the baseline's and pins'
  // expected runs, and a slow scenario's live ones), and what the main-thread run saves.
  const times = (await page.evaluate(async (runs) => {
    const p = window.__probe;
    // The interactive worker: the one that computed the scenario's baseline.
    const last = p.sent.filter((s) => s.op === 'expected').at(-1);
    if (!last) throw new Error('No expected-run request seen yet.');
    const worker = window.__workers[last.worker]!;
    const out: number[] = [];
    for (let i = 0; i < runs + 5; i++) {
      const id = 2_000_000_000 + i;
      const t0 = performance.now();
      await new Promise<void>((resolve) => {
        const on = (e: MessageEvent<{ id: number }>) => {
          if (e.data?.id !== id) return;
          worker.removeEventListener('message', on);
          resolve();
        };
        worker.addEventListener('message', on);
        worker.postMessage({ id, op: 'no-such-operation' });
      });
      if (i >= 5) out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 5));
    }
    return out;
  }, 60)) as number[];
  const e = entryOf('ui: worker round trip with no work (message latency floor)', 'ms', times);
  log(`${e.name}: median ${e.median.toFixed(2)} ms, p95 ${e.p95.toFixed(2)} ms`);
  return e;
}

async function runFiles(dir: string): Promise<string[]> {
  const parsed = parseScenario(readFileSync(new URL('../scenarios/milton-keynes.momentum', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('scenarios/milton-keynes.momentum does not parse.');
  const runner = createInProcessRunner();
  const paths: string[] = [];
  for (let i = 0; i < RUN_FILES; i++) {
    const overrides: LeverValues = { 'priorities.concurrent': 2 + 3 * i, 'goal.clarity': (i % 5) / 4 };
    const spec: RunSpec = { label: `What-if ${i + 1}`, scenario: parsed.scenario, overrides, method: 'monte-carlo', seed: 7 + i, replications: 200 };
    const summary = await evaluateTask(taskOf(spec), runner);
    const file = makeRunFile(spec, summary, { engineVersion: ENGINE_VERSION, savedAt: '2026-11-26T08:00:00.000Z', notes: '' });
    const path = join(dir, `what-if-${i + 1}.run.json`);
    writeFileSync(path, serializeRunFile(file));
    paths.push(path);
  }
  return paths;
}

async function usedHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    samples.push((await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20);
  }
  await cdp.detach();
  return samples.sort((a, b) => a - b)[1]!;
}

async function compareMemory(browser: Browser, baseUrl: string, dir: string, log: (line: string) => void): Promise<Entry[]> {
  const files = await runFiles(dir);
  const after: number[] = [];
  const growth: number[] = [];
  let open = 0;
  for (let round = 0; round < 3; round++) {
    const { context, page } = await newPage(browser, baseUrl);
    await firstChartWithFigures(page);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('heading', { name: 'Compare runs', level: 1 }).waitFor();
    const empty = await usedHeap(page);
    let offered = 0;
    for (const f of files) {
      const button = page.getByRole('button', { name: 'Open run file…' });
      // The view holds a limited number of runs and disables opening more.
      if (await button.isDisabled()) break;
      const chooser = page.waitForEvent('filechooser');
      await button.click();
      await (await chooser).setFiles(f);
      offered++;
      await page.getByRole('status').filter({ hasText: new RegExp(`Opened what-if-${offered}\\.run\\.json`) }).waitFor();
    }
    const rows = page.getByRole('table', { name: 'Open runs' }).locator(':scope > tbody > tr');
    open = await rows.count();
    if (open !== offered) throw new Error(`Compare shows ${open} runs after ${offered} were opened.`);
    // Every open run is re-simulated on opening: wait until the workers have answered every request.
    await page.waitForFunction(() => window.__probe.sent.every((s) => window.__probe.replies.some((r) => r.id === s.id && r.worker === s.worker)), undefined, { timeout: 60_000 });
    const full = await usedHeap(page);
    after.push(full);
    growth.push(full - empty);
    await context.close();
  }
  const out = [
    entryOf(`ui: page JS heap with ${open} runs open in Compare (${RUN_FILES} offered; the view holds ${open})`, 'MiB', after),
    entryOf(`ui: page JS heap growth from an empty Compare view to ${open} open runs`, 'MiB', growth),
  ];
  for (const e of out) log(`${e.name}: median ${e.median.toFixed(1)} MiB`);
  return out;
}

/** UI timings in Chromium. */
export const UI_SUITE: Suite = {
  id: 'ui',
  summary: 'Chromium: lever change → chart, band refresh, 1,000-replication band, cold start, memory in Compare',
  async run(log) {
    const outDir = mkdtempSync(join(tmpdir(), 'momentum-bench-ui-'));
    const files = mkdtempSync(join(tmpdir(), 'momentum-bench-runs-'));
    let server: PreviewServer | undefined;
    let browser: Browser | undefined;
    try {
      log('building the browser renderer…');
      await build({ configFile: 'vite.config.ts', logLevel: 'error', build: { outDir, emptyOutDir: true } });
      server = await preview({ configFile: 'vite.config.ts', build: { outDir }, preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
      const baseUrl = server.resolvedUrls?.local[0];
      if (!baseUrl) throw new Error('The preview server did not report a URL.');
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
      const entries: Entry[] = [await coldStarts(browser, baseUrl, log)];
      const { context, page } = await newPage(browser, baseUrl);
      entries.push(...(await leverChanges(page, log)));
      entries.push(await workerRoundTrip(page, log));
      entries.push(...(await bandRefreshes(page, log)));
      entries.push(...(await thousandReplicationBands(page, log)));
      entries.push(await robustnessChecks(page, log));
      entries.push(await leverChangesDuringBands(page, log));
      await context.close();
      entries.push(...(await compareMemory(browser, baseUrl, files, log)));
      if (pageErrors.length > 0) throw new Error(`The app threw while being measured:\n${pageErrors.join('\n')}`);
      return entries;
    } finally {
      await browser?.close();
      await server?.close();
      rmSync(outDir, { recursive: true, force: true });
      rmSync(files, { recursive: true, force: true });
    }
  },
};
