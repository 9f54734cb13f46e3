import type { ChartConfiguration } from 'chart.js';
import { Chart, DASHES, runColour } from './chart-setup';
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
  const host = document.createElement('div');
  // Off-screen but laid out, so chart.js can measure fonts; hidden from people and assistive tech.
  host.style.cssText = `position:fixed;left:-10000px;top:0;width:${width}px;height:${height}px;`;
  host.setAttribute('aria-hidden', 'true');
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  host.append(canvas);
  document.body.append(host);
  const config: ChartConfiguration<'line', { x: number; y: number }[]> = {
    type: 'line',
    data: {
      datasets: lines.map((l, i) => ({
        label: l.label,
        data: Array.from(l.values, (y, w) => ({ x: w / WEEKS_PER_YEAR, y })),
        borderColor: runColour(i),
        backgroundColor: runColour(i),
        borderDash: [...(DASHES[i % DASHES.length] ?? [])],
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
        x: { type: 'linear', min: 0, title: { display: true, text: 'Years from now' }, ticks: { stepSize: 1 } },
        y: { title: { display: true, text: yLabel } },
      },
      plugins: { legend: { position: 'bottom', labels: { usePointStyle: true, pointStyle: 'line' } }, tooltip: { enabled: false } },
    },
  };
  const chart = new Chart(canvas, config);
  try {
    return chartPngDataUrl(canvas);
  } finally {
    chart.destroy();
    host.remove();
  }
}
