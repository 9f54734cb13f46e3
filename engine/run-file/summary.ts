/**
 * Simulation tasks and KPI summaries: the unit of work the CLI fans out to worker threads and
 * the figures a run file stores so that reopening it can check the numbers still come out.
 */
import type { Uncertainty } from '../assumptions';
import type { SimRunner } from '../runner';
import { KPIS } from '../series';
import type { Kpis, MonteCarloResult, RunResult, SimInput } from '../types';

/** How a run was simulated: noise off, one seeded replication, or Monte Carlo. */
export const RUN_METHODS = ['expected', 'single', 'monte-carlo'] as const;
/** One way of simulating a run. */
export type RunMethod = (typeof RUN_METHODS)[number];

/** P10/P50/P90/mean of one KPI across Monte Carlo replications. */
export interface KpiStats {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly mean: number;
}

/**
 * The KPI figures of a run. `kpis` holds one number per KPI: the value itself for an expected
 * or single run, the mean across replications for Monte Carlo (whose P10/P50/P90/mean are in
 * `distribution`).
 */
export interface KpiSummary {
  readonly kpis: Kpis;
  readonly distribution?: Readonly<Record<string, KpiStats>>;
}

/** Everything needed to simulate once: a plain, cloneable object (it crosses worker boundaries). */
export interface SimTask {
  readonly input: SimInput;
  readonly method: RunMethod;
  readonly seed: number;
  /** 1 for expected and single runs. */
  readonly replications: number;
  /** 'noise' when absent; an expected run has no draws and ignores it. */
  readonly uncertainty?: Uncertainty;
}

/** Return the method implied by a replication count: one replication is a single seeded run. */
export function methodFor(replications: number, expected = false): RunMethod {
  if (expected) return 'expected';
  return replications > 1 ? 'monte-carlo' : 'single';
}

/**
 * Return a KPI's typical outcome in a summary, the statistic every view shows: the median across replications
 * (P50), or for a 0/1 KPI (goal reached) the share of replications where it is 1; a single or expected run's own
 * value. Undefined when the summary has no such KPI.
 */
export function typicalKpi(summary: KpiSummary, kpi: string): number | undefined {
  const mean = summary.kpis[kpi];
  if (mean === undefined) return undefined;
  if (KPIS.find((d) => d.id === kpi)?.unit === '0/1') return mean;
  return summary.distribution?.[kpi]?.p50 ?? mean;
}

/** Return the summary of an expected or single run: its KPI values, keys sorted. */
export function summarizeRun(result: RunResult): KpiSummary {
  return { kpis: sortedRecord(result.kpis) };
}

/** Return the summary of a Monte Carlo run: mean per KPI plus its P10/P50/P90/mean, keys sorted. */
export function summarizeMonteCarlo(result: MonteCarloResult): KpiSummary {
  const kpis: Record<string, number> = {};
  const distribution: Record<string, KpiStats> = {};
  for (const name of Object.keys(result.kpis).sort()) {
    const d = result.kpis[name]!;
    kpis[name] = d.mean;
    distribution[name] = { p10: d.p10, p50: d.p50, p90: d.p90, mean: d.mean };
  }
  return { kpis, distribution };
}

/** The full result of a task: a run for expected/single, a Monte Carlo result otherwise. */
export type TaskResult =
  | { readonly method: 'expected' | 'single'; readonly run: RunResult; readonly summary: KpiSummary }
  | { readonly method: 'monte-carlo'; readonly monteCarlo: MonteCarloResult; readonly summary: KpiSummary };

/** Simulate a task with a runner (in-process, Web Worker, or a CLI worker thread) and summarise it. */
export async function runTask(task: SimTask, runner: SimRunner): Promise<TaskResult> {
  if (task.method === 'monte-carlo') {
    const monteCarlo = await runner.monteCarlo(task.input, { replications: task.replications, seed: task.seed, uncertainty: task.uncertainty ?? 'noise' });
    return { method: 'monte-carlo', monteCarlo, summary: summarizeMonteCarlo(monteCarlo) };
  }
  const run = task.method === 'expected' ? await runner.expected(task.input) : await runner.simulate(task.input, task.seed, { uncertainty: task.uncertainty ?? 'noise' });
  return { method: task.method, run, summary: summarizeRun(run) };
}

/** Simulate a task and return only its KPI summary. */
export async function evaluateTask(task: SimTask, runner: SimRunner): Promise<KpiSummary> {
  return (await runTask(task, runner)).summary;
}

function sortedRecord(values: Kpis): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(values).sort()) out[key] = values[key]!;
  return out;
}
