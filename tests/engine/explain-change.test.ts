// What changed against the baseline (engine/SPEC.md X3), on synthetic runs: their losses are set from the
// share each constraint takes, so the tests read in the board's numbers and do not move with the model's.
import { describe, expect, it } from 'vitest';
import {
  blankInput, CONSTRAINTS, explainChange, LEVER_CONSTRAINTS, LEVERS, runLosses, shareLost, simulateExpected,
  type Constraint, type LeverValues, type PeriodExplanation, type RunResult,
} from '../../engine';
import { concurrency } from './fixtures';

type Explained = Pick<RunResult, 'explanations'>;

/**
 * Return a run of `quarters` 13-week periods in which each constraint takes the given share every week: its
 * weekly loss is −ln(1 − share), so shareLost reads the share back.
 */
function runTaking(taken: Partial<Record<Constraint, number>>, quarters = 4): Explained {
  const explanations: PeriodExplanation[] = [];
  for (let q = 0; q < quarters; q++) {
    const losses = Object.fromEntries(CONSTRAINTS.map((c) => [c, -13 * Math.log(1 - (taken[c] ?? 0))])) as Record<Constraint, number>;
    const total = CONSTRAINTS.reduce((s, c) => s + losses[c], 0);
    const shares = Object.fromEntries(CONSTRAINTS.map((c) => [c, total > 0 ? losses[c] / total : 1 / CONSTRAINTS.length])) as Record<Constraint, number>;
    const binding = CONSTRAINTS.reduce((a, b) => (shares[b] > shares[a] ? b : a));
    explanations.push({ fromWeek: 13 * q, toWeek: 13 * q + 12, binding, shares, losses });
  }
  return { explanations };
}

interface Case {
  readonly name: string;
  readonly baseline: Partial<Record<Constraint, number>>;
  readonly whatIf: Partial<Record<Constraint, number>>;
  readonly baselineLevers: LeverValues;
  readonly whatIfLevers: LeverValues;
  readonly binding: Constraint;
  readonly headline: string;
  /** The moves in the order listed, with their sentences. */
  readonly moves: readonly string[];
  readonly bindsDespiteChange: boolean;
}

const EIGHT = { 'priorities.concurrent': 8 };
const TWO = { 'priorities.concurrent': 2 };

