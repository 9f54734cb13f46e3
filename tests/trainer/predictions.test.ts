import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, type PredictionQuestion } from '../../engine';
import { buildPredictionDebrief } from '../../renderer/src/model/prediction-debrief';
import {
  askedQuestions,
  compareWithOutcome,
  debriefRows,
  describeAnswer,
  describeOutcome,
  figuresText,
  formatSeriesValue,
  isAnswerShown,
  outcomeAt,
  questionsAnsweredNow,
  questionsToAsk,
  readFigures,
  supportedOption,
  tally,
  type RevealWithQuestions,
  type RoomAnswers,
  type StepOutcome,
} from '../../renderer/src/model/predictions';
import { readKeptPredictions, rememberPredictions, PREDICTIONS_KEY } from '../../renderer/src/platform/prediction-memory';
import { createAppStore } from '../../renderer/src/store';
import { selectRoomAnswers } from '../../renderer/src/store/trainer/selectors';

type Vote = Extract<PredictionQuestion, { kind: 'vote' }>;
type Figure = Extract<PredictionQuestion, { kind: 'number' }>;

const LIVE: Vote = {
  kind: 'vote',
  id: 'live',
  question: 'How many initiatives will be live?',
  series: 'initiativesLive',
  options: [
    { id: 'none', label: 'None yet', atMost: 0.5 },
    { id: 'some', label: 'One or two', atLeast: 0.5, atMost: 2.5 },
    { id: 'many', label: 'Three or more', atLeast: 2.5 },
  ],
};
/** A vote whose ranges leave a gap between them. */
const GAPPED: Vote = { ...LIVE, options: [LIVE.options[0]!, LIVE.options[2]!] };
const WHICH: Vote = { kind: 'vote', id: 'which', question: 'Which approach fails less?', options: [{ id: 'a', label: 'Staged' }, { id: 'b', label: 'All at once' }] };
const MATURITY: Figure = { kind: 'number', id: 'maturity', question: 'What maturity by now?', series: 'maturity' };
const CONFIDENCE: Figure = { kind: 'number', id: 'confidence', question: 'How confident will the board be?', series: 'confidence' };

/** Reveals out of week order, to show the steps follow the clock, not the file. */
const REVEALS: RevealWithQuestions[] = [
  { week: 100, title: 'Later', note: 'n', predictions: [MATURITY, WHICH] },
  { week: 0, title: 'Start', note: 'n' },
  { week: 50, title: 'Year one', note: 'n', predictions: [LIVE, CONFIDENCE] },
];

describe('which questions are asked and answered when', () => {
  it('orders the questions by the step that answers them', () => {
    expect(askedQuestions(REVEALS).map((q) => [q.question.id, q.step, q.week])).toEqual([
      ['live', 1, 50],
      ['confidence', 1, 50],
      ['maturity', 2, 100],
      ['which', 2, 100],
    ]);
  });

  it.each([
    [null, ['none asked before the first step, which has none'], []],
    [0, ['live', 'confidence'], []],
    [1, ['maturity', 'which'], ['live', 'confidence']],
    [2, [], ['maturity', 'which']],
  ] as const)('at position %s asks the next step’s questions and shows the current step’s', (position, ask, shown) => {
    const asked = questionsToAsk(REVEALS, position).map((q) => q.question.id);
    expect(asked).toEqual(position === null ? [] : ask);
    expect(questionsAnsweredNow(REVEALS, position).map((q) => q.question.id)).toEqual(shown);
  });

  it('asks the first step’s questions before the reveals start', () => {
    const first: RevealWithQuestions[] = [{ week: 10, title: 'First', note: 'n', predictions: [MATURITY] }];
    expect(questionsToAsk(first, null).map((q) => q.question.id)).toEqual(['maturity']);
    expect(questionsAnsweredNow(first, null)).toEqual([]);
  });

  it('shows an outcome only once the clock has reached its step, or the whole run shows', () => {
    const [live] = askedQuestions(REVEALS);
    expect([0, 1, 2, null].map((p) => isAnswerShown(live!, p))).toEqual([false, true, true, true]);
  });
});

