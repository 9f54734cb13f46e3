/**
 * Declarative scenario checks, in the style of SDEverywhere's model checks: each says what
 * must hold for a scenario's run (a KPI, or a series at a week) or for a pair of scenarios
 * compared on the same measure. tests/scenarios/checks.json holds them; tests/scenarios runs them
 * over every prepared scenario, and each lesson L1–L8 of the model brief is shown by at least one.
 *
 * Values on the right of a predicate are numbers or short expressions:
 * - for a single scenario: `"week 11"` (the same series at week 11), `"10x week 11"`,
 *   `"week 0 + 0.5"`;
 * - for a pair: `"b"` (the second scenario's value), `"0.5x b"`, `"b - 2"`.
 */
import { z } from 'zod';
import { monteCarlo } from '../montecarlo';
import { simulateExpected } from '../simulate';
import type { LeverValues } from '../types';
import { LeverValuesSchema } from './schema';
import type { Scenario } from './schema';
import { scenarioToInput } from './serialize';

const Operand = z.union([z.number(), z.string().regex(/^\s*(-?\d+(\.\d+)?\s*x\s+)?(b|week\s+\d+)(\s*[+-]\s*\d+(\.\d+)?)?\s*$/, { message: 'must be a number, "b", "Kx b", "week N", "Kx week N", optionally "+ N" or "- N"' })]);

/** A scenario as a check names it: by id (or `"*"` for every scenario), optionally with lever changes. */
const SubjectSchema = z.union([z.string().min(1), z.strictObject({ scenario: z.string().min(1), levers: LeverValuesSchema.default({}) })]);

/** One declarative check. */
export const CheckSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    lesson: z.string().regex(/^L[1-8]$/).optional(),
    describe: z.string().min(1),
    scenario: SubjectSchema.optional(),
    compare: z.tuple([SubjectSchema, SubjectSchema]).optional(),
    kpi: z.string().min(1).optional(),
    series: z.string().min(1).optional(),
    at: z.union([z.number().int().min(0), z.literal('all'), z.literal('horizon')]).optional(),
    sum: z.tuple([z.number().int().min(0), z.number().int().min(0)]).optional(),
    runs: z.strictObject({ replications: z.number().int().min(2).max(2000), seed: z.number().int(), stat: z.enum(['mean', 'p50']).default('mean') }).optional(),
    gt: Operand.optional(),
    gte: Operand.optional(),
    lt: Operand.optional(),
    lte: Operand.optional(),
    between: z.tuple([z.number(), z.number()]).optional(),
  })
  .refine((c) => (c.scenario === undefined) !== (c.compare === undefined), { message: 'needs exactly one of "scenario" or "compare"' })
  .refine((c) => (c.kpi === undefined) !== (c.series === undefined), { message: 'needs exactly one of "kpi" or "series"' })
  .refine((c) => c.series === undefined || (c.at !== undefined) !== (c.sum !== undefined), { message: 'a series check needs exactly one of "at" or "sum"' })
  .refine((c) => c.sum === undefined || c.sum[0] <= c.sum[1], { message: '"sum" needs [first week, last week]' })
  .refine((c) => [c.gt, c.gte, c.lt, c.lte, c.between].some((p) => p !== undefined), { message: 'needs at least one predicate (gt, gte, lt, lte, between)' });

/** The checks file. */
export const ChecksFileSchema = z.strictObject({ $comment: z.string().optional(), checks: z.array(CheckSchema) });

/** One check as written in the file. */
export type ScenarioCheck = z.output<typeof CheckSchema>;

/** The outcome of one predicate of a check, for one scenario. */
export interface CheckOutcome {
  readonly checkId: string;
  readonly scenario: string;
  readonly pass: boolean;
  /** Plain account: what was measured, what it had to be, what it was. */
  readonly message: string;
}

type Subject = { scenario: string; levers: LeverValues };

function subject(s: string | { scenario: string; levers: LeverValues }): Subject {
  return typeof s === 'string' ? { scenario: s, levers: {} } : s;
}

/** A measured run: a KPI reader and a series reader, from an expected run or a Monte Carlo summary. */
interface Measured {
  kpi(id: string): number | undefined;
  series(id: string): ArrayLike<number> | undefined;
}

function measure(scenario: Scenario, levers: LeverValues, runs: ScenarioCheck['runs']): Measured {
  const input = scenarioToInput(scenario, levers);
  if (runs === undefined) {
    const r = simulateExpected(input);
    return { kpi: (id) => r.kpis[id], series: (id) => r.series[id] };
  }
  const mc = monteCarlo(input, { replications: runs.replications, seed: runs.seed });
  return {
    kpi: (id) => mc.kpis[id]?.[runs.stat],
    series: (id) => {
      const b = mc.bands[id];
      return b === undefined ? undefined : runs.stat === 'mean' ? b.mean : b.p50;
    },
  };
}

