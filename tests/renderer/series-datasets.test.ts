import { describe, expect, it } from 'vitest';
import { syncLineDatasets, writeValues, pointsOf, type LineDataset, type LineSource } from '../../renderer/src/components/series-datasets';

const weeks = (n: number, f: (w: number) => number) => Float64Array.from({ length: n }, (_, w) => f(w));

const current = (values: Float64Array, band?: LineSource['band']): LineSource => ({ label: 'Your settings', colour: '#0072b2', values, width: 4, band });
const baseline = (values: Float64Array): LineSource => ({ label: 'Scenario as loaded', colour: '#777777', values, dash: [8, 5], width: 2.5 });

describe('SeriesChart datasets kept in place across live updates', () => {
  it('builds a band as two edges behind its line, the lines in order on top', () => {
    const datasets: LineDataset[] = [];
    const v = weeks(261, (w) => 1 + w / 100);
    const band = { p10: weeks(261, (w) => 1 + w / 120), p90: weeks(261, (w) => 1 + w / 80) };
    expect(syncLineDatasets(datasets, [baseline(v), current(v, band)], false)).toBe('other');
    expect(datasets.map((d) => d.label)).toEqual(['Scenario as loaded', 'Your settings P10', 'Your settings P90', 'Your settings']);
    expect(datasets.map((d) => d.order)).toEqual([2, 100, 100, 1]);
    expect(datasets[2]!.fill).toBe('-1');
    expect(datasets[0]!.borderDash).toEqual([8, 5]);
    expect(datasets[3]!.data).toHaveLength(261);
    expect(datasets[3]!.data[52]).toEqual({ x: 1, y: v[52] });
    expect(datasets[1]!.data[260]!.y).toBe(band.p10[260]);
  });

  it('rewrites the values into the same point objects and reports no change when nothing differs', () => {
    const datasets: LineDataset[] = [];
    const a = weeks(261, (w) => w);
    syncLineDatasets(datasets, [baseline(a), current(a)], false);
    const objects = datasets.slice();
    const points = datasets[1]!.data;
    const firstPoint = points[0];
    // A new array with equal values (a re-render with new props) changes nothing.
    expect(syncLineDatasets(datasets, [baseline(a.slice()), current(a.slice())], false)).toBe('none');
    const b = weeks(261, (w) => w * 2);
    // Only values moved: chart.js may redraw without re-resolving options or re-fitting its layout.
    expect(syncLineDatasets(datasets, [baseline(a), current(b)], false)).toBe('values');
    expect(datasets).toEqual(objects);
    expect(datasets.every((d, i) => d === objects[i])).toBe(true);
    expect(datasets[1]!.data).toBe(points);
    expect(points[0]).toBe(firstPoint);
    expect(points.map((p) => p.y)).toEqual(Array.from(b));
  });

  it('counts blank (NaN) weeks of a revealed run as unchanged, and takes a new horizon as new points', () => {
    const datasets: LineDataset[] = [];
    const revealed = weeks(261, (w) => (w <= 100 ? w : Number.NaN));
    syncLineDatasets(datasets, [current(revealed)], false);
    expect(syncLineDatasets(datasets, [current(revealed.slice())], false)).toBe('none');
    const longer = weeks(521, (w) => w);
    // A longer x axis is more than a change of values.
    expect(syncLineDatasets(datasets, [current(longer)], false)).toBe('other');
    expect(datasets[0]!.data).toHaveLength(521);
    expect(datasets[0]!.data[520]).toEqual({ x: 10, y: 520 });
  });

  it('fades a stale band by its colour only, and rebuilds when a band or a line comes or goes', () => {
    const datasets: LineDataset[] = [];
    const v = weeks(261, () => 2);
    expect(syncLineDatasets(datasets, [], false)).toBe('none');
    const band = { p10: weeks(261, () => 1), p90: weeks(261, () => 3) };
    syncLineDatasets(datasets, [current(v, band)], false);
    const fresh = datasets[1]!.backgroundColor;
    const kept = datasets.slice();
    // A new colour is an option chart.js caches: more than a change of values.
    expect(syncLineDatasets(datasets, [current(v, band)], true)).toBe('other');
    expect(datasets[1]!.backgroundColor).not.toBe(fresh);
    expect(datasets.every((d, i) => d === kept[i])).toBe(true);
    expect(syncLineDatasets(datasets, [baseline(v), current(v, band)], true)).toBe('other');
    expect(datasets.map((d) => d.label)).toEqual(['Scenario as loaded', 'Your settings P10', 'Your settings P90', 'Your settings']);
    expect(syncLineDatasets(datasets, [baseline(v), current(v)], true)).toBe('other');
    expect(datasets.map((d) => d.label)).toEqual(['Scenario as loaded', 'Your settings']);
  });

  it('writes values into points and says whether any moved', () => {
    const pts = pointsOf(Float64Array.of(1, 2, 3));
    expect(pts).toEqual([{ x: 0, y: 1 }, { x: 1 / 52, y: 2 }, { x: 2 / 52, y: 3 }]);
    expect(writeValues(pts, Float64Array.of(1, 2, 3))).toBe(false);
    expect(writeValues(pts, Float64Array.of(1, 5, 3))).toBe(true);
    expect(pts[1]!.y).toBe(5);
  });
});
