// The worker pool and the dispatcher's error mapping, exercised in-process (the pool starts
// real worker threads through cli/bin/worker.mjs).
import { describe, expect, it } from 'vitest';
import { LEVERS, blankInput, createInProcessRunner, evaluateTask, type SimTask } from '../../engine';
import type { CliIo } from '../../cli/io';
import { gridTask, type GridAxis, type Job } from '../../cli/job';
import { main } from '../../cli/main';
import {
  AUTO_PARALLEL_MIN_REPLICATIONS,
  Interrupted,
  WorkerPool,
  coreCount,
  evaluateAll,
  evaluateJob,
  runInProcess,
  workersFor,
} from '../../cli/pool';

const tasks: SimTask[] = [3, 1, 4, 1, 5].map((seed, i) => ({
  input: { ...blankInput(), horizonWeeks: 40 + i },
  method: i % 2 === 0 ? 'monte-carlo' : 'single',
  seed,
  replications: i % 2 === 0 ? 4 : 1,
}));

describe('evaluateAll', () => {
  it('returns results in task order, equal to in-process evaluation, with 1 or 3 workers', async () => {
    const runner = createInProcessRunner();
    const want = [];
    for (const t of tasks) want.push(await evaluateTask(t, runner));
    const progress: number[] = [];
    const threaded = await evaluateAll(tasks, { workers: 3, onProgress: (d) => progress.push(d) });
    expect(threaded).toEqual(want);
    expect(await evaluateAll(tasks, { workers: 1 })).toEqual(want);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  }, 60_000);

  it('gives each task the same result whatever ran before it on that thread (what makes worker counts irrelevant)', async () => {
    const forward = await evaluateAll(tasks, { workers: 1 });
    const backward = await evaluateAll([...tasks].reverse(), { workers: 1 });
    expect(backward.reverse()).toEqual(forward);
  });

  it('rejects, naming the task, when a task fails in a worker thread or on the main thread', async () => {
    const bad = [...tasks.slice(0, 2), { ...tasks[0]!, input: null as unknown as SimTask['input'] }];
    await expect(evaluateAll(bad, { workers: 2 })).rejects.toThrow(/task 3 failed/);
    await expect(evaluateAll(bad, { workers: 1 })).rejects.toThrow(/task 3 failed/);
    const pool = new WorkerPool(2);
    await expect(evaluateJob({ kind: 'tasks', tasks: bad }, pool)).rejects.toThrow(/task 3 failed in a worker thread/);
  }, 60_000);
});

describe('WorkerPool', () => {
  const base: SimTask = { input: { ...blankInput(), horizonWeeks: 30 }, method: 'single', seed: 4, replications: 1 };
  const axes: GridAxis[] = [
    { leverId: LEVERS[0]!.id, values: Array.from({ length: 15 }, (_, i) => LEVERS[0]!.min + ((LEVERS[0]!.max - LEVERS[0]!.min) * i) / 14) },
    { leverId: LEVERS[1]!.id, values: Array.from({ length: 10 }, (_, i) => LEVERS[1]!.min + ((LEVERS[1]!.max - LEVERS[1]!.min) * i) / 9) },
  ];
  const grid: Job = { kind: 'grid', base, axes, independentSeeds: true };
  /** A job of 20,000 seeded full-length runs: long enough to be stopped half-way. */
  const longJob: Job = { kind: 'tasks', tasks: Array.from({ length: 20_000 }, (_, seed) => ({ input: blankInput(), method: 'single', seed, replications: 1 })) };

  it.each([2, 3])('computes a 150-combination grid in many batches on %i workers: results in order, equal to each task evaluated alone', async (threads) => {
    const want = [];
    for (let k = 0; k < 150; k++) want.push(await evaluateTask(gridTask(base, axes, true, k), createInProcessRunner()));
    const pool = new WorkerPool(threads);
    const progress: number[] = [];
    try {
      expect(await evaluateJob(grid, pool, (d) => progress.push(d))).toEqual(want);
      // A second job on the same workers (each gets the job once, then ranges of it).
      const again = [base, { ...base, seed: 9 }];
      const alone = [await evaluateTask(again[0]!, createInProcessRunner()), await evaluateTask(again[1]!, createInProcessRunner())];
      expect(await evaluateJob({ kind: 'tasks', tasks: again }, pool)).toEqual(alone);
    } finally {
      pool.close();
    }
    expect(await evaluateJob(grid, undefined)).toEqual(want);
    // Progress came per batch, rising to the total.
    expect(progress.length).toBeGreaterThan(4);
    expect(progress[progress.length - 1]).toBe(150);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  }, 60_000);

  it('stops on Ctrl+C (SIGINT): the run rejects with Interrupted and the workers are stopped', async () => {
    const pool = new WorkerPool(2);
    const running = pool.run(longJob);
    setTimeout(() => process.emit('SIGINT', 'SIGINT'), 50);
    await expect(running).rejects.toBeInstanceOf(Interrupted);
    await expect(pool.run(grid)).rejects.toThrow(/closed/);
    expect(process.listenerCount('SIGINT')).toBe(0);
  }, 60_000);

  it('stops on Ctrl+C on the main thread too, between batches', async () => {
    const running = runInProcess(longJob);
    setTimeout(() => process.emit('SIGINT', 'SIGINT'), 20);
    await expect(running).rejects.toBeInstanceOf(Interrupted);
    expect(process.listenerCount('SIGINT')).toBe(0);
  }, 60_000);
});

describe('workersFor', () => {
  it('uses the requested count; otherwise every core for a large job and the main thread for a small one', () => {
    const mc = (replications: number): SimTask => ({ ...tasks[0]!, method: 'monte-carlo', replications });
    expect(workersFor([mc(10)], 4)).toBe(4);
    expect(workersFor([mc(10), mc(10)], undefined)).toBe(1);
    expect(workersFor([mc(AUTO_PARALLEL_MIN_REPLICATIONS / 2), mc(AUTO_PARALLEL_MIN_REPLICATIONS / 2)], undefined)).toBe(coreCount());
  });
});

describe('main', () => {
  it('maps an unexpected error to exit code 3 with "internal error" on stderr', async () => {
    let err = '';
    const io: CliIo = {
      isTTY: false,
      cwd: '.',
      stdout: () => {
        throw new Error('disk on fire');
      },
      stderr: (s) => void (err += s),
    };
    expect(await main(['levers', '--json'], io)).toBe(3);
    expect(err).toContain('momentum levers: internal error: Error: disk on fire');
  });
});
