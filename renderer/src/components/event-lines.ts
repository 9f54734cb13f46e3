import type { Chart, ChartType, Plugin } from 'chart.js';
import { OKABE_ITO } from './palette';

/** A labelled moment drawn as a vertical line across a chart (x in the chart's x units). */
export interface EventMark {
  readonly x: number;
  readonly label: string;
}

/** Options of the event-lines plugin, passed as `options.plugins.momentumEventLines`. */
export interface EventLinesOptions {
  readonly events?: readonly EventMark[];
  readonly fontSize?: number;
}

/**
 * Create a chart.js plugin that draws scenario events (a shock, a stage opening, a new chief
 * executive) as dashed vertical lines, each numbered in a circle at the top; the chart's caption
 * lists what each number means (labels inside the plot would cover the data).
 */
export function eventLinesPlugin<T extends ChartType>(): Plugin<T> {
  return {
    id: 'momentumEventLines',
    afterDatasetsDraw(chart: Chart<T>, _args: unknown, opts: EventLinesOptions) {
      const { ctx, chartArea, scales } = chart;
      const x = scales.x;
      if (!x || !opts.events?.length) return;
      const size = opts.fontSize ?? 13;
      const r = Math.round(size * 0.75);
      ctx.save();
      ctx.font = `700 ${size - 1}px system-ui, sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      let lastPx = -Infinity;
      let row = 0;
      opts.events.forEach((e, i) => {
        const px = x.getPixelForValue(e.x);
        if (px < chartArea.left - 1 || px > chartArea.right + 1) return;
        ctx.strokeStyle = OKABE_ITO.black;
        ctx.lineWidth = 1.5;
        ctx.setLineDash([4, 4]);
        ctx.beginPath();
        ctx.moveTo(px, chartArea.top);
        ctx.lineTo(px, chartArea.bottom);
        ctx.stroke();
        // Markers of events close together step down so they stay readable.
        row = px - lastPx < 2 * r + 2 ? row + 1 : 0;
        lastPx = px;
        const cy = chartArea.top + r + 1 + row * (2 * r + 2);
        ctx.setLineDash([]);
        ctx.fillStyle = OKABE_ITO.black;
        ctx.beginPath();
        ctx.arc(px, cy, r, 0, 2 * Math.PI);
        ctx.fill();
        ctx.fillStyle = '#ffffff';
        ctx.fillText(String(i + 1), px, cy + 0.5);
      });
      ctx.restore();
    },
  };
}
