/**
 * The exogenous path: everything that depends only on the board's settings and the timed events, not on the
 * random draws or on what the portfolio delivers (urgency, priorities, switching, governance friction, the team,
 * capability). It is computed once per input and shared by every replication, which is what lets a
 * 1,000-replication Monte Carlo stay within its time budget.
 */
import { adoptionSpeedBase } from './adoption';
import { capabilityProductivity, deliveryPressure, improvementShare, stepCapability } from './capability';
import { externalAdoption, externalProductivity, learningFte } from './consultants';
import { clarityThroughput } from './goal';
import { benefitCapture } from './golive';
import { baseFriction, decisionShare, governanceFriction, improvementProtection, leadershipStrength, priorityCreepPerWeek } from './governance';
import { infrastructureBuildRate } from './infrastructure';
import { ROLE_INFRASTRUCTURE, type Settings } from './levers';
import { EV_FUNDING, EV_LEAVE, EV_NEW_CEO, EV_SHOCK, type CompiledInput } from './portfolio';
import { capabilityAbove } from './maturity';
import { communicationOverhead, coverageAdoption, reworkShare, roleCoverage, staffingWeeks } from './team';
import type { RunEvent } from './types';
import { remoteTarget, stepUrgency } from './urgency';
import * as P from './parameter-bindings';
import { DEFAULT_PARAMETERS, useDefaultParameters, useParameters } from './parameter-values';
import { Slab } from './slab';

/** How strongly urgency reduces the effective number of priorities (focus). Default 0.3; range 0–0.5; unit share at full urgency; judgement. */
export const URGENCY_FOCUS = 0.3;
/** Weeks for a consultant team to refill after people leave. Default 4; unit weeks; judgement. */
export const EXTERNAL_REFILL_WEEKS = 4;
/** Share of capability lost per share of people leaving (what they held leaves with them). Default 0.5; unit share; judgement. */
export const CAPABILITY_LOST_WITH_LEAVERS = 0.5;
/** Most internal staff the trust can recruit a week (NHS digital posts take months to fill). Default 0.25; range 0.1–0.5; unit FTE/week; judgement. */
export const HIRING_FTE_PER_WEEK = 0.25;
/** Experienced time each newcomer takes to bring up to speed (Brooks 1975: people added late slow the team). Default 0.25; range 0.1–0.4; unit FTE per newcomer; judgement. */
export const TRAINING_LOAD = 0.25;
/** Governance friction removed by strategy staff planning the work and writing the cases for it, at full strategy staffing. Default 0.1; range 0–0.2; unit share; judgement. */
export const STRATEGY_FRICTION_CUT = 0.1;
/** Strategy FTE that gives planning its full effect. Default 2; unit FTE; judgement. */
export const STRATEGY_FULL_FTE = 2;

/** Weekly arrays of the exogenous path (each of length horizon + 1). */
export interface Path {
  readonly urgency: Float64Array;
  /** Urgency above its standing level (the part a shock added). */
  readonly shock: Float64Array;
  /**
   * 1 in weeks when urgency pushes remote working up (its target is above zero whatever the adoption), else 0:
   * in the other weeks a run with no remote working yet keeps it at zero without computing it.
   */
  readonly remotePush: Uint8Array;
  /** Effective priorities running (after creep, shock caps and urgency focus). */
  readonly priorities: Float64Array;
  /** Whole priority slots available to the portfolio: floor(priorities). */
  readonly slots: Int32Array;
  readonly friction: Float64Array;
  /**
   * Productivity of each FTE present this week as a share of a fully productive member (newcomers, training,
   * capability, communication, improvement time, clarity, rework, the leadership's decision queue). The weekly loop multiplies
   * it by each initiative's team rate, the switching share, the time not blocked by friction, risk appetite and noise.
   */
  readonly capacity: Float64Array;
  /** People present as a share of the team the levers ask for (recruitment, leavers, funding). */
  readonly staffed: Float64Array;
  readonly capability: Float64Array;
  /** Capability above the reference level, on an absolute scale (capabilityAbove, for maturity). */
  readonly capabilityGain: Float64Array;
  readonly leadership: Float64Array;
  /** Adoption speed multiplier before fatigue and rollout mode. */
  readonly adoptionSpeed: Float64Array;
  /** Infrastructure staff present, FTE. */
  readonly infraFte: Float64Array;
  /** Weekly infrastructure build rate of the staff present (infrastructureBuildRate). */
  readonly infraBuild: Float64Array;
  /** Share of adopted value turned into benefit (Dranove). */
  readonly benefitCapture: Float64Array;
  /** Deterministic constraint losses per week: governance, capability, team. */
  readonly lossGovernance: Float64Array;
  readonly lossCapability: Float64Array;
  readonly lossTeam: Float64Array;
  /** Timed events and their consequences, for the run's event list. */
  readonly events: readonly RunEvent[];
  /** Constants of the run derived from the settings. */
  readonly coverage: number;
  readonly clinicalShare: number;
}