const CASES: readonly Case[] = [
  {
    name: 'an improved lever whose constraint still binds most: the headline says "still"',
    baseline: { switching: 0.62, governance: 0.2, fatigue: 0.05 },
    whatIf: { switching: 0.25, governance: 0.2, fatigue: 0.05 },
    baselineLevers: EIGHT,
    whatIfLevers: TWO,
    binding: 'switching',
    headline: "With concurrent priorities down from 8 to 2, time lost to switching between priorities fell from 62% to 25% of the team's time, but it is still the largest loss.",
    moves: ["Time lost to switching between priorities fell from 62% to 25% of the team's time, with concurrent priorities down from 8 to 2."],
    bindsDespiteChange: true,
  },
  {
    name: 'an improved lever whose constraint no longer binds: it is not blamed, the new binding constraint is named',
    baseline: { switching: 0.62, governance: 0.3 },
    whatIf: { switching: 0.1, governance: 0.3 },
    baselineLevers: EIGHT,
    whatIfLevers: TWO,
    binding: 'governance',
    headline: "Waiting for decisions is now the largest loss: it takes 30% of the team's time.",
    moves: ["Time lost to switching between priorities fell from 62% to 10% of the team's time, with concurrent priorities down from 8 to 2."],
    bindsDespiteChange: false,
  },
  {
    name: 'no lever changed (the scenario as loaded): the binding constraint and its size',
    baseline: { switching: 0.62, governance: 0.2 },
    whatIf: { switching: 0.62, governance: 0.2 },
    baselineLevers: EIGHT,
    whatIfLevers: EIGHT,
    binding: 'switching',
    headline: "Switching between priorities is the largest loss: it takes 62% of the team's time.",
    moves: [],
    bindsDespiteChange: false,
  },
  {
    name: 'a knock-on tightening after an improvement names no lever, and the improved one is not blamed for it',
    baseline: { switching: 0.5, fatigue: 0.05 },
    whatIf: { switching: 0.2, fatigue: 0.4 },
    baselineLevers: EIGHT,
    whatIfLevers: TWO,
    binding: 'fatigue',
    headline: 'Change fatigue is now the largest loss: it slows work by 40% (was 5%).',
    moves: [
      'The slowdown from change fatigue rose from 5% to 40%.',
      "Time lost to switching between priorities fell from 50% to 20% of the team's time, with concurrent priorities down from 8 to 2.",
    ],
    bindsDespiteChange: false,
  },
  {
    name: 'a lever moved the tightening way is named behind the binding constraint',
    baseline: { switching: 0.2, governance: 0.1 },
    whatIf: { switching: 0.62, governance: 0.1 },
    baselineLevers: TWO,
    whatIfLevers: EIGHT,
    binding: 'switching',
    headline: "Switching between priorities is still the largest loss: time lost to switching between priorities rose from 20% to 62% of the team's time, with concurrent priorities up from 2 to 8.",
    moves: ["Time lost to switching between priorities rose from 20% to 62% of the team's time, with concurrent priorities up from 2 to 8."],
    bindsDespiteChange: false,
  },
  {
    name: 'moves come largest first; a change within the same whole percentage is no move',
    baseline: { switching: 0.3, governance: 0.4, scope: 0.121, infrastructure: 0.3 },
    whatIf: { switching: 0.28, governance: 0.2, scope: 0.124, infrastructure: 0.1 },
    baselineLevers: { 'leadership.ownership': 1, 'start.infrastructure': 0.4 },
    whatIfLevers: { 'leadership.ownership': 3, 'start.infrastructure': 0.8 },
    binding: 'switching',
    headline: "With who owns digital up from one executive (e.g. a CIO) to the whole board, each in their own portfolio, time lost to switching between priorities fell from 30% to 28% of the team's time, but it is now the largest loss.",
    moves: [
      "Time lost waiting for decisions fell from 40% to 20% of the team's time, with who owns digital up from one executive (e.g. a CIO) to the whole board, each in their own portfolio.",
      'The slowdown from foundations not being ready fell from 30% to 10%, with infrastructure readiness up from 40% to 80%.',
      "Time lost to switching between priorities fell from 30% to 28% of the team's time, with who owns digital up from one executive (e.g. a CIO) to the whole board, each in their own portfolio.",
    ],
    bindsDespiteChange: true,
  },
];