describe('reading the room’s figures', () => {
  it.each([
    ['maturity', '2.5, 3', [2.5, 3]],
    ['maturity', ' 2.5 ; 3 ', [2.5, 3]],
    ['maturity', '2 3.5', [2, 3.5]],
    ['maturity', '', []],
    ['confidence', '40, 55%', [0.4, 0.55]],
    ['initiativesLive', '−1', [-1]],
  ] as const)('%s: "%s"', (series, text, figures) => {
    const read = readFigures(series, text);
    expect(read.ok ? read.figures.map((f) => Math.round(f * 1000) / 1000) : read.message).toEqual(figures);
  });

  it('says which part is not a number', () => {
    expect(readFigures('maturity', '2.5, three')).toEqual({ ok: false, message: '“three” is not a number: write figures such as 2.5, separated by commas.' });
  });

  it('refuses more figures than a few voices', () => {
    const read = readFigures('maturity', Array.from({ length: 13 }, () => '2').join(', '));
    expect(read.ok ? 'accepted' : read.message).toBe('Give at most 12 figures (there are 13).');
  });

  it('writes figures back as they are entered: shares as percentages', () => {
    expect(figuresText('confidence', [0.4, 0.555])).toBe('40, 55.5');
    expect(figuresText('maturity', [2.5, 3])).toBe('2.5, 3');
  });
});

describe('setting answers against the run', () => {
  const typical = { replications: 500, bands: { maturity: { p50: Float64Array.from([1.8, 2.0, 2.4]) } } };
  const estimate = { series: { maturity: Float64Array.from([1.9, 2.1, 2.5]), initiativesLive: Float64Array.from([0, 1, 3]) } };

  it('reads the median of the runs where they keep the series, and the quick estimate where they do not', () => {
    expect(outcomeAt('maturity', 2, typical, estimate)).toEqual({ series: 'maturity', week: 2, value: 2.4, basis: 'typical', replications: 500 });
    expect(outcomeAt('initiativesLive', 1, typical, estimate)).toEqual({ series: 'initiativesLive', week: 1, value: 1, basis: 'estimate' });
    expect(outcomeAt('maturity', 1, null, estimate)?.basis).toBe('estimate');
    expect(outcomeAt('confidence', 1, typical, estimate)).toBeNull();
  });

  it('does not read a week the reveal has blanked out', () => {
    const cut = { replications: 500, bands: { maturity: { p50: Float64Array.from([1.8, Number.NaN]) } } };
    expect(outcomeAt('maturity', 1, cut, null)).toBeNull();
  });

  it.each([
    [0, 'none'],
    [0.5, 'none'],
    [2, 'some'],
    [2.5, 'some'],
    [7, 'many'],
  ])('a vote is judged by the first option whose range holds %s', (value, id) => {
    expect(supportedOption(LIVE, value)?.id).toBe(id);
  });

  it('an option without a range supports nothing', () => {
    expect(supportedOption(WHICH, 1)).toBeNull();
  });

  it('tallies votes in the scenario’s order, ignoring options it does not have', () => {
    expect(tally(LIVE, { many: 3, some: 9, stray: 40 })).toEqual({
      rows: [
        { id: 'none', label: 'None yet', votes: 0, share: 0 },
        { id: 'some', label: 'One or two', votes: 9, share: 0.75 },
        { id: 'many', label: 'Three or more', votes: 3, share: 0.25 },
      ],
      total: 12,
    });
  });

  it('describes what the room said and what the run gave, in words', () => {
    expect(describeAnswer(LIVE, { kind: 'vote', counts: { some: 9, many: 3 } })).toBe('None yet: 0; One or two: 9; Three or more: 3 (12 votes)');
    expect(describeAnswer(MATURITY, { kind: 'number', figures: [2.5, 3] })).toBe('2.5 of 5 and 3.0 of 5 (average 2.8 of 5)');
    expect(describeAnswer(CONFIDENCE, { kind: 'number', figures: [0.4] })).toBe('40%');
    expect(describeAnswer(MATURITY, undefined)).toBe('Not recorded.');
    expect(describeAnswer(LIVE, { kind: 'vote', counts: { some: 0 } })).toBe('Not recorded.');
    const outcome: StepOutcome = { series: 'maturity', week: 60, value: 2.3, basis: 'typical', replications: 500 };
    expect(describeOutcome(outcome)).toBe('Digital maturity at week 60: 2.3 of 5 (typical outcome, the median of 500 runs)');
    expect(describeOutcome({ series: 'initiativesLive', week: 60, value: 2, basis: 'estimate' })).toBe('Initiatives live at week 60: 2 initiatives (quick estimate, noise off)');
    expect(formatSeriesValue('remoteConsultations', 4155.6)).toBe('4,156 per week');
  });

  it.each([
    [MATURITY, { kind: 'number', figures: [2.5, 3] }, 2.3, 'The closest figure, 2.5 of 5, is 0.2 above the run.'],
    [MATURITY, { kind: 'number', figures: [2] }, 2.3, 'The room’s figure is 0.3 below the run.'],
    [MATURITY, { kind: 'number', figures: [2.32] }, 2.3, 'The room’s figure is on the mark.'],
    [CONFIDENCE, { kind: 'number', figures: [0.4] }, 0.3, 'The room’s figure is 10 points above the run.'],
    [LIVE, { kind: 'vote', counts: { some: 9, many: 3 } }, 2, 'The run supports “One or two”, which 9 votes of 12 chose.'],
    [GAPPED, { kind: 'vote', counts: { none: 1 } }, 1.5, 'The run supports none of the options.'],
    [WHICH, { kind: 'vote', counts: { a: 4 } }, 1, null],
  ] as const)('compares %#', (question, answer, value, sentence) => {
    expect(compareWithOutcome(question, answer, { series: question.series ?? 'maturity', week: 1, value, basis: 'typical', replications: 500 })).toBe(sentence);
  });
});

