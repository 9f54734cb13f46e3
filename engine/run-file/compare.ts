/**
 * Side-by-side comparison of runs: what differs in their settings (only what differs) and how
 * their KPIs differ. The attribution of a KPI gap to settings lives in attribution.ts.
 */
import type { SimRunner } from '../runner';
import type { Kpis, LeverDef, SimInput } from '../types';
import type { Attribution, AttributionPlan, RunPoint } from './attribution';
import { completeAttribution, effectiveLevers, planAttribution } from './attribution';
import { pointOf, taskOf } from './reproduce';
import type { RunSpec } from './reproduce';
import { evaluateTask } from './summary';
import type { KpiSummary, SimTask } from './summary';

/** One setting that differs between a baseline and another run. */
export interface SettingDifference {
  /** A lever id, `horizonWeeks`, `goal`, `initiatives`, `stages`, `events`, `method`, `seed` or `replications`. */
  readonly key: string;
  readonly label: string;
  readonly kind: 'lever' | 'scenario' | 'sampling';
  /** The value in the baseline and in the other run, as short display text. */
  readonly baseline: string;
  readonly other: string;
  /** For numeric settings: other − baseline. */
  readonly delta?: number;
}

/** The difference in one KPI between a baseline and another run. */
export interface KpiDelta {
  readonly kpi: string;
  readonly baseline: number;
  readonly other: number;
  readonly delta: number;
  /** delta / |baseline|; null when the baseline is 0. */
  readonly relative: number | null;
}

function describeList(items: readonly { readonly id?: string }[]): string {
  if (items.length === 0) return 'none';
  const ids = items.map((x) => x.id).filter((x): x is string => typeof x === 'string');
  const shown = ids.length === items.length ? `: ${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''}` : '';
  return `${items.length}${shown}`;
}

function describeGoal(goal: SimInput['goal']): string {
  switch (goal.kind) {
    case 'maturity':
      return `maturity ≥ ${goal.atLeast}`;
    case 'initiatives-live':
      return `live: ${goal.ids.join(', ')}`;
    case 'adoption':
      return `${goal.pillar} adoption ≥ ${goal.atLeast}`;
  }
}

function formatLever(def: LeverDef, value: number): string {
  const option = def.options?.find((o) => o.value === value);
  if (option) return option.label;
  return def.unit ? `${value} ${def.unit}` : String(value);
}

/** Return only the settings that differ between a baseline run and another, levers first in lever order. */
export function diffSettings(baseline: RunPoint, other: RunPoint, defs: readonly LeverDef[]): SettingDifference[] {
  const out: SettingDifference[] = [];
  const a = effectiveLevers(baseline.input.levers, defs);
  const b = effectiveLevers(other.input.levers, defs);
  for (const def of defs) {
    const va = a[def.id]!;
    const vb = b[def.id]!;
    if (va !== vb) out.push({ key: def.id, label: def.label, kind: 'lever', baseline: formatLever(def, va), other: formatLever(def, vb), delta: vb - va });
  }
  const ia = baseline.input;
  const ib = other.input;
  if (ia.horizonWeeks !== ib.horizonWeeks) {
    out.push({ key: 'horizonWeeks', label: 'Horizon', kind: 'scenario', baseline: `${ia.horizonWeeks} weeks`, other: `${ib.horizonWeeks} weeks`, delta: ib.horizonWeeks - ia.horizonWeeks });
  }
  if (JSON.stringify(ia.goal) !== JSON.stringify(ib.goal)) {
    out.push({ key: 'goal', label: 'Goal', kind: 'scenario', baseline: describeGoal(ia.goal), other: describeGoal(ib.goal) });
  }
  const lists = [
    ['initiatives', 'Initiatives', ia.initiatives, ib.initiatives],
    ['stages', 'Stages', ia.stages, ib.stages],
    ['events', 'Events', ia.events, ib.events],
  ] as const;
  for (const [key, label, la, lb] of lists) {
    if (JSON.stringify(la) !== JSON.stringify(lb)) {
      const sa = describeList(la as readonly { id?: string }[]);
      let sb = describeList(lb as readonly { id?: string }[]);
      // Same count and ids but different content: say so rather than show two equal strings.
      if (sa === sb) sb = `${sb} (changed)`;
      out.push({ key, label, kind: 'scenario', baseline: sa, other: sb });
    }
  }
  if (baseline.method !== other.method) out.push({ key: 'method', label: 'Method', kind: 'sampling', baseline: baseline.method, other: other.method });
  if (baseline.method !== 'expected' || other.method !== 'expected') {
    if (baseline.seed !== other.seed) {
      out.push({ key: 'seed', label: 'Seed', kind: 'sampling', baseline: String(baseline.seed), other: String(other.seed) });
    }
    if ((baseline.uncertainty ?? 'noise') !== (other.uncertainty ?? 'noise')) {
      out.push({ key: 'uncertainty', label: 'Uncertainty', kind: 'sampling', baseline: baseline.uncertainty ?? 'noise', other: other.uncertainty ?? 'noise' });
    }
    if (baseline.replications !== other.replications) {
      out.push({
        key: 'replications',
        label: 'Replications',
        kind: 'sampling',
        baseline: String(baseline.replications),
        other: String(other.replications),
        delta: other.replications - baseline.replications,
      });
    }
  }
  return out;
}

