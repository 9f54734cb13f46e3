import { AXIS_START, timeAxisTitle, yearsTickLabel } from '../../model/calendar';
import type { ChartData, ChartOptions, Scale } from 'chart.js';
import { Chart } from '../../components/chart-setup';
import { EventList } from '../../components/event-list';
import { eventLinesPlugin } from '../../components/event-lines';
import { useMemo } from 'react';
import type { InitiativeOdds, MonteCarloResult, RunResult } from '../../../../engine';
import { ChartCanvas } from '../../components/chart-canvas';
import { OKABE_ITO, STATUS_COLOURS } from '../../components/palette';
import { scenarioEvents } from './line-sets';

// Each status has a colour no line in any other chart tab uses (palette.ts): Paul Tol's green, cyan, sand and
// purple, and vermillion for failure alone.
const STATUS = {
  live: { label: 'Live', colour: STATUS_COLOURS.live },
  pilot: { label: 'Piloting', colour: STATUS_COLOURS.pilot },
  progress: { label: 'In progress', colour: STATUS_COLOURS.progress },
  failed: { label: 'Failed', colour: STATUS_COLOURS.failed },
  replanned: { label: 'Failed, re-planned after failure', colour: STATUS_COLOURS.replanned },
} as const;
/** The colour of each status on the portfolio timeline. */
export const PORTFOLIO_STATUS_COLOURS: Readonly<Record<PortfolioStatus, string>> = Object.fromEntries(Object.entries(STATUS).map(([k, v]) => [k, v.colour])) as Record<PortfolioStatus, string>;
/** What an initiative was doing over one stretch of the timeline; `replanned` is a first attempt that failed and was tried again. */
export type PortfolioStatus = keyof typeof STATUS;

/** One stretch of one initiative's timeline, in years from the start of the run. */
export interface PortfolioBar {
  readonly status: PortfolioStatus;
  readonly from: number;
  readonly to: number;
}

/** One initiative's row of the timeline: its stretches in time order (none when it never started). */
export interface PortfolioRow {
  readonly id: string;
  readonly name: string;
  /** Whether the initiative failed, was re-planned and started a second time. */
  readonly replanned: boolean;
  readonly bars: readonly PortfolioBar[];
}

/** Push the stretches of one attempt that began at `start` and did not fail: piloting, in progress, live. */
function attemptBars(out: PortfolioBar[], start: number, goLive: number, pilotWeeks: number, end: number): void {
  if (goLive < start) {
    out.push({ status: 'progress', from: start / 52, to: end / 52 });
    return;
  }
  const scale = pilotWeeks > 0 ? Math.max(start, goLive - pilotWeeks) : start;
  if (pilotWeeks > 0) out.push({ status: 'pilot', from: start / 52, to: scale / 52 });
  out.push({ status: 'progress', from: scale / 52, to: goLive / 52 });
  out.push({ status: 'live', from: goLive / 52, to: end / 52 });
}

/**
 * Return the portfolio timeline as rows of bars. A re-planned initiative gets two attempts: the first from
 * its first start to its first failure, then the retry from its latest start to its second failure, its
 * go-live or the horizon. Without the retry fields (older results) every initiative is read as one attempt.
 * `untilWeek` (a trainer's reveal week, with a timeline already cut to it) ends the open bars there instead
 * of at the horizon: a bar drawn on to the horizon would say the initiative is still in progress years later.
 */
export function portfolioRows(run: Pick<RunResult, 'timeline' | 'horizonWeeks'>, names: ReadonlyMap<string, string> = new Map(), untilWeek: number | null = null): PortfolioRow[] {
  const end = untilWeek === null ? run.horizonWeeks : Math.min(untilWeek, run.horizonWeeks);
  return run.timeline.map((o) => {
    const name = names.get(o.id) ?? o.id;
    const bars: PortfolioBar[] = [];
    const firstStart = o.firstStartWeek ?? o.startWeek;
    const lastFailed = o.lastFailedWeek ?? o.failedWeek;
    // A retry starts after the first failure; the first attempt's start is then earlier than the latest start.
    const replanned = o.startWeek >= 0 && o.failedWeek >= 0 && firstStart >= 0 && firstStart < o.startWeek && o.failedWeek <= o.startWeek;
    if (o.startWeek < 0) return { id: o.id, name, replanned, bars };
    if (replanned) {
      bars.push({ status: 'replanned', from: firstStart / 52, to: o.failedWeek / 52 });
      if (lastFailed >= o.startWeek) bars.push({ status: 'failed', from: o.startWeek / 52, to: lastFailed / 52 });
      else attemptBars(bars, o.startWeek, o.goLiveWeek, o.pilotWeeks, end);
    } else if (o.failedWeek >= 0) bars.push({ status: 'failed', from: o.startWeek / 52, to: o.failedWeek / 52 });
    else attemptBars(bars, o.startWeek, o.goLiveWeek, o.pilotWeeks, end);
    return { id: o.id, name, replanned, bars };
  });
}