describe('[X3] what changed against the baseline', () => {
  it.each(CASES)('[X3] $name', (c) => {
    const x = explainChange(runTaking(c.baseline), runTaking(c.whatIf), c.baselineLevers, c.whatIfLevers)!;
    expect(x.binding).toBe(c.binding);
    expect(x.headline).toBe(c.headline);
    expect(x.moves.map((m) => m.text)).toEqual(c.moves);
    expect(x.bindsDespiteChange).toBe(c.bindsDespiteChange);
  });

  it('[X3] never names a lever moved the easing way behind a constraint that tightened', () => {
    // Cutting priorities and raising infrastructure readiness; every constraint gets worse all the same.
    const x = explainChange(runTaking({ switching: 0.1, infrastructure: 0.1, fatigue: 0.1 }), runTaking({ switching: 0.3, infrastructure: 0.3, fatigue: 0.3 }), { ...EIGHT, 'start.infrastructure': 0.4 }, { ...TWO, 'start.infrastructure': 0.8 })!;
    expect(x.moves.map((m) => m.move)).toEqual(['tightened', 'tightened', 'tightened']);
    for (const m of x.moves) {
      expect(m.levers).toEqual([]);
      expect(m.text).not.toMatch(/priorities down|readiness up/);
    }
    // The binding constraint's improved lever is named only with "still".
    expect(x.headline).toBe("With concurrent priorities down from 8 to 2, time lost to switching between priorities rose from 10% to 30% of the team's time, and it is still the largest loss.");
  });

  it('[X3] gives each constraint its loss in both runs and the change, summed over the periods', () => {
    const x = explainChange(runTaking({ switching: 0.5 }, 2), runTaking({ switching: 0.2 }, 2), EIGHT, TWO)!;
    const s = x.constraints.find((c) => c.constraint === 'switching')!;
    expect(s.baselineLoss).toBeCloseTo(-26 * Math.log(0.5), 12);
    expect(s.whatIfLoss).toBeCloseTo(-26 * Math.log(0.8), 12);
    expect(s.change).toBeCloseTo(s.whatIfLoss - s.baselineLoss, 12);
    expect(s.baselineShare).toBeCloseTo(0.5, 12);
    expect(s.whatIfShare).toBeCloseTo(0.2, 12);
    expect(x.constraints.map((c) => c.constraint)).toEqual([...CONSTRAINTS]);
    expect(x.levers).toEqual([{ id: 'priorities.concurrent', from: 8, to: 2, constraints: ['switching'], eases: ['switching'], tightens: [], text: 'concurrent priorities down from 8 to 2' }]);
  });

  it('[X3] resolves lever values with their defaults, so a lever set to its default is no change', () => {
    const x = explainChange(runTaking({ switching: 0.5 }), runTaking({ switching: 0.5 }), {}, { 'priorities.concurrent': 8 })!;
    expect(x.changed).toBe(false);
    expect(x.levers).toEqual([]);
    expect(x.size).toBe("Switching between priorities takes 50% of the team's time.");
  });

  it('[X3] returns null for runs without absolute losses (saved before they were recorded) or without periods', () => {
    const withLosses = runTaking({ switching: 0.5 });
    const old = { explanations: withLosses.explanations.map(({ losses: _losses, ...rest }) => rest) };
    expect(explainChange(old, withLosses, EIGHT, TWO)).toBeNull();
    expect(explainChange(withLosses, old, EIGHT, TWO)).toBeNull();
    expect(explainChange({ explanations: [] }, withLosses, EIGHT, TWO)).toBeNull();
    expect(runLosses(old)).toBeNull();
  });

  it('[X3] says so when nothing was lost', () => {
    const x = explainChange(runTaking({}), runTaking({}), EIGHT, TWO)!;
    expect(x.headline).toBe('No constraint held progress back.');
    expect(x.size).toBe('');
  });

  it('[X3] reads a summed loss back as the share lost each week', () => {
    expect(shareLost(-52 * Math.log(0.75), 52)).toBeCloseTo(0.25, 12);
    expect(shareLost(0, 52)).toBe(0);
    expect(shareLost(1, 0)).toBe(0);
  });

  it('[X3] maps only known levers to known constraints, each with a direction', () => {
    const ids = new Set(LEVERS.map((l) => l.id));
    for (const [id, acts] of Object.entries(LEVER_CONSTRAINTS)) {
      expect(ids.has(id), id).toBe(true);
      for (const [c, d] of Object.entries(acts)) {
        expect(CONSTRAINTS as readonly string[], id).toContain(c);
        expect([1, -1, 0], id).toContain(d);
      }
    }
    expect(LEVER_CONSTRAINTS['priorities.concurrent']).toEqual({ switching: -1 });
  });
});

describe('[X1] periods keep their absolute losses', () => {
  it('[X1] every period of a run has losses, and its shares are each loss over their total', () => {
    for (const run of [simulateExpected(blankInput()), simulateExpected(concurrency(8))]) {
      for (const p of run.explanations) {
        expect(p.losses).toBeDefined();
        const total = CONSTRAINTS.reduce((s, c) => s + p.losses![c], 0);
        for (const c of CONSTRAINTS) {
          expect(p.losses![c]).toBeGreaterThanOrEqual(0);
          if (total > 0) expect(p.shares[c]).toBeCloseTo(p.losses![c] / total, 12);
        }
      }
    }
  });
});
