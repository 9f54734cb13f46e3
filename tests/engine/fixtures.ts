// SimInput fixtures for the lesson checks (L1–L8 of MODEL-BRIEF.md; thresholds in engine/SPEC.md).
// They are small, self-contained trusts, independent of the prepared scenario files.
import { blankInput, type Initiative, type LeverValues, type ScenarioEvent, type SimInput, type Stage } from '../../engine';

/** Return an initiative with sensible defaults for the fields a fixture does not care about. */
export function initiative(p: Partial<Initiative> & Pick<Initiative, 'id' | 'pillar' | 'effortWeeks'>): Initiative {
  return {
    name: p.id,
    businessCritical: false,
    prerequisites: [],
    rollout: 'big-bang',
    benefit: 1,
    infrastructureNeed: 0.3,
    ...p,
  };
}

/** Return the blank input with lever overrides and optional other fields. */
export function withLevers(levers: LeverValues, extra: Partial<SimInput> = {}): SimInput {
  return { ...blankInput(), ...extra, levers: { ...levers, ...(extra.levers ?? {}) } };
}

/** L1: a typical trust at 30 or 2 concurrent priorities, over ten years so that "never" has a finite measure. */
export function concurrency(priorities: number): SimInput {
  return withLevers({ 'priorities.concurrent': priorities }, { horizonWeeks: 520 });
}

/**
 * The SCAS-like portfolio: five business-critical changes in three stages (integrate legacy and build
 * resilience, renew and replace, system working) and non-critical work that runs alongside.
 */
export const SCAS_INITIATIVES: readonly Initiative[] = [
  initiative({ id: 'core-infra', pillar: 'support', effortWeeks: 1.5, infrastructureNeed: 0, buildsInfrastructure: true, benefit: 0.5 }),
  initiative({ id: 'telephony', pillar: 'support', effortWeeks: 1, businessCritical: true, infrastructureNeed: 0.3, stage: 'integrate' }),
  initiative({ id: 'dispatch', pillar: 'clinicians', effortWeeks: 1.5, businessCritical: true, infrastructureNeed: 0.4, benefit: 1.5, stage: 'integrate' }),
  initiative({ id: 'epr', pillar: 'clinicians', effortWeeks: 2.5, businessCritical: true, infrastructureNeed: 0.6, benefit: 2.5, stage: 'renew' }),
  initiative({ id: '111', pillar: 'patients', effortWeeks: 2, businessCritical: true, infrastructureNeed: 0.6, benefit: 2, stage: 'renew' }),
  initiative({ id: 'interfaces', pillar: 'support', effortWeeks: 1.5, businessCritical: true, infrastructureNeed: 0.6, benefit: 1.5, stage: 'system' }),
  initiative({ id: 'summary-record', pillar: 'clinicians', effortWeeks: 1, infrastructureNeed: 0.4, benefit: 1 }),
  initiative({ id: 'decision-support', pillar: 'clinicians', effortWeeks: 1, infrastructureNeed: 0.5, prerequisites: ['epr'] }),
  initiative({ id: 'multichannel', pillar: 'patients', effortWeeks: 1.5, infrastructureNeed: 0.5, benefit: 1.5 }),
];

/** The SCAS stages: each opens when the previous stage's critical changes are live; at most two at once. */
export const SCAS_STAGES: readonly Stage[] = [
  { id: 'integrate', name: 'Integrate and build resilience', gate: [], maxConcurrentCritical: 2 },
  { id: 'renew', name: 'Renew and replace', gate: [{ kind: 'initiatives-live', ids: ['telephony', 'dispatch'] }], maxConcurrentCritical: 2 },
  { id: 'system', name: 'System working', gate: [{ kind: 'initiatives-live', ids: ['epr', '111'] }], maxConcurrentCritical: 2 },
];

const SCAS_LEVERS: LeverValues = { 'leadership.ownership': 2, 'goal.clarity': 0.6, 'start.infrastructure': 0.3, 'team.design': 1, 'team.clinical': 2 };

/**
 * L2: the SCAS portfolio. `staged`: stages with gates and at most two business-critical changes at once;
 * otherwise everything starts together. `priorities` defaults to what each approach implies: a staged journey
 * runs about four priorities (realistic about priorities and pace), starting everything runs all nine.
 */
export function scas(staged: boolean, priorities = staged ? 4 : SCAS_INITIATIVES.length): SimInput {
  const initiatives = staged ? SCAS_INITIATIVES : SCAS_INITIATIVES.map(({ stage: _stage, ...rest }) => rest);
  return withLevers({ ...SCAS_LEVERS, 'priorities.concurrent': priorities }, { initiatives, stages: staged ? SCAS_STAGES : [], goal: { kind: 'maturity', atLeast: 3 } });
}

/** L3: the same trust with one executive or the whole board owning digital. */
export function ownership(level: number): SimInput {
  return withLevers({ 'leadership.ownership': level, 'priorities.concurrent': 6 });
}

