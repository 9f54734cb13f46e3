/** Behaviour reproduction: the model shows the shapes of published reference modes (Sterman 2000, §21.4.6). */
import { blankInput } from '../defaults';
import { LEVERS, leverValue, PLAUSIBLE_ROLE_FTE, plausibleRange } from '../levers';
import { createRng, nextFloat } from '../random';
import { simulate } from '../simulate';
import type { SimInput } from '../types';
import { aroundShock, figure, fmt, fteLeverIds, meanBand, meanKpi, ratio, scenarioInput, shockWeek, snapToStep } from './helpers';
import type { CaseOutcome, ValidationCase, ValidationContext } from './types';

/** Boards drawn for the base rate. */
export const BASE_RATE_BOARDS = 200;
/** Replications per board for the base rate. */
export const BASE_RATE_REPLICATIONS = 100;
/** Scenarios with a big-bang go-live in which the dip must recover, in order of preference. */
const DIP_SCENARIOS = ['cntw-trust-wide-big-bang', 'milton-keynes'];

/** Return whether a lever takes only a few values (named options or whole steps), so a draw lands on one of them. */
function isDiscrete(l: (typeof LEVERS)[number]): boolean {
  return l.options !== undefined || l.step >= 1;
}

/** Return `count` boards with every lever drawn uniformly over its range from a generator seeded with `seed`. */
export function randomBoards(count: number, seed: number): Record<string, number>[] {
  const rng = createRng(seed, 0);
  const boards: Record<string, number>[] = [];
  for (let i = 0; i < count; i++) {
    const levers: Record<string, number> = {};
    for (const l of LEVERS) {
      const u = nextFloat(rng);
      // A discrete lever draws each of its values with equal chance; a continuous one any point of its range.
      levers[l.id] = isDiscrete(l) ? snapToStep(l, l.min + Math.floor(u * ((l.max - l.min) / l.step + 1)) * l.step) : l.min + u * (l.max - l.min);
    }
    boards.push(levers);
  }
  return boards;
}

/** Replications of the dip-recovery case. */
export const DIP_REPLICATIONS = 100;
/** Share of replications whose dip must recover. */
const DIP_RECOVERED_SHARE = 0.8;

/**
 * Follow the first business-critical big-bang go-live of each replication that leaves a year of the run: the
 * deepest dip within 8 weeks of it, and whether the dip then falls below half of that within 52 weeks.
 */
function dipRecoveries(input: SimInput, seed: number): { counted: number; recovered: number; share: number; meanPeak: number; meanHalfWeeks: number } {
  const crit = new Set(input.initiatives.filter((i) => i.businessCritical && i.rollout === 'big-bang').map((i) => i.id));
  let counted = 0, recovered = 0, peakSum = 0, halfSum = 0;
  for (let r = 0; r < DIP_REPLICATIONS; r++) {
    const run = simulate(input, seed * 1_000 + r);
    const dip = run.series['operationalDip']!;
    const first = run.timeline.filter((o) => crit.has(o.id) && o.goLiveWeek >= 0).map((o) => o.goLiveWeek).sort((a, b) => a - b)[0];
    if (first === undefined || first + 60 > run.horizonWeeks) continue;
    let peakWeek = first;
    for (let w = first; w <= first + 8; w++) if (dip[w]! > dip[peakWeek]!) peakWeek = w;
    const peak = dip[peakWeek]!;
    if (peak <= 0) continue;
    counted++;
    peakSum += peak;
    for (let w = peakWeek + 1; w <= Math.min(run.horizonWeeks, peakWeek + 52); w++) {
      if (dip[w]! < peak / 2) {
        recovered++;
        halfSum += w - peakWeek;
        break;
      }
    }
  }
  return { counted, recovered, share: counted > 0 ? recovered / counted : 0, meanPeak: counted > 0 ? peakSum / counted : Number.NaN, meanHalfWeeks: recovered > 0 ? halfSum / recovered : Number.NaN };
}

/**
 * Return the base-rate outcome: mean goal reached across plausible boards on the blank trust. A board decides its
 * levers; where the trust starts from is not the board's to choose, so the starting point stays at its defaults.
 * A plausible board stays within each lever's plausible range (LeverDef.plausibleMax: a role's FTE up to 5). Reported for
 * information: every lever over its whole range, and with the starting point drawn as well (a trust drawn already
 * at maturity 3 has reached its goal at once).
 */
