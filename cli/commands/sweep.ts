/** `momentum sweep`: a grid over levers, one CSV row per combination. */
import { toCsv, taskOf, type CsvCell, type LeverDef, type RunSpec, type SimTask } from '../../engine';
import { UsageError, parseArgs, type CommandSpec } from '../args';
import { SAMPLING_OPTIONS, WORKERS_OPTION, checkLeverValue, checkWritable, leverById, loadFile, specFrom, strictNumber } from '../common';
import { writeAtomic } from '../files';
import { EXIT, type CliIo } from '../io';
import { evaluateAll } from '../pool';
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
  ].join('\n'),
  options: [
    { name: 'vary', kind: 'list', value: 'LEVER_ID=FROM:TO:STEPS', help: 'a lever and the values to take (repeatable; at least one)' },
    { name: 'out', kind: 'string', value: 'CSV', help: 'where to write the CSV (required)' },
    ...SAMPLING_OPTIONS,
    { name: 'independent-seeds', kind: 'flag', help: 'a different seed per combination, derived from --seed and its index' },
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

/** Return a 32-bit seed for combination `index`, mixed from the base seed (SplitMix32-style). */
export function combinationSeed(seed: number, index: number): number {
  let z = (seed + Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** Return every combination of the axes' values, the first axis changing slowest. */
export function gridOf(axes: readonly SweepAxis[]): number[][] {
  let combos: number[][] = [[]];
  for (const axis of axes) combos = combos.flatMap((c) => axis.values.map((v) => [...c, v]));
  return combos;
}

/** Return the sweep's tasks: the base run with each combination's lever values and seed. */
export function sweepTasks(spec: RunSpec, axes: readonly SweepAxis[], independentSeeds: boolean): { combos: number[][]; seeds: number[]; tasks: SimTask[] } {
  const combos = gridOf(axes);
  const base = taskOf(spec);
  const seeds = combos.map((_, k) => (independentSeeds ? combinationSeed(spec.seed, k) : spec.seed));
  const tasks = combos.map((combo, k): SimTask => {
    const levers: Record<string, number> = { ...base.input.levers };
    axes.forEach((axis, i) => (levers[axis.lever.id] = combo[i]!));
    return { ...base, input: { ...base.input, levers }, seed: seeds[k]! };
  });
  return { combos, seeds, tasks };
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
  const loaded = loadFile(io, args.positional[0]!);
  const spec = specFrom(loaded, args);
  checkWritable(io.cwd, out);

  const { combos, seeds, tasks } = sweepTasks(spec, axes, args.flags.has('independent-seeds'));
  const progress = createProgress(io, 'sweep');
  const results = await evaluateAll(tasks, { workers: args.ints.get('workers'), onProgress: (d, t) => progress.update(d, t) });
  progress.end();

  const kpis = Object.keys(results[0]?.kpis ?? {});
  const withBands = results.some((r) => r.distribution !== undefined);
  const header = [
    ...axes.map((a) => a.lever.id),
    'seed',
    ...kpis,
    ...(withBands ? kpis.flatMap((k) => [`${k}.p10`, `${k}.p50`, `${k}.p90`]) : []),
  ];
  const rows = results.map((r, k): CsvCell[] => [
    ...combos[k]!,
    seeds[k]!,
    ...kpis.map((name) => r.kpis[name] ?? Number.NaN),
    ...(withBands ? kpis.flatMap((name) => {
      const d = r.distribution?.[name];
      return [d?.p10 ?? Number.NaN, d?.p50 ?? Number.NaN, d?.p90 ?? Number.NaN];
    }) : []),
  ]);
  writeAtomic(io.cwd, out, toCsv(header, rows));
  io.stderr(`Wrote ${rows.length} row${rows.length === 1 ? '' : 's'} to ${out}\n`);
  return EXIT.ok;
}