/** The final state of each initiative at the end of the (shown) run, for the caption. */
export interface PortfolioCounts {
  readonly total: number;
  readonly live: number;
  readonly failed: number;
  readonly replanned: number;
}

/** Count the rows by how they end: live, failed (the last attempt failed), re-planned after a failure (whatever came of the retry). */
export function portfolioCounts(rows: readonly PortfolioRow[]): PortfolioCounts {
  let live = 0;
  let failed = 0;
  let replanned = 0;
  for (const r of rows) {
    const last = r.bars[r.bars.length - 1]?.status;
    if (last === 'live') live++;
    else if (last === 'failed' || last === 'replanned') failed++;
    if (r.replanned) replanned++;
  }
  return { total: rows.length, live, failed, replanned };
}

/**
 * Return each initiative's odds across the Monte Carlo (SPEC R11) by id, or null when there are none to show:
 * no result, or one of another portfolio than the timeline drawn (a result from before the scenario changed).
 */
export function portfolioOdds(mc: MonteCarloResult | null, run: Pick<RunResult, 'timeline'> | null): ReadonlyMap<string, InitiativeOdds> | null {
  const odds = mc?.initiatives;
  if (!odds || !run || odds.length === 0) return null;
  if (odds.length !== run.timeline.length || odds.some((o, i) => o.id !== run.timeline[i]!.id)) return null;
  return new Map(odds.map((o) => [o.id, o]));
}

/**
 * Format a share of runs as a whole percentage that never rounds to a certainty it is not: "0%" and "100%" only
 * when it is exactly so, "<1%" and ">99%" for what would round to them.
 */
export function formatShare(share: number): string {
  if (share <= 0) return '0%';
  if (share >= 1) return '100%';
  const pct = Math.round(share * 100);
  return pct === 0 ? '<1%' : pct === 100 ? '>99%' : `${pct}%`;
}

const years = (week: number) => (week / 52).toFixed(1);

/** Return when an initiative usually goes live, from its P10–P90 go-live weeks, or null when it never does. */
export function goLiveRange(o: InitiativeOdds): string | null {
  if (o.goLiveP10 === null || o.goLiveP90 === null) return null;
  const from = years(o.goLiveP10), to = years(o.goLiveP90);
  return from === to ? `usually live in year ${from}` : `usually live in year ${from}–${to} (P10–P90)`;
}

/** Return a row's label: its (shortened) name, whether it was re-planned, and its chance of being live at the end when known. */
export function rowLabel(row: Pick<PortfolioRow, 'name' | 'replanned'>, odds: InitiativeOdds | undefined, max = 26): string {
  const name = `${shorten(row.name, max)}${row.replanned ? ' (re-planned)' : ''}`;
  return odds ? `${name} · ${formatShare(odds.live)} live` : name;
}

/** The shortest a name is cut to (three letters and an ellipsis) before a label stops shrinking. */
const SHORTEST_NAME = 4;

/**
 * Return the longest label of a row that is at most `maxWidth` wide as `measure` reckons it: the name is cut
 * shorter (never below {@link SHORTEST_NAME} characters) while the re-planned mark and the "· NN% live" odds stay
 * whole, since the odds are what the room reads across. Past the shortest name the label is returned as it is.
 */
export function fitRowLabel(
  row: Pick<PortfolioRow, 'name' | 'replanned'>,
  odds: InitiativeOdds | undefined,
  maxWidth: number,
  measure: (text: string) => number,
  max = 26,
): string {
  let label = rowLabel(row, odds, max);
  for (let n = Math.min(max, row.name.length); n >= SHORTEST_NAME && measure(label) > maxWidth; n--) label = rowLabel(row, odds, n);
  return label;
}