/** Return the delta of every KPI present in both runs, in name order. */
export function kpiDeltas(baseline: Kpis, other: Kpis): KpiDelta[] {
  return Object.keys(baseline)
    .filter((k) => k in other)
    .sort()
    .map((kpi) => {
      const a = baseline[kpi]!;
      const b = other[kpi]!;
      return { kpi, baseline: a, other: b, delta: b - a, relative: a === 0 ? null : (b - a) / Math.abs(a) };
    });
}

/** One run compared against the baseline (the first run). */
export interface Comparison {
  readonly baseline: string;
  readonly other: string;
  readonly settings: readonly SettingDifference[];
  readonly kpis: readonly KpiDelta[];
  readonly attribution: Attribution;
}

/** The simulations a comparison of several runs needs: each run itself, then each attribution's coalitions. */
export interface ComparisonPlan {
  readonly points: readonly RunPoint[];
  readonly attributions: readonly AttributionPlan[];
  /** Every task, in order: one per run, then each attribution plan's tasks in turn. */
  readonly tasks: readonly SimTask[];
}

/** The outcome of a comparison: each run's fresh KPIs and every run set against the first. */
export interface ComparisonResult {
  readonly runs: readonly { readonly label: string; readonly summary: KpiSummary }[];
  readonly comparisons: readonly Comparison[];
}

/** Plan the comparison of runs (at least two) against the first. */
export function planComparison(specs: readonly RunSpec[], defs: readonly LeverDef[], opts: { maxExactPlayers?: number } = {}): ComparisonPlan {
  if (specs.length < 2) throw new Error('a comparison needs at least two runs');
  const points = specs.map(pointOf);
  const attributions = points.slice(1).map((p) => planAttribution(points[0]!, p, defs, opts));
  const tasks = [...specs.map(taskOf), ...attributions.flatMap((p) => p.tasks)];
  return { points, attributions, tasks };
}

/** Combine a comparison plan's results (aligned with `plan.tasks`) into settings diffs, KPI deltas and attributions. */
export function completeComparison(plan: ComparisonPlan, results: readonly KpiSummary[], defs: readonly LeverDef[]): ComparisonResult {
  if (results.length !== plan.tasks.length) throw new Error(`expected ${plan.tasks.length} results, got ${results.length}`);
  const n = plan.points.length;
  const runs = plan.points.map((p, i) => ({ label: p.label, summary: results[i]! }));
  let offset = n;
  const comparisons = plan.attributions.map((attr, j): Comparison => {
    const slice = results.slice(offset, offset + attr.tasks.length);
    offset += attr.tasks.length;
    const base = runs[0]!;
    const other = runs[j + 1]!;
    return {
      baseline: base.label,
      other: other.label,
      settings: diffSettings(plan.points[0]!, plan.points[j + 1]!, defs),
      kpis: kpiDeltas(base.summary.kpis, other.summary.kpis),
      attribution: completeAttribution(attr, slice, base.summary.kpis, other.summary.kpis),
    };
  });
  return { runs, comparisons };
}

/** Compare runs against the first with a runner (in-process or a Web Worker): simulate, diff and attribute. */
export async function compareRuns(specs: readonly RunSpec[], runner: SimRunner, defs: readonly LeverDef[]): Promise<ComparisonResult> {
  const plan = planComparison(specs, defs);
  const results: KpiSummary[] = [];
  for (const task of plan.tasks) results.push(await evaluateTask(task, runner));
  return completeComparison(plan, results, defs);
}
