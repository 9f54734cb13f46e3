import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EVENT_LIST_SHOWN, EventList } from '../../renderer/src/components/event-list';
import { MAX_MARKER_ROWS, layoutEventMarkers, type EventMarker } from '../../renderer/src/components/event-lines';

const SLOT = 20;

/** Check what must hold of any layout: every event on the chart in exactly one marker, rows capped, numbers the list's, no overlaps. */
function expectSound(positions: readonly (number | null)[], markers: readonly EventMarker[]): void {
  const covered = markers.flatMap((m) => m.events).sort((a, b) => a - b);
  const onChart = positions.flatMap((px, i) => (px === null ? [] : [i]));
  expect(covered).toEqual(onChart);
  for (const m of markers) {
    expect(m.row).toBeGreaterThanOrEqual(0);
    expect(m.row).toBeLessThan(MAX_MARKER_ROWS);
    expect(m.text).toBe(m.events.length === 1 ? String(m.events[0]! + 1) : `+${m.events.length}`);
    // A marker sits on the line of its first event.
    expect(m.px).toBe(Math.min(...m.events.map((i) => positions[i]!)));
  }
  for (let row = 0; row < MAX_MARKER_ROWS; row++) {
    const xs = markers.filter((m) => m.row === row).map((m) => m.px).sort((a, b) => a - b);
    // Numbered circles are at least a slot apart; in the last row, which holds the "+N" pills, a slot and a half.
    const gap = row === MAX_MARKER_ROWS - 1 ? 1.5 * SLOT : SLOT;
    for (let k = 1; k < xs.length; k++) expect(xs[k]! - xs[k - 1]!).toBeGreaterThanOrEqual(gap);
  }
}

describe('layoutEventMarkers: markers of events on a chart', () => {
  it('gives events far apart a numbered marker each, all in the top row', () => {
    const positions = [40, 200, 400];
    const markers = layoutEventMarkers(positions, SLOT);
    expect(markers).toEqual([
      { px: 40, row: 0, events: [0], text: '1' },
      { px: 200, row: 0, events: [1], text: '2' },
      { px: 400, row: 0, events: [2], text: '3' },
    ]);
  });

  it('steps close events down a row, up to the last row', () => {
    const markers = layoutEventMarkers([100, 105, 110], SLOT);
    expect(markers.map((m) => [m.row, m.text])).toEqual([
      [0, '1'],
      [1, '2'],
      [2, '3'],
    ]);
  });

  it('merges what does not fit into one "+N" marker in the last row: sixteen departures a week apart (2.5 px)', () => {
    // Two stage openings around them, as in Milton Keynes with sixteen extra departures.
    const positions = [10, 90, ...Array.from({ length: 16 }, (_, k) => 300 + 2.5 * k), 500];
    const markers = layoutEventMarkers(positions, SLOT);
    expectSound(positions, markers);
    expect(Math.max(...markers.map((m) => m.row))).toBe(MAX_MARKER_ROWS - 1);
    const merged = markers.filter((m) => m.events.length > 1);
    expect(merged.length).toBeGreaterThan(0);
    // Nothing is lost: the single markers and the "+N" counts add up to the events.
    expect(markers.reduce((n, m) => n + m.events.length, 0)).toBe(positions.length);
    // The events far from the crowd keep their own markers in the top row.
    expect(markers.filter((m) => m.row === 0).map((m) => m.text)).toEqual(expect.arrayContaining(['1', '2', '19']));
  });

  it('keeps a thousand events across a chart to the capped rows, with few markers', () => {
    const positions = Array.from({ length: 1000 }, (_, i) => 50 + (i * 600) / 1000);
    const markers = layoutEventMarkers(positions, SLOT);
    expectSound(positions, markers);
    // At most one marker per slot in each numbered row, and one per slot and a half in the last.
    expect(markers.length).toBeLessThanOrEqual((MAX_MARKER_ROWS - 1) * (600 / SLOT + 1) + 600 / (1.5 * SLOT) + 1);
  });

  it('numbers events by their order in the list even when they are not sorted by time, and skips those off the chart', () => {
    const positions = [300, null, 100, 104];
    const markers = layoutEventMarkers(positions, SLOT);
    expectSound(positions, markers);
    expect(markers.map((m) => [m.px, m.row, m.text])).toEqual([
      [100, 0, '3'],
      [104, 1, '4'],
      [300, 0, '1'],
    ]);
  });

  it('puts everything in one row when told to use one', () => {
    const markers = layoutEventMarkers([100, 101, 102, 200], SLOT, 1);
    expect(markers.map((m) => [m.row, m.text])).toEqual([
      [0, '+3'],
      [0, '4'],
    ]);
  });
});

describe('EventList: the list under a chart', () => {
  const events = (n: number) => Array.from({ length: n }, (_, i) => ({ x: i / 10, label: `Event ${i + 1}` }));
  const items = (html: string) => html.match(/<li>/g)?.length ?? 0;

  it(`shows every event when there are at most ${EVENT_LIST_SHOWN}, with no button`, () => {
    const html = renderToStaticMarkup(createElement(EventList, { events: events(EVENT_LIST_SHOWN) }));
    expect(items(html)).toBe(EVENT_LIST_SHOWN);
    expect(html).not.toContain('<button');
  });

  it(`shows the first ${EVENT_LIST_SHOWN} of more, numbered as on the chart, and a button for all that controls the list`, () => {
    const html = renderToStaticMarkup(createElement(EventList, { events: events(200) }));
    expect(items(html)).toBe(EVENT_LIST_SHOWN);
    expect(html).toContain(`>${EVENT_LIST_SHOWN}</span>Event ${EVENT_LIST_SHOWN} `);
    expect(html).not.toContain(`Event ${EVENT_LIST_SHOWN + 1} `);
    const button = /<button type="button" class="link-button" aria-expanded="false" aria-controls="([^"]+)">Show all 200 events<\/button>/.exec(html);
    expect(button).not.toBeNull();
    expect(html).toContain(`<ol class="event-list" id="${button![1]}"`);
  });
});
