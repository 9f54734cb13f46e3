// A sweep stopped by Ctrl+C or SIGTERM keeps its finished rows; --resume finishes it with the bytes of
// an uninterrupted run. The child is signalled once its checkpoint shows progress (the file is polled).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Checkpoint, checkpointPath, missingRanges } from '../../cli/checkpoint';
import { BIN, filesIn, momentum, scenario, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Resolve once `check` holds, looking again every 10 ms (a poll, not a wait for a guessed time); reject after `ms`. */
function waitFor(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const look = () => {
      if (check()) return resolve();
      if (Date.now() - start > ms) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(look, 10);
    };
    look();
  });
}

/** The finished batches a checkpoint file records (its lines after the header). */
function batchesIn(file: string): number {
  if (!existsSync(file)) return 0;
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('{"from"')).length;
}

const SWEEP = ['sweep', scenario('covid-19.momentum'), '--vary', 'priorities.concurrent=1:20:12', '--vary', 'goal.clarity=0:1:10', '--replications', '40', '--independent-seeds', '--seed', '3'];

describe('sweep --resume', () => {
  const whole = join(tmp.dir, 'whole.csv');
  const uninterrupted = momentum([...SWEEP, '--workers', '1', '--out', whole]);

  it.each([
    ['SIGTERM', 143, 'terminated (SIGTERM)', '2'],
    ['SIGINT', 130, 'interrupted', '1'],
  ] as const)('after %s (exit %i) writes no CSV, and --resume writes the uninterrupted bytes', async (signal, exitCode, words, workers) => {
    const dir = join(tmp.dir, signal);
    mkdirSync(dir);
    const out = join(dir, 'sweep.csv');
    const args = [...SWEEP, '--workers', workers, '--out', out];
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    let ended = false;
    void closed.then(() => (ended = true));
    await waitFor(() => ended || batchesIn(checkpointPath(out)) >= 2, 'the checkpoint to show progress');
    expect(ended, 'the sweep finished before it could be stopped; make it larger').toBe(false);
    child.kill(signal);
    expect(await closed).toBe(exitCode);
    expect(stderr).toContain(`momentum sweep: ${words}; stopped the workers, wrote nothing.`);
    expect(stderr).toMatch(/\d+ of 120 rows are kept in .*sweep\.csv\.checkpoint; run the same command with --resume to finish\./);
    expect(filesIn(dir)).toEqual(['sweep.csv.checkpoint']);
    const kept = batchesIn(checkpointPath(out));
    expect(kept).toBeGreaterThanOrEqual(2);

    const resumed = await momentum([...args, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/Resuming: [1-9]\d* of 120 rows already done\./);
    expect((await uninterrupted).code).toBe(0);
    expect(readFileSync(out)).toEqual(readFileSync(whole));
    expect(filesIn(dir)).toEqual(['sweep.csv']);
  }, 120_000);

  it('refuses the checkpoint of another sweep, and --resume with none starts from the beginning', async () => {
    const dir = join(tmp.dir, 'other');
    mkdirSync(dir);
    const small = ['sweep', scenario('blank-trust.momentum'), '--vary', 'goal.clarity=0:1:3', '--workers', '1', '--resume', '--out'];
    Checkpoint.open(dir, 'small.csv.checkpoint', 'another sweep', false).close();
    const refused = await momentum([...small, 'small.csv'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('small.csv.checkpoint: the checkpoint of another sweep');
    expect(existsSync(join(dir, 'small.csv'))).toBe(false);
    const fresh = await momentum([...small, 'fresh.csv'], { cwd: dir });
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stderr).toContain('Resuming: 0 of 3 rows already done.');
  });
});

describe('Checkpoint', () => {
  it('keeps whole batches, skips a line cut short or altered, and reopens only for the same sweep', () => {
    const dir = join(tmp.dir, 'unit');
    mkdirSync(dir);
    const c = Checkpoint.open(dir, 'x.checkpoint', 'k', false);
    c.add({ from: 4, to: 6 }, ['a'], '4\n5\n');
    c.add({ from: 0, to: 2 }, ['a'], '0\n1\n');
    c.add({ from: 2, to: 4 }, ['a'], '2\n3\n');
    c.close();
    const file = join(dir, 'x.checkpoint');
    const lines = readFileSync(file, 'utf8').split('\n');
    // The batch 2-4 altered, and a last line cut short by a crash.
    writeFileSync(file, `${[lines[0], lines[1], lines[2], lines[3]!.replace('2\\n3', '2\\n9')].join('\n')}\n{"from":6,"to":8,"na`);
    const reopened = Checkpoint.open(dir, 'x.checkpoint', 'k', true);
    expect(reopened.done.map((b) => [b.from, b.to, b.text])).toEqual([
      [0, 2, '0\n1\n'],
      [4, 6, '4\n5\n'],
    ]);
    reopened.close();
    expect(missingRanges({ from: 0, to: 10 }, reopened.done)).toEqual([
      { from: 2, to: 4 },
      { from: 6, to: 10 },
    ]);
    expect(() => Checkpoint.open(dir, 'x.checkpoint', 'other', true)).toThrow(/another sweep/);
    expect(Checkpoint.open(dir, 'x.checkpoint', 'other', false).done).toEqual([]);
  });
});
