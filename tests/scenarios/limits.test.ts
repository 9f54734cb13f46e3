// The format's limits on how many items each list may hold (engine/scenario/limits.ts,
// docs/SCENARIO-FORMAT.md "Limits"): a list at its limit is accepted, one more is refused with a
// message that says where, what the limit is and how many the file has.
import { describe, expect, it } from 'vitest';
import { LEVERS, MAX_HORIZON_WEEKS, buildScenarioJsonSchema, SCENARIO_LIMITS, SCHEMA_VERSION, formatProblems, parseScenario } from '../../engine';

type Doc = Record<string, unknown> & { initiatives: Record<string, unknown>[]; stages: Record<string, unknown>[]; trainer: Record<string, unknown[]> };

/** Return a valid scenario of `n` initiatives (ids work-1…work-n) and nothing else. */
function withInitiatives(n: number): Doc {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: 'limits',
    title: 'Limits',
    horizonWeeks: MAX_HORIZON_WEEKS,
    initiatives: Array.from({ length: n }, (_, i) => ({ id: `work-${i + 1}`, name: `Work ${i + 1}`, pillar: 'support', effortWeeks: 4 })),
    stages: [],
    trainer: {},
  };
}

const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

interface Case {
  /** The path of the list, as problems name it. */
  readonly path: string;
  /** What the message calls the items. */
  readonly noun: string;
  readonly max: number;
  /** Return a scenario whose list at `path` holds `n` items, valid in every other way when `n` is within the limit. */
  readonly build: (n: number) => Doc;
  /** Set when a list at its limit cannot be wholly valid (more entries than there are distinct values). */
  readonly notValidAtLimit?: true;
}

const CASES: readonly Case[] = [
  { path: 'initiatives', noun: 'initiatives', max: SCENARIO_LIMITS.initiatives, build: (n) => withInitiatives(n) },
  {
    path: 'stages',
    noun: 'stages',
    max: SCENARIO_LIMITS.stages,
    build: (n) => ({ ...withInitiatives(1), stages: range(n, (s) => ({ id: `stage-${s}`, name: `Stage ${s}`, gate: s === 0 ? [] : [{ kind: 'week', week: s * 10 }], maxConcurrentCritical: 2 })) }),
  },
  {
    path: 'events',
    noun: 'events',
    max: SCENARIO_LIMITS.events,
    build: (n) => ({ ...withInitiatives(1), events: range(n, (e) => ({ kind: 'people-leave', week: e % MAX_HORIZON_WEEKS, label: `Departure ${e + 1}`, share: 0.01 })) }),
  },
  {
    path: 'stages[0].gate',
    noun: 'gate conditions',
    max: SCENARIO_LIMITS.gateConditions,
    build: (n) => ({ ...withInitiatives(1), stages: [{ id: 'only', name: 'Only', gate: range(n, (g) => ({ kind: 'week', week: g + 1 })), maxConcurrentCritical: 1 }] }),
  },
  {
    path: 'initiatives[0].prerequisites',
    noun: 'prerequisites',
    max: SCENARIO_LIMITS.prerequisites,
    build: (n) => {
      const s = withInitiatives(n + 1);
      s.initiatives[0]!.prerequisites = range(n, (i) => `work-${i + 2}`);
      return s;
    },
  },
  {
    path: 'goal.ids',
    noun: 'initiative ids',
    max: SCENARIO_LIMITS.initiativeIds,
    // One more id than the portfolio's limit can only name an initiative twice or one that is not there,
    // so the file over the limit has one initiative fewer than it names.
    build: (n) => ({ ...withInitiatives(Math.min(n, SCENARIO_LIMITS.initiatives)), goal: { kind: 'initiatives-live', ids: range(n, (i) => `work-${i + 1}`) } }),
  },
  {
    path: 'stages[0].gate[0].ids',
    noun: 'initiative ids',
    max: SCENARIO_LIMITS.initiativeIds,
    build: (n) => ({
      ...withInitiatives(Math.min(n, SCENARIO_LIMITS.initiatives)),
      stages: [{ id: 'later', name: 'Later', gate: [{ kind: 'initiatives-live', ids: range(n, (i) => `work-${i + 1}`) }], maxConcurrentCritical: 1 }],
    }),
  },
  {
    path: 'targets',
    noun: 'challenges (targets)',
    max: SCENARIO_LIMITS.targets,
    build: (n) => ({ ...withInitiatives(1), targets: range(n, (t) => ({ id: `challenge-${t}`, label: `Challenge ${t}`, kpi: 'maturityAtHorizon', atLeast: 1 + (t % 4) })) }),
  },
  {
    path: 'lockedLevers',
    noun: 'locked levers',
    max: SCENARIO_LIMITS.lockedLevers,
    build: (n) => ({ ...withInitiatives(1), lockedLevers: range(n, (i) => LEVERS[i % LEVERS.length]!.id) }),
    notValidAtLimit: true,
  },
  { path: 'trainer.objectives', noun: 'objectives', max: SCENARIO_LIMITS.objectives, build: (n) => ({ ...withInitiatives(1), trainer: { objectives: range(n, (i) => `Objective ${i}`) } }) },
  { path: 'trainer.questions', noun: 'questions', max: SCENARIO_LIMITS.questions, build: (n) => ({ ...withInitiatives(1), trainer: { questions: range(n, (i) => `Question ${i}?`) } }) },
  {
    path: 'trainer.whatIfs',
    noun: 'what-ifs',
    max: SCENARIO_LIMITS.whatIfs,
    build: (n) => ({ ...withInitiatives(1), trainer: { whatIfs: range(n, (i) => ({ label: `Try ${i}`, levers: { 'priorities.concurrent': 1 + (i % 10) } })) } }),
  },
  {
    path: 'trainer.reveals',
    noun: 'reveal steps',
    max: SCENARIO_LIMITS.reveals,
    build: (n) => ({ ...withInitiatives(1), trainer: { reveals: range(n, (i) => ({ week: i * 5, title: `Step ${i}`, note: 'Ask the room.' })) } }),
  },
];