describe('the debrief', () => {
  const answers: RoomAnswers = { live: { kind: 'vote', counts: { some: 5, many: 2 } }, maturity: { kind: 'number', figures: [2.6] } };
  const outcomeOf = (series: string, week: number): StepOutcome | null => (series === 'maturity' ? { series, week, value: 2.5, basis: 'typical', replications: 500 } : series === 'initiativesLive' ? { series, week, value: 2, basis: 'estimate' } : null);

  it('lists every question; the run’s figure waits for its step', () => {
    const rows = debriefRows(REVEALS, answers, 1, outcomeOf);
    expect(rows.map((r) => [r.id, r.step, r.room, r.model, r.verdict])).toEqual([
      ['live', 'Week 50 · Year one', 'None yet: 0; One or two: 5; Three or more: 2 (7 votes)', 'Initiatives live at week 50: 2 initiatives (quick estimate, noise off)', 'The run supports “One or two”, which 5 votes of 7 chose.'],
      ['confidence', 'Week 50 · Year one', 'Not recorded.', 'Waiting for the simulation.', ''],
      ['maturity', 'Week 100 · Later', '2.6 of 5', 'Shown once the reveal reaches this step.', ''],
      ['which', 'Week 100 · Later', 'Not recorded.', 'Shown once the reveal reaches this step.', ''],
    ]);
    const end = debriefRows(REVEALS, answers, null, outcomeOf);
    expect(end[2]!.model).toBe('Digital maturity at week 100: 2.5 of 5 (typical outcome, the median of 500 runs)');
    expect(end[2]!.verdict).toBe('The room’s figure is 0.1 above the run.');
    expect(end[3]!.model).toBe('No measure is set for this vote: read it against the charts.');
  });

  it('builds a page of its own with the answers, escaped, and the lesson only when given', () => {
    const rows = debriefRows(REVEALS, answers, null, outcomeOf);
    const html = buildPredictionDebrief({ scenario: 'A <b>case</b>', preparedOn: '1 May 2026', lesson: '', objectives: ['See why'], questions: ['What next?'], rows });
    expect(html).toContain('<title>Debrief: A &lt;b&gt;case&lt;/b&gt;</title>');
    expect(html).toContain('The room’s predictions');
    expect(html).toContain('One or two: 5; Three or more: 2 (7 votes)');
    expect(html).not.toContain('The lesson');
    expect(buildPredictionDebrief({ scenario: 'X', preparedOn: 'today', lesson: 'Stabilise first.', objectives: [], questions: [], rows: [] })).toContain('<p class="lesson">Stabilise first.</p>');
  });
});

