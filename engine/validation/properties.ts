/** Properties P1–P8: the behaviours the model must show at equal settings except the one under test. */
import { blankInput } from '../defaults';
import { leverValue } from '../levers';
import type { SimInput } from '../types';
import { figure, fmt, meanBand, meanKpi, noTeamLevers, ratio, scenarioInput } from './helpers';
import type { ValidationCase } from './types';

/** Priorities swept by P2. */
export const P2_PRIORITIES: readonly number[] = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40];

/** P3's balanced 14-FTE team (every other FTE lever at 0). */
const BALANCED_TEAM = {
  'team.clinical': 2, 'team.product': 2, 'team.design': 2, 'team.engineering': 4, 'team.data': 2, 'team.infrastructure': 2, 'team.strategy': 0,
};
/** P3's strategy-heavy 14-FTE team. */
const STRATEGY_TEAM = {
  'team.clinical': 0, 'team.product': 0, 'team.design': 0, 'team.engineering': 0, 'team.data': 0, 'team.infrastructure': 2, 'team.strategy': 12,
};

/** Return the prepared inputs P6 evaluates: the blank trust and every scenario whose goal is a maturity goal, each once. */
function maturityGoalInputs(scenarios: Readonly<Record<string, SimInput>>): [string, SimInput][] {
  const out: [string, SimInput][] = [['blank trust', blankInput()]];
  const seen = new Set([JSON.stringify(blankInput())]);
  for (const id of Object.keys(scenarios).sort()) {
    const input = scenarios[id]!;
    const key = JSON.stringify(input);
    if (input.goal.kind !== 'maturity' || seen.has(key)) continue;
    seen.add(key);
    out.push([id, input]);
  }
  return out;
}

