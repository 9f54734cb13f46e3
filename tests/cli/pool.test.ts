// The worker pool and the dispatcher's error mapping, exercised in-process (the pool starts
// real worker threads through cli/bin/worker.mjs).
import { describe, expect, it } from 'vitest';
import { blankInput, createInProcessRunner, evaluateTask, type SimTask } from '../../engine';
import type { CliIo } from '../../cli/io';
import { main } from '../../cli/main';
import { AUTO_PARALLEL_MIN_REPLICATIONS, coreCount, evaluateAll, workersFor } from '../../cli/pool';

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

  it('rejects, naming the task, when a worker fails', async () => {
    const bad = [...tasks.slice(0, 2), { ...tasks[0]!, input: null as unknown as SimTask['input'] }];
    await expect(evaluateAll(bad, { workers: 2 })).rejects.toThrow(/a worker failed on task 3/);
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
