/**
 * The work the command line fans out, and how to compute any range of it. The main thread and the
 * worker threads (cli/pool.ts, cli/worker.ts) both call `runUnits`, so a job gives the same numbers
 * whichever thread computes which range.
 *
 * A job is sent to each worker once; after that a batch is only a range [from, to) of its units, and
 * its results come back packed in typed arrays that are transferred, not copied.
 */
// The core door (not ../engine): a worker needs only the model, so it starts without loading zod
// and the file formats.
import {
  csvCell, monteCarlo, monteCarloPart, simulateExpected, summarizeMonteCarlo, summarizeRun,
  type CsvCell, type KpiStats, type KpiSummary, type SimTask,
} from '../engine/core';
import type { Method, PartMethods } from '../engine/parallel';
import { designPoint, designSize, type SampledDesign } from './design';

/** One axis of a grid: a lever and the values it takes. */
export interface GridAxis {
  readonly leverId: string;
  readonly values: readonly number[];
}

/**
 * A job: a list of tasks (units are tasks), a grid over levers around one base task (units are
 * combinations, the first axis changing slowest), or a sampled design around one base task (units are
 * its rows). A single Monte Carlo split by replications is the runner's (cli/runner.ts).
 */
export type Job =
  | { readonly kind: 'tasks'; readonly tasks: readonly SimTask[] }
  | {
      readonly kind: 'grid';
      readonly base: SimTask;
      readonly axes: readonly GridAxis[];
      readonly independentSeeds: boolean;
      /** Return each combination as its CSV line (`gridCsvLine`) instead of its summary, so that lanes do the formatting too. */
      readonly csv?: boolean;
    }
  | {
      readonly kind: 'design';
      readonly base: SimTask;
      /** A Latin hypercube or Saltelli design (cli/design.ts): units are its rows, each computed from its index. */
      readonly design: SampledDesign;
      readonly independentSeeds: boolean;
      readonly csv?: boolean;
    };

/**
 * The results of a range of units. KPI summaries travel packed: `names` once, then per unit one
 * value per name (`values`) and, for Monte Carlo units (`hasStats`), P10/P50/P90/mean per name (`stats`).
 * Summaries whose KPI names differ from the first unit's travel as plain objects instead.
 */
export type Payload =
  | { readonly kind: 'packed'; readonly names: readonly string[]; readonly values: Float64Array; readonly stats: Float64Array; readonly hasStats: Uint8Array }
  | { readonly kind: 'objects'; readonly summaries: readonly KpiSummary[] }
  | { readonly kind: 'csv'; readonly names: readonly string[]; readonly text: string };

/** A range's results, or which unit failed and why. */
export type RunReply = { readonly ok: true; readonly payload: Payload } | { readonly ok: false; readonly unit: number; readonly message: string };

/**
 * What a worker thread serves (cli/worker.ts) over the engine's RPC: `ready` once it has loaded, `job` to
 * keep a job, `run` to compute a range of it, `forget` to drop it; and Monte Carlo parts and merges as the
 * app's helper workers serve them.
 */
export type WorkerMethods = PartMethods & {
  readonly ready: Method<null, null>;
  readonly job: Method<{ readonly id: number; readonly job: Job }, null>;
  readonly run: Method<{ readonly id: number; readonly from: number; readonly to: number }, RunReply>;
  readonly forget: Method<{ readonly id: number }, null>;
};

/** An error raised by one unit, carrying the unit's index so the message can name it. */
export class UnitError extends Error {
  constructor(readonly unit: number, message: string) {
    super(message);
    this.name = 'UnitError';
  }
}

/** Return how many units a job has. */
export function jobSize(job: Job): number {
  if (job.kind === 'tasks') return job.tasks.length;
  if (job.kind === 'grid') return job.axes.reduce((n, a) => n * a.values.length, 1);
  return designSize(job.design);
}

/** Return the replications one unit of a job costs on average (1 for a single or expected run). */
export function unitCost(job: Job): number {
  const cost = (t: SimTask) => (t.method === 'monte-carlo' ? t.replications : 1);
  if (job.kind === 'tasks') return job.tasks.length === 0 ? 1 : job.tasks.reduce((n, t) => n + cost(t), 0) / job.tasks.length;
  return cost(job.base);
}