/** The named properties P1–P8, in order. */
export const PROPERTY_CASES: readonly ValidationCase[] = [
  {
    id: 'P1',
    category: 'property',
    title: 'A blank trust juggling 30 priorities still delivers something in five years',
    source: 'judgement (a trust at 30 priorities is slow, not stopped)',
    threshold: 'mean initiatives delivered ≥ 1 at 30 priorities',
    evaluate(ctx) {
      const delivered = meanKpi(ctx, blankInput(), { 'priorities.concurrent': 30 }, 'initiativesDelivered');
      return { figure: figure(delivered), pass: delivered >= 1, detail: `Mean initiatives delivered at 30 priorities: ${fmt(delivered)}.` };
    },
  },
  {
    id: 'P2',
    category: 'property',
    title: 'Benefits peak at a handful of concurrent priorities',
    source: 'Weinberg 1992 (real work 100/80/60/40/25% for 1–5 projects); Little\'s law',
    threshold: 'the priorities value with the most mean benefits (of 1–40) lies in [2, 6]',
    evaluate(ctx) {
      const curve = P2_PRIORITIES.map((p) => [p, meanKpi(ctx, blankInput(), { 'priorities.concurrent': p }, 'benefitsRealised')] as const);
      let best = curve[0]!;
      for (const point of curve) if (point[1] > best[1]) best = point;
      const text = curve.map(([p, b]) => `${p}: ${fmt(b)}`).join(', ');
      return {
        figure: `best at ${best[0]} (${text})`,
        pass: best[0] >= 2 && best[0] <= 6,
        detail: `Mean benefits realised by concurrent priorities: ${text}. The most at ${best[0]}.`,
      };
    },
  },
  {
    id: 'P3',
    category: 'property',
    title: 'A balanced multidisciplinary team out-delivers a strategy-heavy team of the same size',
    source: 'Source guide (a first team of only strategy or policy cannot show the thing); GDS service-team roles',
    threshold: 'balanced 14 FTE delivers ≥ 2× what 12 strategy + 2 infrastructure deliver (mean initiatives delivered)',
    evaluate(ctx) {
      const balanced = meanKpi(ctx, blankInput(), BALANCED_TEAM, 'initiativesDelivered');
      const strategy = meanKpi(ctx, blankInput(), STRATEGY_TEAM, 'initiativesDelivered');
      const r = ratio(balanced, strategy);
      return {
        figure: `${fmt(r)}×`,
        pass: r >= 2,
        detail: `Mean initiatives delivered: balanced team ${fmt(balanced)}, strategy-heavy team ${fmt(strategy)}.`,
      };
    },
  },
  {
    id: 'P4',
    category: 'property',
    title: 'Without a team, a pandemic shock cannot create remote consultations that nobody built',
    source: 'MODEL-BRIEF "Validating the model" (use of a new service is limited by whether it exists and is adopted)',
    threshold: 'covid-19 with no team: mean peak remote consultations ≤ 0.25 × the prepared case\'s',
    evaluate(ctx) {
      const covid = scenarioInput(ctx, 'covid-19');
      const prepared = meanKpi(ctx, covid, {}, 'peakRemoteConsultations');
      const none = meanKpi(ctx, covid, noTeamLevers(), 'peakRemoteConsultations');
      const r = ratio(none, prepared);
      return {
        figure: figure(r),
        pass: none <= 0.25 * prepared,
        detail: `Mean peak remote consultations a week: no team ${fmt(none)}, prepared case ${fmt(prepared)} (ratio ${fmt(r)}).`,
      };
    },
  },
  {
    id: 'P5',
    category: 'property',
    title: 'A trust with no team records no failed initiatives',
    source: 'judgement (nothing started, nothing fails)',
    threshold: 'blank trust, every FTE lever 0 and no consultants: mean initiatives failed = 0',
    evaluate(ctx) {
      const failed = meanKpi(ctx, blankInput(), noTeamLevers(), 'initiativesFailed');
      return { figure: figure(failed), pass: failed === 0, detail: `Mean initiatives failed with no team: ${fmt(failed)}.` };
    },
  },
  {
    id: 'P6',
    category: 'property',
    title: 'Readier staff or infrastructure at the start never make the goal less likely',
    source: 'Source guide (Milton Keynes, SCAS: infrastructure first); judgement',
    threshold: 'start.staffReadiness 0.4 → 1 and start.infrastructure 0.4 → 1: mean goal reached never falls (new ≥ old − 1e-9), on the blank trust and every prepared scenario with a maturity goal',
    evaluate(ctx) {
      const subjects = maturityGoalInputs(ctx.scenarios);
      const falls: string[] = [];
      const holds: string[] = [];
      for (const lever of ['start.staffReadiness', 'start.infrastructure']) {
        for (const [name, input] of subjects) {
          const low = meanKpi(ctx, input, { [lever]: 0.4 }, 'goalReached');
          const high = meanKpi(ctx, input, { [lever]: 1 }, 'goalReached');
          (high >= low - 1e-9 ? holds : falls).push(`${name}, ${lever} ${fmt(low)} → ${fmt(high)}`);
        }
      }
      const checks = holds.length + falls.length;
      return {
        figure: `${holds.length} of ${checks} hold`,
        pass: falls.length === 0,
        detail: `Mean goal reached, readiness 0.4 → 1. ${falls.length > 0 ? `Falls: ${falls.join('; ')}. ` : ''}Holds: ${holds.join('; ')}.`,
      };
    },
  },
  {
    id: 'P7',
    category: 'property',
    title: 'A high standing sense of urgency wears staff down',
    source: 'Source guide (Covid-19 response); change-fatigue judgement (MODEL-BRIEF mechanism 10)',
    threshold: 'urgency.standing 1 vs 0.2: mean peak fatigue at least doubles',
    evaluate(ctx) {
      const low = meanKpi(ctx, blankInput(), { 'urgency.standing': 0.2 }, 'peakFatigue');
      const high = meanKpi(ctx, blankInput(), { 'urgency.standing': 1 }, 'peakFatigue');
      const r = ratio(high, low);
      return { figure: `${fmt(r)}×`, pass: r >= 2, detail: `Mean peak fatigue: urgency 0.2 ${fmt(low)}, urgency 1 ${fmt(high)}.` };
    },
  },
  {
    id: 'P8',
    category: 'property',
    title: 'At equal priorities, the staged journey beats starting everything at once',
    source: 'Source guide (SCAS staged journey)',
    threshold: 'staged vs everything-at-once at the staged priorities: fewer mean initiatives live at week 52, fewer mean failures, more mean benefits',
    evaluate(ctx) {
      const staged = scenarioInput(ctx, 'scas-staged-journey');
      const all = scenarioInput(ctx, 'scas-everything-at-once');
      const priorities = leverValue(staged.levers, 'priorities.concurrent');
      const a = ctx.run(staged, { 'priorities.concurrent': priorities });
      const b = ctx.run(all, { 'priorities.concurrent': priorities });
      const liveA = meanBand(a.bands, 'initiativesLive')[52], liveB = meanBand(b.bands, 'initiativesLive')[52];
      if (liveA === undefined || liveB === undefined) throw new Error('a run is shorter than 52 weeks');
      const failA = a.kpis.initiativesFailed!.mean, failB = b.kpis.initiativesFailed!.mean;
      const benA = a.kpis.benefitsRealised!.mean, benB = b.kpis.benefitsRealised!.mean;
      const parts = [
        { ok: liveA < liveB, text: `live at week 52 ${fmt(liveA)} vs ${fmt(liveB)}` },
        { ok: failA < failB, text: `failed ${fmt(failA)} vs ${fmt(failB)}` },
        { ok: benA > benB, text: `benefits ${fmt(benA)} vs ${fmt(benB)}` },
      ];
      return {
        figure: parts.map((p) => p.text).join('; '),
        pass: parts.every((p) => p.ok),
        detail: `At ${priorities} priorities, staged vs everything at once: ${parts.map((p) => `${p.text} ${p.ok ? '(holds)' : '(does not hold)'}`).join('; ')}.`,
      };
    },
  },
];
