// The independent check of issue 9: the team, capability and adoption part of Momentum's model built a
// second time in Insight Maker's engine (`simulation` on npm, bench/insight-maker/) must give the same weekly
// series as Momentum's own runs. Timing lives in `npm run bench`, not here.
import { describe, expect, it } from 'vitest';
import { blankInput, formatProblems, LEVERS, parseScenario, scenarioToInput, simulate, simulateExpected, type SimInput } from '../../engine';
import {
  driversFrom, insightMakerSeries, maxAbsDifference, momentumSeries, unsupportedReason, type ComparedSeries,
} from '../../bench/insight-maker/adoption-capability';
import { libraryFiles } from '../scenarios/library-files';

/**
 * Largest absolute difference allowed between the two implementations, on series that live in [0, 1].
 * Both step the same equations once a week in double precision; they differ only in the order of
 * floating-point operations and in Insight Maker reporting 15 significant digits, which together stay
 * below 1e-14. The tolerance leaves room for that and nothing more: any real difference in an equation
 * shows at 1e-4 or more within a few weeks.
 */
const TOLERANCE = 1e-9;

function worstGap(a: ComparedSeries, b: ComparedSeries): { capability: number; adoption: number } {
  return {
    capability: maxAbsDifference(a.capability, b.capability),
    adoption: Math.max(...a.adoption.map((s, i) => maxAbsDifference(s, b.adoption[i]!))),
  };
}

const library = libraryFiles().map(({ file, text }) => {
  const r = parseScenario(text);
  if (!r.ok) throw new Error(`${file} does not parse:\n${formatProblems(r.problems).join('\n')}`);
  return { file, input: scenarioToInput(r.scenario) };
});
const covered = library.filter((s) => unsupportedReason(s.input) === null);
const leftOut = library.filter((s) => unsupportedReason(s.input) !== null);

describe('Insight Maker cross-check of team, capability and adoption (issue 9)', () => {
  it('covers most of the prepared scenarios', () => {
    expect(covered.length).toBeGreaterThanOrEqual(library.length - 2);
  });

  it.each(covered.map((s) => [s.file, s.input] as const))('[C2][C4][C8] %s: both give the same series, expected run and seed 7', (_file, input) => {
    for (const run of [simulateExpected(input), simulate(input, 7)]) {
      const ours = momentumSeries(run);
      const theirs = insightMakerSeries(driversFrom(input, run));
      expect(theirs.capability).toHaveLength(run.horizonWeeks + 1);
      const gap = worstGap(ours, theirs);
      expect(gap.capability).toBeLessThanOrEqual(TOLERANCE);
      expect(gap.adoption).toBeLessThanOrEqual(TOLERANCE);
    }
  });

  it('[C4][C8] the compared series move (agreement is not two flat lines)', () => {
    const run = simulateExpected(blankInput());
    const ours = momentumSeries(run);
    const cap = ours.capability;
    expect(Math.max(...cap) - Math.min(...cap)).toBeGreaterThan(0.1);
    expect(Math.max(...ours.adoption.map((a) => a[a.length - 1]!))).toBeGreaterThan(0.1);
  });

  it.each([
    ['every lever at its low end', 0],
    ['every lever at its high end', 1],
    ['every lever a third of the way', 1 / 3],
  ])('[C2][C4][C8] the blank trust with %s agrees too', (_label, at) => {
    const levers = Object.fromEntries(LEVERS.map((l) => [l.id, l.options ? l.options[Math.round(at * (l.options.length - 1))]!.value : l.min + at * (l.max - l.min)]));
    const input: SimInput = { ...blankInput(), levers };
    const run = simulateExpected(input);
    const gap = worstGap(momentumSeries(run), insightMakerSeries(driversFrom(input, run)));
    expect(gap.capability).toBeLessThanOrEqual(TOLERANCE);
    expect(gap.adoption).toBeLessThanOrEqual(TOLERANCE);
  });

  it('tells a real difference apart: a funding cut the second model leaves out shows as a gap far above the tolerance', () => {
    expect(leftOut.length).toBeGreaterThan(0);
    const { input } = leftOut[0]!;
    const run = simulateExpected(input);
    const gap = worstGap(momentumSeries(run), insightMakerSeries(driversFrom(input, run)));
    expect(gap.capability).toBeGreaterThan(1e-3);
  });
});
