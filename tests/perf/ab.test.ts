// The A/B bench's arithmetic and arguments (bench/ab.ts): per-entry medians of per-round medians, B over
// A, and which entries are flagged. No timing here; `npm run bench -- --ab REF` measures.
import { describe, expect, it } from 'vitest';
import { abArgs, abRows, abTable } from '../../bench/ab';
import type { Entry } from '../../bench/measure';

const entry = (name: string, median: number, unit = 'ms'): Entry => ({ name, unit, median, p95: median, runs: 5 });

describe('abRows', () => {
  it('compares the median of each side\'s per-round medians, and flags B more than 10% worse', () => {
    const a = [[entry('engine: run', 10), entry('cli: speed-up', 2, '×'), entry('engine: gone', 5)], [entry('engine: run', 12), entry('cli: speed-up', 2, '×')], [entry('engine: run', 11), entry('cli: speed-up', 2, '×')]];
    const b = [[entry('engine: run', 12), entry('cli: speed-up', 1.7, '×'), entry('engine: new', 1)], [entry('engine: run', 11.5), entry('cli: speed-up', 1.9, '×')], [entry('engine: run', 12.5), entry('cli: speed-up', 1.8, '×')]];
    const rows = abRows(a, b);
    expect(rows.map((r) => r.name)).toEqual(['engine: run', 'cli: speed-up', 'engine: new', 'engine: gone']);
    const [run, speedUp, added, gone] = rows;
    expect(run).toMatchObject({ a: 11, b: 12, worse: false });
    expect(run!.ratio).toBeCloseTo(12 / 11, 12);
    // A speed-up is better when higher: 1.8 against 2 is 10% down, past the limit.
    expect(speedUp).toMatchObject({ a: 2, b: 1.8, worse: true });
    expect(added).toMatchObject({ a: undefined, b: 1, ratio: undefined, worse: false });
    expect(gone).toMatchObject({ a: 5, b: undefined, ratio: undefined, worse: false });
    expect(abRows([[entry('x', 10)]], [[entry('x', 11.5)]])[0]!.worse).toBe(true);
    expect(abTable(rows, 'abc123').split('\n').slice(0, 4)).toEqual([
      '| entry | unit | A (abc123) | B (this tree) | B/A | B/A, CPU |',
      '| --- | --- | ---: | ---: | ---: | ---: |',
      '| engine: run | ms | 11.00 | 12.00 | 1.09 | – |',
      '| cli: speed-up | × | 2.00 | 1.80 | 0.90 | – **worse** |',
    ]);
  });

  it('judges by CPU time where both sides have it: a busy machine stretches the wall clock, not the work', () => {
    const withCpu = (median: number, cpuMedian: number): Entry => ({ ...entry('engine: mc', median), cpuMedian });
    const [waited] = abRows([[withCpu(100, 100)], [withCpu(110, 98)], [withCpu(105, 99)]], [[withCpu(200, 101)], [withCpu(180, 99)], [withCpu(190, 100)]]);
    expect(waited).toMatchObject({ a: 105, b: 190, worse: false });
    expect(waited!.cpuRatio).toBeCloseTo(100 / 99, 12);
    const [worked] = abRows([[withCpu(100, 100)]], [[withCpu(105, 120)]]);
    expect(worked).toMatchObject({ worse: true });
  });
});

describe('abArgs', () => {
  it('reads the ref, the suites (engine and cli by default) and the rounds', () => {
    expect(abArgs(['engine'])).toBeUndefined();
    expect(abArgs(['--ab', 'HEAD~3'])).toEqual({ ref: 'HEAD~3', suites: ['engine', 'cli'], rounds: 3 });
    expect(abArgs(['engine', '--ab', 'abc', '--rounds', '5'])).toEqual({ ref: 'abc', suites: ['engine'], rounds: 5 });
    expect(() => abArgs(['--ab'])).toThrow(/needs a git ref/);
    expect(() => abArgs(['--ab', 'abc', '--rounds', '0'])).toThrow(/--rounds/);
  });
});
