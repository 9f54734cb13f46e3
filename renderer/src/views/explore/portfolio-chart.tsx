import type { ChartData, ChartOptions } from 'chart.js';
import { EventList } from '../../components/event-list';
import { eventLinesPlugin } from '../../components/event-lines';
import { useMemo } from 'react';
import type { MonteCarloResult, RunResult } from '../../../../engine';
import { ChartCanvas } from '../../components/chart-canvas';
import { OKABE_ITO } from '../../components/palette';
import { scenarioEvents } from './line-sets';

const STATUS = {
  live: { label: 'Live', colour: OKABE_ITO.bluishGreen },
  pilot: { label: 'Piloting', colour: OKABE_ITO.skyBlue },
  progress: { label: 'In progress', colour: OKABE_ITO.orange },
  failed: { label: 'Failed', colour: OKABE_ITO.vermillion },
} as const;
type Status = keyof typeof STATUS;

interface Bar {
  readonly name: string;
  readonly status: Status;
  readonly from: number;
  readonly to: number;
}

function bars(run: RunResult, names: ReadonlyMap<string, string>): Bar[] {
  const end = run.horizonWeeks / 52;
  const out: Bar[] = [];
  for (const o of run.timeline) {
    const name = names.get(o.id) ?? o.id;
    if (o.startWeek < 0) continue;
    const from = o.startWeek / 52;
    if (o.failedWeek >= 0) out.push({ name, status: 'failed', from, to: o.failedWeek / 52 });
    else if (o.goLiveWeek >= 0) {
      if (o.pilotWeeks > 0) out.push({ name, status: 'pilot', from, to: (o.goLiveWeek - o.pilotWeeks) / 52 });
      out.push({ name, status: 'progress', from: o.pilotWeeks > 0 ? (o.goLiveWeek - o.pilotWeeks) / 52 : from, to: o.goLiveWeek / 52 });
      out.push({ name, status: 'live', from: o.goLiveWeek / 52, to: end });
    } else out.push({ name, status: 'progress', from, to: end });
  }
  return out;
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
  /** The full Monte Carlo of the same settings, when in: the caption then says how the replications typically fare. */
  readonly typical?: MonteCarloResult | null;
  readonly names?: ReadonlyMap<string, string>;
  readonly fontSize: number;
}

/** Render the portfolio as a timeline: when each initiative started, piloted, went live or failed, and the scenario's events. */
export function PortfolioChart({ run, typical = null, names = NO_NAMES, fontSize }: PortfolioChartProps) {
  const all = useMemo(() => (run ? bars(run, names) : []), [run, names]);
  // Every initiative gets a row, started or not, so the room sees what is still waiting.
  const rows = useMemo(() => (run ? run.timeline.map((o) => names.get(o.id) ?? o.id) : []), [run, names]);
  const data = useMemo<ChartData<'bar', [number, number][], string>>(() => {
    const datasets = (Object.keys(STATUS) as Status[]).map((status) => ({
      label: STATUS[status].label,
      backgroundColor: STATUS[status].colour,
      borderColor: OKABE_ITO.black,
      borderWidth: status === 'failed' ? 2 : 0,
      borderSkipped: false,
      grouped: false,
      barPercentage: 0.7,
      data: rows.map((name) => {
        const b = all.find((x) => x.name === name && x.status === status);
        return (b ? [b.from, b.to] : null) as [number, number];
      }),
    }));
    return { labels: rows, datasets };
  }, [all, rows]);
  const events = useMemo(
    () => scenarioEvents(run),
    [run],
  );
  const options = useMemo<ChartOptions<'bar'>>(
    () => ({
      indexAxis: 'y',
      scales: {
        x: { type: 'linear', min: 0, max: run ? run.horizonWeeks / 52 : 5, ticks: { stepSize: 1, font: { size: fontSize } }, title: { display: true, text: 'Years from now', font: { size: fontSize } } },
        y: {
          stacked: true,
          // Long names would squeeze the timeline; the tooltip carries the full name.
          ticks: { font: { size: fontSize }, callback: (_v, i) => shorten(rows[i] ?? '', 26) },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { font: { size: fontSize } } },
        tooltip: {
          callbacks: {
            title: (items) => rows[items[0]?.dataIndex ?? 0] ?? '',
            label: (item) => {
              const raw = item.raw as [number, number] | null;
              return raw ? `${item.dataset.label}: year ${raw[0].toFixed(1)} to ${raw[1].toFixed(1)}` : '';
            },
          },
        },
        // Per-chart plugin options are passed by id.
        ...({ momentumEventLines: { events, fontSize: fontSize - 1 } } as object),
      },
    }),
    [run, events, fontSize, rows],
  );
  if (!run) return <p className="muted">Simulating…</p>;
  const live = run.timeline.filter((o) => o.goLiveWeek >= 0 && o.failedWeek < 0).length;
  const failed = run.timeline.filter((o) => o.failedWeek >= 0).length;
  const total = run.timeline.length;
  const caption =
    total === 0
      ? 'This scenario has no portfolio of initiatives.'
      : `In the quick estimate (noise off), ${live} of ${total} initiatives are live by the end, ${failed} failed, ${total - live - failed} not finished.` + replicationsNote(typical);
  return (
    <figure className="chart-figure">
      {total > 0 && (
        <div className="chart-box-tall" style={{ height: `${Math.max(240, rows.length * (fontSize * 2.4) + 120)}px` }}>
          <ChartCanvasWithPlugin data={data} options={options} caption={caption} />
        </div>
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
