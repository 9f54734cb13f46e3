// The Portfolio chart's row labels are drawn inside its canvas, where chart.js clips whatever is wider than the
// y-axis's share of it: on a narrow window or a projector of few pixels they are cut to the width there is.
import { describe, expect, it } from 'vitest';
import type { InitiativeOdds } from '../../engine';
import { fitRowLabel, fitRowLabels, rowLabel, rowLabelWidth } from '../../renderer/src/views/explore/portfolio-chart';

const odds = (id: string, live: number): InitiativeOdds => ({ id, live, failed: 0, failedAtEnd: 0, goLiveP10: 100, goLiveP50: 130, goLiveP90: 156 });
// Every character 10 pixels wide: widths are then easy to reckon.
const measure = (text: string) => text.length * 10;
const row = (name: string, replanned = false) => ({ id: name, name, replanned });

describe('portfolio row labels: fitting the width', () => {
  it('leaves a label that fits as the 26-character label it always was', () => {
    const r = row('Network, Wi-Fi and devices for every ward');
    expect(fitRowLabel(r, odds('n', 0.99), 1000, measure)).toBe(rowLabel(r, odds('n', 0.99)));
    expect(fitRowLabel(r, odds('n', 0.99), 1000, measure)).toBe('Network, Wi-Fi and device… · 99% live');
    expect(fitRowLabel(row('EPR phase 1'), undefined, 1000, measure)).toBe('EPR phase 1');
  });

  it('cuts the name, never the odds or the re-planned mark, to the longest label that fits', () => {
    const r = row('Network, Wi-Fi and devices for every ward');
    const label = fitRowLabel(r, odds('n', 0.99), 200, measure);
    expect(label).toBe('Network,… · 99% live');
    expect(measure(label)).toBeLessThanOrEqual(200);
    // One character more of the name would not have fitted.
    expect(measure(rowLabel(r, odds('n', 0.99), 11))).toBeGreaterThan(200);
    const replanned = fitRowLabel(row('Integration engine and beyond', true), odds('i', 0.4), 320, measure);
    expect(replanned).toBe('Integra… (re-planned) · 40% live');
    expect(measure(replanned)).toBeLessThanOrEqual(320);
  });

  it('stops at three letters and an ellipsis when even that does not fit', () => {
    expect(fitRowLabel(row('Patient portal'), odds('p', 0.78), 20, measure)).toBe('Pat… · 78% live');
    expect(fitRowLabel(row('EPR'), odds('p', 0.78), 20, measure)).toBe('EPR · 78% live');
  });

  it('cuts names that would come out the same in the middle, keeping the words that tell them apart', () => {
    const rows = [row('e-CARE EPR phase 1'), row('e-CARE EPR phase 2'), row('Patient portal that writes back')];
    const all = new Map([
      ['e-CARE EPR phase 1', odds('1', 0.88)],
      ['e-CARE EPR phase 2', odds('2', 0.63)],
      ['Patient portal that writes back', odds('3', 0.78)],
    ]);
    const labels = fitRowLabels(rows, all, 250, measure);
    expect(labels[0]).toBe('e-CARE…phase 1 · 88% live');
    expect(labels[1]).toBe('e-CARE…phase 2 · 63% live');
    expect(labels[2]).toBe('Patient porta… · 78% live');
    for (const l of labels) expect(measure(l)).toBeLessThanOrEqual(250);
    // With room for the whole names, nothing is cut.
    expect(fitRowLabels(rows, all, 1000, measure)).toEqual(rows.map((r) => rowLabel(r, all.get(r.id))));
    // Two initiatives of the same name cannot be told apart by it: they keep the plain cut.
    expect(fitRowLabels([row('Same name twice over here'), { ...row('Same name twice over here'), id: 'b' }], null, 100, measure)).toEqual(['Same name…', 'Same name…']);
  });

  it('gives the labels at most 42% of the canvas, and always less than the half chart.js allows the axis', () => {
    expect(rowLabelWidth(1000)).toBe(420);
    expect(rowLabelWidth(675)).toBeCloseTo(283.5);
    for (const w of [0, 20, 60, 300, 675, 2000]) expect(rowLabelWidth(w)).toBeLessThan(Math.max(1, w / 2));
    expect(rowLabelWidth(20)).toBe(0);
  });
});