function eventKindName(kind: number): string {
  return kind === EV_SHOCK ? 'urgency-shock' : kind === EV_LEAVE ? 'people-leave' : kind === EV_NEW_CEO ? 'new-chief-executive' : 'funding-change';
}

/** Return −ln(factor), the loss a multiplicative factor causes (capped at factor 0.01). */
export function lossOf(factor: number): number {
  return factor >= 1 ? 0 : factor <= 0.01 ? 4.605170185988091 : -Math.log(factor);
}

/**
 * Compute the exogenous path of a compiled input under some settings and parameters (by slot; the defaults
 * unless given). With `into`, a path of the same horizon from an earlier call, its arrays are rewritten and
 * reused (a Monte Carlo with uncertainty 'all' builds one path per replication); the path returned shares them.
 * With `losses` false, the constraint losses (read only by a run's explanations) are left as they were. `drawn`
 * says the parameters are a draw of uncertainty 'all', whose paths take the decision queue's power the fast way
 * (decisionShare).
 */
export function buildPath(ci: CompiledInput, s: Settings, params: Float64Array = DEFAULT_PARAMETERS, into?: Path, losses = true, drawn = false): Path {
  useParameters(params);
  try {
    return fillPath(ci, s, into ?? createPathArrays(ci.horizon + 1), losses, drawn);
  } finally {
    useDefaultParameters();
  }
}

/**
 * buildPath for one replication of a Monte Carlo with uncertainty 'all', whose drawn parameters the caller has
 * installed (useParameters): the bindings are not switched, so the caller puts the defaults back when the
 * replications are done, and no losses are computed. `into` as in buildPath.
 */
export function buildDrawnPath(ci: CompiledInput, s: Settings, into: Path | undefined): Path {
  return fillPath(ci, s, into ?? createPathArrays(ci.horizon + 1), false, true);
}

/** The arrays of a path, before its events and constants. */
type PathArrays = Omit<Path, 'events' | 'coverage' | 'clinicalShare'>;

/** Weekly Float64 arrays of a path (createPathArrays). */
const PATH_F64_ARRAYS = 16;

function createPathArrays(W: number): PathArrays {
  const slab = new Slab(PATH_F64_ARRAYS * W, W, W);
  const f = () => slab.f64(W);
  return {
    urgency: f(), shock: f(), priorities: f(), friction: f(), capacity: f(), staffed: f(),
    capability: f(), capabilityGain: f(), leadership: f(), adoptionSpeed: f(), infraFte: f(), infraBuild: f(), benefitCapture: f(),
    lossGovernance: f(), lossCapability: f(), lossTeam: f(), slots: slab.i32(W), remotePush: slab.u8(W),
  };
}

