import { describe, expect, it } from 'vitest';
import { LEVERS, SCHEMA_VERSION, blankScenario, formatProblems, parseScenario, scenarioToInput, serializeScenario } from '../../engine';
import type { Scenario } from '../../engine';

const lever = LEVERS[0]!;

/** A small valid scenario to mutate in each case. */
function base(): Record<string, unknown> {
  return {
    $schema: './scenario.schema.json',
    schemaVersion: SCHEMA_VERSION,
    id: 'case',
    title: 'A case',
    horizonWeeks: 104,
    initiatives: [
      { id: 'infra', name: 'Infrastructure', pillar: 'support', effortWeeks: 10, buildsInfrastructure: true, stage: 'one' },
      { id: 'epr', name: 'EPR', pillar: 'clinicians', effortWeeks: 30, businessCritical: true, prerequisites: ['infra'], stage: 'two' },
      { id: 'portal', name: 'Portal', pillar: 'patients', effortWeeks: 12, prerequisites: ['epr'], stage: 'two' },
      { id: 'app', name: 'App', pillar: 'patients', effortWeeks: 8 },
    ],
    stages: [
      { id: 'one', name: 'Stage one', gate: [], maxConcurrentCritical: 2 },
      { id: 'two', name: 'Stage two', gate: [{ kind: 'initiatives-live', ids: ['infra'] }], maxConcurrentCritical: 2 },
    ],
  };
}

function problemsOf(input: unknown): string[] {
  const r = parseScenario(input);
  return r.ok ? [] : formatProblems(r.problems);
}

function mutate(f: (s: Record<string, unknown> & { initiatives: Record<string, unknown>[]; stages: Record<string, unknown>[] }) => void): Record<string, unknown> {
  const s = base() as Parameters<typeof f>[0];
  f(s);
  return s;
}

describe('parseScenario: valid input', () => {
  it('accepts the base case and fills defaults', () => {
    const r = parseScenario(JSON.stringify(base()));
    expect(r.ok ? [] : formatProblems(r.problems)).toEqual([]);
    if (!r.ok) return;
    expect(r.scenario.initiatives[0]).toMatchObject({ businessCritical: false, prerequisites: [], rollout: 'big-bang', benefit: 1, infrastructureNeed: 0 });
    expect(r.scenario.trainer).toEqual({ lockReasons: {}, briefing: '', objectives: [], questions: [], whatIfs: [], reveals: [] });
    expect(r.scenario.goal).toEqual({ kind: 'maturity', atLeast: 3 });
    expect(r.migratedFrom).toBeUndefined();
  });

  it('accepts an already-parsed object as well as text', () => {
    expect(parseScenario(base()).ok).toBe(true);
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(parseScenario(`\uFEFF${JSON.stringify(base())}`).ok).toBe(true);
  });

  it('accepts every lever at its minimum and maximum', () => {
    for (const l of LEVERS) {
      for (const v of [l.min, l.max]) {
        const value = l.options ? (v === l.min ? l.options[0]!.value : l.options[l.options.length - 1]!.value) : v;
        expect(problemsOf({ ...base(), levers: { [l.id]: value } }), `${l.id}=${value}`).toEqual([]);
      }
    }
  });
});

