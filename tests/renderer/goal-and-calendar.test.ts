import { describe, expect, it } from 'vitest';
import { monteCarlo, parseScenario, scenarioToInput, simulateExpected, type Goal } from '../../engine';
import { readFileSync } from 'node:fs';
import { BASELINE_COLOUR, CAPABILITY_COLOUR, CURRENT_COLOUR, FATIGUE_COLOUR, GOAL_COLOUR, PILLAR_COLOURS, PIN_COLOURS } from '../../renderer/src/components/palette';
import { PORTFOLIO_STATUS_COLOURS } from '../../renderer/src/views/explore/portfolio-chart';
import { dateAtWeek, pointTitle, quarterName, quarterStart, yearsTickLabel } from '../../renderer/src/model/calendar';
import { goalLine, goalMark } from '../../renderer/src/views/explore/line-sets';

describe('the goal on the charts', () => {
  it('draws a maturity goal as a level on the maturity chart only', () => {
    const goal: Goal = { kind: 'maturity', atLeast: 3.5 };
    const line = goalLine(goal, 'maturity', 261)!;
    expect(line.label).toBe('Goal: maturity 3.5');
    expect(line.colour).toBe(GOAL_COLOUR);
    expect(line.values).toHaveLength(261);
    expect([...line.values].every((v) => v === 3.5)).toBe(true);
    expect(goalLine(goal, 'adoption', 261)).toBeNull();
  });

  it('draws an adoption goal on the adoption chart, in words and as a percentage', () => {
    const goal: Goal = { kind: 'adoption', pillar: 'patients', atLeast: 0.4 };
    expect(goalLine(goal, 'adoption', 100)!.label).toBe('Goal: 40% adoption (patients)');
    expect(goalLine(goal, 'maturity', 100)).toBeNull();
  });

  it('has no level for a goal of initiatives going live, but marks when it is reached', () => {
    const goal: Goal = { kind: 'initiatives-live', ids: ['a'] };
    expect(goalLine(goal, 'maturity', 100)).toBeNull();
    const parsed = parseScenario(readFileSync('scenarios/milton-keynes.momentum', 'utf8'));
    if (!parsed.ok) throw new Error('milton-keynes.momentum does not parse');
    const input = scenarioToInput(parsed.scenario);
    const run = simulateExpected(input);
    const mc = monteCarlo(input, { replications: 100, seed: 3, series: ['maturity'] });
    const typical = goalMark({ kind: 'typical', replications: 100 }, run, mc);
    const p50 = mc.kpis.weeksToGoal!.p50;
    if (p50 <= run.horizonWeeks) expect(typical).toEqual({ x: p50 / 52, label: 'Goal reached (typical run)' });
    else expect(typical).toBeNull();
    const estimate = goalMark({ kind: 'estimate' }, run, null);
    const w = run.kpis.weeksToGoal!;
    expect(estimate === null).toBe(!(w <= run.horizonWeeks));
  });
});

describe('calendar dates on the time axis', () => {
  it('starts at the first day of the current quarter', () => {
    expect(quarterStart(new Date(Date.UTC(2026, 11, 6))).toISOString().slice(0, 10)).toBe('2026-10-01');
    expect(quarterStart(new Date(Date.UTC(2027, 0, 1))).toISOString().slice(0, 10)).toBe('2027-01-01');
    expect(quarterName(new Date(Date.UTC(2026, 11, 6)))).toBe('Q4 2026');
  });

  it('labels whole years as month and year, and a point with its week', () => {
    const start = new Date(Date.UTC(2026, 9, 1));
    expect(yearsTickLabel(start, 0)).toBe('Oct 2026');
    expect(yearsTickLabel(start, 1)).toBe('Oct 2027');
    expect(yearsTickLabel(start, 5)).toBe('Oct 2031');
    expect(yearsTickLabel(start, 0.5)).toBe('Apr 2027');
    expect(dateAtWeek(start, 52).toISOString().slice(0, 10)).toBe('2027-09-30');
    expect(pointTitle(37 / 52, start)).toBe('Jun 2027 (week 37)');
  });
});

describe('each colour keeps one meaning', () => {
  it('gives pins colours that no other series, status or the goal uses', () => {
    const others = [CURRENT_COLOUR, BASELINE_COLOUR, GOAL_COLOUR, FATIGUE_COLOUR, CAPABILITY_COLOUR, ...Object.values(PILLAR_COLOURS), ...Object.values(PORTFOLIO_STATUS_COLOURS)];
    for (const c of PIN_COLOURS) expect(others.map((o) => o.toLowerCase())).not.toContain(c.toLowerCase());
    expect(new Set(PIN_COLOURS).size).toBe(PIN_COLOURS.length);
    expect(Object.values(PILLAR_COLOURS).map((c) => c.toLowerCase())).not.toContain(CURRENT_COLOUR.toLowerCase());
  });

  it('gives every series, status, pin and the goal a colour of its own across the chart tabs', () => {
    // Board confidence is drawn in the current settings' colour: both mean "your settings".
    const meanings: Record<string, string> = {
      current: CURRENT_COLOUR, baseline: BASELINE_COLOUR, goal: GOAL_COLOUR, fatigue: FATIGUE_COLOUR, capability: CAPABILITY_COLOUR,
      ...Object.fromEntries(Object.entries(PILLAR_COLOURS).map(([k, v]) => [`pillar ${k}`, v])),
      ...Object.fromEntries(Object.entries(PORTFOLIO_STATUS_COLOURS).map(([k, v]) => [`status ${k}`, v])),
      ...Object.fromEntries(PIN_COLOURS.map((c, i) => [`pin ${i + 1}`, c])),
    };
    const byColour = new Map<string, string[]>();
    for (const [meaning, colour] of Object.entries(meanings)) byColour.set(colour.toLowerCase(), [...(byColour.get(colour.toLowerCase()) ?? []), meaning]);
    expect([...byColour.values()].filter((m) => m.length > 1)).toEqual([]);
  });
});
