/**
 * Mechanism 13 and the scheduler's data: the portfolio compiled to struct-of-arrays, stages with gates,
 * timed events, and the reference portfolio used when a scenario brings none.
 */
import { ROLE_COUNT, ROLE_NEEDS } from './team';
import type { Initiative, Pillar, SimInput, StageGate } from './types';
import { PILLARS } from './types';

/** Status of an initiative in a run: waiting to start. */
export const WAITING = 0;
/** Status: in build. */
export const BUILDING = 1;
/** Status: piloting in model teams. */
export const PILOTING = 2;
/** Status: live. */
export const LIVE = 3;
/** Status: failed. */
export const FAILED = 4;

/** Smallest effort an initiative can have, however small the file says it is. Default 0.1; unit effort-weeks; judgement (configuring a platform someone else built still takes a few days). */
export const MIN_EFFORT = 0.1;

/**
 * The reference portfolio of a typical acute trust, used when the input has no initiatives so that a blank
 * trust still has work to simulate. Efforts are in effort-weeks (REFERENCE_TEAM_OUTPUT); judgement.
 */
export const REFERENCE_PORTFOLIO: readonly Initiative[] = [
  { id: 'foundations', name: 'Network, devices and hosting', pillar: 'support', effortWeeks: 1.8, businessCritical: false, prerequisites: [], rollout: 'big-bang', benefit: 0.5, infrastructureNeed: 0, buildsInfrastructure: true },
  { id: 'rostering', name: 'E-rostering', pillar: 'support', effortWeeks: 1.2, businessCritical: false, prerequisites: [], rollout: 'big-bang', benefit: 1, infrastructureNeed: 0.3 },
  { id: 'video', name: 'Video consultations', pillar: 'patients', effortWeeks: 0.8, businessCritical: false, prerequisites: [], rollout: 'pilot-then-scale', benefit: 1, infrastructureNeed: 0.4 },
  { id: 'epr', name: 'Electronic patient record', pillar: 'clinicians', effortWeeks: 5, businessCritical: true, prerequisites: [], rollout: 'big-bang', benefit: 3, infrastructureNeed: 0.6 },
  { id: 'portal', name: 'Patient portal', pillar: 'patients', effortWeeks: 1.8, businessCritical: false, prerequisites: [], rollout: 'pilot-then-scale', benefit: 1.5, infrastructureNeed: 0.5 },
  { id: 'eobs', name: 'E-observations', pillar: 'clinicians', effortWeeks: 1.2, businessCritical: false, prerequisites: ['epr'], rollout: 'pilot-then-scale', benefit: 1, infrastructureNeed: 0.5 },
  { id: 'finance', name: 'Finance and HR automation', pillar: 'support', effortWeeks: 1.2, businessCritical: false, prerequisites: [], rollout: 'big-bang', benefit: 1, infrastructureNeed: 0.3 },
  { id: 'eprescribing', name: 'Electronic prescribing', pillar: 'clinicians', effortWeeks: 2.5, businessCritical: true, prerequisites: ['epr'], rollout: 'big-bang', benefit: 1.5, infrastructureNeed: 0.6 },
  { id: 'shared-record', name: 'Shared care record', pillar: 'patients', effortWeeks: 1.8, businessCritical: false, prerequisites: [], rollout: 'big-bang', benefit: 1.5, infrastructureNeed: 0.6 },
];

/** Index of a pillar in PILLARS. */
export function pillarIndex(p: Pillar): number {
  const i = PILLARS.indexOf(p);
  return i < 0 ? 0 : i;
}

/** Gate kind: a week has been reached. */
export const GATE_WEEK = 0;
/** Gate kind: initiatives are live. */
export const GATE_LIVE = 1;
/** Gate kind: infrastructure readiness reached. */
export const GATE_INFRA = 2;
/** Gate kind: board confidence reached. */
export const GATE_CONFIDENCE = 3;
/** Gate kind: overall maturity reached. */
export const GATE_MATURITY = 4;

