// fast-check generators of valid engine inputs, for the property tests.
import fc from 'fast-check';
import { LEVERS, PILLARS, type Goal, type Initiative, type LeverValues, type ScenarioEvent, type SimInput, type Stage, type StageGate } from '../../engine';

/** Any subset of levers, each within its range (discrete levers on their steps). */
export const leversArb: fc.Arbitrary<LeverValues> = fc.record(
  Object.fromEntries(
    LEVERS.map((l) => [l.id, l.options
      ? fc.constantFrom(...l.options.map((o) => o.value))
      : fc.double({ min: l.min, max: l.max, noNaN: true, noDefaultInfinity: true })]),
  ),
  { requiredKeys: [] },
) as fc.Arbitrary<LeverValues>;

const stageIds = ['s0', 's1', 's2'];

function initiativesArb(n: number): fc.Arbitrary<Initiative[]> {
  return fc.tuple(...Array.from({ length: n }, (_, i) => fc.record({
    pillar: fc.constantFrom(...PILLARS),
    effortWeeks: fc.double({ min: 0.1, max: 20, noNaN: true }),
    businessCritical: fc.boolean(),
    rollout: fc.constantFrom('big-bang' as const, 'pilot-then-scale' as const),
    benefit: fc.double({ min: 0, max: 3, noNaN: true }),
    infrastructureNeed: fc.double({ min: 0, max: 1, noNaN: true }),
    buildsInfrastructure: fc.boolean(),
    stage: fc.option(fc.constantFrom(...stageIds), { nil: undefined }),
    earliestStartWeek: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
    prereq: fc.option(fc.integer({ min: 0, max: Math.max(0, i - 1) }), { nil: undefined }),
  }).map((r): Initiative => ({
    id: `i${i}`,
    name: `Initiative ${i}`,
    pillar: r.pillar,
    effortWeeks: r.effortWeeks,
    businessCritical: r.businessCritical,
    prerequisites: r.prereq !== undefined && r.prereq < i ? [`i${r.prereq}`] : [],
    rollout: r.rollout,
    benefit: r.benefit,
    infrastructureNeed: r.infrastructureNeed,
    buildsInfrastructure: r.buildsInfrastructure,
    ...(r.stage ? { stage: r.stage } : {}),
    ...(r.earliestStartWeek !== undefined ? { earliestStartWeek: r.earliestStartWeek } : {}),
  }))));
}

const gateArb: fc.Arbitrary<StageGate> = fc.oneof(
  fc.integer({ min: 0, max: 200 }).map((week) => ({ kind: 'week' as const, week })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((atLeast) => ({ kind: 'infrastructure' as const, atLeast })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((atLeast) => ({ kind: 'confidence' as const, atLeast })),
  fc.double({ min: 1, max: 5, noNaN: true }).map((atLeast) => ({ kind: 'maturity' as const, atLeast })),
  fc.constantFrom('i0', 'i1', 'i2').map((id) => ({ kind: 'initiatives-live' as const, ids: [id] })),
);

const stagesArb: fc.Arbitrary<Stage[]> = fc.integer({ min: 0, max: 3 }).chain((k) =>
  fc.tuple(...Array.from({ length: k }, (_, i) => fc.record({
    gate: fc.array(gateArb, { maxLength: 2 }),
    maxConcurrentCritical: fc.integer({ min: 0, max: 4 }),
  }).map((r): Stage => ({ id: stageIds[i]!, name: `Stage ${i}`, ...r })))));

const eventArb: fc.Arbitrary<ScenarioEvent> = fc.oneof(
  fc.record({ week: fc.integer({ min: 0, max: 300 }), size: fc.double({ min: 0, max: 1, noNaN: true }), priorityCap: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }), governanceRelief: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }) })
    .map((r) => ({ kind: 'urgency-shock' as const, label: 'shock', week: r.week, size: r.size, ...(r.priorityCap !== undefined ? { priorityCap: r.priorityCap } : {}), ...(r.governanceRelief !== undefined ? { governanceRelief: r.governanceRelief } : {}) })),
  fc.record({ week: fc.integer({ min: 0, max: 300 }), share: fc.double({ min: 0, max: 1, noNaN: true }) }).map((r) => ({ kind: 'people-leave' as const, label: 'leave', ...r })),
  fc.record({ week: fc.integer({ min: 0, max: 300 }), ownership: fc.integer({ min: 0, max: 3 }) }).map((r) => ({ kind: 'new-chief-executive' as const, label: 'ceo', ...r })),
  fc.record({ week: fc.integer({ min: 0, max: 300 }), factor: fc.double({ min: 0, max: 3, noNaN: true }) }).map((r) => ({ kind: 'funding-change' as const, label: 'funding', ...r })),
);

const goalArb: fc.Arbitrary<Goal> = fc.oneof(
  fc.double({ min: 1, max: 5, noNaN: true }).map((atLeast) => ({ kind: 'maturity' as const, atLeast })),
  fc.constantFrom(['i0'], ['i0', 'i1'], ['nope']).map((ids) => ({ kind: 'initiatives-live' as const, ids })),
  fc.record({ pillar: fc.constantFrom(...PILLARS), atLeast: fc.double({ min: 0, max: 1, noNaN: true }) }).map((r) => ({ kind: 'adoption' as const, ...r })),
);

/** Any valid SimInput (horizon up to 300 weeks to keep the tests quick). */
export const inputArb: fc.Arbitrary<SimInput> = fc.record({
  horizonWeeks: fc.integer({ min: 1, max: 300 }),
  levers: leversArb,
  initiatives: fc.integer({ min: 0, max: 7 }).chain(initiativesArb),
  stages: stagesArb,
  events: fc.array(eventArb, { maxLength: 4 }),
  goal: goalArb,
});
