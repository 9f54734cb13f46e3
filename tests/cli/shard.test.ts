// Sharded sweeps (sweep --shard) and `momentum merge`: any cut of a sweep into parts, merged in any
// order, gives the bytes of the unsharded sweep; anything else is refused naming the part.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../cli/io';
import { main } from '../../cli/main';
import { SHARD_COUNT_ENV, parseShard, shardRange } from '../../cli/shard';
import { filesIn, momentum, scenario, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Run the command line in this process (no child, no worker threads) and collect what it printed. */
async function inProcess(argv: readonly string[], cwd = tmp.dir): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { isTTY: false, cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const MK = scenario('milton-keynes.momentum');

describe('parseShard and shardRange', () => {
  it('reads K/N counting from 1 and refuses K outside 1..N, pointing to auto for 0-based indices', () => {
    expect(parseShard('2/5', {})).toEqual({ index: 2, count: 5 });
    expect(() => parseShard('0/5', {})).toThrow(/from 1 to 5.*--shard auto/);
    expect(() => parseShard('6/5', {})).toThrow(/from 1 to 5/);
    expect(() => parseShard('2-5', {})).toThrow(/K\/N/);
  });

  it('auto reads a SLURM job array (from its first task id) and a Kubernetes Indexed Job', () => {
    expect(parseShard('auto', { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 1, count: 4 });
    expect(parseShard('auto', { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 4, count: 4 });
    expect(parseShard('auto', { JOB_COMPLETION_INDEX: '2', [SHARD_COUNT_ENV]: '3' })).toEqual({ index: 3, count: 3 });
    expect(() => parseShard('auto', { JOB_COMPLETION_INDEX: '2' })).toThrow(SHARD_COUNT_ENV);
    expect(() => parseShard('auto', {})).toThrow(/no job array/);
    expect(() => parseShard('auto', { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '2', SLURM_ARRAY_TASK_STEP: '2' })).toThrow(/step/);
  });

  it('cuts any grid into contiguous parts that cover it once, sizes differing by at most 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 64 }), (total, n) => {
        fc.pre(n <= total);
        let at = 0;
        const sizes: number[] = [];
        for (let k = 1; k <= n; k++) {
          const r = shardRange(total, { index: k, count: n });
          expect(r.from).toBe(at);
          sizes.push(r.to - r.from);
          at = r.to;
        }
        expect(at).toBe(total);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('sweep --shard and merge', () => {
  it('merged parts are byte-identical to the unsharded sweep, for any grid, shard count and order', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        async (stepsA, stepsB, shards, replications, independent, seed) => {
          const total = stepsA * stepsB;
          fc.pre(shards <= total);
          const dir = join(tmp.dir, `prop-${run++}`);
          const common = ['sweep', MK, '--vary', `priorities.concurrent=1:12:${stepsA}`, '--vary', `goal.clarity=0:1:${stepsB}`, '--replications', String(replications), '--seed', String(seed), '--workers', '1', ...(independent ? ['--independent-seeds'] : [])];
          rmSync(dir, { recursive: true, force: true });
          mkdirSync(dir);
          expect((await inProcess([...common, '--out', 'whole.csv'], dir)).code).toBe(0);
          for (let k = 1; k <= shards; k++) expect((await inProcess([...common, '--shard', `${k}/${shards}`, '--out', `part${k}.csv`], dir)).code).toBe(0);
          // Any order: reversed, with one given by its manifest.
          const parts = Array.from({ length: shards }, (_, i) => `part${shards - i}.csv${i === 0 ? '.manifest.json' : ''}`);
          const merged = await inProcess(['merge', ...parts, '--out', 'merged.csv'], dir);
          expect(merged.code).toBe(0);
          expect(merged.stderr).toContain(`${shards} of ${shards} part${shards === 1 ? '' : 's'}, ${total} of ${total} combinations`);
          expect(readFileSync(join(dir, 'merged.csv'))).toEqual(readFileSync(join(dir, 'whole.csv')));
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);

  describe('refusals', () => {
    const dir = join(tmp.dir, 'refuse');
    const common = ['sweep', MK, '--vary', 'priorities.concurrent=1:12:4', '--vary', 'goal.clarity=0:1:3', '--replications', '2', '--workers', '1'];
    const setup = (async () => {
      mkdirSync(dir, { recursive: true });
      for (let k = 1; k <= 3; k++) await inProcess([...common, '--shard', `${k}/3`, '--out', `p${k}.csv`], dir);
      await inProcess([...common, '--shard', '2/3', '--uncertainty', 'noise', '--out', 'noise2.csv'], dir);
      await inProcess([...common, '--shard', '2/3', '--seed', '5', '--out', 'seed2.csv'], dir);
      await inProcess([...common, '--shard', '2/4', '--out', 'q2of4.csv'], dir);
      await inProcess([...common.map((a) => (a === MK ? scenario('covid-19.momentum') : a)), '--shard', '2/3', '--out', 'covid2.csv'], dir);
    })();

    it.each([
      ['a gap', ['p1.csv', 'p3.csv'], /gap: combinations 5–8 of 12 are in no part given \(between p1\.csv and p3\.csv\)/],
      ['a missing end', ['p2.csv', 'p1.csv'], /gap: combinations 9–12 of 12 .*after p2\.csv/],
      ['an overlap', ['p1.csv', 'p2.csv', 'p3.csv', 'q2of4.csv'], /q2of4\.csv: overlaps p1\.csv: both hold combination 4\./],
      ['the same part twice', ['p1.csv', 'p2.csv', 'p2.csv', 'p3.csv'], /p2\.csv: the same part as p2\.csv .*given twice/],
      ['another uncertainty', ['p1.csv', 'noise2.csv', 'p3.csv'], /noise2\.csv: not part of the same sweep as p1\.csv: uncertainty 'noise' against 'all'/],
      ['another seed', ['p1.csv', 'seed2.csv', 'p3.csv'], /seed2\.csv: not part of the same sweep as p1\.csv: other arguments \(seed: 5 against 1\)/],
      ['another scenario', ['p1.csv', 'covid2.csv', 'p3.csv'], /covid2\.csv: not part of the same sweep as p1\.csv: another scenario \(covid-19/],
    ])('refuses %s naming the part, exit 1, writing nothing', async (_name, parts, message) => {
      await setup;
      const r = await inProcess(['merge', ...parts, '--out', 'merged.csv'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^momentum merge: refused, nothing written: /);
      expect(r.stderr).toMatch(message);
      expect(existsSync(join(dir, 'merged.csv'))).toBe(false);
    });

    it('refuses a part whose CSV was changed or cut short, and a CSV without a manifest', async () => {
      await setup;
      const cut = readFileSync(join(dir, 'p3.csv'), 'utf8');
      writeFileSync(join(dir, 'cut3.csv'), cut.slice(0, cut.length - 10));
      writeFileSync(join(dir, 'cut3.csv.manifest.json'), readFileSync(join(dir, 'p3.csv.manifest.json'), 'utf8').replace('"p3.csv"', '"cut3.csv"'));
      const r = await inProcess(['merge', 'p1.csv', 'p2.csv', 'cut3.csv', '--out', 'merged.csv'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/cut3\.csv: .*is not the CSV its manifest describes/);
      writeFileSync(join(dir, 'bare.csv'), cut);
      const bare = await inProcess(['merge', 'p1.csv', 'p2.csv', 'bare.csv', '--out', 'merged.csv'], dir);
      expect(bare.code).toBe(1);
      expect(bare.stderr).toMatch(/bare\.csv: no part manifest bare\.csv\.manifest\.json/);
      expect(existsSync(join(dir, 'merged.csv'))).toBe(false);
    });

    it('refuses more parts than combinations, and a bad --shard, as usage errors', async () => {
      const r = await inProcess([...common, '--shard', '13/13', '--out', 'x.csv'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/13 parts, but the sweep has only 12 combinations/);
      const auto = await inProcess([...common, '--shard', 'auto', '--out', 'x.csv'], dir);
      expect(auto.code).toBe(2);
    });
  });

  it('N shard processes run side by side as a job array would, then merge to the unsharded bytes', async () => {
    const dir = join(tmp.dir, 'array');
    mkdirSync(dir);
    const common = ['sweep', scenario('covid-19.momentum'), '--vary', 'priorities.concurrent=1:20:5', '--vary', 'team.engineering=0:10:3', '--replications', '4', '--independent-seeds', '--workers', '1', '--shard', 'auto'];
    const n = 3;
    // Kubernetes-style indices for two parts, SLURM-style for the third: both must cut the same way.
    const runs = await Promise.all([
      momentum([...common, '--out', 'part-0.csv'], { cwd: dir, env: { JOB_COMPLETION_INDEX: '0', [SHARD_COUNT_ENV]: String(n) } }),
      momentum([...common, '--out', 'part-1.csv'], { cwd: dir, env: { JOB_COMPLETION_INDEX: '1', [SHARD_COUNT_ENV]: String(n) } }),
      momentum([...common, '--out', 'part-2.csv'], { cwd: dir, env: { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: String(n) } }),
      momentum(common.filter((a, i) => a !== '--shard' && common[i - 1] !== '--shard').concat(['--out', 'whole.csv']), { cwd: dir }),
    ]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const merged = await momentum(['merge', 'part-2.csv', 'part-0.csv', 'part-1.csv', '--out', 'merged.csv'], { cwd: dir });
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toContain('3 of 3 parts, 15 of 15 combinations');
    expect(readFileSync(join(dir, 'merged.csv'))).toEqual(readFileSync(join(dir, 'whole.csv')));
    expect(filesIn(dir)).toEqual(['merged.csv', 'part-0.csv', 'part-0.csv.manifest.json', 'part-1.csv', 'part-1.csv.manifest.json', 'part-2.csv', 'part-2.csv.manifest.json', 'whole.csv']);
  }, 60_000);
});
