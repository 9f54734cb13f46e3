import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { monteCarlo, parseScenario, scenarioToInput, simulate, type InitiativeOutcome, type RunResult } from '../../engine';
import { bandsUntilWeek, outcomeUntilWeek, runUntilWeek } from '../../renderer/src/model/reveal-run';

const parsed = parseScenario(readFileSync('scenarios/milton-keynes.momentum', 'utf8'));
if (!parsed.ok) throw new Error('milton-keynes.momentum does not parse');
const input = scenarioToInput(parsed.scenario);

/** Return the weeks, up to `week`, of one kind of event of one initiative. */
function weeks(run: RunResult, id: string, kind: string, week: number): number[] {
  return run.events.filter((e) => e.initiativeId === id && e.kind === kind && e.week <= week).map((e) => e.week);
}

const retried: InitiativeOutcome = { id: 'epr', startWeek: 60, goLiveWeek: 120, failedWeek: 40, pilotWeeks: 8, firstStartWeek: 10, attempts: 2, lastFailedWeek: 40 };

describe('[R7] reveals hide the later attempts of a re-planned initiative', () => {
  it('shows only the first attempt, unfailed, before its failure', () => {
    expect(outcomeUntilWeek(retried, 30)).toEqual({ id: 'epr', startWeek: 10, goLiveWeek: -1, failedWeek: -1, pilotWeeks: 0, firstStartWeek: 10, attempts: 1, lastFailedWeek: -1 });
  });

  it('shows the first failure but not the retry between the two', () => {
    expect(outcomeUntilWeek(retried, 50)).toEqual({ id: 'epr', startWeek: 10, goLiveWeek: -1, failedWeek: 40, pilotWeeks: 0, firstStartWeek: 10, attempts: 1, lastFailedWeek: 40 });
  });

  it('shows the retry once it started, its go-live and pilot only once it went live', () => {
    expect(outcomeUntilWeek(retried, 100)).toEqual({ id: 'epr', startWeek: 60, goLiveWeek: -1, failedWeek: 40, pilotWeeks: 0, firstStartWeek: 10, attempts: 2, lastFailedWeek: 40 });
    expect(outcomeUntilWeek(retried, 130)).toEqual(retried);
  });

  it('hides the second failure of a retry until it happens, and everything before the first start', () => {
    const twice: InitiativeOutcome = { ...retried, goLiveWeek: -1, pilotWeeks: 0, lastFailedWeek: 90 };
    expect(outcomeUntilWeek(twice, 80).lastFailedWeek).toBe(40);
    expect(outcomeUntilWeek(twice, 95).lastFailedWeek).toBe(90);
    expect(outcomeUntilWeek(twice, 5)).toEqual({ id: 'epr', startWeek: -1, goLiveWeek: -1, failedWeek: -1, pilotWeeks: 0, firstStartWeek: -1, attempts: 0, lastFailedWeek: -1 });
  });

  it('copies no field it does not know, so a field added later cannot leak the ending', () => {
    const withExtra = { ...retried, secretOutcome: 'live at week 120' } as InitiativeOutcome;
    expect(Object.keys(outcomeUntilWeek(withExtra, 50))).not.toContain('secretOutcome');
  });

  it('agrees, at every reveal week, with the events of real runs up to that week', () => {
    let retries = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const run = simulate(input, seed);
      retries += run.timeline.filter((o) => (o.attempts ?? 0) > 1).length;
      for (const week of [0, 13, 26, 52, 78, 104, 156, 208]) {
        const seen = runUntilWeek(run, week);
        for (const o of seen.timeline) {
          const starts = weeks(run, o.id, 'start', week);
          const failures = weeks(run, o.id, 'failure', week);
          const goLives = weeks(run, o.id, 'go-live', week);
          expect(o.attempts).toBe(starts.length);
          expect(o.firstStartWeek).toBe(starts[0] ?? -1);
          expect(o.startWeek).toBe(starts[starts.length - 1] ?? -1);
          expect(o.failedWeek).toBe(failures[0] ?? -1);
          expect(o.lastFailedWeek).toBe(failures[failures.length - 1] ?? -1);
          expect(o.goLiveWeek).toBe(goLives[goLives.length - 1] ?? -1);
          if (o.goLiveWeek < 0) expect(o.pilotWeeks).toBe(0);
        }
        expect(seen.insights).toEqual([]);
      }
    }
    // Without re-planned initiatives in these runs the retry fields would go untested.
    expect(retries).toBeGreaterThan(0);
  });

  it('hides the Monte Carlo KPI distributions during a reveal and keeps them once the whole run shows', () => {
    const mc = monteCarlo(input, { replications: 20, seed: 3 });
    const seen = bandsUntilWeek(mc, 52)!;
    expect(Object.keys(seen.kpis)).toEqual(Object.keys(mc.kpis));
    for (const d of Object.values(seen.kpis)) {
      expect([d.p10, d.p50, d.p90, d.mean].every(Number.isNaN)).toBe(true);
      expect(d.values.length).toBe(0);
    }
    expect(bandsUntilWeek(mc, null)).toBe(mc);
    expect(bandsUntilWeek(mc, mc.horizonWeeks)).toBe(mc);
  });
});
