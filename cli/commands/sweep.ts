/** `momentum sweep`: a grid over levers, one CSV row per combination, whole or one shard of it. */
import { existsSync } from 'node:fs';
import { ENGINE_VERSION, leverChoices, taskOf, uncertaintyOf, type LeverDef, type RunSpec } from '../../engine';
import { InputError, UsageError, parseArgs, type CommandSpec } from '../args';
import { EXCEL_OPTION, SAMPLING_OPTIONS, WORKERS_OPTION, checkLeverValue, checkWritable, leverById, loadFile, rangeText as leverRangeText, specFrom, strictNumber } from '../common';
import { BOM, STDOUT, resolvePath, writeAtomic } from '../files';
import { EXIT, type CliIo } from '../io';
import { Checkpoint, checkpointPath, missingRanges, type DoneBatch } from '../checkpoint';
import { SOBOL_DIMENSIONS, designSize, type DesignLever } from '../design';
import { gridCsvHeader, pointLevers, unitCost, type GridAxis, type PointJob } from '../job';
import { manifestPath, partManifest, sha256, type SweepIdentity } from '../parts';
import { AUTO_PARALLEL_MIN_REPLICATIONS, planBatchesIn, runJob, startPool, workersForReplications } from '../pool';
import { SHARD_COUNT_ENV, parseShard, rangeText, shardRange } from '../shard';
import { Interrupted, onStop, type StopSignal } from '../signals';
import { mark } from '../timings';
import { createProgress } from '../progress';

/** The largest grid a sweep accepts (a guard against a typo such as 10000 steps). */
export const MAX_COMBINATIONS = 1_000_000;

/** Replications per combination of a sweep from a scenario file unless --replications says otherwise. */
export const SWEEP_REPLICATIONS = 1;

