import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blankInput, parseScenario, scenarioToInput, simulateExpected, type RunResult, type SimInput } from '../../engine';
import {
  createInlineRuns, INLINE_HUGE_MS, INLINE_SLOW_IN_A_ROW, INLINE_SLOW_MS, INLINE_WARMUP_RUNS, scenarioKey, type InlineOutcome,
} from '../../renderer/src/sim/inline-expected';
import { emptyExpectedMemory, showExpected } from '../../renderer/src/sim/live-scheduler';

function scenarioInput(file: string, overrides: Record<string, number> = {}): SimInput {
  const parsed = parseScenario(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return scenarioToInput(parsed.scenario, overrides);
}

/**
 * A run whose duration the test sets: each call advances the injected clock by the next cost in the list
 * (the last one repeats), so the rule sees exactly these times and no real clock is read.
 */
function timedRuns(costs: number[], limits: { slowMs?: number; slowInARow?: number; hugeMs?: number; warmupRuns?: number } = {}) {
  let t = 1_000;
  const ran: SimInput[] = [];
  const run = (input: SimInput): RunResult => {
    ran.push(input);
    t += costs.length > 1 ? costs.shift()! : costs[0]!;
    return { horizonWeeks: input.horizonWeeks } as RunResult;
  };
  return { ran, runs: createInlineRuns({ run, now: () => t, ...limits }) };
}

// Inputs of one scenario with different lever settings (a drag), and of a scenario of another size.
const big = blankInput();
const step = (i: number): SimInput => ({ ...big, levers: { ...big.levers, 'goal.clarity': (i % 10) / 10 } });
const other: SimInput = { ...big, horizonWeeks: big.horizonWeeks + 52 };

describe('expected runs on the main thread', () => {
  it('gives the result of the engine function the worker runs for an expected request, bit for bit', () => {
    const runs = createInlineRuns({ run: simulateExpected });
    for (const input of [scenarioInput('milton-keynes.momentum'), scenarioInput('milton-keynes.momentum', { 'goal.clarity': 0.9, 'priorities.concurrent': 9 })]) {
      const outcome = runs.run(input);
      expect(outcome.error).toBeUndefined();
      expect(outcome.result).toEqual(simulateExpected(input));
      expect(outcome.input).toBe(input);
    }
  });

  it('reports an engine failure as the message the worker would reply with, and keeps running afterwards', () => {
    const runs = createInlineRuns({ run: simulateExpected });
    const bad = { ...blankInput(), goal: undefined } as unknown as SimInput;
    let thrown = '';
    try {
      simulateExpected(bad);
    } catch (e) {
      thrown = (e as Error).message;
    }
    expect(thrown).not.toBe('');
    const failed = runs.run(bad);
    expect(failed.error).toBe(thrown);
    expect(failed.result).toBeUndefined();
    expect(failed.input).toBe(bad);
    expect(runs.inline(bad)).toBe(true);
    const good = blankInput();
    expect(runs.run(good).result).toEqual(simulateExpected(good));
    // A value thrown that is not an Error is reported as its text.
    const odd = createInlineRuns({ run: () => { throw 'no engine'; } });
    expect(odd.run(good).error).toBe('no engine');
  });

  it('runs each input object once while it is among the last few, so several views of one input share the run', () => {
    const { ran, runs } = timedRuns([0.2]);
    const a = step(1);
    const first = runs.run(a);
    expect(runs.run(a)).toBe(first);
    expect(ran).toEqual([a]);
    // An equal input in another object is run again (identity is what the store keeps stable).
    runs.run(step(1));
    expect(ran).toHaveLength(2);
    for (let i = 2; i < 7; i++) runs.run(step(i));
    runs.run(a);
    expect(ran.filter((i) => i === a)).toHaveLength(2);
  });
});

describe('the rule that sends a slow scenario to the worker', () => {
  // The warm-up is switched off except where a test is about it.
  const cold = { warmupRuns: 0 };

  it(`moves a scenario after ${INLINE_SLOW_IN_A_ROW} runs in a row over ${INLINE_SLOW_MS} ms, for any of its lever settings, and leaves other scenarios here`, () => {
    const { runs } = timedRuns([INLINE_SLOW_MS + 1], cold);
    for (let i = 1; i < INLINE_SLOW_IN_A_ROW; i++) runs.run(step(i));
    expect(runs.inline(step(20))).toBe(true);
    const last = step(INLINE_SLOW_IN_A_ROW);
    runs.run(last);
    expect(runs.inline(step(20))).toBe(false);
    expect(runs.inline(step(1))).toBe(false);
    expect(runs.inline(other)).toBe(true);
    // The input whose run made the decision keeps its outcome: a re-render with it sends nothing to the worker.
    expect(runs.inline(last)).toBe(true);
  });

  it('keeps a scenario here while quick runs break the slow ones, and counts only slow runs in a row', () => {
    const slow = INLINE_SLOW_MS + 3;
    const costs = [];
    for (let k = 0; k < 4; k++) costs.push(...Array<number>(INLINE_SLOW_IN_A_ROW - 1).fill(slow), 0.3);
    const { runs } = timedRuns(costs, cold);
    for (let i = 0; i < costs.length; i++) runs.run(step(i));
    expect(runs.inline(step(99))).toBe(true);
  });

  it(`judges the session's first ${INLINE_WARMUP_RUNS} runs (the engine not yet optimised) by the huge limit only`, () => {
    const { runs } = timedRuns([INLINE_SLOW_MS + 10]);
    for (let i = 0; i < INLINE_WARMUP_RUNS; i++) runs.run(step(i));
    expect(runs.inline(step(99))).toBe(true);
    for (let i = 0; i < INLINE_SLOW_IN_A_ROW; i++) runs.run(step(INLINE_WARMUP_RUNS + i));
    expect(runs.inline(step(99))).toBe(false);
    const huge = timedRuns([INLINE_HUGE_MS + 1]);
    huge.runs.run(step(1));
    expect(huge.runs.inline(step(2))).toBe(false);
  });

  it('does not join slow runs of two scenarios into one streak', () => {
    const { runs } = timedRuns([10], { ...cold, slowInARow: 2 });
    runs.run(step(1));
    runs.run(other);
    runs.run(step(2));
    expect(runs.inline(step(3))).toBe(true);
    expect(runs.inline(other)).toBe(true);
    runs.run(step(3));
    expect(runs.inline(step(4))).toBe(false);
    expect(runs.inline(other)).toBe(true);
  });

  it(`moves a scenario at once after a single run over ${INLINE_HUGE_MS} ms`, () => {
    const { runs } = timedRuns([INLINE_HUGE_MS + 1], cold);
    runs.run(step(1));
    expect(runs.inline(step(2))).toBe(false);
  });

  it('counts a run exactly at the limit as quick, and follows limits given to it', () => {
    const atLimit = timedRuns([INLINE_SLOW_MS], cold);
    for (let i = 0; i < 3 * INLINE_SLOW_IN_A_ROW; i++) atLimit.runs.run(step(i));
    expect(atLimit.runs.inline(step(99))).toBe(true);
    const strict = timedRuns([2], { slowMs: 1, slowInARow: 4, hugeMs: 100, warmupRuns: 1 });
    for (let i = 0; i < 4; i++) strict.runs.run(step(i));
    expect(strict.runs.inline(step(99))).toBe(true);
    strict.runs.run(step(4));
    expect(strict.runs.inline(step(99))).toBe(false);
  });

  it('times the run only: a recalled outcome adds no slow run to the streak', () => {
    const { runs } = timedRuns([10], cold);
    const a = step(1);
    for (let i = 0; i < INLINE_SLOW_IN_A_ROW + 2; i++) runs.run(a);
    expect(runs.inline(step(2))).toBe(true);
  });

  it('keys a scenario by what levers leave alone: weeks, initiatives, stages, events', () => {
    expect(scenarioKey(step(1))).toBe(scenarioKey(step(7)));
    expect(scenarioKey(other)).not.toBe(scenarioKey(step(1)));
    const mk = scenarioInput('milton-keynes.momentum');
    expect(scenarioKey(mk)).toBe(scenarioKey(scenarioInput('milton-keynes.momentum', { 'priorities.concurrent': 12 })));
    expect(scenarioKey({ ...mk, initiatives: mk.initiatives.slice(1) })).not.toBe(scenarioKey(mk));
  });
});

describe('what a view shows of its expected run, inline and through the worker', () => {
  const run = (i: number) => ({ horizonWeeks: i }) as unknown as RunResult;
  const ok = (input: SimInput, result: RunResult): InlineOutcome => ({ input, result, ms: 0.2 });
  const failed = (input: SimInput, error: string): InlineOutcome => ({ input, error, ms: 0.2 });
  // The worker path's state as useLatest reports it: the last reply's result and input, pending, error.
  const worker = (result: RunResult | null, input: SimInput | null, pending = false, error: string | null = null) => ({ result, input, pending, error });
  const idle = worker(null, null, true);

  it('shows an inline run at once, never pending, and keeps the last good run beside an engine error', () => {
    const m = emptyExpectedMemory();
    const [a, b] = [step(1), step(2)];
    expect(showExpected(m, ok(a, run(1)), idle)).toEqual({ result: run(1), input: a, pending: false, error: null });
    expect(showExpected(m, failed(b, 'engine failed'), idle)).toEqual({ result: run(1), input: a, pending: false, error: 'engine failed' });
  });

  it('keeps the last inline run on show, pending, after the switch to the worker, until its first reply', () => {
    const m = emptyExpectedMemory();
    const [a, b, c] = [step(1), step(2), step(3)];
    showExpected(m, ok(a, run(1)), idle);
    expect(showExpected(m, null, idle)).toEqual({ result: run(1), input: a, pending: true, error: null });
    expect(showExpected(m, null, worker(run(2), b, true))).toEqual({ result: run(2), input: b, pending: true, error: null });
    expect(showExpected(m, null, worker(run(3), c, false))).toEqual({ result: run(3), input: c, pending: false, error: null });
    expect(showExpected(m, null, worker(run(3), c, false, 'worker failed'))).toEqual({ result: run(3), input: c, pending: false, error: 'worker failed' });
  });

  it('never lets a worker reply replace a newer inline run: one arriving in inline mode, or one from an earlier stay in worker mode', () => {
    const m = emptyExpectedMemory();
    const [a, b, c] = [step(1), step(2), step(3)];
    // Worker mode: the reply for a is shown.
    expect(showExpected(m, null, worker(run(1), a)).input).toBe(a);
    // Inline again (another scenario): b is run here; the reply for a request still in flight arrives.
    showExpected(m, ok(b, run(2)), worker(run(1), a, true));
    expect(showExpected(m, ok(b, run(2)), worker(run(9), c, true))).toEqual({ result: run(2), input: b, pending: false, error: null });
    // Back to worker mode: the reply already there is old news; b stays on show until a new reply.
    expect(showExpected(m, null, worker(run(9), c, true))).toEqual({ result: run(2), input: b, pending: true, error: null });
  });
});