/** The Milton Keynes-like EPR phases: foundations, then phase 1 and a phase 2 that needs solid infrastructure. */
export function miltonKeynesPhases(delayed: boolean): SimInput {
  const initiatives: Initiative[] = [
    initiative({ id: 'foundations', pillar: 'support', effortWeeks: 3, infrastructureNeed: 0, buildsInfrastructure: true, benefit: 1 }),
    initiative({ id: 'epr-1', pillar: 'clinicians', effortWeeks: 3, businessCritical: true, infrastructureNeed: 0.4, benefit: 2 }),
    initiative({ id: 'epr-2', pillar: 'clinicians', effortWeeks: 4, businessCritical: true, infrastructureNeed: 0.8, benefit: 2.5, prerequisites: ['epr-1'], stage: delayed ? 'phase-2' : undefined }),
    initiative({ id: 'portal', pillar: 'patients', effortWeeks: 2, infrastructureNeed: 0.6, benefit: 1.5, prerequisites: ['epr-1'] }),
  ];
  const stages: Stage[] = delayed ? [{ id: 'phase-2', name: 'Phase 2 when foundations are ready', gate: [{ kind: 'infrastructure', atLeast: 0.8 }], maxConcurrentCritical: 1 }] : [];
  return withLevers({ 'leadership.ownership': 3, 'priorities.concurrent': 4, 'start.infrastructure': 0.3 }, { initiatives, stages });
}

/** The CNTW-like portfolio rolled out big bang or piloted in model teams first. */
export function modelTeams(pilot: boolean): SimInput {
  const rollout = pilot ? 'pilot-then-scale' : 'big-bang';
  const initiatives: Initiative[] = [
    initiative({ id: 'epr', pillar: 'clinicians', effortWeeks: 4, businessCritical: true, infrastructureNeed: 0.4, benefit: 3, rollout }),
    initiative({ id: 'mobile', pillar: 'clinicians', effortWeeks: 2, businessCritical: true, infrastructureNeed: 0.4, benefit: 1.5, rollout, prerequisites: ['epr'] }),
    initiative({ id: 'patient-app', pillar: 'patients', effortWeeks: 2, businessCritical: true, infrastructureNeed: 0.4, benefit: 1.5, rollout }),
    initiative({ id: 'reporting', pillar: 'support', effortWeeks: 2, businessCritical: true, infrastructureNeed: 0.4, benefit: 1, rollout }),
  ];
  return withLevers({ 'leadership.ownership': 2, 'priorities.concurrent': 4, 'start.infrastructure': 0.6, 'team.clinical': 3 }, { initiatives });
}

/** The Covid-19 shock: level 4 incident, priorities cut to two, bureaucratic pragmatism. */
export const COVID_SHOCK: ScenarioEvent = { kind: 'urgency-shock', week: 10, label: 'Covid-19 level 4 incident', size: 0.8, priorityCap: 2, governanceRelief: 0.5 };

/**
 * L5: a trust running 30 priorities hit by the Covid-19 shock at week 10. Remote consultations need a service: the
 * trust has a remote outpatient platform to configure (a nationally provided one, so the effort is small).
 */
export function covid(lockIn = 0.3): SimInput {
  const initiatives: Initiative[] = [
    initiative({ id: 'remote-outpatients', pillar: 'patients', effortWeeks: 0.1, benefit: 2 }),
    initiative({ id: 'remote-working', pillar: 'support', effortWeeks: 2 }),
    initiative({ id: 'shared-records', pillar: 'clinicians', effortWeeks: 5, infrastructureNeed: 0.4, rollout: 'pilot-then-scale', benefit: 1.5 }),
  ];
  return withLevers({ 'priorities.concurrent': 30, 'urgency.lockIn': lockIn }, { initiatives, events: [COVID_SHOCK], goal: { kind: 'initiatives-live', ids: ['remote-outpatients'] } });
}

const ROLES = ['team.clinical', 'team.product', 'team.design', 'team.engineering', 'team.data', 'team.infrastructure', 'team.strategy'];

/** L6: a first team of seven FTE: multidisciplinary and internal, IT only, or multidisciplinary but mostly consultants. */
export function team(kind: 'multidisciplinary' | 'it-only' | 'consultants'): SimInput {
  const levers: Record<string, number> = { 'priorities.concurrent': 5, 'leadership.ownership': 2 };
  for (const r of ROLES) levers[r] = kind === 'it-only' ? 0 : 1;
  if (kind === 'it-only') levers['team.infrastructure'] = 7;
  levers['team.external'] = kind === 'consultants' ? 0.8 : 0;
  return withLevers(levers);
}

/** L7: a single clear goal with a date, or "collecting rocks". */
export function goal(clarity: number): SimInput {
  return withLevers({ 'goal.clarity': clarity, 'goal.mission': clarity, 'priorities.concurrent': 6 });
}

/** L8: a portfolio that starts with a small, visible, low-risk win, or without one. */
export function confidenceLoop(quickWin: boolean): SimInput {
  const initiatives: Initiative[] = [
    ...(quickWin ? [initiative({ id: 'quick-win', pillar: 'patients', effortWeeks: 0.5, infrastructureNeed: 0.2, benefit: 1 })] : []),
    initiative({ id: 'epr', pillar: 'clinicians', effortWeeks: 5, businessCritical: true, infrastructureNeed: 0.5, benefit: 3 }),
    initiative({ id: 'eprescribing', pillar: 'clinicians', effortWeeks: 3, businessCritical: true, infrastructureNeed: 0.5, benefit: 1.5, prerequisites: ['epr'] }),
    initiative({ id: 'portal', pillar: 'patients', effortWeeks: 2.5, infrastructureNeed: 0.5, benefit: 1.5 }),
    initiative({ id: 'rostering', pillar: 'support', effortWeeks: 2, infrastructureNeed: 0.3, benefit: 1 }),
  ];
  return withLevers({ 'priorities.concurrent': 3, 'goal.clarity': 0.8, 'start.boardConfidence': 0.3 }, { initiatives });
}