/** The interface of `momentum sweep`. */
export const SWEEP_COMMAND: CommandSpec = {
  name: 'sweep',
  positional: 'FILE',
  minPositional: 1,
  maxPositional: 1,
  summary: 'Simulate every combination of a grid (or a sampled design) over levers and write one CSV row per combination.',
  details: [
    '--vary LEVER_ID=FROM:TO:STEPS takes STEPS evenly spaced values from FROM to TO inclusive',
    '(STEPS=1 takes FROM). The grid is every combination; the first --vary changes slowest.',
    '',
    'Designs: --design lhs:N draws N rows as a Latin hypercube (each lever\'s range cut into N equal',
    'strata, one row in each); --design sobol:N draws Saltelli\'s rows for Sobol indices from a Sobol',
    'sequence: N base samples of d+2 rows (A, A with each lever in turn from B, then B, in --vary',
    'order, as SALib orders them without second-order indices), N × (d+2) rows in all; a power of',
    'two for N keeps the sequence balanced. Both take --vary LEVER_ID=MIN:MAX (a lever with',
    'labelled values picks among those in range with equal chance), are fixed by --seed, and',
    'shard and resume like grids. At most 25 levers for sobol.',
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
    { name: 'vary', kind: 'list', value: 'LEVER_ID=FROM:TO:STEPS', help: 'a lever and the values to take (repeatable; at least one); LEVER_ID=MIN:MAX with lhs or sobol' },
    { name: 'design', kind: 'string', value: 'grid|lhs:N|sobol:N', help: 'every grid combination (default), a Latin hypercube of N rows, or Saltelli\'s N × (levers + 2) Sobol rows' },
    { name: 'out', kind: 'string', value: 'CSV', help: "where to write the CSV (required); '-' for standard output" },
    EXCEL_OPTION,
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

/** A design as `--design` names it: the grid, or a sampled design of size N. */
export type DesignChoice = { readonly kind: 'grid' } | { readonly kind: 'lhs' | 'sobol'; readonly n: number };

/** Return the design `--design grid|lhs:N|sobol:N` names. */
export function parseDesign(text: string): DesignChoice {
  const t = text.trim();
  if (t === 'grid') return { kind: 'grid' };
  const m = /^(lhs|sobol):(\d+)$/.exec(t);
  const n = m ? Number(m[2]) : Number.NaN;
  if (!m || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`--design must be grid, lhs:N or sobol:N (N a whole number, at least 1), not '${text}'.`);
  return { kind: m[1] as 'lhs' | 'sobol', n };
}

/** Return the range of `--vary ID=MIN:MAX` for a sampled design, checked against the lever's range (and options). */
export function parseVaryRange(text: string): DesignLever {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--vary needs LEVER_ID=MIN:MAX with --design lhs or sobol, got '${text}'.`);
  const id = text.slice(0, eq).trim();
  const parts = text.slice(eq + 1).split(':');
  if (parts.length !== 2) throw new UsageError(`--vary ${text}: a sampled design needs MIN:MAX after '=', e.g. ${id}=0:1 (FROM:TO:STEPS is for --design grid).`);
  const lever = leverById(id, `--vary ${text}`);
  const [min, max] = [strictNumber(parts[0]!), strictNumber(parts[1]!)];
  if (Number.isNaN(min) || Number.isNaN(max)) throw new UsageError(`--vary ${text}: MIN and MAX must be numbers.`);
  if (min > max) throw new UsageError(`--vary ${text}: MIN must not be above MAX.`);
  const where = `--vary ${text}`;
  if (lever.min > min || lever.max < max) throw new InputError(`${where}: ${lever.id} takes ${leverRangeText(lever)}; ${min}:${max} runs outside it.`);
  if (lever.options === undefined || lever.options.length === 0) return { leverId: lever.id, min, max };
  const options = lever.options.map((o) => o.value).filter((v) => v >= min && v <= max);
  if (options.length === 0) throw new InputError(`${where}: none of ${lever.id}'s values lies in ${min}:${max}: ${leverChoices(lever)}.`);
  return { leverId: lever.id, min, max, options };
}

export { combinationSeed } from '../job';

/** Return the axes as a job's grid axes (lever ids and values). */
export function gridAxes(axes: readonly SweepAxis[]): GridAxis[] {
  return axes.map((a) => ({ leverId: a.lever.id, values: a.values }));
}

/** Run `momentum sweep`. */
export async function sweepCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(SWEEP_COMMAND, argv);
  const design = parseDesign(args.strings.get('design') ?? 'grid');
  const varies = args.lists.get('vary') ?? [];
  const form = design.kind === 'grid' ? 'LEVER_ID=FROM:TO:STEPS' : 'LEVER_ID=MIN:MAX';
  if (varies.length === 0) throw new UsageError(`'momentum sweep' needs at least one --vary ${form}.`);
  const out = args.strings.get('out');
  if (out === undefined) throw new UsageError(`'momentum sweep' needs --out CSV (or --out - for standard output).`);
  const toStdout = out === STDOUT;
  if (toStdout && args.strings.has('shard')) throw new UsageError(`--shard writes a part and its manifest to files: give --out a file name, not -.`);
  if (toStdout && args.flags.has('resume')) throw new UsageError(`--resume needs the checkpoint a sweep to a file keeps: give --out a file name, not -.`);
  const excel = args.flags.has('excel');
  if (excel && args.strings.has('shard')) throw new UsageError(`--excel is for the whole CSV: give it to 'momentum merge' rather than to each part.`);
  const axes = design.kind === 'grid' ? varies.map(parseVary) : [];
  const ranges = design.kind === 'grid' ? [] : varies.map(parseVaryRange);
  const seen = new Set<string>();
  for (const id of [...axes.map((a) => a.lever.id), ...ranges.map((r) => r.leverId)]) {
    if (seen.has(id)) throw new UsageError(`--vary names ${id} more than once.`);
    seen.add(id);
  }
  if (design.kind === 'sobol' && 2 * ranges.length > SOBOL_DIMENSIONS) throw new UsageError(`--design sobol varies at most ${Math.floor(SOBOL_DIMENSIONS / 2)} levers, not ${ranges.length}.`);
  const count = design.kind === 'grid' ? axes.reduce((n, a) => n * a.values.length, 1) : designSize({ ...design, seed: 0, levers: ranges });
  if (count > MAX_COMBINATIONS) throw new UsageError(`the ${design.kind === 'grid' ? 'grid' : 'design'} has ${count} combinations; the most a sweep runs is ${MAX_COMBINATIONS}.`);
  const shardText = args.strings.get('shard');
  const shard = shardText === undefined ? undefined : parseShard(shardText);
  if (shard !== undefined && shard.count > count) throw new UsageError(`--shard ${shardText}: ${shard.count} parts, but the sweep has only ${count} combination${count === 1 ? '' : 's'}; use at most ${count} parts.`);
  const range = shard === undefined ? { from: 0, to: count } : shardRange(count, shard);
  const size = range.to - range.from;

  // Start the workers now when their number is already known (asked for, or the grid alone is large
  // enough), so that they load while the scenario is read and checked.
  const requested = args.ints.get('workers');
  const atLeast = size * (args.flags.has('expected') ? 1 : (args.ints.get('replications') ?? SWEEP_REPLICATIONS));
  let pool = requested !== undefined || atLeast >= AUTO_PARALLEL_MIN_REPLICATIONS ? startPool(Math.min(workersForReplications(atLeast, requested), size)) : undefined;
  // Signals are heard for the whole command: while simulating, the pool stops on them; after, the
  // output is being written, and a signal then must not kill the process halfway through the write.
  let stopped: StopSignal | undefined;
  const stopListening = onStop((signal) => (stopped ??= signal));
  let checkpoint: Checkpoint | undefined;
  try {
    const loaded = loadFile(io, args.positional[0]!);
    // A sweep runs one replication per combination unless told otherwise: its grids are large.
    const spec = specFrom(loaded, args, { replications: SWEEP_REPLICATIONS });
    if (!toStdout) await checkWritable(io.cwd, out);
    if (shard !== undefined) await checkWritable(io.cwd, manifestPath(out));
    const base = taskOf(spec);
    const cost = unitCost({ kind: 'grid', base, axes: [], independentSeeds: false });
    const independentSeeds = args.flags.has('independent-seeds');
    const grid = gridAxes(axes);
    // A sampled design is fixed by the sweep's seed, like its runs.
    const job: PointJob =
      design.kind === 'grid'
        ? { kind: 'grid', base, axes: grid, independentSeeds, csv: true }
        : { kind: 'design', base, design: { kind: design.kind, n: design.n, seed: spec.seed, levers: ranges }, independentSeeds, csv: true };
    const varied = design.kind === 'grid' ? grid.map((a) => ({ lever: a.leverId, values: a.values })) : ranges.map((r) => ({ lever: r.leverId, min: r.min, max: r.max }));
    const identity = sweepIdentity(spec, { design: design.kind === 'grid' ? 'grid' : `${design.kind}:${design.n}`, vary: varied, independentSeeds }, count);

    const resume = args.flags.has('resume');
    const checkpointFile = checkpointPath(out);
    if (!toStdout && !resume && existsSync(resolvePath(io.cwd, checkpointFile))) io.stderr(`note: ${checkpointFile} holds rows of an earlier sweep; starting over (--resume would finish it).\n`);
    // Standard output keeps no checkpoint: there is no file to resume into.
    checkpoint = toStdout ? undefined : Checkpoint.open(io.cwd, checkpointFile, sha256(JSON.stringify({ identity, range })), resume);
    const kept = (checkpoint?.done ?? []).filter((b) => b.from >= range.from && b.to <= range.to);
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
      // A signal while the scenario was read: stop before simulating (from here the pool hears them).
      if (stopped !== undefined) throw new Interrupted(stopped);
      await runJob(job, pool, (d) => progress.update(keptRows + d, size), {
        ranges,
        onBatch: (r, payload) => {
          if (payload.kind !== 'csv') throw new Error('a sweep batch came back without its CSV lines');
          checkpoint?.add(r, payload.names, payload.text);
          fresh.push({ from: r.from, to: r.to, names: payload.names, text: payload.text });
        },
      });
    } catch (err) {
      if (err instanceof Interrupted) {
        const rows = keptRows + fresh.reduce((n, b) => n + b.to - b.from, 0);
        throw new Interrupted(err.signal, toStdout ? undefined : `${rows} of ${size} rows are kept in ${checkpointFile}; run the same command with --resume to finish.`);
      }
      throw err;
    } finally {
      progress.end();
      pool?.close();
    }
    const batches = [...kept, ...fresh].sort((a, b) => a.from - b.from);
    const names = batches[0]?.names ?? [];
    if (batches.some((b) => b.names.length !== names.length || b.names.some((n, i) => n !== names[i]))) throw new Error('the sweep\'s batches disagree on the KPIs');
    const text = `${excel ? BOM : ''}${gridCsvHeader(pointLevers(job), names, base.method === 'monte-carlo')}\n${batches.map((b) => b.text).join('')}`;
    if (toStdout) {
      io.stdout(text);
      mark('output written');
      io.stderr(`Wrote ${size} row${size === 1 ? '' : 's'} to standard output\n`);
      return EXIT.ok;
    }
    await writeAtomic(io.cwd, out, text);
    // The manifest last: a part without one is unfinished, and merge refuses it.
    if (shard !== undefined) await writeAtomic(io.cwd, manifestPath(out), partManifest(identity, shard, range, out, text));
    checkpoint?.remove();
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
