import { AXIS_START, timeAxisTitle, yearsTickLabel } from '../model/calendar';
import type { ChartConfiguration, ChartType } from 'chart.js';
import { tornadoDatasets, type TornadoRow } from '../model/tornado-data';
import { Chart, PALETTE, runColour, runDash } from './chart-setup';
import { chartPngDataUrl } from './chart-image';

/** One line of an offscreen chart. */
export interface OffscreenLine {
  readonly label: string;
  readonly values: Float64Array;
}

const WEEKS_PER_YEAR = 52;

/**
 * Draw weekly lines (one per run, in run colours and dashes) on a detached canvas and return the
 * chart as a PNG data URL, for the board pack. Nothing is shown on screen.
 */
export function lineChartPng(lines: readonly OffscreenLine[], yLabel: string, width = 1000, height = 460): string {
  const config: ChartConfiguration<'line', { x: number; y: number }[]> = {
    type: 'line',
    data: {
      datasets: lines.map((l, i) => ({
        label: l.label,
        data: Array.from(l.values, (y, w) => ({ x: w / WEEKS_PER_YEAR, y })),
        borderColor: runColour(i),
        backgroundColor: runColour(i),
        borderDash: [...runDash(i)],
        borderWidth: 2.5,
        pointRadius: 0,
      })),
    },
    options: {
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      parsing: false,
      scales: {
        x: { type: 'linear', min: 0, title: { display: true, text: timeAxisTitle() }, ticks: { stepSize: 1, callback: (v) => yearsTickLabel(AXIS_START, Number(v)) } },
        y: { title: { display: true, text: yLabel } },
      },
      plugins: { legend: { position: 'bottom', labels: { usePointStyle: true, pointStyle: 'line' } }, tooltip: { enabled: false } },
    },
  };
  return renderPng(config, width, height);
}

/** Draw a tornado (one floating bar per lever at each end of its range) off screen; return a PNG data URL. */
export function tornadoChartPng(rows: readonly TornadoRow[], baseline: number, kpiLabel: string, width = 1000): string {
  const d = tornadoDatasets(rows, baseline);
  const config: ChartConfiguration<'bar', [number, number][]> = {
    type: 'bar',
    data: {
      labels: d.labels,
      datasets: [
        { label: 'Lever at the low end of its range', data: d.low, backgroundColor: PALETTE[0], grouped: false, barPercentage: 0.8 },
        { label: 'Lever at the high end of its range', data: d.high, backgroundColor: PALETTE[1], grouped: false, barPercentage: 0.5 },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      scales: { x: { beginAtZero: false, grace: '5%', title: { display: true, text: kpiLabel } }, y: { ticks: { autoSkip: false } } },
      plugins: { legend: { position: 'top' }, tooltip: { enabled: false } },
    },
  };
  return renderPng(config, width, Math.max(200, 80 + rows.length * 30));
}

/** Render a chart.js configuration on a detached, laid-out canvas and return it as a PNG data URL. */
function renderPng<T extends ChartType, D>(config: ChartConfiguration<T, D>, width: number, height: number): string {
  const host = document.createElement('div');
  // Off-screen but laid out, so chart.js can measure fonts; hidden from people and assistive tech.
  host.style.cssText = `position:fixed;left:-10000px;top:0;width:${width}px;height:${height}px;`;
  host.setAttribute('aria-hidden', 'true');
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  host.append(canvas);
  document.body.append(host);
  const chart = new Chart(canvas, config as ChartConfiguration);
  try {
    return chartPngDataUrl(canvas);
  } finally {
    chart.destroy();
    host.remove();
  }
}
