import type { ChartData, ChartDataset, ChartOptions } from 'chart.js';
import { useMemo } from 'react';
import { ChartCanvas } from './chart-canvas';
import { eventLinesPlugin, type EventMark } from './event-lines';
import { withAlpha } from './palette';

/** One line of a SeriesChart: a weekly series, optionally with a P10–P90 band. */
export interface SeriesLine {
  readonly label: string;
  readonly colour: string;
  readonly values: Float64Array;
  readonly dash?: readonly number[];
  readonly width?: number;
  readonly band?: { readonly p10: Float64Array; readonly p90: Float64Array };
  /** Leave the line out of the legend (e.g. a pillar's "as loaded" twin; the caption explains the dashes). */
  readonly hideInLegend?: boolean;
}

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

const WEEKS_PER_YEAR = 52;

function points(values: Float64Array): { x: number; y: number }[] {
  const out = new Array<{ x: number; y: number }>(values.length);
  for (let w = 0; w < values.length; w++) out[w] = { x: w / WEEKS_PER_YEAR, y: values[w]! };
  return out;
}

/** Render weekly series against years, with translucent P10–P90 bands under the lines that have them. */
export function SeriesChart({ lines, yLabel, yMin, yMax, formatY, label, testId, fontSize = 14, events = NO_EVENTS, bandsStale = false }: SeriesChartProps) {
  const data = useMemo<ChartData<'line', { x: number; y: number }[]>>(() => {
    const datasets: ChartDataset<'line', { x: number; y: number }[]>[] = [];
    lines.forEach((line, index) => {
      if (line.band) {
        // Two invisible edges; the upper fills down to the lower (fill '-1' = the previous dataset).
        // chart.js draws a lower `order` on top: bands at the back, the line of the current settings in front.
        datasets.push({ label: `${line.label} P10`, data: points(line.band.p10), borderWidth: 0, pointRadius: 0, fill: false, borderColor: 'transparent', order: 100 });
        datasets.push({
          label: `${line.label} P90`,
          data: points(line.band.p90),
          borderWidth: 0,
          pointRadius: 0,
          borderColor: 'transparent',
          backgroundColor: withAlpha(line.colour, bandsStale ? 0.07 : 0.18),
          fill: '-1',
          order: 100,
        });
      }
      datasets.push({
        label: line.label,
        data: points(line.values),
        borderColor: line.colour,
        backgroundColor: line.colour,
        borderWidth: line.width ?? 3,
        borderDash: line.dash ? [...line.dash] : [],
        pointRadius: 0,
        fill: false,
        // Later lines in the list (the current settings come last) are drawn on top.
        order: lines.length - index,
        ...({ hideInLegend: line.hideInLegend ?? false } as object),
      });
    });
    return { datasets };
  }, [lines, bandsStale]);

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
          title: { display: true, text: 'Years from now', font: { size: fontSize } },
          ticks: { stepSize: 1, font: { size: fontSize } },
          grid: { color: '#e3e3e3' },
        },
        y: {
          min: yMin,
          max: yMax,
          title: { display: true, text: yLabel, font: { size: fontSize } },
          ticks: { font: { size: fontSize }, callback: formatY ? (v) => formatY(Number(v)) : undefined },
          grid: { color: '#e3e3e3' },
        },
      },
      plugins: {
        ...({ momentumEventLines: { events, fontSize: fontSize - 1 } } as object),
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
            title: (items) => `Year ${Number(items[0]?.parsed.x ?? 0).toFixed(1)}`,
            label: (item) => `${item.dataset.label}: ${formatY ? formatY(item.parsed.y ?? 0) : (item.parsed.y ?? 0).toFixed(2)}`,
          },
        },
      },
    }),
    [yLabel, yMin, yMax, formatY, fontSize, events],
  );

  return <ChartCanvas type="line" data={data} options={options} plugins={[eventLines]} label={label} testId={testId} />;
}