/** The input compiled once per run into flat arrays the weekly loop reads without allocating. */
export interface CompiledInput {
  readonly horizon: number;
  readonly initiatives: readonly Initiative[];
  readonly n: number;
  readonly pillar: Int32Array;
  readonly effort: Float64Array;
  readonly critical: Uint8Array;
  readonly pilot: Uint8Array;
  readonly benefit: Float64Array;
  readonly need: Float64Array;
  readonly buildsInfra: Uint8Array;
  /** Stage index of each initiative, -1 for none. */
  readonly stage: Int32Array;
  readonly earliest: Float64Array;
  /** Prerequisite indices, flattened: initiative i's are prereq[prereqStart[i] .. prereqStart[i+1]). Unknown ids are ignored. */
  readonly prereqStart: Int32Array;
  readonly prereq: Int32Array;
  /** Total benefit per pillar. */
  readonly pillarBenefit: Float64Array;
  /** Share of each initiative's work each role family is needed for: ROLE_COUNT values per initiative (ROLE_NEEDS). */
  readonly roleNeeds: Float64Array;
  readonly stageCount: number;
  readonly stageNames: readonly string[];
  readonly stageCap: Float64Array;
  /** Gates flattened per stage. */
  readonly gateStart: Int32Array;
  readonly gateKind: Int32Array;
  readonly gateValue: Float64Array;
  /** For initiatives-live gates: indices into gateIds. */
  readonly gateIdsStart: Int32Array;
  readonly gateIds: Int32Array;
  /** Events sorted by week, as parallel arrays. */
  readonly eventCount: number;
  readonly eventWeek: Int32Array;
  readonly eventKind: Int32Array;
  readonly eventA: Float64Array;
  readonly eventB: Float64Array;
  readonly eventC: Float64Array;
  readonly eventLabel: readonly string[];
  /** Goal: 0 maturity, 1 initiatives live, 2 adoption. */
  readonly goalKind: number;
  readonly goalValue: number;
  readonly goalPillar: number;
  readonly goalIds: Int32Array;
  /** Whether an initiative is named by an initiatives-live goal (ranked first for focus). */
  readonly goalMember: Uint8Array;
}

/** Event kind: urgency shock. */
export const EV_SHOCK = 0;
/** Event kind: people leave. */
export const EV_LEAVE = 1;
/** Event kind: a new chief executive. */
export const EV_NEW_CEO = 2;
/** Event kind: a funding change. */
export const EV_FUNDING = 3;