describe('parseScenario: problems say where, what was expected and what was found', () => {
  const cases: [string, unknown, string[]][] = [
    ['negative effort', mutate((s) => (s.initiatives[3]!.effortWeeks = -4)), ['initiatives[3].effortWeeks: must be a positive number, got -4']],
    ['effort given as text', mutate((s) => (s.initiatives[1]!.effortWeeks = '30')), ['initiatives[1].effortWeeks: must be a number, got "30"']],
    ['missing name', mutate((s) => delete s.initiatives[0]!.name), ['initiatives[0].name: is required (text)']],
    ['unknown pillar', mutate((s) => (s.initiatives[2]!.pillar = 'staff')), ['initiatives[2].pillar: must be one of "patients", "clinicians" or "support", got "staff"']],
    ['misspelt field', mutate((s) => (s.initiatives[0]!.efort = 3)), ['initiatives[0].efort: unknown field; did you mean "effortWeeks"?']],
    ['unknown top-level field', { ...base(), colour: 'blue' }, ['colour: unknown field; expected one of: $schema, schemaVersion, id, title, summary, lesson, variantOf, source, judgement, levers, horizonWeeks, goal, initiatives, stages, events, targets, lockedLevers, trainer']],
    ['horizon too long', { ...base(), horizonWeeks: 600 }, ['horizonWeeks: must be at most 520, got 600']],
    ['horizon not whole', { ...base(), horizonWeeks: 10.5 }, ['horizonWeeks: must be a whole number, got 10.5']],
    ['id with spaces', { ...base(), id: 'My case' }, ['id: must be a short id of lower-case letters, digits and hyphens (e.g. "epr-phase-2"), got "My case"']],
    ['lesson on two lines', { ...base(), lesson: 'one\ntwo' }, ['lesson: must fit on one line (no line breaks), got "one\\ntwo"']],
    ['unknown event kind', { ...base(), events: [{ kind: 'earthquake', week: 3, label: 'x' }] }, ['events[0].kind: must be one of "urgency-shock", "people-leave", "new-chief-executive" or "funding-change", got "earthquake"']],
    ['share above 1', { ...base(), events: [{ kind: 'people-leave', week: 3, label: 'Leavers', share: 1.5 }] }, ['events[0].share: must be at most 1, got 1.5']],
    ['event after the horizon', { ...base(), events: [{ kind: 'people-leave', week: 200, label: 'Leavers', share: 0.2 }] }, ['events[0].week: must be before the horizon (week 104) or the event never happens, got 200']],
    ['target without a bound', { ...base(), targets: [{ id: 't', label: 'T', kpi: 'maturityAtHorizon' }] }, ['targets[0]: needs "atLeast" or "atMost" (or both)']],
    ['not an object', '[1, 2]', ['(file): must be a JSON object describing a scenario, got a list of 2']],
    ['empty file', '', ['(file): invalid JSON at line 1, column 1: expected a value, found the end of the file']],
    ['trailing comma', '{\n  "schemaVersion": 2,\n  "id": "x",\n}', ['(file): invalid JSON at line 4, column 1: an object cannot end with a comma']],
    ['missing comma', '{\n  "schemaVersion": 2\n  "id": "x"\n}', ['(file): invalid JSON at line 3, column 3: expected \',\' or \'}\' after a field, found \'"\'']],
    ['single quotes', "{\n  'id': 1\n}", ['(file): invalid JSON at line 2, column 3: expected a field name in double quotes, found \'\'\'']],
    [
      'a field given twice',
      '{\n  "schemaVersion": 2,\n  "id": "x",\n  "title": "X",\n  "initiatives": [{ "id": "a", "name": "A", "pillar": "support", "effortWeeks": 4, "effortWeeks": 40 }]\n}',
      ['initiatives[0].effortWeeks: the field "effortWeeks" appears twice in the same object (again at line 5, column 84); keep one, since only the last would count'],
    ],
    ['unclosed text', '{"id": "abc', ['(file): invalid JSON at line 1, column 12: text is not closed with a double quote']],
    ['newer version', { ...base(), schemaVersion: 5 }, ['schemaVersion: this file was written by a newer version of Momentum (schema version 5); this version reads up to 4. Update Momentum to open it.']],
    ['missing version', (() => { const s = base(); delete s.schemaVersion; return s; })(), ['schemaVersion: is required (a whole number; this version of Momentum writes 4)']],
    ['version as text', { ...base(), schemaVersion: '2' }, ['schemaVersion: must be a whole number (4 for files written now), got "2"']],
    ['version zero', { ...base(), schemaVersion: 0 }, ['schemaVersion: must be between 1 and 4, got 0']],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(problemsOf(input)).toEqual(expected);
  });
});

/** The base case with one reveal step at week 52 asking `predictions`. */
const withPredictions = (predictions: unknown[]) => ({ ...base(), trainer: { reveals: [{ week: 52, title: 'Year one', note: 'Ask.', predictions }] } });
const VOTE = { kind: 'vote', id: 'live', question: 'Is the EPR live?', series: 'initiativesLive', options: [{ id: 'yes', label: 'Yes', atLeast: 2 }, { id: 'no', label: 'No', atMost: 1.99 }] };
const FIGURE = { kind: 'number', id: 'maturity', question: 'What maturity by now?', series: 'maturity' };

