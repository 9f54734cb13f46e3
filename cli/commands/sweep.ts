/** `momentum sweep`: a grid over levers, one CSV row per combination, whole or one shard of it. */
import { existsSync } from 'node:fs';
import { ENGINE_VERSION, taskOf, uncertaintyOf, type LeverDef, type RunSpec } from '../../engine';
import { UsageError, parseArgs, type CommandSpec } from '../args';
import { SAMPLING_OPTIONS, WORKERS_OPTION, checkLeverValue, checkWritable, leverById, loadFile, specFrom, strictNumber } from '../common';
import { resolvePath, writeAtomic } from '../files';
import { EXIT, type CliIo } from '../io';
import { Checkpoint, checkpointPath, missingRanges, type DoneBatch } from '../checkpoint';
import { gridCsvHeader, unitCost, type GridAxis } from '../job';
import { manifestPath, partManifest, sha256, type SweepIdentity } from '../parts';
import { AUTO_PARALLEL_MIN_REPLICATIONS, planBatchesIn, runJob, startPool, workersForReplications } from '../pool';
import { SHARD_COUNT_ENV, parseShard, rangeText, shardRange } from '../shard';
import { Interrupted, onStop, type StopSignal } from '../signals';
import { mark } from '../timings';
import { createProgress } from '../progress';

/** The largest grid a sweep accepts (a guard against a typo such as 10000 steps). */
export const MAX_COMBINATIONS = 1_000_000;

/** The interface of `momentum sweep`. */
export const SWEEP_COMMAND: CommandSpec = {
  name: 'sweep',
  positional: 'FILE',
  minPositional: 1,
  maxPositional: 1,
  summary: 'Simulate every combination of a grid over levers and write one CSV row per combination.',
  details: [
    '--vary LEVER_ID=FROM:TO:STEPS takes STEPS evenly spaced values from FROM to TO inclusive',
    '(STEPS=1 takes FROM). The grid is every combination; the first --vary changes slowest.',
    'Columns: the varied levers, seed, then one column per KPI (for Monte Carlo: the mean, and',
    'KPI.p10, KPI.p50, KPI.p90). Every combination uses the same seed (common random numbers),',
    'so differences between rows come from the levers, not from noise; --independent-seeds',
    'gives combination k the seed derived from (seed, k) instead. Results never depend on --workers.',
    'The CSV is written only when every combination has run, atomically (temp file + rename).',
    '',
    'Resume: finished rows are kept in CSV.checkpoint as they arrive. Stopped by Ctrl+C (exit 130),',
    'SIGTERM (exit 143) or a lost node, the sweep writes no CSV; the same command with --resume',
    'computes only the missing rows and writes the bytes an uninterrupted run writes. --resume with',
    'no checkpoint starts from the beginning, so a scheduler can always pass it. The checkpoint is',
    'deleted once the CSV is written.',
    '',
    'Shards: --shard K/N computes part K of N (K from 1), a contiguous range of the combinations,',
    'and writes its CSV (the header and its rows) with a manifest beside it, CSV.manifest.json (engine',
    'version, scenario hash, arguments, uncertainty, the range covered). `momentum merge` joins the',
    'parts into the bytes the unsharded sweep writes. --shard auto reads a SLURM job array',
    '(SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT) or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX',
    `and ${SHARD_COUNT_ENV}, which you set to the Job's completions).`,
  ].join('\n'),
  options: [
    { name: 'vary', kind: 'list', value: 'LEVER_ID=FROM:TO:STEPS', help: 'a lever and the values to take (repeatable; at least one)' },
    { name: 'out', kind: 'string', value: 'CSV', help: 'where to write the CSV (required)' },
    ...SAMPLING_OPTIONS,
    { name: 'independent-seeds', kind: 'flag', help: 'a different seed per combination, derived from --seed and its index' },
    { name: 'resume', kind: 'flag', help: 'finish a sweep that was stopped, from the rows kept in CSV.checkpoint' },
    { name: 'shard', kind: 'string', value: 'K/N|auto', help: 'compute part K of N only (K from 1) and write a manifest beside the CSV; auto: from the job array' },
    WORKERS_OPTION,
  ],
};

/** One axis of the grid. */
export interface SweepAxis {
  readonly lever: LeverDef;
  readonly values: readonly number[];
}

