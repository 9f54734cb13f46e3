import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { monteCarlo, parseScenario, PILLARS, scenarioToInput, simulateExpected } from '../../engine';
import { BAND_SERIES } from '../../renderer/src/sim/live-scheduler';
import { SERIES_IDS } from '../../renderer/src/views/explore/outputs';
import { comparisonLines, isTypical, kpiRun, lineBasis, pickBand, shownSeries } from '../../renderer/src/views/explore/line-sets';
import type { ExploreRuns, ShownLine } from '../../renderer/src/views/explore/use-explore-runs';
import { bandsUntilWeek, runUntilWeek } from '../../renderer/src/model/reveal-run';

const parsed = parseScenario(readFileSync('scenarios/milton-keynes.momentum', 'utf8'));
if (!parsed.ok) throw new Error('milton-keynes.momentum does not parse');
const input = scenarioToInput(parsed.scenario);
const pinInput = scenarioToInput(parsed.scenario, { 'priorities.concurrent': 1 });
const expected = simulateExpected(input);
const mc = monteCarlo(input, { replications: 200, seed: 7, series: ['maturity', 'benefits'] });
const pinExpected = simulateExpected(pinInput);
const pinMc = monteCarlo(pinInput, { replications: 200, seed: 7, series: ['maturity', 'benefits'] });
const typical: ShownLine = { kind: 'typical', replications: 200 };
const estimate: ShownLine = { kind: 'estimate' };
const pin = { id: 'p1', name: 'One priority', overrides: { 'priorities.concurrent': 1 } };

function runs(shown: ShownLine, pinBands = pinMc): Pick<ExploreRuns, 'current' | 'bands' | 'baseline' | 'baselineBands' | 'pinned' | 'shown'> {
  return { shown, current: expected, bands: mc, baseline: expected, baselineBands: mc, pinned: [{ pin, run: pinExpected, bands: pinBands }] };
}

describe('Explore: which line the charts draw', () => {
  it('draws the median of the replications, inside its P10–P90 band, once the runs are in', () => {
    const lines = comparisonLines(['maturity'], runs(typical));
    const current = lines.at(-1)!;
    expect(current.label).toBe('Your settings (median)');
    expect(current.values).toBe(mc.bands.maturity!.p50);
    expect(current.band?.p90).toBe(mc.bands.maturity!.p90);
    for (let w = 0; w < current.values.length; w++) {
      expect(current.band!.p10[w]!).toBeLessThanOrEqual(current.values[w]!);
      expect(current.values[w]!).toBeLessThanOrEqual(current.band!.p90[w]!);
    }
    // The scenario as loaded and the pin are medians too, so the lines compare like with like.
    expect(lines.find((l) => l.label === 'Scenario as loaded')!.values).toBe(mc.bands.maturity!.p50);
    expect(lines.find((l) => l.label === 'One priority')!.values).toBe(pinMc.bands.maturity!.p50);
  });

  it('draws the expected run, labelled a quick estimate, until then; a pin without runs waits rather than mixing the two', () => {
    const lines = comparisonLines(['maturity'], runs(estimate));
    expect(lines.at(-1)!.label).toBe('Your settings (quick estimate)');
    expect(lines.at(-1)!.values).toBe(expected.series.maturity);
    expect(lines.find((l) => l.label === 'One priority')!.values).toBe(pinExpected.series.maturity);
    const waiting = comparisonLines(['maturity'], runs(typical, null as never));
    expect(waiting.map((l) => l.label)).toEqual(['Scenario as loaded', 'Your settings (median)']);
    // A series the runs have no band of has no median to draw.
    expect(shownSeries(typical, expected, mc, ['fatigue'])).toBeUndefined();
    expect(shownSeries(estimate, expected, mc, ['fatigue'])).toBe(expected.series.fatigue);
  });

  it('says in captions which line it is', () => {
    expect(lineBasis(typical)).toBe('Typical outcome (median of 200 runs)');
    expect(lineBasis(estimate)).toBe('Quick estimate (noise off)');
  });

  it('reads the headline and table KPIs as medians of the replications, and keeps them hidden during a reveal', () => {
    const k = kpiRun(typical, expected, mc)!;
    for (const id of Object.keys(expected.kpis)) expect(k.kpis[id]).toBe(mc.kpis[id]!.p50);
    expect(k.series).toBe(expected.series);
    expect(kpiRun(typical, expected, mc)).toBe(k);
    expect(kpiRun(estimate, expected, mc)).toBe(expected);
    expect(kpiRun(typical, expected, null)).toBeNull();
    const week = 52;
    const revealed = kpiRun(typical, runUntilWeek(expected, week), bandsUntilWeek(mc, week))!;
    for (const v of Object.values(revealed.kpis)) expect(v).toBeNaN();
  });

  it('asks for a band of every series a chart shades, adoption by pillar included, so each draws its median', () => {
    const all = monteCarlo(input, { replications: 60, seed: 11, series: BAND_SERIES });
    const charted = [SERIES_IDS.maturity, SERIES_IDS.fatigue, SERIES_IDS.confidence, SERIES_IDS.capability, SERIES_IDS.benefits, ...PILLARS.flatMap((p) => [SERIES_IDS.pillarMaturity(p), SERIES_IDS.adoption(p)])];
    const shown: ShownLine = { kind: 'typical', replications: 60 };
    for (const ids of charted) {
      expect(isTypical(shown, all, ids), ids.join(' | ')).toBe(true);
      const band = pickBand(all, ids)!;
      expect(shownSeries(shown, expected, all, ids)).toBe(band.p50);
    }
    for (const p of PILLARS) {
      const band = pickBand(all, SERIES_IDS.adoption(p))!;
      const end = band.p50.length - 1;
      expect(band.p10[end]).toBeLessThanOrEqual(band.p50[end]!);
      expect(band.p50[end]).toBeLessThanOrEqual(band.p90[end]!);
      // Adoption is uncertain: the runs spread, so the shading is not a flat line on the median.
      expect(band.p90[end]! - band.p10[end]!).toBeGreaterThan(0);
    }
  });
});