/** Return where `name` parts from the most alike of `others`: the length of the longest prefix it shares with one. */
function partingIndex(name: string, others: readonly string[]): number {
  let at = 0;
  for (const other of others) {
    let i = 0;
    while (i < name.length && i < other.length && name[i] === other[i]) i++;
    at = Math.max(at, i);
  }
  return at;
}

/**
 * Return the labels of all rows, each fitted by {@link fitRowLabel}. Rows whose cut labels come out the same ("e-CARE
 * EPR ph…" for phases 1 and 2) are cut in the middle instead, keeping the words that tell them apart ("e-CARE…phase 1");
 * a word of fewer than four characters brings the word before it along.
 */
export function fitRowLabels(
  rows: readonly Pick<PortfolioRow, 'id' | 'name' | 'replanned'>[],
  odds: ReadonlyMap<string, InitiativeOdds> | null,
  maxWidth: number,
  measure: (text: string) => number,
  max = 26,
): string[] {
  const labels = rows.map((r) => fitRowLabel(r, odds?.get(r.id), maxWidth, measure, max));
  // What follows the name (the re-planned mark, the odds), and the name as cut: rows are alike when their cut names are.
  const suffixes = rows.map((r) => rowLabel({ name: '', replanned: r.replanned }, odds?.get(r.id)));
  const cutNames = labels.map((l, i) => l.slice(0, l.length - suffixes[i]!.length));
  return labels.map((label, i) => {
    const row = rows[i]!;
    const alike = rows.filter((r, j) => j !== i && cutNames[j] === cutNames[i] && r.name !== row.name).map((r) => r.name);
    const parts = partingIndex(row.name, alike);
    if (alike.length === 0 || parts >= row.name.length) return label;
    let from = row.name.lastIndexOf(' ', parts - 1) + 1;
    if (row.name.length - from < 4 && from > 0) from = row.name.lastIndexOf(' ', from - 2) + 1;
    if (from === 0) return label;
    const tail = row.name.slice(from);
    const suffix = suffixes[i]!;
    let cut = `…${tail}${suffix}`;
    for (let head = from - 1; head >= 1; head--) {
      const text = `${row.name.slice(0, head).trimEnd()}…${tail}${suffix}`;
      if (measure(text) <= maxWidth) {
        cut = text;
        break;
      }
    }
    return cut;
  });
}

/**
 * Return how wide the portfolio's row labels may be on a canvas `chartWidth` pixels across: chart.js gives the
 * y-axis at most half the canvas and clips what is wider at the canvas's edge; the labels get a little less than
 * that (their tick padding and marks), and the timeline keeps at least 58% of the width.
 */
export function rowLabelWidth(chartWidth: number): number {
  return Math.max(0, Math.min(chartWidth / 2 - 16, chartWidth * 0.42));
}

/** Return what the runs say of one initiative, in lines (a tooltip's, or one sentence joined by "; "). */
export function oddsLines(o: InitiativeOdds, replications: number): string[] {
  const lines = [`Live at the end in ${formatShare(o.live)} of ${replications} runs`];
  if (o.failed > 0) {
    lines.push(o.failedAtEnd > 0 ? `failed at least once in ${formatShare(o.failed)} (still failed at the end in ${formatShare(o.failedAtEnd)})` : `failed at least once in ${formatShare(o.failed)}`);
  }
  const range = goLiveRange(o);
  if (range) lines.push(range);
  return lines;
}

/** Initiatives live at the end in fewer than this share of the runs count as at risk in the caption. */
export const AT_RISK_BELOW = 0.5;
/** The caption names at most this many initiatives at risk (the least likely first). */
const AT_RISK_NAMED = 3;

/**
 * Return the caption's sentence on the initiatives most at risk: those live at the end in fewer than half the
 * runs, least likely first (the portfolio's order among equals), at most three named; or, when there are none,
 * the least likely one.
 */
export function atRiskSentence(rows: readonly Pick<PortfolioRow, 'id' | 'name'>[], odds: ReadonlyMap<string, InitiativeOdds>): string {
  const ranked = rows
    .map((r, i) => ({ name: r.name, o: odds.get(r.id), i }))
    .filter((x): x is { name: string; o: InitiativeOdds; i: number } => x.o !== undefined)
    .sort((a, b) => a.o.live - b.o.live || a.i - b.i);
  if (ranked.length === 0) return '';
  const risky = ranked.filter((x) => x.o.live < AT_RISK_BELOW);
  if (risky.length === 0) {
    return ` Every initiative is live at the end in at least half of the runs; the least likely is ${ranked[0]!.name} (${formatShare(ranked[0]!.o.live)}).`;
  }
  const named = risky.slice(0, AT_RISK_NAMED).map((x, k) => `${x.name} (${formatShare(x.o.live)}${k === 0 ? ' of runs' : ''})`);
  const more = risky.length - named.length;
  const list = named.length === 1 ? named[0]! : `${named.slice(0, -1).join(', ')} and ${named.at(-1)!}`;
  return ` Most at risk, live at the end in fewer than half of the runs: ${list}${more > 0 ? `, and ${more} more` : ''}.`;
}