const problems = (doc: unknown): string[] => {
  const r = parseScenario(JSON.stringify(doc));
  return r.ok ? [] : formatProblems(r.problems);
};

describe('scenario limits: every list the format holds has a limit, and its message says where and how many', () => {
  it.each(CASES)('$path: at most $max is accepted; one more is refused by name', ({ path, noun, max, build, notValidAtLimit }) => {
    const atLimit = problems(build(max));
    if (notValidAtLimit) expect(atLimit.filter((p) => p.includes('at most'))).toEqual([]);
    else expect(atLimit).toEqual([]);
    expect(problems(build(max + 1))).toContain(`${path}: must have at most ${max} ${noun}, got ${max + 1}`);
  });

  it('refuses a file of 40,000 initiatives at once, with one line rather than a line per initiative', () => {
    const lines = problems(withInitiatives(40_000));
    expect(lines).toEqual([`initiatives: must have at most ${SCENARIO_LIMITS.initiatives} initiatives, got 40000`]);
  });

  it('checks list lengths before walking the items: an oversized list is the one problem, even with a "__proto__" key inside', () => {
    const doc = withInitiatives(1);
    const events = range(SCENARIO_LIMITS.events + 1, (e) => ({ kind: 'people-leave', week: 1, label: `E${e}`, share: 0.01 }));
    events[5] = JSON.parse('{"__proto__": {"polluted": true}, "kind": "people-leave", "week": 1, "label": "x", "share": 0.01}') as (typeof events)[number];
    expect(problems({ ...doc, events })).toEqual([`events: must have at most ${SCENARIO_LIMITS.events} events, got ${SCENARIO_LIMITS.events + 1}`]);
  });

  it('covers every list of the format: no list in the JSON Schema is left without a limit', () => {
    const unbounded: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (node === null || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.type === 'array' && typeof n.maxItems !== 'number') unbounded.push(where);
      for (const [k, v] of Object.entries(n)) walk(v, `${where}/${k}`);
    };
    walk(buildScenarioJsonSchema(LEVERS), '');
    // The walk saw the lists it should (it does not pass for want of finding any).
    expect(JSON.stringify(buildScenarioJsonSchema(LEVERS))).toContain(`"maxItems":${SCENARIO_LIMITS.initiatives}`);
    expect(unbounded).toEqual([]);
  });
});
