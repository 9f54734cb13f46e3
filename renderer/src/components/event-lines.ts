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
 * executive) as dashed vertical lines with their labels, staggered so neighbours do not overlap.
 */
export function eventLinesPlugin<T extends ChartType>(): Plugin<T> {
  return {
    id: 'momentumEventLines',
    afterDatasetsDraw(chart: Chart<T>, _args: unknown, opts: EventLinesOptions) {
      const { ctx, chartArea, scales } = chart;
      const x = scales.x;
      if (!x || !opts.events?.length) return;
      const size = opts.fontSize ?? 13;
      ctx.save();
      ctx.strokeStyle = OKABE_ITO.black;
      ctx.fillStyle = OKABE_ITO.black;
      ctx.lineWidth = 1.5;
      ctx.font = `${size}px system-ui, sans-serif`;
      opts.events.forEach((e, i) => {
        const px = x.getPixelForValue(e.x);
        if (px < chartArea.left || px > chartArea.right) return;
        ctx.setLineDash([4, 4]);
        ctx.beginPath();
        ctx.moveTo(px, chartArea.top);
        ctx.lineTo(px, chartArea.bottom);
        ctx.stroke();
        const width = ctx.measureText(e.label).width;
        // Labels near the right edge go to the left of their line.
        const tx = px + 4 + width > chartArea.right ? px - 4 - width : px + 4;
        const ty = chartArea.top + size + 2 + (i % 3) * Math.round(size * 1.6);
        ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
        ctx.fillRect(tx - 3, ty - size - 1, width + 6, size + 6);
        ctx.fillStyle = OKABE_ITO.black;
        ctx.fillText(e.label, tx, ty);
      });
      ctx.restore();
    },
  };
}
