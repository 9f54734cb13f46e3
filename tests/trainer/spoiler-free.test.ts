import { readdirSync, readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioToInput, simulateExpected } from '../../engine';
import { WhyPanel } from '../../renderer/src/components/why-panel';
import { orderReveals } from '../../renderer/src/model/reveal';
import { runUntilWeek } from '../../renderer/src/model/reveal-run';
import { askedQuestions, debriefRows, describeOutcome, outcomeAt, questionsAnsweredNow, questionsToAsk } from '../../renderer/src/model/predictions';
import { createAppStore } from '../../renderer/src/store';
import { DebriefList, StepPredictionsList } from '../../renderer/src/trainer/predictions-section';
import { selectEndingHidden, selectRevealPosition, selectRoomAnswers, selectVisibleUntilWeek } from '../../renderer/src/store/trainer/selectors';
import { ScenarioHead } from '../../renderer/src/views/explore/scenario-head';

// Issue 17: while the room votes on what will happen, nothing on screen may tell it what the run teaches.
const FILES = readdirSync('scenarios').filter((f) => f.endsWith('.momentum'));
/** Text as React writes it into markup. */
const escaped = (text: string) => renderToStaticMarkup(createElement('span', null, text)).slice(6, -7);

/** A prepared scenario, its expected run, and a store with the scenario loaded. */
function loaded(file: string) {
  const parsed = parseScenario(readFileSync(`scenarios/${file}`, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  const scenario = parsed.scenario;
  const store = createAppStore();
  store.getState().loadScenario(scenario);
  return { scenario, run: simulateExpected(scenarioToInput(scenario)), store };
}

describe('spoiler-free reveals in every prepared scenario', () => {
  it('finds the prepared scenarios', () => expect(FILES.length).toBeGreaterThan(10));

  for (const file of FILES) {
    it(`${file}: hides the lesson, insights, "why" lessons and verdicts until the reveal reaches the end`, () => {
      const { scenario, run, store } = loaded(file);
      const steps = orderReveals(scenario.trainer.reveals);
      const seen = (): { head: string; why: string; hidden: boolean } => {
        const s = store.getState();
        const until = selectVisibleUntilWeek(s);
        const hidden = selectEndingHidden(s);
        const head = renderToStaticMarkup(createElement(ScenarioHead, { title: scenario.title, lesson: scenario.lesson, goal: 'a goal', endingHidden: hidden }));
        const why = renderToStaticMarkup(createElement(WhyPanel, { run: runUntilWeek(run, until), revealWeek: until }));
        return { head, why, hidden };
      };
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

describe('the room’s predictions give nothing away before their step', () => {
  const withQuestions = FILES.filter((f) => /"predictions"/.test(readFileSync(`scenarios/${f}`, 'utf8')));

  it('finds prepared scenarios that ask the room (the SCAS pair and at least one more)', () => {
    expect(withQuestions).toEqual(expect.arrayContaining(['scas-staged-journey.momentum', 'scas-everything-at-once.momentum']));
    expect(withQuestions.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of withQuestions) {
    it(`${file}: a question is asked at the step before its own, and its outcome shows only once the clock reaches it`, () => {
      const { scenario, run, store } = loaded(file);
      const asked = askedQuestions(scenario.trainer.reveals);
      // The room has answered everything, so only the reveal holds the outcomes back.
      for (const q of asked) {
        if (q.question.kind === 'vote') store.getState().recordVotes(q.question.id, q.question.options[0]!.id, 3);
        else store.getState().recordFigures(q.question.id, [1]);
      }
      const steps = orderReveals(scenario.trainer.reveals);
      for (let i = 0; i < steps.length; i++) {
        if (i === 0) store.getState().startReveals();
        else store.getState().nextReveal();
        const s = store.getState();
        const position = selectRevealPosition(s);
        // The whole run, not the run cut at the reveal's week that Explore hands the panel: the questions must keep
        // their outcomes back by themselves.
        const rows = debriefRows(scenario.trainer.reveals, selectRoomAnswers(s), position, (series, week) => outcomeAt(series, week, null, run));
        const now = new Set(questionsAnsweredNow(scenario.trainer.reveals, position).map((q) => q.question.id));
        const html = renderToStaticMarkup(createElement('div', null, createElement(StepPredictionsList, { rows: rows.filter((r) => now.has(r.id)) }), createElement(DebriefList, { rows })));
        const toAsk = questionsToAsk(scenario.trainer.reveals, position).map((q) => q.question.id);
        for (const q of asked) {
          const where = `step ${i + 1}, ${q.question.id}`;
          const outcome = q.question.series === undefined ? null : outcomeAt(q.question.series, q.week, null, run);
          const said = outcome ? escaped(describeOutcome(outcome)) : null;
          if (q.step > i) {
            if (said) expect(html, where).not.toContain(said);
            expect(html, where).not.toContain(`data-prediction-result="${q.question.id}"`);
          } else if (said) expect(html, where).toContain(said);
          expect(html.includes(`data-prediction-result="${q.question.id}"`), where).toBe(q.step === i);
          expect(toAsk.includes(q.question.id), where).toBe(q.step === i + 1);
        }
      }
    });
  }
});
