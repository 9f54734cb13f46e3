import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CONSTRAINTS, EXPLAIN_PERIOD_WEEKS, parseScenario, scenarioToInput, simulateExpected, type Constraint, type PeriodExplanation, type RunResult } from '../../engine';
import { CONSTRAINT_WORDS, WhyPanel } from '../../renderer/src/components/why-panel';
import { runUntilWeek } from '../../renderer/src/model/reveal-run';
import { explanationsUntilWeek, revealExplained, revealWhyNote } from '../../renderer/src/model/reveal-why';

// At reveal week R the "why" panel may use only what is knowable at R: the engine's quarters that end by R.
const parsed = parseScenario(readFileSync('scenarios/scas-staged-journey.momentum', 'utf8'));
if (!parsed.ok) throw new Error('scas-staged-journey.momentum does not parse');
const run = simulateExpected(scenarioToInput(parsed.scenario));

function period(fromWeek: number, toWeek: number, binding: Constraint): PeriodExplanation {
  const shares = Object.fromEntries(CONSTRAINTS.map((c) => [c, c === binding ? 1 : 0])) as Record<Constraint, number>;
  return { fromWeek, toWeek, binding, shares };
}

/** Return the text a person reads in the "why" panel for a run at a reveal week. */
function whyText(r: RunResult, revealWeek: number | null): string {
  return renderToStaticMarkup(createElement(WhyPanel, { run: r, revealWeek }))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

describe('[R8] reveals: the "why" panel explains only the quarters that have ended', () => {
  it('keeps the periods that end at or before the reveal week, as the whole run has them', () => {
    const periods = [period(0, 12, 'scope'), period(13, 25, 'switching'), period(26, 38, 'fatigue')];
    expect(explanationsUntilWeek(periods, 11)).toEqual([]);
    expect(explanationsUntilWeek(periods, 12)).toEqual(periods.slice(0, 1));
    expect(explanationsUntilWeek(periods, 30)).toEqual(periods.slice(0, 2));
    expect(explanationsUntilWeek(periods, 38)[2]).toBe(periods[2]);
  });

  it('drops, at every week of a real run, the quarter under way (it counts weeks after the reveal) and no other', () => {
    // The engine's quarters are what this relies on: aligned on EXPLAIN_PERIOD_WEEKS, in order, the last cut at the horizon.
    expect(run.explanations.map((p) => p.fromWeek)).toEqual(run.explanations.map((_, i) => i * EXPLAIN_PERIOD_WEEKS));
    expect(run.explanations.at(-1)!.toWeek).toBe(run.horizonWeeks);
    for (let week = 0; week < run.horizonWeeks; week++) {
      const seen = runUntilWeek(run, week).explanations;
      expect(seen.every((p) => p.toWeek <= week)).toBe(true);
      expect(seen).toEqual(run.explanations.slice(0, seen.length));
      // The next quarter is the one under way (or starts the week after), so nothing that has ended is missing.
      expect(run.explanations[seen.length]!.toWeek).toBeGreaterThan(week);
    }
    expect(runUntilWeek(run, run.horizonWeeks).explanations).toBe(run.explanations);
  });

  it('says how far the explanation reaches and which quarter waits, cut at the horizon', () => {
    expect(revealExplained([], 0, 260)).toEqual({ revealWeek: 0, throughWeek: -1, pending: { fromWeek: 0, toWeek: 12 } });
    const two = [period(0, 12, 'scope'), period(13, 25, 'switching')];
    expect(revealExplained(two, 26, 260)).toEqual({ revealWeek: 26, throughWeek: 25, pending: { fromWeek: 26, toWeek: 38 } });
    expect(revealExplained(two, 25, 260)).toEqual({ revealWeek: 25, throughWeek: 25, pending: null });
    const seven = Array.from({ length: 7 }, (_, p) => period(p * 13, p * 13 + 12, 'team'));
    expect(revealExplained(seven, 95, 100).pending).toEqual({ fromWeek: 91, toWeek: 100 });
  });

  it('words the note for each case: too early, a quarter under way, explained up to the reveal week', () => {
    expect(revealWhyNote({ revealWeek: 0, throughWeek: -1, pending: { fromWeek: 0, toWeek: 12 } })).toBe(
      "Too early to say what holds progress back: the first quarter (weeks 0–12) is explained once the reveals reach week 12, and the run's lessons show with the whole run.",
    );
    expect(revealWhyNote({ revealWeek: 28, throughWeek: 25, pending: { fromWeek: 26, toWeek: 38 } })).toBe(
      "Explained up to week 25: the quarter under way (weeks 26–38) is explained once the reveals reach week 38, and the run's lessons show with the whole run.",
    );
    expect(revealWhyNote({ revealWeek: 64, throughWeek: 64, pending: null })).toBe("Explained up to week 64, where the charts stop; the run's lessons show with the whole run.");
  });

  it('renders no constraint at a week before the first quarter ends, and "so far" with the reach afterwards', () => {
    // A run whose first quarter is bound by scope and whose second, under way at week 20, by fatigue.
    const fake = { ...run, explanations: [period(0, 12, 'scope'), period(13, 25, 'fatigue')] } as RunResult;
    const early = whyText(runUntilWeek(fake, 5), 5);
    expect(early).toContain('Too early to say what holds progress back');
    for (const c of CONSTRAINTS) expect(early).not.toContain(CONSTRAINT_WORDS[c].name);
    const mid = whyText(runUntilWeek(fake, 20), 20);
    expect(mid).toContain(`${CONSTRAINT_WORDS.scope.name} holds progress back most so far`);
    expect(mid).toContain('(100% of the progress lost up to week 12)');
    expect(mid).toContain('the quarter under way (weeks 13–25)');
    expect(mid).not.toContain(CONSTRAINT_WORDS.fatigue.name);
    // Once the reveals reach its end, the quarter is explained: both constraints now share the lost progress.
    const after = whyText(runUntilWeek(fake, 25), 25);
    expect(after).toContain(CONSTRAINT_WORDS.fatigue.name);
    expect(after).toContain('Explained up to week 25, where the charts stop');
    // The whole run: no "so far", no note.
    const whole = whyText(fake, null);
    expect(whole).not.toContain('so far');
    expect(whole).not.toContain('Explained up to');
  });

  it('cuts a run it is given whole during a reveal, rather than trust the host to have cut it', () => {
    const fake = { ...run, explanations: [period(0, 12, 'scope'), period(13, 25, 'fatigue')] } as RunResult;
    const text = whyText(fake, 20);
    expect(text).toContain('the quarter under way (weeks 13–25)');
    expect(text).not.toContain(CONSTRAINT_WORDS.fatigue.name);
    for (const i of run.insights) expect(text).not.toContain(i.text);
  });

  it('says where the last year of the story stops when it is only partly seen', () => {
    const fake = { ...run, explanations: [period(0, 12, 'scope'), period(13, 25, 'scope'), period(26, 38, 'fatigue'), period(39, 51, 'fatigue'), period(52, 64, 'team')] } as RunResult;
    const text = whyText(runUntilWeek(fake, 70), 70);
    expect(text).toContain('Year 1: scope keeps growing');
    expect(text).toContain('Year 2 (to week 64): team size and mix');
  });
});
