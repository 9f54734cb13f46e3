/**
 * A chart image that stands on its own once pasted or saved: the chart on white with its title
 * above it, and below it what it shows (the scenario or runs), the date, and where it comes from.
 */
import { ENGINE_VERSION } from '../../../engine/core';
import { onWhite } from './chart-image';

/** The words around a chart image. */
export interface ChartCaption {
  /** The chart's title, e.g. "Maturity". */
  readonly title: string;
  /** What the chart shows, e.g. "Scenario: Covid-19 response". */
  readonly subject: string;
  /** When it was made, as people write dates ("7 December 2026"). */
  readonly date: string;
  /** Where the figures come from. */
  readonly source: string;
}

/** Return a date as a board paper writes it: "7 December 2026". */
export function captionDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** The source line of every exported or copied chart. */
export const CHART_SOURCE = `Source: Momentum simulation, engine ${ENGINE_VERSION}. Estimates from a model, not forecasts.`;

/** Return the caption of a chart made now about `subject`. */
export function chartCaption(title: string, subject: string, now: Date = new Date()): ChartCaption {
  return { title, subject, date: captionDate(now), source: CHART_SOURCE };
}

/** The lines under the chart, in order. */
export function captionFooter(c: ChartCaption): readonly string[] {
  return [`${c.subject} · ${c.date}`, c.source];
}

/**
 * Return a new canvas holding the chart on white with its title above and the footer lines below,
 * at the chart's own pixel density (a 2× chart gets 2× text).
 */
export function captionedChart(canvas: HTMLCanvasElement, caption: ChartCaption): HTMLCanvasElement {
  const chart = onWhite(canvas);
  const scale = canvas.clientWidth > 0 ? canvas.width / canvas.clientWidth : 1;
  const pad = Math.round(12 * scale);
  const titleSize = Math.round(16 * scale);
  const lineSize = Math.round(12 * scale);
  const footer = captionFooter(caption);
  const out = document.createElement('canvas');
  out.width = chart.width + 2 * pad;
  out.height = pad + titleSize + pad + chart.height + pad + footer.length * Math.round(lineSize * 1.4) + pad;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas, so the chart cannot be copied.');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#212b32';
  ctx.font = `600 ${titleSize}px system-ui, sans-serif`;
  ctx.fillText(caption.title, pad, pad, out.width - 2 * pad);
  ctx.drawImage(chart, pad, pad + titleSize + pad);
  ctx.fillStyle = '#4c6272';
  ctx.font = `${lineSize}px system-ui, sans-serif`;
  let y = pad + titleSize + pad + chart.height + pad;
  for (const line of footer) {
    ctx.fillText(line, pad, y, out.width - 2 * pad);
    y += Math.round(lineSize * 1.4);
  }
  return out;
}

/** Encode a chart with its caption as a PNG blob. */
export function captionedChartPng(canvas: HTMLCanvasElement, caption: ChartCaption): Promise<Blob> {
  const out = captionedChart(canvas, caption);
  return new Promise((resolve, reject) => {
    out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be encoded as PNG.'))), 'image/png');
  });
}
