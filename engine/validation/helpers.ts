/** Small helpers the validation cases share: lever sets, scenario lookup, sweeps and number formatting. */
import { LEVERS } from '../levers';
import type { LeverDef, SimInput } from '../types';
import type { ValidationContext } from './types';

/** Return the ids of the team's FTE levers (every role family), in LEVERS order. */
export function fteLeverIds(): string[] {
  return LEVERS.filter((l) => l.group === 'team' && l.unit === 'FTE').map((l) => l.id);
}

/** Return levers for a trust with no team: every FTE lever at 0 and no consultants. */
export function noTeamLevers(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of fteLeverIds()) out[id] = 0;
  out['team.external'] = 0;
  return out;
}

/** Return every lever at its minimum, or at its maximum. */
export function allLeversAt(end: 'min' | 'max'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of LEVERS) out[l.id] = l[end];
  return out;
}

/** Return a prepared scenario's input, or throw an error that names the missing scenario. */
export function scenarioInput(ctx: ValidationContext, id: string): SimInput {
  const input = ctx.scenarios[id];
  if (input === undefined) throw new Error(`no prepared scenario '${id}' (have: ${Object.keys(ctx.scenarios).sort().join(', ') || 'none'})`);
  return input;
}

/** Return the mean of a KPI over the context's run of `input` with these lever changes. */
export function meanKpi(ctx: ValidationContext, input: SimInput, levers: Readonly<Record<string, number>>, kpi: string, replications?: number): number {
  const d = ctx.kpis(input, levers, replications)[kpi];
  if (d === undefined) throw new Error(`the engine reports no KPI '${kpi}'`);
  return d.mean;
}

/** Return a series' mean band from a Monte Carlo, or throw an error that names the missing series. */
export function meanBand(bands: Readonly<Record<string, { readonly mean: Float64Array }>>, series: string): Float64Array {
  const b = bands[series];
  if (b === undefined) throw new Error(`the engine reports no series '${series}'`);
  return b.mean;
}

/** Return a lever's value snapped to its step and range. */
export function snapToStep(def: LeverDef, v: number): number {
  const snapped = def.step > 0 ? def.min + Math.round((v - def.min) / def.step) * def.step : v;
  // Round off the float noise of min + k·step so values print (and memoise) cleanly.
  return Math.min(def.max, Math.max(def.min, Number(snapped.toFixed(6))));
}

/** Return `points` values evenly spread over a lever's range, snapped to its step, without repeats. */
export function leverGrid(def: LeverDef, points: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < points; i++) {
    const v = snapToStep(def, def.min + ((def.max - def.min) * i) / (points - 1));
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** Return a/b, or +Infinity when only b is 0, or NaN when both are. */
export function ratio(a: number, b: number): number {
  if (b !== 0) return a / b;
  return a === 0 ? Number.NaN : a > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}

/** Return a number rounded to three significant digits (whole numbers from 1,000 up). */
export function round3(v: number): number {
  if (!Number.isFinite(v) || v === 0) return v;
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v);
  const digits = 2 - Math.floor(Math.log10(a));
  return Number(v.toFixed(Math.max(0, Math.min(12, digits))));
}

/** Return a number as short text (three significant digits; ∞ and NaN spelt out). */
export function fmt(v: number): string {
  if (Number.isNaN(v)) return 'undefined (0/0)';
  if (v === Number.POSITIVE_INFINITY) return '∞';
  if (v === Number.NEGATIVE_INFINITY) return '−∞';
  return String(round3(v));
}

/** Return a figure for the report: a finite number rounded to three significant digits, else its text. */
export function figure(v: number): number | string {
  return Number.isFinite(v) ? round3(v) : fmt(v);
}

/** Return the first week of an urgency shock in the input's events, or throw when there is none. */
export function shockWeek(input: SimInput): number {
  const shock = input.events.find((e) => e.kind === 'urgency-shock');
  if (shock === undefined) throw new Error('the scenario has no urgency shock');
  return shock.week;
}

/** Return a series' values the week before a shock and six weeks after it; throws when the run is shorter. */
export function aroundShock(series: Float64Array, shock: number): readonly [before: number, after: number] {
  const before = series[shock - 1], after = series[shock + 6];
  if (before === undefined || after === undefined) throw new Error(`the run does not cover weeks ${shock - 1} and ${shock + 6}`);
  return [before, after];
}
