// The arithmetic behind `npm run bench` (bench/measure.ts): order statistics, budgets and the log-log fit.
// No timing here: timing belongs to the bench itself.
import { describe, expect, it } from 'vitest';
import { entryOf, logLogExponent, quantile } from '../../bench/measure';

describe('bench arithmetic (issue 9)', () => {
  it('takes quantiles by the nearest rank', () => {
    const v = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(quantile(v, 0.5)).toBe(10);
    expect(quantile(v, 0.95)).toBe(19);
    expect(quantile(v, 0.05)).toBe(1);
    expect(quantile([7], 0.95)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('judges a time budget on the statistic it names, whatever the order of the samples', () => {
    const samples = [12, 3, 5, 4, 6, 5, 4, 5, 4, 5];
    const onP95 = entryOf('t', 'ms', samples, { limit: 10, on: 'p95' });
    expect(onP95).toMatchObject({ median: 5, p95: 12, budget: 10, pass: false, runs: 10 });
    expect(entryOf('t', 'ms', samples, { limit: 10, on: 'median' }).pass).toBe(true);
    expect(entryOf('t', 'ms', samples)).not.toHaveProperty('pass');
  });

  it('judges a speed-up as a floor and reports its low tail', () => {
    const e = entryOf('s', '×', [1.9, 1.7, 2.0, 1.85, 1.95], { limit: 1.8, on: 'median', atLeast: true });
    expect(e).toMatchObject({ median: 1.9, p95: 1.7, pass: true });
    expect(entryOf('s', '×', [1.5, 1.6, 1.7], { limit: 1.8, on: 'median', atLeast: true }).pass).toBe(false);
  });

  it('fits the exponent of a power law exactly and tells linear from quadratic', () => {
    const sizes = [52, 104, 260, 520];
    expect(logLogExponent(sizes, sizes.map((s) => 3 * s))).toBeCloseTo(1, 12);
    expect(logLogExponent(sizes, sizes.map((s) => 0.5 * s * s))).toBeCloseTo(2, 12);
    // A fixed cost on top of a linear one bends the fit below 1.
    expect(logLogExponent(sizes, sizes.map((s) => 100 + s))).toBeLessThan(1);
  });
});
