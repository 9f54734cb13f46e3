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

/** The most rows of markers drawn at the top of a chart; events that do not fit share a "+N" marker in the last row. */
export const MAX_MARKER_ROWS = 3;

/** One marker at the top of a chart: an event's number, or "+N" for several events close together. */
export interface EventMarker {
  /** Pixel x of the marker's centre: its (first) event's line. */
  readonly px: number;
  /** Row from the top, 0 to MAX_MARKER_ROWS − 1. */
  readonly row: number;
  /** Indices of the events it stands for, in the chart's event order (the list under the chart numbers them from 1). */
  readonly events: readonly number[];
  /** What the marker says: the event's number (index + 1), or "+N" when it stands for N events. */
  readonly text: string;
}

/**
 * Return where each event's marker goes. `positions` are the events' pixel x (null when off the
 * chart), `slot` the width a marker needs. Markers take the first of the top rows where they do not
 * touch the marker before them; an event that finds no room there joins a "+N" marker in the last row
 * with the events within a slot and a half of it (a lone one keeps its number). So markers never reach below
 * `maxRows` rows, however many events crowd together, and each keeps the number the list gives it.
 */
export function layoutEventMarkers(positions: readonly (number | null)[], slot: number, maxRows = MAX_MARKER_ROWS): EventMarker[] {
  const order = positions.flatMap((px, i) => (px === null || !Number.isFinite(px) ? [] : [i])).sort((a, b) => positions[a]! - positions[b]! || a - b);
  const rows = Math.max(1, Math.floor(maxRows));
  // The right edge of the last marker of each row that holds single markers (all rows but the last).
  const rowEnd = new Array<number>(rows - 1).fill(-Infinity);
  const placed: { px: number; row: number; events: number[] }[] = [];
  let merged: { px: number; row: number; events: number[] } | undefined;
  for (const i of order) {
    const px = positions[i]!;
    const row = rowEnd.findIndex((end) => px - end >= slot);
    if (row >= 0) {
      rowEnd[row] = px;
      placed.push({ px, row, events: [i] });
      continue;
    }
    // The last row: join the current "+N" marker while close to it, else start one.
    // A "+N" pill is wider than a numbered circle: it claims a slot and a half.
    if (merged !== undefined && px - merged.px < 1.5 * slot) merged.events.push(i);
    else {
      merged = { px, row: rows - 1, events: [i] };
      placed.push(merged);
    }
  }
  return placed.map((m) => ({ ...m, text: m.events.length === 1 ? String(m.events[0]! + 1) : `+${m.events.length}` }));
}

/**
 * Create a chart.js plugin that draws scenario events (a shock, a stage opening, a new chief
 * executive) as dashed vertical lines, each numbered in a circle at the top; the chart's caption
 * lists what each number means (labels inside the plot would cover the data). Crowded events share
 * a "+N" marker (see layoutEventMarkers) and their lines are drawn faint, so a dense run of events
 * shades the chart instead of covering it.
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
      const positions = opts.events.map((e) => {
        const px = x.getPixelForValue(e.x);
        return px < chartArea.left - 1 || px > chartArea.right + 1 ? null : px;
      });
      ctx.save();
      ctx.font = `700 ${size - 1}px system-ui, sans-serif`;
      // Every marker gets the room of the widest number it could show ("200"), so none overlap.
      const slot = Math.max(2 * r, ctx.measureText(String(opts.events.length)).width + 6) + 2;
      const markers = layoutEventMarkers(positions, slot);
      // Lines of events merged into a "+N" marker are faint; when lines are closer than markers all
      // of them are, so a crowded chart is shaded rather than striped black.
      const onChart = positions.filter((px) => px !== null).length;
      const crowded = onChart * slot > chartArea.right - chartArea.left;
      const faint = new Set(markers.flatMap((m) => (crowded || m.events.length > 1 ? m.events : [])));
      ctx.strokeStyle = OKABE_ITO.black;
      ctx.setLineDash([4, 4]);
      positions.forEach((px, i) => {
        if (px === null) return;
        ctx.globalAlpha = faint.has(i) ? 0.3 : 1;
        ctx.lineWidth = faint.has(i) ? 1 : 1.5;
        ctx.beginPath();
        ctx.moveTo(px, chartArea.top);
        ctx.lineTo(px, chartArea.bottom);
        ctx.stroke();
      });
      ctx.globalAlpha = 1;
      ctx.setLineDash([]);
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      for (const m of markers) {
        const cy = chartArea.top + r + 1 + m.row * (2 * r + 2);
        // A "+N" marker is a pill as wide as its text; a numbered one a circle.
        const half = Math.max(r, ctx.measureText(m.text).width / 2 + 3);
        ctx.fillStyle = OKABE_ITO.black;
        ctx.beginPath();
        ctx.roundRect(m.px - half, cy - r, 2 * half, 2 * r, r);
        ctx.fill();
        ctx.fillStyle = '#ffffff';
        ctx.fillText(m.text, m.px, cy + 0.5);
      }
      ctx.restore();
    },
  };
}