describe('parseScenario: prediction questions of reveal steps', () => {
  it('accepts a vote judged by a series, a vote without one, and a number', () => {
    const plain = { kind: 'vote', id: 'which', question: 'Which approach fails less?', options: [{ id: 'a', label: 'Staged' }, { id: 'b', label: 'All at once' }] };
    const r = parseScenario(withPredictions([VOTE, plain, FIGURE]));
    expect(r.ok ? r.scenario.trainer.reveals[0]!.predictions?.map((q) => q.id) : formatProblems(r.problems)).toEqual(['live', 'which', 'maturity']);
  });

  const cases: [string, unknown[], string[]][] = [
    ['a series the engine lacks', [{ ...FIGURE, series: 'maturty' }], ['trainer.reveals[0].predictions[0].series: names no series: "maturty" (did you mean "maturity"?)']],
    ['a number without a series', [{ kind: 'number', id: 'x', question: 'How many?' }], ['trainer.reveals[0].predictions[0].series: is required (text)']],
    ['a vote of one option', [{ ...VOTE, options: [VOTE.options[0]] }], ['trainer.reveals[0].predictions[0].options: must have at least 2 items, got a list of 1']],
    ['the same question id twice', [FIGURE, { ...FIGURE }], ['trainer.reveals[0].predictions[1].id: duplicate prediction question id "maturity" (already used by trainer.reveals[0].predictions[0])']],
    ['the same option id twice', [{ ...VOTE, options: [VOTE.options[0], { ...VOTE.options[1], id: 'yes' }] }], ['trainer.reveals[0].predictions[0].options[1].id: duplicate option id "yes" (already used by trainer.reveals[0].predictions[0].options[0])']],
    ['ranges without a series', [{ ...VOTE, series: undefined }], ['trainer.reveals[0].predictions[0].series: is needed when an option gives "atLeast" or "atMost": name the series those ranges are read from']],
    [
      'a series without ranges',
      [{ ...VOTE, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] }],
      ['trainer.reveals[0].predictions[0].options: give at least one option "atLeast" or "atMost" on "initiativesLive", or leave out "series": nothing says which answer the run supports'],
    ],
    ['a range upside down', [{ ...VOTE, options: [{ id: 'a', label: 'A', atLeast: 3, atMost: 1 }, VOTE.options[1]] }], ['trainer.reveals[0].predictions[0].options[0]: "atLeast" must not be above "atMost"']],
    ['an unknown kind', [{ ...FIGURE, kind: 'guess' }], ['trainer.reveals[0].predictions[0].kind: must be one of "vote" or "number", got "guess"']],
  ];
  it.each(cases)('%s', (_name, predictions, expected) => {
    expect(problemsOf(withPredictions(predictions))).toEqual(expected);
  });

  it('refuses more questions on one step than the limit', () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ ...FIGURE, id: `q${i}` }));
    expect(problemsOf(withPredictions(many))).toEqual(['trainer.reveals[0].predictions: must have at most 10 prediction questions, got 11']);
  });
});

describe('parseScenario: cross-references and things that can never happen', () => {
  const cases: [string, unknown, string[]][] = [
    ['prerequisite naming no initiative', mutate((s) => (s.initiatives[3]!.prerequisites = ['portl'])), ['initiatives[3].prerequisites[0]: names no initiative: "portl" (did you mean "portal"?)']],
    ['own prerequisite', mutate((s) => (s.initiatives[3]!.prerequisites = ['app'])), ['initiatives[3].prerequisites[0]: an initiative cannot be its own prerequisite ("app")']],
    [
      'prerequisite cycle',
      mutate((s) => (s.initiatives[0]!.prerequisites = ['portal'])),
      ['initiatives[0].prerequisites: prerequisites form a cycle, so none of them can ever start: infra → portal → epr → infra'],
    ],
    ['duplicate initiative id', mutate((s) => (s.initiatives[3]!.id = 'epr')), ['initiatives[3].id: duplicate initiative id "epr" (already used by initiatives[1])']],
    ['duplicate stage id', mutate((s) => (s.stages[1]!.id = 'one')), expect.arrayContaining(['stages[1].id: duplicate stage id "one" (already used by stages[0])']) as unknown as string[]],
    ['initiative in an unknown stage', mutate((s) => (s.initiatives[3]!.stage = 'three')), ['initiatives[3].stage: names no stage: "three"']],
    ['gate naming no initiative', mutate((s) => (s.stages[1]!.gate = [{ kind: 'initiatives-live', ids: ['nope'] }])), ['stages[1].gate[0].ids[0]: names no initiative: "nope"']],
    ['gate beyond the horizon', mutate((s) => (s.stages[1]!.gate = [{ kind: 'week', week: 104 }])), ['stages[1].gate[0].week: the stage can never open: week 104 is not before the horizon (week 104)']],
    [
      'gate waiting for its own stage',
      mutate((s) => (s.stages[1]!.gate = [{ kind: 'initiatives-live', ids: ['epr'] }])),
      ['stages[1].gate[0].ids[0]: the stage can never open: "epr" cannot go live before this stage opens (it or one of its prerequisites belongs there)'],
    ],
    [
      'gate waiting for an initiative whose prerequisite is in a later stage',
      mutate((s) => {
        s.initiatives[3]!.prerequisites = ['portal'];
        s.stages[1]!.gate = [{ kind: 'initiatives-live', ids: ['infra'] }];
        s.stages.splice(1, 0, { id: 'mid', name: 'Middle', gate: [{ kind: 'initiatives-live', ids: ['app'] }], maxConcurrentCritical: 1 });
      }),
      ['stages[1].gate[0].ids[0]: the stage can never open: "app" cannot go live before a later stage ("two") opens (it or one of its prerequisites belongs there)'],
    ],
    ['goal naming no initiative', { ...base(), goal: { kind: 'initiatives-live', ids: ['eprr'] } }, ['goal.ids[0]: names no initiative: "eprr" (did you mean "epr"?)']],
    ['delayed start after the horizon', mutate((s) => (s.initiatives[3]!.earliestStartWeek = 150)), ['initiatives[3].earliestStartWeek: must be before the horizon (week 104) or the initiative can never start, got 150']],
    ['unknown lever', { ...base(), levers: { 'no.such.lever': 1 } }, [`levers["no.such.lever"]: names no lever: "no.such.lever"`]],
    ['lever above its range', { ...base(), levers: { [lever.id]: lever.max + 1 } }, [`levers["${lever.id}"]: must be between ${lever.min} and ${lever.max} ${lever.unit} (${lever.label}), got ${lever.max + 1}`]],
    ['locked lever unknown', { ...base(), lockedLevers: ['no.such.lever'] }, ['lockedLevers[0]: names no lever: "no.such.lever"']],
    ['locked lever twice', { ...base(), lockedLevers: [lever.id, lever.id] }, [`lockedLevers[1]: "${lever.id}" is listed twice`]],
    ['what-if with unknown lever', { ...base(), trainer: { whatIfs: [{ label: 'x', levers: { 'no.such.lever': 2 } }] } }, ['trainer.whatIfs[0].levers["no.such.lever"]: names no lever: "no.such.lever"']],
    ['what-if out of range', { ...base(), trainer: { whatIfs: [{ label: 'x', levers: { [lever.id]: lever.min - 1 } }] } }, [`trainer.whatIfs[0].levers["${lever.id}"]: must be between ${lever.min} and ${lever.max} ${lever.unit} (${lever.label}), got ${lever.min - 1}`]],
    ['target lever limit naming no lever', { ...base(), targets: [{ id: 't', label: 'T', kpi: 'k', atLeast: 1, maxLever: { leverId: 'nope', atMost: 2 } }] }, ['targets[0].maxLever.leverId: names no lever: "nope"']],
    ['reveal after the horizon', { ...base(), trainer: { reveals: [{ week: 105, title: 'Later', note: 'n' }] } }, ['trainer.reveals[0].week: must be within the horizon (week 104) or it is never reached, got 105']],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(problemsOf(input)).toEqual(expected);
  });

  it('checks lever ids against the engine at run time, not a fixed list', () => {
    for (const l of LEVERS) expect(problemsOf({ ...base(), levers: { [l.id]: l.default } })).toEqual([]);
  });
});