/** Return the value of an operand: a number, or an expression over the same series or the other scenario's value. */
function operand(op: number | string, series: ArrayLike<number> | undefined, other: number | undefined): { value: number; text: string } | string {
  if (typeof op === 'number') return { value: op, text: String(op) };
  const m = /^\s*(?:(-?\d+(?:\.\d+)?)\s*x\s+)?(b|week\s+(\d+))(?:\s*([+-])\s*(\d+(?:\.\d+)?))?\s*$/.exec(op);
  if (m === null) return `cannot read "${op}"`;
  let base: number;
  if (m[2] === 'b') {
    if (other === undefined) return '"b" is only meaningful when comparing two scenarios';
    base = other;
  } else {
    const w = Number(m[3]);
    if (series === undefined) return `"week ${w}" needs a series check`;
    if (w >= series.length) return `week ${w} is beyond the run`;
    base = series[w]!;
  }
  const factor = m[1] !== undefined ? Number(m[1]) : 1;
  const shift = m[4] === undefined ? 0 : (m[4] === '-' ? -1 : 1) * Number(m[5]);
  return { value: base * factor + shift, text: `${op.trim()} = ${fmt(base * factor + shift)}` };
}

function fmt(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3);
}

const PREDICATES = [
  ['gt', 'more than', (a: number, b: number) => a > b],
  ['gte', 'at least', (a: number, b: number) => a >= b],
  ['lt', 'less than', (a: number, b: number) => a < b],
  ['lte', 'at most', (a: number, b: number) => a <= b],
] as const;

/** Return the outcomes of one check against the given scenarios (by id); `"*"` runs it on every one. */
export function runCheck(check: ScenarioCheck, scenarios: ReadonlyMap<string, Scenario>): CheckOutcome[] {
  const out: CheckOutcome[] = [];
  const fail = (scenario: string, message: string) => out.push({ checkId: check.id, scenario, pass: false, message });
  const what =
    check.kpi !== undefined
      ? `KPI ${check.kpi}`
      : check.sum !== undefined
        ? `series ${check.series} summed over weeks ${check.sum[0]}–${check.sum[1]}`
        : `series ${check.series} at ${check.at === 'all' ? 'every week' : `week ${String(check.at)}`}`;

  const evaluate = (label: string, a: Measured, b: Measured | undefined) => {
    // The weeks to read: one, the horizon, or all of them.
    const seriesA = check.series !== undefined ? a.series(check.series) : undefined;
    const seriesB = check.series !== undefined && b !== undefined ? b.series(check.series) : undefined;
    if (check.series !== undefined && (seriesA === undefined || (b !== undefined && seriesB === undefined))) {
      return fail(label, `the run has no series "${check.series}"`);
    }
    const weeks: number[] =
      check.kpi !== undefined || check.sum !== undefined ? [-1] : check.at === 'all' ? Array.from({ length: seriesA!.length }, (_, i) => i) : check.at === 'horizon' ? [seriesA!.length - 1] : [check.at as number];
    for (const w of weeks) {
      const read = (m: Measured, s: ArrayLike<number> | undefined): number | undefined => {
        if (check.kpi !== undefined) return m.kpi(check.kpi);
        if (check.sum !== undefined) {
          if (check.sum[1] >= s!.length) return undefined;
          let total = 0;
          for (let k = check.sum[0]; k <= check.sum[1]; k++) total += s![k]!;
          return total;
        }
        return w < s!.length ? s![w] : undefined;
      };
      const va = read(a, seriesA);
      const vb = b !== undefined ? read(b, seriesB) : undefined;
      if (va === undefined || (b !== undefined && vb === undefined)) return fail(label, `${what}: not produced by the run`);
      const failures: string[] = [];
      for (const [key, words, test] of PREDICATES) {
        const op = check[key];
        if (op === undefined) continue;
        const rhs = operand(op, seriesA, vb);
        if (typeof rhs === 'string') return fail(label, rhs);
        if (!test(va, rhs.value)) failures.push(`must be ${words} ${rhs.text}`);
      }
      if (check.between !== undefined && !(va >= check.between[0] && va <= check.between[1])) {
        failures.push(`must be between ${check.between[0]} and ${check.between[1]}`);
      }
      const where = check.at === 'all' ? ` (week ${w})` : '';
      const shown = `${what}${where} = ${fmt(va)}${vb !== undefined ? ` vs ${fmt(vb)}` : ''}`;
      if (failures.length > 0) return fail(label, `${shown}: ${failures.join('; ')}`);
      if (check.at !== 'all' || w === weeks[weeks.length - 1]) out.push({ checkId: check.id, scenario: label, pass: true, message: shown });
    }
  };

  const get = (s: Subject): Scenario | string => scenarios.get(s.scenario) ?? `no scenario "${s.scenario}"`;
  if (check.compare !== undefined) {
    const [sa, sb] = check.compare.map(subject) as [Subject, Subject];
    const a = get(sa);
    const b = get(sb);
    const label = `${sa.scenario} vs ${sb.scenario}`;
    if (typeof a === 'string') fail(label, a);
    else if (typeof b === 'string') fail(label, b);
    else evaluate(label, measure(a, sa.levers, check.runs), measure(b, sb.levers, check.runs));
    return out;
  }
  const s = subject(check.scenario!);
  const targets = s.scenario === '*' ? [...scenarios.values()] : [get(s)];
  for (const t of targets) {
    if (typeof t === 'string') fail(s.scenario, t);
    else evaluate(t.id, measure(t, s.levers, check.runs), undefined);
  }
  return out;
}