/** Compute the path into `arrays` with the parameters installed (parameter-values.ts); the losses only when asked. */
function fillPath(ci: CompiledInput, s: Settings, arrays: PathArrays, losses: boolean, drawn: boolean): Path {
  const H = ci.horizon;
  const { urgency: urgencyA, shock: shockA, priorities: prioritiesA, slots: slotsA, friction: frictionA, capacity: capacityA, capability: capabilityA } = arrays;
  const { staffed: staffedA, leadership: leadershipA, adoptionSpeed: speedA, infraFte: infraFteA, benefitCapture: captureA, remotePush: remotePushA } = arrays;
  const { lossGovernance: lossG, lossCapability: lossC, lossTeam: lossT } = arrays;
  const events: RunEvent[] = [];
  // Largest possible share factor of capability productivity, to express capability as a loss.
  const capabilityProductivityMax = capabilityProductivity(1);

  const fte = s.fte;
  let teamTarget = 0;
  for (let r = 0; r < fte.length; r++) teamTarget += fte[r]!;
  const extShare = s.external;
  const coverage = roleCoverage(fte);
  const rework = reworkShare(coverage);
  const covAdopt = coverageAdoption(coverage);
  const tauStaff = staffingWeeks(s.clarity, s.mission);
  const clarityMult = clarityThroughput(s.clarity);
  const infraShare = teamTarget > 0 ? fte[ROLE_INFRASTRUCTURE]! / teamTarget : 0;

  let ownership = s.ownership;
  let leadership = leadershipStrength(ownership, s.boardEngaged);
  const strategyCut = 1 - P.STRATEGY_FRICTION_CUT * Math.min(1, fte[6]! / P.STRATEGY_FULL_FTE);
  let frictionBase = baseFriction(ownership, s.boardEngaged, s.empowerment, s.culture, s.legacy) * strategyCut;
  let creepWeek = priorityCreepPerWeek(ownership, s.mission);
  let protection = improvementProtection(leadership, s.culture);

  let funding = 1;
  let internalExp = (fte[ROLE_INFRASTRUCTURE]! + Math.min(P.INITIAL_STAFFED_MAX_FTE, P.INITIAL_STAFFED_SHARE * (teamTarget - fte[ROLE_INFRASTRUCTURE]!))) * (1 - extShare);
  let internalNew = 0;
  let external = teamTarget * extShare;
  let capability = P.CAPABILITY_START_MIN + P.CAPABILITY_START_READINESS * s.readiness;
  const standing = s.urgency;
  let urgency = standing;
  let priorityBase = s.priorities;
  let creep = 0;
  let priorities = s.priorities;
  let shockActive = false;
  let shockSize = 0;
  let shockCap = 0;
  let relief = 0;
  let ev = 0;

  for (let w = 0; w <= H; w++) {
    while (ev < ci.eventCount && ci.eventWeek[ev]! <= w) {
      const kind = ci.eventKind[ev]!;
      const a = ci.eventA[ev]!;
      if (kind === EV_SHOCK) {
        urgency = urgency + a > 1 ? 1 : urgency + a;
        shockActive = true;
        shockSize = urgency - standing;
        const cap = ci.eventB[ev]!;
        if (cap > 0) shockCap = shockCap > 0 && shockCap < cap ? shockCap : cap;
        const rel = ci.eventC[ev]!;
        if (rel > relief) relief = rel;
      } else if (kind === EV_LEAVE) {
        internalExp *= 1 - a;
        internalNew *= 1 - a;
        external *= 1 - a;
        capability *= 1 - P.CAPABILITY_LOST_WITH_LEAVERS * a;
      } else if (kind === EV_NEW_CEO) {
        ownership = a;
        leadership = leadershipStrength(ownership, s.boardEngaged);
        frictionBase = baseFriction(ownership, s.boardEngaged, s.empowerment, s.culture, s.legacy) * strategyCut;
        creepWeek = priorityCreepPerWeek(ownership, s.mission);
        protection = improvementProtection(leadership, s.culture);
      } else if (kind === EV_FUNDING) {
        funding *= a;
        const capInt = teamTarget * (1 - extShare) * funding;
        const have = internalExp + internalNew;
        if (have > capInt && have > 0) {
          internalExp *= capInt / have;
          internalNew *= capInt / have;
        }
        const capExt = teamTarget * extShare * funding;
        if (external > capExt) external = capExt;
      }
      events.push({ week: w, kind: eventKindName(kind), label: ci.eventLabel[ev]! });
      ev++;
    }

    // A shock ends when its part of urgency has faded; a board that locks in the new ways keeps part of the focus.
    if (shockActive && urgency - standing < P.SHOCK_ACTIVE_SHARE * shockSize) {
      shockActive = false;
      relief = 0;
      if (shockCap > 0 && shockCap < priorityBase) priorityBase = shockCap + (priorityBase - shockCap) * (1 - P.FOCUS_KEPT_AT_FULL_LOCK_IN * s.lockIn);
      shockCap = 0;
      events.push({ week: w, kind: 'shock-ended', label: 'Urgency has faded; priorities drift back' });
    }

    // Priorities creep when nobody resists, fall to a shock's cap, and urgency focuses them.
    creep += creepWeek;
    let pTarget = priorityBase + creep;
    if (pTarget > 40) pTarget = 40;
    if (shockActive && shockCap > 0 && shockCap < pTarget) pTarget = shockCap;
    priorities += (pTarget - priorities) / (pTarget < priorities ? P.PRIORITY_DROP_WEEKS : P.PRIORITY_RETURN_WEEKS);
    let pEff = priorities * (1 - P.URGENCY_FOCUS * urgency);
    if (pEff < 1) pEff = 1;

    // Team: internal staff are recruited (newcomers ramp up), consultants arrive at once.
    const internalTarget = teamTarget * (1 - extShare) * funding;
    const gap = internalTarget - internalExp - internalNew;
    if (gap > 0) internalNew += Math.min(gap / tauStaff, P.HIRING_FTE_PER_WEEK);
    const assimilated = internalNew / P.NEWCOMER_WEEKS;
    internalNew -= assimilated;
    internalExp += assimilated;
    const externalTarget = teamTarget * extShare * funding;
    external += external < externalTarget ? (externalTarget - external) / P.EXTERNAL_REFILL_WEEKS : externalTarget - external;
    const people = internalExp + internalNew + external;
    const overhead = communicationOverhead(people);
    const kProd = capabilityProductivity(capability);
    const training = Math.min(P.TRAINING_LOAD * internalNew, internalExp);
    const fteEffective = ((internalExp - training + P.NEWCOMER_PRODUCTIVITY * internalNew) * kProd + external * externalProductivity(capability)) * (1 - overhead);
    const improvement = improvementShare(deliveryPressure(urgency, pEff), protection);
    const friction = governanceFriction(frictionBase, urgency, relief);

    urgencyA[w] = urgency;
    // The target is the push times the reach (0–1): it is zero for every reach when it is zero at full reach.
    remotePushA[w] = remoteTarget(urgency, 1) !== 0 ? 1 : 0;
    shockA[w] = urgency > standing ? urgency - standing : 0;
    prioritiesA[w] = pEff;
    slotsA[w] = Math.floor(pEff + 1e-9);
    frictionA[w] = friction;
    capacityA[w] = people > 0 ? (fteEffective / people) * (1 - improvement) * clarityMult * (1 - rework) * decisionShare(pEff, leadership, drawn) : 0;
    staffedA[w] = teamTarget > 0 ? people / teamTarget : 0;
    capabilityA[w] = capability;
    leadershipA[w] = leadership;
    speedA[w] = adoptionSpeedBase(urgency, s.readiness, s.mission) * covAdopt * externalAdoption(people > 0 ? external / people : 0);
    infraFteA[w] = people * infraShare;
    captureA[w] = benefitCapture(capability);
    if (losses) {
      const peopleEff = ((internalExp + P.NEWCOMER_PRODUCTIVITY * internalNew + external) * (1 - overhead)) / P.REFERENCE_TEAM_FTE;
      lossG[w] = lossOf(1 - friction);
      lossC[w] = lossOf(kProd / capabilityProductivityMax);
      lossT[w] = lossOf((peopleEff > 1 ? 1 : peopleEff) * (1 - rework) / (1 - P.REWORK_MIN));
    }

    capability = stepCapability(capability, learningFte(internalExp + 0.5 * internalNew, external, s.knowledgeTransfer), improvement);
    urgency = stepUrgency(urgency, standing);
  }

  const capabilityGainA = arrays.capabilityGain, infraBuildA = arrays.infraBuild;
  for (let w = 0; w <= H; w++) {
    capabilityGainA[w] = capabilityAbove(capabilityA[w]!);
    infraBuildA[w] = infrastructureBuildRate(infraFteA[w]!, s.legacy);
  }
  return {
    urgency: urgencyA, remotePush: remotePushA, shock: shockA, priorities: prioritiesA, slots: slotsA, friction: frictionA,
    capacity: capacityA, staffed: staffedA, capability: capabilityA, capabilityGain: capabilityGainA, leadership: leadershipA, adoptionSpeed: speedA, infraFte: infraFteA, infraBuild: infraBuildA,
    benefitCapture: captureA, lossGovernance: lossG, lossCapability: lossC, lossTeam: lossT,
    events, coverage, clinicalShare: s.fte[0]!,
  };
}
