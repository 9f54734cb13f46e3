// [R11] The Portfolio chart's odds: each initiative's chance of being live at the end across the Explore view's
// Monte Carlo, in the row labels, tooltips, caption and a list for screen readers; none during a reveal or
// without the runs of the settings shown.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  blankInput, monteCarlo, REFERENCE_PORTFOLIO, simulateExpected, type InitiativeOdds, type MonteCarloResult,
} from '../../engine';
import { BAND_REPLICATIONS, BAND_SEED, BAND_SERIES } from '../../renderer/src/sim/live-scheduler';
import { bandsUntilWeek, runUntilWeek } from '../../renderer/src/model/reveal-run';
import {
  AT_RISK_BELOW, atRiskSentence, formatShare, goLiveRange, oddsLines, PortfolioChart, portfolioOdds, portfolioRows, rowLabel,
} from '../../renderer/src/views/explore/portfolio-chart';

const odds = (id: string, live: number, more: Partial<InitiativeOdds> = {}): InitiativeOdds => ({
  id, live, failed: 0, failedAtEnd: 0, goLiveP10: live > 0 ? 100 : null, goLiveP50: live > 0 ? 130 : null, goLiveP90: live > 0 ? 156 : null, ...more,
});

// The view's Monte Carlo of the blank trust, as Explore runs it when the app opens.
const input = blankInput();
const mc: MonteCarloResult = monteCarlo(input, { replications: BAND_REPLICATIONS, seed: BAND_SEED, series: BAND_SERIES });
const expected = simulateExpected(input);
const names = new Map(REFERENCE_PORTFOLIO.map((i) => [i.id, i.name]));

describe('[R11] portfolio odds: words', () => {
  it('formats a share of runs without rounding to a certainty that is not one', () => {
    expect([0, 0.004, 0.005, 0.42, 0.994, 0.995, 1].map(formatShare)).toEqual(['0%', '<1%', '1%', '42%', '99%', '>99%', '100%']);
  });
  it('gives the go-live range in years, P10–P90, or nothing when it never goes live', () => {
    expect(goLiveRange(odds('a', 0.8, { goLiveP10: 109, goLiveP90: 156 }))).toBe('usually live in year 2.1–3.0 (P10–P90)');
    expect(goLiveRange(odds('a', 0.8, { goLiveP10: 104, goLiveP90: 105 }))).toBe('usually live in year 2.0');
    expect(goLiveRange(odds('a', 0))).toBeNull();
  });
  it('labels a row with its chance of being live, and leaves it bare without odds', () => {
    expect(rowLabel({ name: 'EPR phase 1', replanned: false }, odds('epr', 0.84))).toBe('EPR phase 1 · 84% live');
    expect(rowLabel({ name: 'EPR phase 1', replanned: true }, odds('epr', 0.84))).toBe('EPR phase 1 (re-planned) · 84% live');
    expect(rowLabel({ name: 'EPR phase 1', replanned: false }, undefined)).toBe('EPR phase 1');
    expect(rowLabel({ name: 'A very long initiative name that goes on', replanned: false }, odds('x', 0.5))).toBe('A very long initiative na… · 50% live');
  });
  it('says in the tooltip how often it fails on the way and when it usually goes live', () => {
    expect(oddsLines(odds('a', 0.76, { failed: 0.29, failedAtEnd: 0.07, goLiveP10: 64, goLiveP90: 188 }), 500)).toEqual([
      'Live at the end in 76% of 500 runs',
      'failed at least once in 29% (still failed at the end in 7%)',
      'usually live in year 1.2–3.6 (P10–P90)',
    ]);
    expect(oddsLines(odds('b', 0), 500)).toEqual(['Live at the end in 0% of 500 runs']);
    expect(oddsLines(odds('c', 1, { failed: 0.1 }), 100)).toEqual(['Live at the end in 100% of 100 runs', 'failed at least once in 10%', 'usually live in year 1.9–3.0 (P10–P90)']);
  });
  it('names the initiatives most at risk in the caption, least likely first, at most three', () => {
    const rows = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: id.toUpperCase() }));
    const map = (lives: number[]) => new Map(lives.map((l, i) => [rows[i]!.id, odds(rows[i]!.id, l)]));
    expect(atRiskSentence(rows, map([0.9, 0.3, 0.1, 0.45, 0.3]))).toBe(' Most at risk, live at the end in fewer than half of the runs: C (10% of runs), B (30%) and E (30%), and 1 more.');
    expect(atRiskSentence(rows, map([0.9, 0.3, 0.8, 0.6, 0.7]))).toBe(' Most at risk, live at the end in fewer than half of the runs: B (30% of runs).');
    expect(atRiskSentence(rows, map([0.9, 0.5, 0.8, 0.6, 0.7]))).toBe(' Every initiative is live at the end in at least half of the runs; the least likely is B (50%).');
    expect(atRiskSentence(rows, new Map())).toBe('');
  });
});