/** Return a 32-bit seed for combination `index`, mixed from the base seed (SplitMix32-style). */
export function combinationSeed(seed: number, index: number): number {
  let z = (seed + Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** Return the lever values of combination `index` of a grid (the last axis changes fastest). */
export function comboAt(axes: readonly GridAxis[], index: number): number[] {
  const out = new Array<number>(axes.length);
  let rest = index;
  for (let i = axes.length - 1; i >= 0; i--) {
    const values = axes[i]!.values;
    out[i] = values[rest % values.length]!;
    rest = Math.floor(rest / values.length);
  }
  return out;
}

/** Return the seed of combination `index` of a grid: the base seed, or one derived from it and the index. */
export function gridSeed(base: SimTask, independentSeeds: boolean, index: number): number {
  return independentSeeds ? combinationSeed(base.seed, index) : base.seed;
}

/** Return the task of combination `index` of a grid: the base task with that combination's levers and seed. */
export function gridTask(base: SimTask, axes: readonly GridAxis[], independentSeeds: boolean, index: number): SimTask {
  return pointTask(base, axes, comboAt(axes, index), gridSeed(base, independentSeeds, index));
}

/** Return the base task with these levers set to these values, and this seed. */
function pointTask(base: SimTask, levers: readonly { readonly leverId: string }[], values: readonly number[], seed: number): SimTask {
  const set: Record<string, number> = { ...base.input.levers };
  levers.forEach((lever, i) => (set[lever.leverId] = values[i]!));
  return { ...base, input: { ...base.input, levers: set }, seed };
}

/** A job whose units are points in lever space: a grid or a sampled design. */
export type PointJob = Extract<Job, { kind: 'grid' | 'design' }>;

/** Return the varied levers of a grid or design job, in column order. */
export function pointLevers(job: PointJob): readonly { readonly leverId: string }[] {
  return job.kind === 'grid' ? job.axes : job.design.levers;
}

/** Return the lever values of unit `index` of a grid or design job. */
export function pointAt(job: PointJob, index: number): number[] {
  return job.kind === 'grid' ? comboAt(job.axes, index) : designPoint(job.design, index);
}

/**
 * Simulate a task and return its KPI summary: the same figures as `evaluateTask` with the in-process
 * runner, but a Monte Carlo computes no bands (the summary holds only KPIs, which bands do not change).
 */
export function summaryOf(task: SimTask): KpiSummary {
  if (task.method === 'monte-carlo') {
    return summarizeMonteCarlo(monteCarlo(task.input, { replications: task.replications, seed: task.seed, series: [], uncertainty: task.uncertainty ?? 'noise' }));
  }
  if (task.method === 'expected') return summarizeRun(simulateExpected(task.input));
  // A seeded run is replication 0 of the Monte Carlo with its seed (both draw from the stream (seed, 0));
  // as a one-replication part it skips the weekly series, explanations and insights a summary never shows.
  // tests/cli/job.test.ts checks that the KPIs are those of simulate(), bit for bit.
  const part = monteCarloPart(task.input, { seed: task.seed, from: 0, to: 1, series: [], uncertainty: task.uncertainty ?? 'noise' });
  const kpis: Record<string, number> = {};
  for (const name of Object.keys(part.kpis).sort()) kpis[name] = part.kpis[name]![0]!;
  return { kpis };
}

/** Return the task of unit `index` of a task list or grid job. */
function taskAt(job: Job, index: number): SimTask {
  if (job.kind === 'tasks') return job.tasks[index]!;
  return pointTask(job.base, pointLevers(job), pointAt(job, index), gridSeed(job.base, job.independentSeeds, index));
}

/**
 * Compute units [from, to) of a job and return their results. Throws UnitError naming the first unit
 * that failed.
 */
export function runUnits(job: Job, from: number, to: number): Payload {
  const summaries: KpiSummary[] = [];
  for (let k = from; k < to; k++) {
    try {
      summaries.push(summaryOf(taskAt(job, k)));
    } catch (err) {
      throw new UnitError(k, err instanceof Error ? (err.stack ?? err.message) : String(err));
    }
  }
  if (job.kind !== 'tasks' && job.csv) {
    const names = Object.keys(summaries[0]?.kpis ?? {});
    const withBands = job.base.method === 'monte-carlo';
    let text = '';
    summaries.forEach((s, i) => (text += `${gridCsvLine(job, from + i, s, names, withBands)}\n`));
    return { kind: 'csv', names, text };
  }
  return packSummaries(summaries);
}

/** Return the CSV header of a grid's lines: the varied levers, the seed, the KPIs and, with bands, their P10/P50/P90. */
export function gridCsvHeader(axes: readonly { readonly leverId: string }[], names: readonly string[], withBands: boolean): string {
  const header = [...axes.map((a) => a.leverId), 'seed', ...names, ...(withBands ? names.flatMap((k) => [`${k}.p10`, `${k}.p50`, `${k}.p90`]) : [])];
  return header.map(csvCell).join(',');
}

/** Return combination `index` of a grid as one CSV line (no newline): its lever values, seed, KPIs and, with bands, their P10/P50/P90. */
export function gridCsvLine(job: PointJob, index: number, summary: KpiSummary, names: readonly string[], withBands: boolean): string {
  const row: CsvCell[] = [...pointAt(job, index), gridSeed(job.base, job.independentSeeds, index), ...names.map((name) => summary.kpis[name] ?? Number.NaN)];
  if (withBands) {
    for (const name of names) {
      const d = summary.distribution?.[name];
      row.push(d?.p10 ?? Number.NaN, d?.p50 ?? Number.NaN, d?.p90 ?? Number.NaN);
    }
  }
  return row.map(csvCell).join(',');
}

/** Return the buffers of a payload, to transfer rather than copy when posting it. */
export function payloadBuffers(payload: Payload): ArrayBuffer[] {
  if (payload.kind === 'packed') return [payload.values.buffer, payload.stats.buffer, payload.hasStats.buffer] as ArrayBuffer[];
  return [];
}

function sameKeys(record: Readonly<Record<string, unknown>>, names: readonly string[]): boolean {
  const keys = Object.keys(record);
  return keys.length === names.length && keys.every((k, i) => k === names[i]);
}

const STAT_KEYS = ['p10', 'p50', 'p90', 'mean'] as const;

/** Return summaries packed into typed arrays (or as objects when their KPI names differ). */
export function packSummaries(summaries: readonly KpiSummary[]): Payload {
  const names = summaries.length > 0 ? Object.keys(summaries[0]!.kpis) : [];
  const m = names.length;
  const uniform = summaries.every((s) => sameKeys(s.kpis, names) && (s.distribution === undefined || sameKeys(s.distribution, names)));
  if (!uniform) return { kind: 'objects', summaries };
  const values = new Float64Array(summaries.length * m);
  const withStats = summaries.some((s) => s.distribution !== undefined);
  const stats = new Float64Array(withStats ? summaries.length * m * 4 : 0);
  const hasStats = new Uint8Array(summaries.length);
  summaries.forEach((s, i) => {
    for (let j = 0; j < m; j++) values[i * m + j] = s.kpis[names[j]!]!;
    if (s.distribution === undefined) return;
    hasStats[i] = 1;
    for (let j = 0; j < m; j++) {
      const d = s.distribution[names[j]!]!;
      for (let q = 0; q < 4; q++) stats[(i * m + j) * 4 + q] = d[STAT_KEYS[q]!];
    }
  });
  return { kind: 'packed', names, values, stats, hasStats };
}

/** Return the summaries of a summaries payload, equal (key order included) to the ones packed. */
export function unpackSummaries(payload: Payload): KpiSummary[] {
  if (payload.kind === 'objects') return [...payload.summaries];
  if (payload.kind === 'csv') throw new Error('CSV lines hold text, not summaries.');
  const { names, values, stats, hasStats } = payload;
  const m = names.length;
  const out: KpiSummary[] = [];
  for (let i = 0; i < hasStats.length; i++) {
    const kpis: Record<string, number> = {};
    for (let j = 0; j < m; j++) kpis[names[j]!] = values[i * m + j]!;
    if (hasStats[i] !== 1) {
      out.push({ kpis });
      continue;
    }
    const distribution: Record<string, KpiStats> = {};
    for (let j = 0; j < m; j++) {
      const o = (i * m + j) * 4;
      distribution[names[j]!] = { p10: stats[o]!, p50: stats[o + 1]!, p90: stats[o + 2]!, mean: stats[o + 3]! };
    }
    out.push({ kpis, distribution });
  }
  return out;
}
