// Insight texts read as plain English (engine/SPEC.md X2): singular forms, no counts of nothing.
import { describe, expect, it } from 'vitest';
import { simulate, simulateExpected, type RunResult } from '../../engine';
import { count } from '../../engine/explain';
import { concurrency, covid, scas, withLevers } from './fixtures';

/** Return the texts of a run's insights that read oddly: a plural after one, a count of zero things. */
function oddTexts(run: RunResult): string[] {
  return run.insights.map((i) => i.text).filter((t) =>
    /\b1 (priorities|attempts|changes|initiatives|weeks)\b/.test(t) || /\bUp to [0-2] business-critical/.test(t) || /\b0 (attempts|changes)\b/.test(t) || /about 0%/.test(t));
}

describe('[X2] insight wording', () => {
  it('[X2] count() uses the singular for exactly one', () => {
    expect(count(1, 'priority', 'priorities')).toBe('1 priority');
    expect(count(0, 'priority', 'priorities')).toBe('0 priorities');
    expect(count(2, 'attempt', 'attempts')).toBe('2 attempts');
  });
  it('[X2] one priority at a time is said in the singular (whole-board ownership keeps priorities from creeping)', () => {
    const run = simulateExpected(withLevers({ 'priorities.concurrent': 1, 'leadership.ownership': 3 }));
    expect(run.insights.find((i) => i.id === 'switching')!.text).toMatch(/about 1 priority at a time/);
  });
  it('[X2] no insight of the fixtures reads "1 priorities", "0 attempts" or "Up to 0 business-critical"', () => {
    const runs = [concurrency(1), concurrency(2), concurrency(30), covid(), scas(false), scas(true)].flatMap((input) => [simulateExpected(input), simulate(input, 1), simulate(input, 2)]);
    for (const run of runs) expect(oddTexts(run)).toEqual([]);
  });
  it('[X2] the critical-changes insight appears only with three or more at once, and says so when none failed', () => {
    let seen = 0;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const run = simulate(scas(false), seed);
      const critical = run.insights.find((i) => i.id === 'critical');
      if (!critical) continue;
      seen++;
      expect(critical.text).toMatch(/^Up to ([3-9]|\d{2,}) business-critical changes/);
      if (run.kpis.initiativesFailed === 0) expect(critical.text).toMatch(/None failed/);
      else expect(critical.text).toMatch(/\d+ attempts? failed/);
    }
    expect(seen).toBeGreaterThan(0);
    // A staged journey (at most about two at a time) does not get it.
    expect(simulateExpected(scas(true)).insights.some((i) => i.id === 'critical')).toBe(false);
  });
});