describe('[R11] portfolio odds: from the view\'s Monte Carlo', () => {
  it('takes the odds of the same portfolio only', () => {
    const byId = portfolioOdds(mc, expected)!;
    expect([...byId.keys()]).toEqual(expected.timeline.map((o) => o.id));
    expect(byId.get('video')).toBe(mc.initiatives.find((o) => o.id === 'video'));
    expect(portfolioOdds(null, expected)).toBeNull();
    expect(portfolioOdds(mc, { timeline: expected.timeline.slice(1) })).toBeNull();
    expect(portfolioOdds({ ...mc, initiatives: [...mc.initiatives].reverse() }, expected)).toBeNull();
  });
  it('names in the caption exactly the initiatives live in fewer than half of the runs', () => {
    const rows = portfolioRows(expected, names);
    const sentence = atRiskSentence(rows, portfolioOdds(mc, expected)!);
    const risky = mc.initiatives.filter((o) => o.live < AT_RISK_BELOW).sort((a, b) => a.live - b.live);
    expect(risky.length).toBeGreaterThan(0);
    for (const o of risky.slice(0, 3)) expect(sentence).toContain(`${names.get(o.id)} (${formatShare(o.live)}`);
    for (const o of mc.initiatives.filter((x) => x.live >= AT_RISK_BELOW)) expect(sentence).not.toContain(names.get(o.id)!);
  });

  const render = (props: Parameters<typeof PortfolioChart>[0]) => renderToStaticMarkup(createElement(PortfolioChart, props));

  it('lists each initiative\'s odds for screen readers and names those at risk in the caption', () => {
    const html = render({ run: expected, typical: mc, names, fontSize: 14 });
    const video = mc.initiatives.find((o) => o.id === 'video')!;
    expect(html).toContain(`data-initiative="video">${names.get('video')} · ${formatShare(video.live)} live: Live at the end in ${formatShare(video.live)} of 500 runs`);
    expect(html).toContain('Most at risk, live at the end in fewer than half of the runs:');
  });
  it('shows no odds without the runs of these settings, nor during a reveal (bands masked or not)', () => {
    for (const html of [
      render({ run: expected, typical: null, names, fontSize: 14 }),
      render({ run: runUntilWeek(expected, 100), typical: mc, names, fontSize: 14, untilWeek: 100 }),
      render({ run: runUntilWeek(expected, 100), typical: bandsUntilWeek(mc, 100), names, fontSize: 14, untilWeek: 100 }),
    ]) {
      expect(html).not.toContain('portfolio-odds');
      expect(html).not.toContain('Most at risk');
      expect(html).not.toMatch(/% live/);
    }
    // Once the reveal reaches the end, the whole run shows and so do its odds.
    expect(render({ run: runUntilWeek(expected, 260), typical: bandsUntilWeek(mc, 260), names, fontSize: 14, untilWeek: 260 })).toContain('portfolio-odds');
  });
  it('a reveal blanks the odds in the Monte Carlo itself until the end, like the KPI distributions', () => {
    expect(bandsUntilWeek(mc, 100)!.initiatives).toEqual([]);
    expect(bandsUntilWeek(mc, 259)!.initiatives).toEqual([]);
    expect(bandsUntilWeek(mc, 260)!.initiatives).toBe(mc.initiatives);
    expect(bandsUntilWeek(mc, null)!.initiatives).toBe(mc.initiatives);
  });
});