const eventLines = eventLinesPlugin<'bar'>();

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const NO_NAMES: ReadonlyMap<string, string> = new Map();

/** Props of PortfolioChart. */
export interface PortfolioChartProps {
  /** The expected-value run (noise off) whose timeline is drawn. */
  readonly run: RunResult | null;
  /**
   * The full Monte Carlo of the same settings, when in: the caption then says how the replications typically
   * fare, and each row how likely the initiative is to be live at the end. Null while the runs of the settings
   * shown are not in (a lever moving) and during a reveal: the rows then carry no odds at all.
   */
  readonly typical?: MonteCarloResult | null;
  readonly names?: ReadonlyMap<string, string>;
  readonly fontSize: number;
  /** The week a trainer's reveal stops at (the run is already cut to it), or null for the whole run. */
  readonly untilWeek?: number | null;
}

/** Render the portfolio as a timeline: when each initiative started, piloted, went live or failed, and the scenario's events. */
export function PortfolioChart({ run, typical = null, names = NO_NAMES, fontSize, untilWeek = null }: PortfolioChartProps) {
  const revealWeek = run && untilWeek !== null && untilWeek < run.horizonWeeks ? untilWeek : null;
  // Every initiative gets a row, started or not, so the room sees what is still waiting.
  const rows = useMemo(() => (run ? portfolioRows(run, names, revealWeek) : []), [run, names, revealWeek]);
  // The tooltip's titles: each row's full name and re-planned mark.
  const labels = useMemo(() => rows.map((r) => rowLabel(r, undefined, Infinity)), [rows]);
  // Odds of the runs of exactly these settings, or none: odds of the previous settings beside a timeline of the
  // new ones would read as the new settings' (the Explore view passes `typical` only once its runs are in), and
  // during a reveal they are whole-run figures that would give the ending away (reveal-run.ts blanks them too).
  const odds = useMemo(() => (revealWeek === null ? portfolioOdds(typical, run) : null), [revealWeek, typical, run]);
  const replications = typical?.replications ?? 0;
  const data = useMemo<ChartData<'bar', [number, number][], string>>(() => {
    const datasets = (Object.keys(STATUS) as PortfolioStatus[]).map((status) => ({
      label: STATUS[status].label,
      backgroundColor: STATUS[status].colour,
      borderColor: OKABE_ITO.black,
      borderWidth: status === 'failed' || status === 'replanned' ? 2 : 0,
      borderSkipped: false,
      grouped: false,
      barPercentage: 0.7,
      // Each status occurs at most once per row (a first attempt that failed is 'replanned', not 'failed').
      data: rows.map((r) => {
        const b = r.bars.find((x) => x.status === status);
        return (b ? [b.from, b.to] : null) as [number, number];
      }),
    }));
    return { labels, datasets };
  }, [rows, labels]);
  const events = useMemo(
    () => scenarioEvents(run),
    [run],
  );
  const options = useMemo<ChartOptions<'bar'>>(() => {
    // The rows' labels fitted to a width, kept while these options last (a redraw at the same width measures nothing).
    const fitted = new Map<number, string[]>();
    return {
      indexAxis: 'y',
      scales: {
        x: { type: 'linear', min: 0, max: run ? run.horizonWeeks / 52 : 5, ticks: { stepSize: 1, font: { size: fontSize }, callback: (v) => yearsTickLabel(AXIS_START, Number(v)) }, title: { display: true, text: timeAxisTitle(), font: { size: fontSize } } },
        y: {
          stacked: true,
          // Long names would squeeze the timeline; the tooltip carries the full name.
          // Cut to the width the canvas has (a projector of few pixels, a narrow window): chart.js would clip them.
          ticks: {
            font: { size: fontSize },
            callback(this: Scale, _v, i) {
              const width = rowLabelWidth(this.chart.width);
              let fit = fitted.get(width);
              if (fit === undefined) {
                const ctx = this.ctx;
                const font = `${fontSize}px ${Chart.defaults.font.family ?? 'sans-serif'}`;
                fit = fitRowLabels(rows, odds, width, (text) => {
                  ctx.save();
                  ctx.font = font;
                  const w = ctx.measureText(text).width;
                  ctx.restore();
                  return w;
                });
                fitted.set(width, fit);
              }
              return fit[i] ?? '';
            },
          },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { font: { size: fontSize } } },
        tooltip: {
          // Read across a room: the tooltip's type follows the chart's, like the axes.
          titleFont: { size: fontSize },
          bodyFont: { size: fontSize - 1 },
          callbacks: {
            title: (items) => labels[items[0]?.dataIndex ?? 0] ?? '',
            // In the body's weight, above the hovered stretch: what the runs say of the whole row.
            beforeBody: (items) => {
              const o = odds?.get(rows[items[0]?.dataIndex ?? 0]?.id ?? '');
              return o ? oddsLines(o, replications) : [];
            },
            label: (item) => {
              const raw = item.raw as [number, number] | null;
              return raw ? `${item.dataset.label}: year ${raw[0].toFixed(1)} to ${raw[1].toFixed(1)}` : '';
            },
          },
        },
        // Per-chart plugin options are passed by id.
        ...({ momentumEventLines: { events, fontSize: fontSize - 1 } } as object),
      },
    };
  }, [run, events, fontSize, labels, rows, odds, replications]);
  if (!run) return <p className="muted">Simulating…</p>;
  const { total, live, failed, replanned } = portfolioCounts(rows);
  const retried = replanned === 0 ? '' : ` ${replanned} ${replanned === 1 ? 'was' : 'were'} re-planned after failure and started again (${rows.filter((r) => r.replanned).map((r) => r.name).join(', ')}).`;
  const caption =
    total === 0
      ? 'This scenario has no portfolio of initiatives.'
      : revealWeek !== null
        ? `In the quick estimate (noise off), at week ${revealWeek}: ${live} of ${total} initiatives are live, ${failed} failed so far, ${total - live - failed} not live yet.` + retried
        : `In the quick estimate (noise off), ${live} of ${total} initiatives are live by the end, ${failed} failed, ${total - live - failed} not finished.` + retried + replicationsNote(typical) +
          (odds ? atRiskSentence(rows, odds) : '');
  return (
    <figure className="chart-figure">
      {total > 0 && (
        <div className="chart-box-tall" style={{ height: `${Math.max(240, rows.length * (fontSize * 2.4) + 120)}px` }}>
          <ChartCanvasWithPlugin data={data} options={options} caption={caption} />
        </div>
      )}
      {odds && (
        // The canvas's row labels are not read out: the same odds, for screen readers.
        <ul className="sr-only" data-testid="portfolio-odds">
          {rows.map((r) => {
            const o = odds.get(r.id);
            return o ? <li key={r.id} data-initiative={r.id}>{`${rowLabel(r, o, Infinity)}: ${oddsLines(o, replications).join('; ')}.`}</li> : null;
          })}
        </ul>
      )}
      <EventList events={events} />
      <p className="chart-caption" data-testid="caption-portfolio">
        {caption}
      </p>
    </figure>
  );
}

const count = (n: number) => String(Math.round(n));

/** Say how the replications fare, since the quick estimate lets an initiative fail only when failure is more likely than not. */
function replicationsNote(mc: MonteCarloResult | null): string {
  const live = mc?.kpis.initiativesDelivered;
  const failed = mc?.kpis.initiativesFailed;
  if (!mc || !live || !failed || !Number.isFinite(live.p50) || !Number.isFinite(failed.mean)) return '';
  return (
    ` Across ${mc.replications} runs, typically ${count(live.p50)} are live and ${count(failed.p50)} failed (${failed.mean.toFixed(1)} failures on average):` +
    ' the quick estimate lets an initiative fail only when failure is more likely than not.'
  );
}

function ChartCanvasWithPlugin({ data, options, caption }: { data: ChartData<'bar', [number, number][], string>; options: ChartOptions<'bar'>; caption: string }) {
  return <ChartCanvas type="bar" data={data as ChartData<'bar'>} options={options} plugins={[eventLines]} label={caption} testId="chart-portfolio" />;
}
