// [R7] The per-initiative timeline keeps the first attempt of an initiative that failed and was re-planned:
// firstStartWeek and attempts agree with the run's 'start' events, whatever happened in between.
import { describe, expect, it } from 'vitest';
import { simulate, simulateExpected, type RunResult } from '../../engine';
import { digestInputs } from './engine-digest';

/** Return, per initiative id, the weeks of its events of one kind, in order. */
function weeksOf(run: RunResult, kind: string): Map<string, number[]> {
  const weeks = new Map<string, number[]>();
  for (const e of run.events) {
    if (e.kind !== kind || e.initiativeId === undefined) continue;
    weeks.set(e.initiativeId, [...(weeks.get(e.initiativeId) ?? []), e.week]);
  }
  return weeks;
}

describe('[R7] first attempts in the timeline', () => {
  const runs: RunResult[] = [];
  for (const c of digestInputs()) {
    runs.push(simulateExpected(c.input));
    for (const seed of [1, 2, 3]) runs.push(simulate(c.input, seed));
  }

  it('firstStartWeek is the first start, startWeek the latest, attempts the number of starts, lastFailedWeek the latest failure', () => {
    for (const run of runs) {
      const starts = weeksOf(run, 'start');
      const failures = weeksOf(run, 'failure');
      for (const o of run.timeline) {
        const weeks = starts.get(o.id) ?? [];
        expect(o.attempts).toBe(weeks.length);
        expect(o.firstStartWeek).toBe(weeks.length > 0 ? weeks[0] : -1);
        expect(o.startWeek).toBe(weeks.length > 0 ? weeks[weeks.length - 1] : -1);
        const failed = failures.get(o.id) ?? [];
        expect(o.failedWeek).toBe(failed.length > 0 ? failed[0] : -1);
        expect(o.lastFailedWeek).toBe(failed.length > 0 ? failed[failed.length - 1] : -1);
      }
    }
  });

  it('a re-planned initiative shows its first attempt before its failure and the retry after it', () => {
    const retried = runs.flatMap((run) => run.timeline.filter((o) => (o.attempts ?? 0) > 1));
    // The cases include re-planned failures; without them this test would prove nothing.
    expect(retried.length).toBeGreaterThan(0);
    for (const o of retried) {
      expect(o.firstStartWeek).toBeLessThan(o.startWeek);
      expect(o.failedWeek).toBeGreaterThanOrEqual(o.firstStartWeek!);
      expect(o.failedWeek).toBeLessThan(o.startWeek);
      // The retry either failed too (after it started) or did not fail (live, or in progress at the horizon).
      if (o.lastFailedWeek! > o.failedWeek) expect(o.lastFailedWeek).toBeGreaterThanOrEqual(o.startWeek);
      else expect(o.lastFailedWeek).toBe(o.failedWeek);
    }
    // Some retries fail again; without them the lastFailedWeek check above would prove little.
    expect(retried.some((o) => o.lastFailedWeek! > o.failedWeek)).toBe(true);
  });
});
