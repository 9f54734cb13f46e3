import type { ChartData, ChartOptions } from 'chart.js';
import { useLayoutEffect, useMemo, useState } from 'react';
import { ChartCanvas } from './chart-canvas';
import { eventLinesPlugin, type EventMark } from './event-lines';
import { AXIS_START, pointTitle, timeAxisTitle, yearsTickLabel } from '../model/calendar';
import { syncLineDatasets, type Change, type LineDataset, type LineSource, type WeekPoint } from './series-datasets';

/** One line of a SeriesChart: a weekly series, optionally with a P10–P90 band. */
export type SeriesLine = LineSource;

/** Props of SeriesChart. */
export interface SeriesChartProps {
  readonly lines: readonly SeriesLine[];
  readonly yLabel: string;
  readonly yMin?: number;
  readonly yMax?: number;
  /** Format a y value for the axis and tooltip. */
  readonly formatY?: (v: number) => string;
  readonly label: string;
  readonly testId?: string;
  /** Base font size in px (presentation mode passes a larger one). */
  readonly fontSize?: number;
  /** Fade the bands: they belong to earlier settings and are being recomputed. */
  readonly bandsStale?: boolean;
  /** Scenario events drawn as labelled vertical lines (x in years). */
  readonly events?: readonly EventMark[];
}

const eventLines = eventLinesPlugin<'line'>();
const NO_EVENTS: readonly EventMark[] = [];

/** A key that changes only when the events' positions or labels do (callers rebuild the list on every run). */
function eventsKey(events: readonly EventMark[]): string {
  return events.map((e) => `${e.x}\u0000${e.label}`).join('\u0001');
}

/**
 * Render weekly series against years, with translucent P10–P90 bands under the lines that have them.
 *
 * Built for a chart that follows a dragged lever: the chart.js datasets and their points are kept and
 * rewritten in place (`syncLineDatasets`), and the chart is redrawn only when a value, a colour or the set
 * of lines actually changed, not whenever the parent re-renders with new but equal props (a new `lines`
 * array, a new events list or formatter function).
 */
export function SeriesChart({ lines, yLabel, yMin, yMax, formatY, label, testId, fontSize = 14, events = NO_EVENTS, bandsStale = false }: SeriesChartProps) {
  // Mutable chart state held for the component's life: the datasets chart.js draws and the data object
  // handed to ChartCanvas, replaced (a new identity, so ChartCanvas redraws) only when the datasets changed.
  const [held] = useState(() => {
    const datasets: LineDataset[] = [];
    // `change`: what changed since the chart last redrew, summed over renders (one may be discarded).
    return { datasets, data: { datasets } as ChartData<'line', WeekPoint[]>, formatY, change: 'none' as Change };
  });
  const data = useMemo(() => {
    // Idempotent: a second call with the same lines finds nothing to change, so a render React repeats or
    // discards leaves `held` consistent, and the next committed render still hands over the new identity.
    const change = syncLineDatasets(held.datasets, lines, bandsStale);
    if (change !== 'none') {
      held.data = { datasets: held.datasets };
      held.change = change === 'other' || held.change === 'other' ? 'other' : 'values';
    }
    return held.data;
  }, [held, lines, bandsStale]);
  // ChartCanvas (a child, so its layout effect ran first) has drawn what changed.
  useLayoutEffect(() => {
    held.change = 'none';
  }, [held, data]);
  // A values-only redraw skips chart.js's layout, so the axes must not depend on the data: x spans the
  // weeks (unchanged when only values change), y must have both ends fixed.
  const valuesOnly = held.change === 'values' && yMin !== undefined && yMax !== undefined;
  // The axis and tooltip read the newest formatter through `held`, so a caller's inline arrow function
  // does not rebuild the options (which would make chart.js re-resolve all of them) on every render.
  held.formatY = formatY;
  const hasFormat = formatY !== undefined;
  const key = eventsKey(events);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the events' contents.
  const stableEvents = useMemo(() => events, [key]);

  const options = useMemo<ChartOptions<'line'>>(
    () => ({
      parsing: false,
      normalized: true,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      font: { size: fontSize },
      scales: {
        x: {
          type: 'linear',
          min: 0,
          title: { display: true, text: timeAxisTitle(), font: { size: fontSize } },
          ticks: { stepSize: 1, font: { size: fontSize }, callback: (v) => yearsTickLabel(AXIS_START, Number(v)) },
          grid: { color: '#e3e3e3' },
        },
        y: {
          min: yMin,
          max: yMax,
          title: { display: true, text: yLabel, font: { size: fontSize } },
          ticks: { font: { size: fontSize }, callback: hasFormat ? (v) => held.formatY?.(Number(v)) ?? String(v) : undefined },
          grid: { color: '#e3e3e3' },
        },
      },
      plugins: {
        ...({ momentumEventLines: { events: stableEvents, fontSize: fontSize - 1 } } as object),
        legend: {
          position: 'bottom',
          labels: {
            font: { size: fontSize },
            usePointStyle: true,
            pointStyle: 'line',
            // Band edges are drawn but not listed.
            filter: (item, chartData) =>
              !/ P(10|90)$/.test(item.text) && !(chartData.datasets[item.datasetIndex ?? 0] as { hideInLegend?: boolean } | undefined)?.hideInLegend,
          },
        },
        tooltip: {
          filter: (item) => !/ P(10|90)$/.test(item.dataset.label ?? ''),
          callbacks: {
            title: (items) => pointTitle(Number(items[0]?.parsed.x ?? 0)),
            label: (item) => `${item.dataset.label}: ${held.formatY ? held.formatY(item.parsed.y ?? 0) : (item.parsed.y ?? 0).toFixed(2)}`,
          },
        },
      },
    }),
    [yLabel, yMin, yMax, hasFormat, held, fontSize, stableEvents],
  );

  return <ChartCanvas type="line" data={data} valuesOnly={valuesOnly} options={options} plugins={[eventLines]} label={label} testId={testId} />;
}
