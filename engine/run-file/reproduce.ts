/**
 * Saving a run and checking, on reopening, that it still produces the numbers it stored.
 */
import type { Uncertainty } from '../assumptions';
import type { Scenario } from '../scenario/schema';
import { scenarioToInput } from '../scenario/serialize';
import type { SimRunner } from '../runner';
import type { LeverValues } from '../types';
import type { RunPoint } from './attribution';
import type { RunFile } from './parse';
import { evaluateTask } from './summary';
import type { KpiSummary, RunMethod, SimTask } from './summary';

/** What a run is: a scenario, lever overrides and how to sample it. */
export interface RunSpec {
  readonly label: string;
  readonly scenario: Scenario;
  readonly overrides: LeverValues;
  readonly method: RunMethod;
  readonly seed: number;
  readonly replications: number;
  /** Which uncertainty a Monte Carlo or single run draws: 'noise' when absent (runs saved before it was an option). */
  readonly uncertainty?: Uncertainty;
}

/** Return the uncertainty a run samples with: 'noise' for an expected run (no draws), else the spec's. */
export function uncertaintyOf(spec: { readonly method: RunMethod; readonly uncertainty?: Uncertainty }): Uncertainty {
  return spec.method === 'expected' ? 'noise' : spec.uncertainty ?? 'noise';
}

/** Return the simulation task of a run (or a run file, which is a RunSpec too). */
export function taskOf(spec: RunSpec): SimTask {
  return {
    input: scenarioToInput(spec.scenario, spec.overrides),
    method: spec.method,
    seed: spec.seed,
    replications: spec.method === 'monte-carlo' ? spec.replications : 1,
    uncertainty: uncertaintyOf(spec),
  };
}

/** Return the comparison point of a run: its label, resolved input and sampling. */
export function pointOf(spec: RunSpec): RunPoint {
  const task = taskOf(spec);
  return { label: spec.label, input: task.input, method: task.method, seed: task.seed, replications: task.replications, uncertainty: task.uncertainty };
}

/** Return a run file for a run and its summary; `savedAt` comes from the caller's clock. */
export function makeRunFile(spec: RunSpec, summary: KpiSummary, meta: { engineVersion: string; savedAt: string; notes?: string; team?: string }): RunFile {
  return {
    label: spec.label,
    ...(meta.team ? { team: meta.team } : {}),
    notes: meta.notes ?? '',
    savedAt: meta.savedAt,
    engineVersion: meta.engineVersion,
    method: spec.method,
    seed: spec.seed,
    replications: spec.method === 'monte-carlo' ? spec.replications : 1,
    uncertainty: uncertaintyOf(spec),
    scenario: spec.scenario,
    overrides: spec.overrides,
    summary,
  };
}

/** One number that came out differently on reopening. */
export interface SummaryDifference {
  readonly kpi: string;
  /** `value` for the headline number, or p10/p50/p90/mean of the distribution. */
  readonly statistic: 'value' | 'p10' | 'p50' | 'p90' | 'mean';
  /** null when the KPI is missing on that side. */
  readonly stored: number | null;
  readonly current: number | null;
}

/** The verdict on reopening a run. */
export interface ReproductionReport {
  /**
   * `reproduced`: every stored number came out again exactly;
   * `engine-changed`: a different engine version gives different numbers (expected, shown side by side);
   * `not-reproduced`: the same engine version gives different numbers (the file was edited, or a bug).
   */
  readonly status: 'reproduced' | 'engine-changed' | 'not-reproduced';
  readonly storedEngineVersion: string;
  readonly currentEngineVersion: string;
  readonly differences: readonly SummaryDifference[];
  /** The fresh summary, to show next to the stored one. */
  readonly current: KpiSummary;
  /** One or two plain sentences saying what happened. */
  readonly message: string;
}

/** Return every number that differs between a stored and a fresh summary (exact comparison). */
export function diffSummaries(stored: KpiSummary, current: KpiSummary): SummaryDifference[] {
  const out: SummaryDifference[] = [];
  const names = [...new Set([...Object.keys(stored.kpis), ...Object.keys(current.kpis)])].sort();
  for (const kpi of names) {
    const s = stored.kpis[kpi];
    const c = current.kpis[kpi];
    if (s !== c) out.push({ kpi, statistic: 'value', stored: s ?? null, current: c ?? null });
    const sd = stored.distribution?.[kpi];
    const cd = current.distribution?.[kpi];
    if (!sd && !cd) continue;
    for (const stat of ['p10', 'p50', 'p90', 'mean'] as const) {
      const a = sd?.[stat];
      const b = cd?.[stat];
      if (a !== b) out.push({ kpi, statistic: stat, stored: a ?? null, current: b ?? null });
    }
  }
  return out;
}

/** Judge a fresh summary of a run against the one it stored. */
export function checkReproduction(run: RunFile, current: KpiSummary, currentEngineVersion: string): ReproductionReport {
  const differences = diffSummaries(run.summary, current);
  const sameEngine = run.engineVersion === currentEngineVersion;
  const base = { storedEngineVersion: run.engineVersion, currentEngineVersion, differences, current };
  const count = `${differences.length} number${differences.length === 1 ? '' : 's'}`;
  if (differences.length === 0) {
    return {
      ...base,
      status: 'reproduced',
      message: sameEngine
        ? `Reproduced: every stored KPI came out exactly the same (engine ${currentEngineVersion}).`
        : `Reproduced: saved with engine ${run.engineVersion}, and engine ${currentEngineVersion} gives exactly the same KPIs.`,
    };
  }
  if (!sameEngine) {
    return {
      ...base,
      status: 'engine-changed',
      message: `The engine has changed since this run was saved (${run.engineVersion} then, ${currentEngineVersion} now) and ${count} came out differently. Both are shown; the stored numbers are what engine ${run.engineVersion} produced.`,
    };
  }
  return {
    ...base,
    status: 'not-reproduced',
    message: `Not reproduced: the same engine version (${currentEngineVersion}) gives ${count} different from those stored. The file may have been edited by hand.`,
  };
}

/** Re-simulate a saved run with a runner and judge it against its stored summary. */
export async function reproduceRun(run: RunFile, runner: SimRunner, currentEngineVersion: string): Promise<ReproductionReport> {
  const current = await evaluateTask(taskOf(run), runner);
  return checkReproduction(run, current, currentEngineVersion);
}
