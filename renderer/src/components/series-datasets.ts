import type { ChartDataset } from 'chart.js';
import { withAlpha } from './palette';

/** One point of a weekly line, in chart.js's internal format (the charts pass `parsing: false`). */
export interface WeekPoint {
  x: number;
  y: number;
}

/** A chart.js line dataset of a SeriesChart; `hideInLegend` is read by the legend filter. */
export type LineDataset = ChartDataset<'line', WeekPoint[]> & { hideInLegend?: boolean };

/** One line of a SeriesChart (SeriesLine), kept here so that turning lines into datasets needs no React. */
export interface LineSource {
  readonly label: string;
  readonly colour: string;
  readonly values: Float64Array;
  readonly dash?: readonly number[];
  readonly width?: number;
  readonly band?: { readonly p10: Float64Array; readonly p90: Float64Array };
  /** Leave the line out of the legend (e.g. a pillar's "as loaded" twin; the caption explains the dashes). */
  readonly hideInLegend?: boolean;
}

const WEEKS_PER_YEAR = 52;
/** chart.js draws a lower `order` on top: bands at the back. */
const BAND_ORDER = 100;

/** Return new points for `values` (week w at x = w / 52 years). */
export function pointsOf(values: Float64Array): WeekPoint[] {
  const out = new Array<WeekPoint>(values.length);
  for (let w = 0; w < values.length; w++) out[w] = { x: w / WEEKS_PER_YEAR, y: values[w]! };
  return out;
}

/**
 * Write `values` into the y of `points` (same length), reusing the point objects; return whether any
 * point changed.
 */
export function writeValues(points: WeekPoint[], values: Float64Array): boolean {
  let changed = false;
  for (let w = 0; w < values.length; w++) {
    const y = values[w]!;
    const p = points[w]!;
    // Object.is: a revealed run's blank weeks are NaN, which must count as unchanged.
    if (!Object.is(p.y, y)) {
      p.y = y;
      changed = true;
    }
  }
  return changed;
}

/**
 * Make a dataset's points hold `values`: in place when the number of weeks is unchanged, else as a new
 * array (chart.js then re-links it; pushing onto the old one would go through its array hooks point by point).
 */
function setValues(ds: LineDataset, values: Float64Array): Change {
  if (ds.data.length === values.length) return writeValues(ds.data, values) ? 'values' : 'none';
  ds.data = pointsOf(values);
  return 'other';
}

/**
 * What a sync changed: nothing; only y values of existing points (the axes' data and the options as they
 * were, so chart.js can redraw without re-resolving options or re-fitting its layout); or more.
 */
export type Change = 'none' | 'values' | 'other';

const worse = (a: Change, b: Change): Change => (a === 'other' || b === 'other' ? 'other' : a === 'values' || b === 'values' ? 'values' : 'none');

/** Set one property of a dataset if it differs; return what changed. */
function put<K extends keyof LineDataset>(ds: LineDataset, key: K, value: LineDataset[K]): Change {
  if (Object.is(ds[key], value)) return 'none';
  ds[key] = value;
  return 'other';
}

function sameDash(a: readonly number[] | undefined, b: readonly number[]): boolean {
  return a !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The kinds of datasets lines need, in order ('b' a band's two edges, 'l' a line): a change means rebuilding. */
function shapeOf(lines: readonly LineSource[]): string {
  let s = '';
  for (const line of lines) s += line.band ? 'bl' : 'l';
  return s;
}

function shapeOfDatasets(datasets: readonly LineDataset[]): string {
  let s = '';
  for (let i = 0; i < datasets.length; i++) {
    // A band is a pair of datasets: the P10 edge (order BAND_ORDER, no fill) and the P90 edge that fills to it.
    if (datasets[i]!.order === BAND_ORDER) {
      s += 'b';
      i++;
    } else s += 'l';
  }
  return s;
}

function newDataset(): LineDataset {
  return { data: [], pointRadius: 0 };
}

/**
 * Bring chart.js datasets in line with `lines`, in place: the dataset objects and their point arrays are
 * kept and only the values, colours or styles that differ are written, so that a live update (every frame
 * of a drag) allocates nothing and chart.js keeps its per-dataset state. Datasets are rebuilt only when the
 * set of lines or bands changes shape. Return what changed (when nothing, the chart need not redraw).
 */
export function syncLineDatasets(datasets: LineDataset[], lines: readonly LineSource[], bandsStale: boolean): Change {
  let changed: Change = 'none';
  if (shapeOf(lines) !== shapeOfDatasets(datasets)) {
    datasets.length = 0;
    for (const line of lines) {
      if (line.band) datasets.push(newDataset(), newDataset());
      datasets.push(newDataset());
    }
    changed = 'other';
  }
  let i = 0;
  lines.forEach((line, index) => {
    if (line.band) {
      // Two invisible edges; the upper fills down to the lower (fill '-1' = the previous dataset).
      const lo = datasets[i++]!;
      const hi = datasets[i++]!;
      changed = worse(changed, put(lo, 'label', `${line.label} P10`));
      changed = worse(changed, put(lo, 'borderWidth', 0));
      changed = worse(changed, put(lo, 'borderColor', 'transparent'));
      changed = worse(changed, put(lo, 'fill', false));
      changed = worse(changed, put(lo, 'order', BAND_ORDER));
      changed = worse(changed, setValues(lo, line.band.p10));
      changed = worse(changed, put(hi, 'label', `${line.label} P90`));
      changed = worse(changed, put(hi, 'borderWidth', 0));
      changed = worse(changed, put(hi, 'borderColor', 'transparent'));
      changed = worse(changed, put(hi, 'backgroundColor', withAlpha(line.colour, bandsStale ? 0.07 : 0.18)));
      changed = worse(changed, put(hi, 'fill', '-1'));
      changed = worse(changed, put(hi, 'order', BAND_ORDER));
      changed = worse(changed, setValues(hi, line.band.p90));
    }
    const ds = datasets[i++]!;
    changed = worse(changed, put(ds, 'label', line.label));
    changed = worse(changed, put(ds, 'borderColor', line.colour));
    changed = worse(changed, put(ds, 'backgroundColor', line.colour));
    changed = worse(changed, put(ds, 'borderWidth', line.width ?? 3));
    const dash = line.dash ?? [];
    if (!sameDash(ds.borderDash as readonly number[] | undefined, dash)) {
      ds.borderDash = [...dash];
      changed = 'other';
    }
    changed = worse(changed, put(ds, 'fill', false));
    // Later lines in the list (the current settings come last) are drawn on top.
    changed = worse(changed, put(ds, 'order', lines.length - index));
    changed = worse(changed, put(ds, 'hideInLegend', line.hideInLegend ?? false));
    changed = worse(changed, setValues(ds, line.values));
  });
  return changed;
}
