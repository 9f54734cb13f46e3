// The command line's SimRunner (cli/runner.ts): over worker threads (the engine's lane runner, one thread
// sharing each Monte Carlo with its helpers) and on the main thread, it gives one monteCarlo call's bits,
// reports progress, and stops on Ctrl+C with its threads.
import { describe, expect, it } from 'vitest';
import { blankInput, monteCarlo, simulate, simulateExpected } from '../../engine';
import { Interrupted } from '../../cli/signals';
import { createCliRunner } from '../../cli/runner';

const input = { ...blankInput(), horizonWeeks: 80 };

describe('createCliRunner', () => {
  it.each([1, 2, 3])('gives the bits of one monteCarlo call on %i thread(s), with progress rising to the total', async (threads) => {
    const runner = createCliRunner(threads);
    try {
      expect(runner.threads).toBe(threads);
      for (const opts of [
        { replications: 250, seed: 17, uncertainty: 'all' as const, series: [] },
        { replications: 130, seed: 5, series: ['maturity'] },
      ]) {
        const progress: number[] = [];
        const got = await runner.monteCarlo(input, { ...opts, onProgress: (done) => progress.push(done) });
        expect(got).toStrictEqual(monteCarlo(input, opts));
        expect(progress[progress.length - 1]).toBe(opts.replications);
        expect([...progress].sort((a, b) => a - b)).toEqual(progress);
      }
      expect(await runner.expected(input)).toEqual(simulateExpected(input));
      expect(await runner.simulate(input, 4)).toEqual(simulate(input, 4));
    } finally {
      runner.dispose();
    }
  }, 60_000);

  it.each([1, 2])('stops on Ctrl+C (SIGINT) on %i thread(s): the run rejects with Interrupted and stops listening', async (threads) => {
    const runner = createCliRunner(threads);
    try {
      const running = runner.monteCarlo(blankInput(), { replications: 40_000, seed: 1, series: [] });
      setTimeout(() => process.emit('SIGINT', 'SIGINT'), 50);
      await expect(running).rejects.toBeInstanceOf(Interrupted);
      expect(process.listenerCount('SIGINT')).toBe(0);
      // The threads are stopped with it.
      if (threads > 1) await expect(runner.expected(input)).rejects.toThrow(/closed/);
    } finally {
      runner.dispose();
    }
  }, 60_000);
});
