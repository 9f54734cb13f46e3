import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioToInput, simulateExpected } from '../../engine';
import { yearChoice } from '../../renderer/src/model/reveal';
import { runUntilWeek } from '../../renderer/src/model/reveal-run';
import { PortfolioChart, portfolioRows } from '../../renderer/src/views/explore/portfolio-chart';
import { wgllScoresAt } from '../../renderer/src/views/explore/wgll-overlay';

// The panels beside the "why" during a reveal: nothing they draw or say may come from after the reveal week.
const parsed = parseScenario(readFileSync('scenarios/scas-staged-journey.momentum', 'utf8'));
if (!parsed.ok) throw new Error('scas-staged-journey.momentum does not parse');
const run = simulateExpected(scenarioToInput(parsed.scenario));
const REVEAL_WEEKS = [0, 26, 64, 100, 200];

describe('[R8] reveals: the portfolio timeline stops at the reveal week', () => {
  it('ends every bar at or before the reveal week (an open bar drawn to the horizon says "still in progress in year 5")', () => {
    let open = 0;
    for (const week of REVEAL_WEEKS) {
      const rows = portfolioRows(runUntilWeek(run, week), new Map(), week);
      for (const bar of rows.flatMap((r) => r.bars)) {
        expect(bar.to).toBeLessThanOrEqual(week / 52 + 1e-9);
        if (bar.to === week / 52) open++;
      }
    }
    // Some bars were open at a reveal week, so the cut was tested.
    expect(open).toBeGreaterThan(0);
    // The whole run still draws to the horizon.
    expect(Math.max(...portfolioRows(run).flatMap((r) => r.bars.map((b) => b.to)))).toBe(run.horizonWeeks / 52);
  });

  it('says "at week N" and "so far" in its caption, not "by the end"', () => {
    const html = renderToStaticMarkup(createElement(PortfolioChart, { run: runUntilWeek(run, 26), fontSize: 14, untilWeek: 26 }));
    const caption = /data-testid="caption-portfolio">([^<]*)</.exec(html)![1]!;
    expect(caption).toMatch(/^In the quick estimate \(noise off\), at week 26: \d+ of \d+ initiatives are live, \d+ failed so far, \d+ not live yet\./);
    expect(caption).not.toContain('by the end');
    const whole = renderToStaticMarkup(createElement(PortfolioChart, { run, fontSize: 14 }));
    expect(whole).toContain('are live by the end');
  });
});

describe('[R8] reveals: "What Good Looks Like" scores stop at the year under way', () => {
  it('offers the years seen so far, reading the year under way at the reveal week', () => {
    expect(yearChoice(5, 260, null)).toEqual({ maxYear: 5, year: 5, week: 260, label: 'Year 5' });
    expect(yearChoice(5, 260, 0)).toEqual({ maxYear: 1, year: 1, week: 0, label: 'Week 0' });
    expect(yearChoice(5, 260, 26)).toEqual({ maxYear: 1, year: 1, week: 26, label: 'Week 26' });
    expect(yearChoice(5, 260, 104)).toEqual({ maxYear: 2, year: 2, week: 104, label: 'Year 2' });
    expect(yearChoice(1, 260, 78)).toEqual({ maxYear: 2, year: 1, week: 52, label: 'Year 1' });
    expect(yearChoice(5, 260, 260)).toEqual({ maxYear: 5, year: 5, week: 260, label: 'Year 5' });
  });

  it('gives the scores of the reveal week itself, every one a real figure, never a blank week read as 1', () => {
    for (const week of REVEAL_WEEKS) {
      const { week: at } = yearChoice(5, run.horizonWeeks, week);
      const seen = wgllScoresAt(runUntilWeek(run, week), at);
      expect(seen.every((v) => v !== null && Number.isFinite(v))).toBe(true);
      expect(seen).toEqual(wgllScoresAt(run, Math.min(at, week)));
    }
  });
});
