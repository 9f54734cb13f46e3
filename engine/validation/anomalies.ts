/**
 * Behaviour anomalies: sweep every lever across its range on the blank trust and look at the curve of benefits
 * (Sterman 2000, §21.4.8). A cliff, a best-at-the-minimum or a flat curve needs a reason from evidence.
 */
import { blankInput } from '../defaults';
import { LEVERS } from '../levers';
import type { LeverDef } from '../types';
import { fmt, leverGrid, meanKpi } from './helpers';
import type { ValidationCase, ValidationContext } from './types';

/** Points of each lever's sweep (fewer for a lever with fewer values). */
export const SWEEP_POINTS = 7;
/**
 * Grid of a team lever (FTE): finer at the low end, where the first person in a role makes most of the difference,
 * so a steep but smooth start is not mistaken for a cliff.
 */
export const FTE_GRID: readonly number[] = [0, 0.5, 1, 2, 3.5, 6.5, 10, 15, 20];
/** Return the values a lever is swept over. */
export function sweepGrid(lever: LeverDef): number[] {
  if (lever.unit === 'FTE') return FTE_GRID.filter((v) => v >= lever.min && v <= lever.max);
  return leverGrid(lever, SWEEP_POINTS);
}
/** Replications per point of a sweep. */
export const SWEEP_REPLICATIONS = 100;
/** A one-step change larger than this share of the curve's range is a cliff when its neighbours are small. */
const CLIFF_STEP = 0.6;
/** Neighbouring steps smaller than this share of the range make a large step a cliff rather than a slope. */
const CLIFF_NEIGHBOUR = 0.1;
/** A curve whose range is below this share of its mean is flat. */
const FLAT_SHARE = 0.01;

/** What one lever's sweep shows. */
export interface LeverSweep {
  readonly lever: LeverDef;
  /** [lever value, mean benefits realised] at each point. */
  readonly curve: readonly (readonly [number, number])[];
  readonly range: number;
  /** Indices i of the steps from point i to i + 1 that are cliffs. */
  readonly cliffs: readonly number[];
  readonly flat: boolean;
  /** Largest one-step change as a share of the range (0 for a flat curve). */
  readonly largestStep: number;
  /** Where the curve is highest: 'min', 'max' or 'inside'. */
  readonly best: 'min' | 'max' | 'inside';
}

/** Sweep one lever over its range on the blank trust and judge the curve of mean benefits realised. */
export function sweepLever(ctx: ValidationContext, lever: LeverDef): LeverSweep {
  const curve = sweepGrid(lever).map((v) => [v, meanKpi(ctx, blankInput(), { [lever.id]: v }, 'benefitsRealised', SWEEP_REPLICATIONS)] as const);
  const ys = curve.map((p) => p[1]);
  const lo = Math.min(...ys), hi = Math.max(...ys);
  const range = hi - lo;
  const mean = ys.reduce((a, b) => a + b, 0) / ys.length;
  const flat = range <= FLAT_SHARE * Math.abs(mean);
  const steps = ys.slice(1).map((y, i) => Math.abs(y - ys[i]!));
  const cliffs: number[] = [];
  if (!flat && steps.length >= 2) {
    steps.forEach((s, i) => {
      const neighbours = [steps[i - 1], steps[i + 1]].filter((n) => n !== undefined);
      if (s > CLIFF_STEP * range && neighbours.every((n) => n < CLIFF_NEIGHBOUR * range)) cliffs.push(i);
    });
  }
  const top = ys.indexOf(hi);
  return {
    lever,
    curve,
    range,
    cliffs,
    flat,
    largestStep: range > 0 ? Math.max(...steps) / range : 0,
    best: flat ? 'inside' : top === 0 ? 'min' : top === ys.length - 1 ? 'max' : 'inside',
  };
}

/** Return a sweep's curve as short text: "value: benefits, …". */
function curveText(s: LeverSweep): string {
  return s.curve.map(([v, b]) => `${fmt(v)}: ${fmt(b)}`).join(', ');
}

/** Return the cliff case of one lever. */
function cliffCase(lever: LeverDef): ValidationCase {
  return {
    id: `A-${lever.id}`,
    category: 'anomaly',
    title: `Sweeping "${lever.label}" shows no cliff`,
    source: 'Sterman 2000 ch. 21 (behaviour anomaly tests); judgement on the cliff rule',
    threshold: `blank trust, ${sweepGrid(lever).length} points over ${fmt(lever.min)}–${fmt(lever.max)}, ${SWEEP_REPLICATIONS} replications: no one-step change in mean benefits > ${CLIFF_STEP * 100}% of the curve's range while its neighbouring steps change < ${CLIFF_NEIGHBOUR * 100}%`,
    evaluate(ctx) {
      const s = sweepLever(ctx, lever);
      const cliffText = s.cliffs.map((i) => `${fmt(s.curve[i]![0])} → ${fmt(s.curve[i + 1]![0])}`).join(', ');
      return {
        figure: s.flat ? 'flat' : s.cliffs.length > 0 ? `cliff at ${cliffText}` : `largest step ${Math.round(s.largestStep * 100)}% of range`,
        pass: s.cliffs.length === 0,
        detail: `Mean benefits realised by value: ${curveText(s)}.${s.flat ? ' Flat (range < 1% of the mean).' : ''}${s.best !== 'inside' ? ` Best at the ${s.best}imum.` : ''}${s.cliffs.length > 0 ? ` Cliff: ${cliffText}.` : ''}`,
      };
    },
  };
}

/** Return the names of the levers whose sweep is flat. */
function flatLevers(ctx: ValidationContext): LeverSweep[] {
  return LEVERS.map((l) => sweepLever(ctx, l)).filter((s) => s.flat);
}

/** The anomaly cases: one per lever, then the list of flat levers (information, always passes). */
export const ANOMALY_CASES: readonly ValidationCase[] = [
  ...LEVERS.map(cliffCase),
  {
    id: 'A-flat',
    category: 'anomaly',
    title: 'Levers whose sweep leaves benefits flat (information)',
    source: 'Sterman 2000 ch. 21 (a lever that does nothing needs a reason)',
    threshold: 'information only: lists levers whose curve of mean benefits spans < 1% of its mean',
    evaluate(ctx) {
      const flat = flatLevers(ctx);
      return {
        figure: flat.length === 0 ? 'none' : flat.map((s) => s.lever.id).join(', '),
        pass: true,
        detail: flat.length === 0 ? 'Every lever moves mean benefits by at least 1% of their mean.' : flat.map((s) => `${s.lever.id} (${curveText(s)})`).join('; '),
      };
    },
  },
];