/** Compile a SimInput into flat arrays; substitutes REFERENCE_PORTFOLIO when the input has no initiatives. */
export function compileInput(input: SimInput): CompiledInput {
  const horizon = Math.max(1, Math.min(520, Math.round(Number.isFinite(input.horizonWeeks) ? input.horizonWeeks : 260)));
  const inits = input.initiatives.length > 0 ? input.initiatives : REFERENCE_PORTFOLIO;
  const n = inits.length;
  const idIndex = new Map<string, number>();
  inits.forEach((it, i) => idIndex.set(it.id, i));
  const stageIndex = new Map<string, number>();
  input.stages.forEach((s, i) => stageIndex.set(s.id, i));
  const pillar = new Int32Array(n);
  const effort = new Float64Array(n);
  const critical = new Uint8Array(n);
  const pilot = new Uint8Array(n);
  const benefit = new Float64Array(n);
  const need = new Float64Array(n);
  const buildsInfra = new Uint8Array(n);
  const stage = new Int32Array(n);
  const earliest = new Float64Array(n);
  const prereqStart = new Int32Array(n + 1);
  const prereqList: number[] = [];
  const pillarBenefit = new Float64Array(3);
  const roleNeeds = new Float64Array(n * ROLE_COUNT);
  for (let i = 0; i < n; i++) {
    const it = inits[i]!;
    pillar[i] = pillarIndex(it.pillar);
    effort[i] = finiteOr(it.effortWeeks, 1);
    critical[i] = it.businessCritical ? 1 : 0;
    pilot[i] = it.rollout === 'pilot-then-scale' ? 1 : 0;
    benefit[i] = Math.max(0, finiteOr(it.benefit, 1));
    need[i] = clamp01(finiteOr(it.infrastructureNeed, 0));
    buildsInfra[i] = it.buildsInfrastructure ? 1 : 0;
    stage[i] = it.stage !== undefined && stageIndex.has(it.stage) ? stageIndex.get(it.stage)! : -1;
    earliest[i] = Math.max(0, finiteOr(it.earliestStartWeek ?? 0, 0));
    prereqStart[i] = prereqList.length;
    for (const p of it.prerequisites) {
      const j = idIndex.get(p);
      if (j !== undefined && j !== i) prereqList.push(j);
    }
    pillarBenefit[pillar[i]!] += benefit[i]!;
    roleNeeds.set(it.buildsInfrastructure ? ROLE_NEEDS.foundations : ROLE_NEEDS[it.pillar] ?? ROLE_NEEDS.support, i * ROLE_COUNT);
  }
  prereqStart[n] = prereqList.length;

  const stageCount = input.stages.length;
  const stageCap = new Float64Array(stageCount);
  const gateStart = new Int32Array(stageCount + 1);
  const gateKinds: number[] = [];
  const gateValues: number[] = [];
  const gateIdsStarts: number[] = [];
  const gateIdList: number[] = [];
  input.stages.forEach((s, si) => {
    stageCap[si] = Math.max(0, finiteOr(s.maxConcurrentCritical, Infinity));
    gateStart[si] = gateKinds.length;
    for (const g of s.gate) {
      gateIdsStarts.push(gateIdList.length);
      gateKinds.push(gateKindOf(g));
      gateValues.push(gateValueOf(g));
      if (g.kind === 'initiatives-live') for (const id of g.ids) gateIdList.push(idIndex.get(id) ?? -1);
    }
  });
  gateStart[stageCount] = gateKinds.length;
  gateIdsStarts.push(gateIdList.length);

  const events = [...input.events].map((e, order) => ({ e, order })).sort((a, b) => a.e.week - b.e.week || a.order - b.order);
  const m = events.length;
  const eventWeek = new Int32Array(m);
  const eventKind = new Int32Array(m);
  const eventA = new Float64Array(m);
  const eventB = new Float64Array(m);
  const eventC = new Float64Array(m);
  const eventLabel: string[] = [];
  events.forEach(({ e }, k) => {
    eventWeek[k] = Math.max(0, Math.round(finiteOr(e.week, 0)));
    eventLabel.push(e.label);
    switch (e.kind) {
      case 'urgency-shock':
        eventKind[k] = EV_SHOCK;
        eventA[k] = clamp01(finiteOr(e.size, 0));
        eventB[k] = e.priorityCap !== undefined ? Math.max(1, finiteOr(e.priorityCap, 40)) : 0;
        eventC[k] = clamp01(finiteOr(e.governanceRelief ?? 0, 0));
        break;
      case 'people-leave':
        eventKind[k] = EV_LEAVE;
        eventA[k] = clamp01(finiteOr(e.share, 0));
        break;
      case 'new-chief-executive':
        eventKind[k] = EV_NEW_CEO;
        eventA[k] = Math.max(0, Math.min(3, finiteOr(e.ownership, 1)));
        break;
      case 'funding-change':
        eventKind[k] = EV_FUNDING;
        eventA[k] = Math.max(0, Math.min(5, finiteOr(e.factor, 1)));
        break;
    }
  });

  const goal = input.goal;
  const goalMember = new Uint8Array(n);
  let goalKind = 0;
  let goalValue = 3;
  let goalPillar = 0;
  let goalIds = new Int32Array(0);
  if (goal.kind === 'maturity') {
    goalValue = finiteOr(goal.atLeast, 3);
  } else if (goal.kind === 'initiatives-live') {
    goalKind = 1;
    goalIds = Int32Array.from(goal.ids.map((id) => idIndex.get(id) ?? -1));
    for (const j of goalIds) if (j >= 0) goalMember[j] = 1;
  } else {
    goalKind = 2;
    goalPillar = pillarIndex(goal.pillar);
    goalValue = clamp01(finiteOr(goal.atLeast, 0.5));
  }

  return {
    horizon, initiatives: inits, n, pillar, effort, critical, pilot, benefit, need, buildsInfra, stage, earliest,
    prereqStart, prereq: Int32Array.from(prereqList), pillarBenefit, roleNeeds,
    stageCount, stageNames: input.stages.map((st) => st.name), stageCap, gateStart, gateKind: Int32Array.from(gateKinds), gateValue: Float64Array.from(gateValues),
    gateIdsStart: Int32Array.from(gateIdsStarts), gateIds: Int32Array.from(gateIdList),
    eventCount: m, eventWeek, eventKind, eventA, eventB, eventC, eventLabel,
    goalKind, goalValue, goalPillar, goalIds, goalMember,
  };
}

function gateKindOf(g: StageGate): number {
  switch (g.kind) {
    case 'week': return GATE_WEEK;
    case 'initiatives-live': return GATE_LIVE;
    case 'infrastructure': return GATE_INFRA;
    case 'confidence': return GATE_CONFIDENCE;
    case 'maturity': return GATE_MATURITY;
  }
}

function gateValueOf(g: StageGate): number {
  switch (g.kind) {
    case 'week': return finiteOr(g.week, 0);
    case 'initiatives-live': return 0;
    case 'infrastructure': return finiteOr(g.atLeast, 0);
    case 'confidence': return finiteOr(g.atLeast, 0);
    case 'maturity': return finiteOr(g.atLeast, 0);
  }
}

function finiteOr(v: number, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
