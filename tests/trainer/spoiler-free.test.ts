import { readdirSync, readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioToInput, simulateExpected } from '../../engine';
import { WhyPanel } from '../../renderer/src/components/why-panel';
import { orderReveals } from '../../renderer/src/model/reveal';
import { runUntilWeek } from '../../renderer/src/model/reveal-run';
import { createAppStore } from '../../renderer/src/store';
import { selectEndingHidden, selectVisibleUntilWeek } from '../../renderer/src/store/trainer/selectors';
import { ScenarioHead } from '../../renderer/src/views/explore/scenario-head';

// Issue 17: while the room votes on what will happen, nothing on screen may tell it what the run teaches.
const FILES = readdirSync('scenarios').filter((f) => f.endsWith('.momentum'));

describe('spoiler-free reveals in every prepared scenario', () => {
  it('finds the prepared scenarios', () => expect(FILES.length).toBeGreaterThan(10));

  for (const file of FILES) {
    it(`${file}: hides the lesson, insights, "why" lessons and verdicts until the reveal reaches the end`, () => {
      const parsed = parseScenario(readFileSync(`scenarios/${file}`, 'utf8'));
      if (!parsed.ok) throw new Error(`${file} does not parse`);
      const scenario = parsed.scenario;
      const run = simulateExpected(scenarioToInput(scenario));
      const store = createAppStore();
      store.getState().loadScenario(scenario);
      const steps = orderReveals(scenario.trainer.reveals);
      const seen = (): { head: string; why: string; hidden: boolean } => {
        const s = store.getState();
        const until = selectVisibleUntilWeek(s);
        const hidden = selectEndingHidden(s);
        const head = renderToStaticMarkup(createElement(ScenarioHead, { title: scenario.title, lesson: scenario.lesson, goal: 'a goal', endingHidden: hidden }));
        const why = renderToStaticMarkup(createElement(WhyPanel, { run: runUntilWeek(run, until), revealWeek: until }));
        return { head, why, hidden };
      };
      const escaped = (text: string) => renderToStaticMarkup(createElement('span', null, text)).slice(6, -7);
      for (let i = 0; i < steps.length; i++) {
        if (i === 0) store.getState().startReveals();
        else store.getState().nextReveal();
        const { head, why, hidden } = seen();
        const atEnd = steps[i]!.week >= scenario.horizonWeeks;
        expect(hidden, `step ${i + 1} (week ${steps[i]!.week})`).toBe(!atEnd);
        if (!atEnd) {
          if (scenario.lesson) expect(head, `step ${i + 1}`).not.toContain(escaped(scenario.lesson));
          expect(why).not.toContain('class="insights"');
          expect(why).not.toContain('lesson-tag');
        }
      }
      // The end of the run: everything shows.
      store.getState().endReveals();
      const end = seen();
      expect(end.hidden).toBe(false);
      if (scenario.lesson) expect(end.head).toContain(escaped(scenario.lesson));
      if (run.insights.length > 0) expect(end.why).toContain('class="insights"');
    });
  }
});