/** Return the values of `--vary ID=FROM:TO:STEPS`, checked against the lever's range and options. */
export function parseVary(text: string): SweepAxis {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--vary needs LEVER_ID=FROM:TO:STEPS, got '${text}'.`);
  const id = text.slice(0, eq).trim();
  const parts = text.slice(eq + 1).split(':');
  if (parts.length !== 3) throw new UsageError(`--vary ${text}: needs FROM:TO:STEPS after '=', e.g. ${id}=1:10:5.`);
  const lever = leverById(id, `--vary ${text}`);
  const [from, to] = [strictNumber(parts[0]!), strictNumber(parts[1]!)];
  const steps = /^\d+$/.test(parts[2]!.trim()) ? Number(parts[2]) : Number.NaN;
  if (Number.isNaN(from) || Number.isNaN(to)) throw new UsageError(`--vary ${text}: FROM and TO must be numbers.`);
  if (!Number.isSafeInteger(steps) || steps < 1) throw new UsageError(`--vary ${text}: STEPS must be a whole number of values, at least 1.`);
  const values: number[] = [];
  for (let i = 0; i < steps; i++) {
    const raw = steps === 1 ? from : from + ((to - from) * i) / (steps - 1);
    // Twelve significant digits drop binary noise such as 0.30000000000000004 from the grid.
    values.push(Number(raw.toPrecision(12)));
  }
  for (const v of values) checkLeverValue(lever, v, `--vary ${text}`);
  return { lever, values };
}

export { combinationSeed } from '../job';

/** Return the axes as a job's grid axes (lever ids and values). */
export function gridAxes(axes: readonly SweepAxis[]): GridAxis[] {
  return axes.map((a) => ({ leverId: a.lever.id, values: a.values }));
}

/** Run `momentum sweep`. */
export async function sweepCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(SWEEP_COMMAND, argv);
  const varies = args.lists.get('vary') ?? [];
  if (varies.length === 0) throw new UsageError(`'momentum sweep' needs at least one --vary LEVER_ID=FROM:TO:STEPS.`);
  const out = args.strings.get('out');
  if (out === undefined) throw new UsageError(`'momentum sweep' needs --out CSV.`);
  const axes = varies.map(parseVary);
  const seen = new Set<string>();
  for (const a of axes) {
    if (seen.has(a.lever.id)) throw new UsageError(`--vary names ${a.lever.id} more than once.`);
    seen.add(a.lever.id);
  }
  const count = axes.reduce((n, a) => n * a.values.length, 1);
  if (count > MAX_COMBINATIONS) throw new UsageError(`the grid has ${count} combinations; the most a sweep runs is ${MAX_COMBINATIONS}.`);
  const shardText = args.strings.get('shard');
  const shard = shardText === undefined ? undefined : parseShard(shardText);
  if (shard !== undefined && shard.count > count) throw new UsageError(`--shard ${shardText}: ${shard.count} parts, but the sweep has only ${count} combination${count === 1 ? '' : 's'}; use at most ${count} parts.`);
  const range = shard === undefined ? { from: 0, to: count } : shardRange(count, shard);
  const size = range.to - range.from;

  // Start the workers now when their number is already known (asked for, or the grid alone is large
  // enough), so that they load while the scenario is read and checked.
  const requested = args.ints.get('workers');
  const atLeast = size * (args.flags.has('expected') ? 1 : (args.ints.get('replications') ?? 1));
  let pool = requested !== undefined || atLeast >= AUTO_PARALLEL_MIN_REPLICATIONS ? startPool(Math.min(workersForReplications(atLeast, requested), size)) : undefined;
  // Signals are heard for the whole command: while simulating, the pool stops on them; after, the
  // output is being written, and a signal then must not kill the process halfway through the write.
  let stopped: StopSignal | undefined;
  const stopListening = onStop((signal) => (stopped ??= signal));
  let checkpoint: Checkpoint | undefined;
  try {
    const loaded = loadFile(io, args.positional[0]!);
    const spec = specFrom(loaded, args);
    await checkWritable(io.cwd, out);
    if (shard !== undefined) await checkWritable(io.cwd, manifestPath(out));
    const base = taskOf(spec);
    const cost = unitCost({ kind: 'grid', base, axes: [], independentSeeds: false });
    const independentSeeds = args.flags.has('independent-seeds');
    const grid = gridAxes(axes);
    const identity = sweepIdentity(spec, { design: 'grid', vary: grid.map((a) => ({ lever: a.leverId, values: a.values })), independentSeeds }, count);

    const resume = args.flags.has('resume');
    const checkpointFile = checkpointPath(out);
    if (!resume && existsSync(resolvePath(io.cwd, checkpointFile))) io.stderr(`note: ${checkpointFile} holds rows of an earlier sweep; starting over (--resume would finish it).\n`);
    checkpoint = Checkpoint.open(io.cwd, checkpointFile, sha256(JSON.stringify({ identity, range })), resume);
    const kept = checkpoint.done.filter((b) => b.from >= range.from && b.to <= range.to);
    const keptRows = kept.reduce((n, b) => n + b.to - b.from, 0);
    if (resume) io.stderr(`Resuming: ${keptRows} of ${size} row${size === 1 ? '' : 's'} already done.\n`);
    const todo = missingRanges(range, kept);
    const todoRows = size - keptRows;
    if (todoRows === 0) pool?.close();
    else if (pool === undefined && requested === undefined) pool = startPool(Math.min(workersForReplications(todoRows * cost, undefined), todoRows));
    const progress = createProgress(io, shard === undefined ? 'sweep' : `sweep ${shard.index}/${shard.count}`);
    const fresh: DoneBatch[] = [];
    try {
      // The lanes return CSV lines, so that formatting 10,000 rows is shared out like the simulation.
      const lanes = pool?.size ?? 1;
      const ranges = todo.flatMap((r) => planBatchesIn(r.from, r.to, cost, lanes));
      const job = { kind: 'grid', base, axes: grid, independentSeeds, csv: true } as const;
      // A signal while the scenario was read: stop before simulating (from here the pool hears them).
      if (stopped !== undefined) throw new Interrupted(stopped);
      await runJob(job, pool, (d) => progress.update(keptRows + d, size), {
        ranges,
        onBatch: (r, payload) => {
          if (payload.kind !== 'csv') throw new Error('a sweep batch came back without its CSV lines');
          checkpoint!.add(r, payload.names, payload.text);
          fresh.push({ from: r.from, to: r.to, names: payload.names, text: payload.text });
        },
      });
    } catch (err) {
      if (err instanceof Interrupted) {
        const rows = keptRows + fresh.reduce((n, b) => n + b.to - b.from, 0);
        throw new Interrupted(err.signal, `${rows} of ${size} rows are kept in ${checkpointFile}; run the same command with --resume to finish.`);
      }
      throw err;
    } finally {
      progress.end();
      pool?.close();
    }
    const batches = [...kept, ...fresh].sort((a, b) => a.from - b.from);
    const names = batches[0]?.names ?? [];
    if (batches.some((b) => b.names.length !== names.length || b.names.some((n, i) => n !== names[i]))) throw new Error('the sweep\'s batches disagree on the KPIs');
    const text = `${gridCsvHeader(grid, names, base.method === 'monte-carlo')}\n${batches.map((b) => b.text).join('')}`;
    await writeAtomic(io.cwd, out, text);
    // The manifest last: a part without one is unfinished, and merge refuses it.
    if (shard !== undefined) await writeAtomic(io.cwd, manifestPath(out), partManifest(identity, shard, range, out, text));
    checkpoint.remove();
    mark('output written');
    const what = shard === undefined ? '' : ` (part ${shard.index} of ${shard.count}: ${rangeText(range)} of ${count}; manifest ${manifestPath(out)})`;
    io.stderr(`Wrote ${size} row${size === 1 ? '' : 's'} to ${out}${what}\n`);
    // A signal that came while the output was written let the write finish: the sweep is complete.
    return EXIT.ok;
  } finally {
    checkpoint?.close();
    stopListening();
    pool?.close();
  }
}

/**
 * Return what makes a sweep the same sweep: the engine, the scenario as simulated, the uncertainty, and
 * every argument that changes its rows. `rows` is the size of the whole sweep.
 */
export function sweepIdentity(spec: RunSpec, design: Readonly<Record<string, unknown>>, rows: number): SweepIdentity {
  const uncertainty = uncertaintyOf(spec);
  return {
    engineVersion: ENGINE_VERSION,
    scenario: { id: spec.scenario.id, sha256: sha256(JSON.stringify(spec.scenario)) },
    uncertainty,
    arguments: { ...design, set: spec.overrides, method: spec.method, seed: spec.seed, replications: spec.replications, uncertainty },
    rows,
  };
}