function baseRate(ctx: ValidationContext): CaseOutcome {
  const boards = randomBoards(BASE_RATE_BOARDS, ctx.seed);
  let sum = 0, wholeSum = 0, allSum = 0;
  for (const levers of boards) {
    const whole: Record<string, number> = {};
    for (const l of LEVERS) if (l.group !== 'starting-point') whole[l.id] = levers[l.id]!;
    // The same draw, scaled from the lever's whole range into the part a board would plausibly choose.
    const plausible: Record<string, number> = { ...whole };
    for (const l of LEVERS) {
      const [lo, hi] = plausibleRange(l);
      if (l.group !== 'starting-point' && (lo !== l.min || hi !== l.max)) plausible[l.id] = lo + ((whole[l.id]! - l.min) * (hi - lo)) / (l.max - l.min);
    }
    sum += meanKpi(ctx, blankInput(), plausible, 'goalReached', BASE_RATE_REPLICATIONS);
    wholeSum += meanKpi(ctx, blankInput(), whole, 'goalReached', BASE_RATE_REPLICATIONS);
    allSum += meanKpi(ctx, blankInput(), levers, 'goalReached', BASE_RATE_REPLICATIONS);
  }
  const n = boards.length;
  const rate = sum / n;
  return {
    figure: figure(rate),
    pass: rate >= 0.15 && rate <= 0.45,
    detail:
      `Mean goal reached across ${n} plausible boards (${BASE_RATE_REPLICATIONS} replications each): ${fmt(rate)}. ` +
      `For information, every board lever over its whole range (teams of up to ${fteLeverIds().reduce((a, id) => a + leverMax(id), 0)} FTE): ${fmt(wholeSum / n)}; ` +
      `with the starting point drawn as well: ${fmt(allSum / n)}.`,
  };
}

/** Return a lever's maximum. */
function leverMax(id: string): number {
  return LEVERS.find((l) => l.id === id)!.max;
}

/** The behaviour-reproduction cases, in order. */
export const REPRODUCTION_CASES: readonly ValidationCase[] = [
  {
    id: 'B-diminishing-returns',
    category: 'reproduction',
    title: 'Diminishing returns to team size',
    source: 'QSM study of 491 projects (3–7 people optimal); Brooks 1975; Putnam',
    threshold: 'blank trust, every FTE lever ×4: mean delivered < 2× the default team\'s',
    evaluate(ctx) {
      const big: Record<string, number> = {};
      for (const id of fteLeverIds()) big[id] = leverValue({ [id]: 4 * leverValue({}, id) }, id);
      const base = meanKpi(ctx, blankInput(), {}, 'initiativesDelivered');
      const four = meanKpi(ctx, blankInput(), big, 'initiativesDelivered');
      const r = ratio(four, base);
      return { figure: `${fmt(r)}×`, pass: four < 2 * base, detail: `Mean initiatives delivered: default team ${fmt(base)}, four times the team ${fmt(four)}.` };
    },
  },
  {
    id: 'B-dip-recovers',
    category: 'reproduction',
    title: 'A big-bang go-live dip recovers',
    source: 'Cambridge University Hospitals 2014 EPR go-live (about a 20% fall in A&E performance, recovered over months)',
    threshold: `cntw-trust-wide-big-bang and milton-keynes, ${DIP_REPLICATIONS} replications each: after the first business-critical big-bang go-live with a year of the run left, the dip falls below half its peak within 52 weeks in at least ${DIP_RECOVERED_SHARE * 100}% of them`,
    evaluate(ctx) {
      const present = DIP_SCENARIOS.filter((id) => ctx.scenarios[id] !== undefined);
      if (present.length === 0) scenarioInput(ctx, DIP_SCENARIOS[0]!);
      const lines: string[] = [];
      let worst = 1;
      for (const id of present) {
        const d = dipRecoveries(ctx.scenarios[id]!, ctx.seed);
        worst = Math.min(worst, d.share);
        lines.push(`${id}: ${d.recovered} of ${d.counted} recover (mean peak ${fmt(d.meanPeak)}, mean ${fmt(d.meanHalfWeeks)} weeks to half)`);
      }
      return { figure: `${fmt(worst * 100)}% recover`, pass: worst >= DIP_RECOVERED_SHARE, detail: `${lines.join('; ')}.` };
    },
  },
  {
    id: 'B-base-rate',
    category: 'reproduction',
    title: 'About a third of plausible boards reach the goal',
    source: 'McKinsey surveys (about 30% of transformations succeed)',
    threshold: `${BASE_RATE_BOARDS} boards with every board lever (all but the starting point) drawn uniformly (seeded): each lever over the range a board would plausibly choose (a role's FTE 0–${PLAUSIBLE_ROLE_FTE}, every other lever its whole range); ${BASE_RATE_REPLICATIONS} replications each, blank trust: mean goal reached within [0.15, 0.45]`,
    evaluate: baseRate,
  },
  {
    id: 'B-remote-jump',
    category: 'reproduction',
    title: 'Remote consultations jump an order of magnitude within six weeks of the pandemic shock',
    source: 'Nuffield Trust QualityWatch 2020 (4% → 35% of outpatient consultations); the source guide\'s trust (31,000 in six weeks, from low thousands a year)',
    threshold: 'covid-19: mean remote consultations six weeks after the shock ≥ 10× the week before it',
    evaluate(ctx) {
      const covid = scenarioInput(ctx, 'covid-19');
      const s = shockWeek(covid);
      const remote = meanBand(ctx.run(covid).bands, 'remoteConsultations');
      const [before, after] = aroundShock(remote, s);
      const r = ratio(after, before);
      return {
        figure: `${fmt(r)}×`,
        pass: after >= 10 * before && after > 0,
        detail: `Mean remote consultations a week: ${fmt(before)} in week ${s - 1}, ${fmt(after)} in week ${s + 6}.`,
      };
    },
  },
];