describe('serializeScenario, blankScenario and scenarioToInput', () => {
  it('writes $schema first and gives the same text after a round trip', () => {
    const r = parseScenario(base());
    if (!r.ok) return expect.fail('base case does not parse');
    const text = serializeScenario(r.scenario);
    expect(text.startsWith('{\n  "$schema": "../schemas/scenario.schema.json",\n  "schemaVersion": 4,')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const again = parseScenario(text);
    expect(again.ok && serializeScenario(again.scenario)).toBe(text);
  });

  it('opens a file written when the schema sat beside the scenarios, and saves it with the new reference', () => {
    const r = parseScenario({ ...base(), $schema: './scenario.schema.json' });
    if (!r.ok) return expect.fail(formatProblems(r.problems).join('\n'));
    expect(JSON.parse(serializeScenario(r.scenario)).$schema).toBe('../schemas/scenario.schema.json');
  });

  it('returns a blank scenario that parses and serialises to itself', () => {
    const text = serializeScenario(blankScenario());
    const r = parseScenario(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario).toEqual(blankScenario());
  });

  it('applies lever overrides on top of the scenario and copies the portfolio', () => {
    const r = parseScenario({ ...base(), levers: { [lever.id]: lever.min } });
    if (!r.ok) return expect.fail('does not parse');
    const s: Scenario = r.scenario;
    const input = scenarioToInput(s, { [lever.id]: lever.max });
    expect(input.levers[lever.id]).toBe(lever.max);
    expect(scenarioToInput(s).levers[lever.id]).toBe(lever.min);
    expect(input.horizonWeeks).toBe(104);
    expect(input.initiatives.map((i) => i.id)).toEqual(['infra', 'epr', 'portal', 'app']);
    expect(input.initiatives[0]).not.toHaveProperty('earliestStartWeek');
    expect(input.initiatives[1]).toMatchObject({ businessCritical: true, prerequisites: ['infra'], stage: 'two' });
    expect(input.stages[1]!.gate).toEqual([{ kind: 'initiatives-live', ids: ['infra'] }]);
  });
});