describe('the room’s answers in the store, kept with the session', () => {
  const scas = parseScenario(readFileSync('scenarios/scas-staged-journey.momentum', 'utf8'));
  if (!scas.ok) throw new Error('the SCAS scenario does not parse');

  it('records votes and figures against the loaded scenario, and clears them for a new session', () => {
    const store = createAppStore();
    store.getState().loadScenario(scas.scenario);
    store.getState().recordVotes('live-week-60', 'one-or-two', 7.4);
    store.getState().recordVotes('live-week-60', 'none', -2);
    store.getState().recordFigures('maturity-week-60', [2.5, Number.NaN, 3]);
    expect(selectRoomAnswers(store.getState())).toEqual({
      'live-week-60': { kind: 'vote', counts: { 'one-or-two': 7, none: 0 } },
      'maturity-week-60': { kind: 'number', figures: [2.5, 3] },
    });
    store.getState().recordFigures('maturity-week-60', []);
    expect(Object.keys(selectRoomAnswers(store.getState()))).toEqual(['live-week-60']);
    // Another scenario has answers of its own.
    const other = parseScenario(readFileSync('scenarios/covid-19.momentum', 'utf8'));
    if (!other.ok) throw new Error('covid-19 does not parse');
    store.getState().loadScenario(other.scenario);
    expect(selectRoomAnswers(store.getState())).toEqual({});
    store.getState().loadScenario(scas.scenario);
    store.getState().clearPredictions();
    expect(selectRoomAnswers(store.getState())).toEqual({});
  });

  it('keeps them across a reload through storage, and reads back only well-formed answers', () => {
    const kept = new Map<string, string>();
    const storage = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v), removeItem: (k: string) => void kept.delete(k) } as unknown as Storage;
    const first = createAppStore();
    first.getState().loadScenario(scas.scenario);
    const stop = rememberPredictions(first, storage);
    first.getState().recordVotes('live-week-60', 'three-or-more', 4);
    first.getState().recordFigures('maturity-week-60', [2.4]);
    stop();
    const next = createAppStore();
    next.getState().loadScenario(scas.scenario);
    rememberPredictions(next, storage)();
    expect(selectRoomAnswers(next.getState())).toEqual({
      'live-week-60': { kind: 'vote', counts: { 'three-or-more': 4 } },
      'maturity-week-60': { kind: 'number', figures: [2.4] },
    });
    expect(readKeptPredictions('not json')).toEqual({});
    expect(
      readKeptPredictions(JSON.stringify({ a: { q: { kind: 'vote', counts: { x: 2, y: -1, z: 'many' } }, r: { kind: 'number', figures: ['2', 3] }, s: { kind: 'guess' } }, b: 7 })),
    ).toEqual({ a: { q: { kind: 'vote', counts: { x: 2 } }, r: { kind: 'number', figures: [3] } } });
    expect(kept.has(PREDICTIONS_KEY)).toBe(true);
  });
});
