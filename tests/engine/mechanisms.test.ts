// One table-driven test per mechanism (engine/SPEC.md, C1–C13).
import { describe, expect, it } from 'vitest';
import { adoptionSpeedBase, fatigueDrag, stepAdoption } from '../../engine/adoption';
import { capabilityProductivity, improvementShare, stepCapability } from '../../engine/capability';
import { fundingFromAppetite, stepAppetite, stepConfidence } from '../../engine/confidence';
import { externalAdoption, externalProductivity, learningFte } from '../../engine/consultants';
import { changeCapacity, stepFatigue } from '../../engine/fatigue';
import { clarityThroughput, focusShare, scopeGrowthPerWeek } from '../../engine/goal';
import { benefitCapture, dipRecoveryWeeks, goLiveDip, goLiveFailure } from '../../engine/golive';
import { baseFriction, governanceFriction, leadershipStrength, priorityCreepPerWeek } from '../../engine/governance';
import { infrastructureGoLive, infrastructureSpeed, stepInfrastructure } from '../../engine/infrastructure';
import { pillarMaturity } from '../../engine/maturity';
import { portfolioShare, realWorkShare } from '../../engine/switching';
import { clinicalAdoption, communicationOverhead, reworkShare, roleCoverage, staffingWeeks } from '../../engine/team';
import { REMOTE_WITHOUT_SERVICE, remoteConsultations, remotePersistence, remoteReach, remoteTarget, stepRemote, stepUrgency } from '../../engine/urgency';
import { simulateExpected, type Initiative, type SimInput } from '../../engine';
import { initiative, withLevers } from './fixtures';

describe('[C1] switching', () => {
  it.each([
    [1, 1], [2, 0.8], [3, 0.6], [4, 0.4], [5, 0.25],
  ])('[C1] %i priorities leave exactly %f of time for real work (Weinberg)', (p, share) => {
    expect(realWorkShare(p)).toBe(share);
  });
  it.each([[6], [8], [12], [20], [30], [40]])('[C1] beyond five (%i) the share keeps falling but stays above the 15%% floor', (p) => {
    expect(realWorkShare(p)).toBeLessThan(realWorkShare(p - 1));
    expect(realWorkShare(p)).toBeGreaterThan(0.15);
  });
  it.each([
    [0, 5, 0], [2, 5, 0.4], [5, 5, 1], [8, 5, 1],
  ])('[C1] %i active of %i priorities get %f of the real work', (active, p, share) => {
    expect(portfolioShare(active, p)).toBeCloseTo(share, 12);
  });
});

describe('[C2] team', () => {
  it.each([
    [1, 0], [2, 0.0006], [5, 0.006], [9, 0.0216], [60, 0.6],
  ])('[C2] %i people lose %f of each person\'s time to communication', (n, o) => {
    expect(communicationOverhead(n)).toBeCloseTo(o, 10);
  });
  it.each([
    [[0, 0, 0, 0, 0, 0, 0], 0, 0.4],
    [[0, 0, 0, 0, 0, 7, 0], 1 / 7, 0.4 - 0.3 / 7],
    [[1, 1, 1, 1, 1, 1, 1], 1, 0.1],
    [[0.5, 1, 1, 1, 1, 1, 1], 6.5 / 7, 0.4 - (0.3 * 6.5) / 7],
  ])('[C2] role mix %j has coverage %f and rework %f', (fte, coverage, rework) => {
    const c = roleCoverage(Float64Array.from(fte));
    expect(c).toBeCloseTo(coverage, 12);
    expect(reworkShare(c)).toBeCloseTo(rework, 12);
  });
  it.each([[0, 0.7], [2.5, 0.85], [5, 1], [10, 1]])('[C2] %i clinical FTE give a clinical adoption lift of %f', (fte, lift) => {
    expect(clinicalAdoption(fte)).toBeCloseTo(lift, 12);
  });
  it('[C2] a clear goal and mission staff the team faster', () => {
    expect(staffingWeeks(1, 1)).toBeLessThan(staffingWeeks(0, 0));
  });
});

describe('[C3] consultants', () => {
  it.each([
    [0, 0.63], [0.5, 0.765], [1, 0.9],
  ])('[C3] external productivity at capability %f is %f', (k, p) => {
    expect(externalProductivity(k)).toBeCloseTo(p, 12);
  });
  it.each([
    [6, 0, 0.3, 6], [0, 6, 0.3, 1.8], [2, 4, 0.5, 4],
  ])('[C3] %i internal and %i external FTE at transfer %f give %f FTE of learning', (i, e, kt, l) => {
    expect(learningFte(i, e, kt)).toBeCloseTo(l, 12);
  });
  it('[C3] adoption falls with the external share', () => {
    expect(externalAdoption(0)).toBe(1);
    expect(externalAdoption(1)).toBeCloseTo(0.7, 12);
  });
});

describe('[C4] capability trap', () => {
  it.each([
    [0, 0, 0.15], [1, 0, 0], [1, 1, 0.15], [0.5, 0.5, 0.1125],
  ])('[C4] pressure %f with protection %f leaves %f of time for improvement', (pressure, protection, share) => {
    expect(improvementShare(pressure, protection)).toBeCloseTo(share, 12);
  });
  it('[C4] without learning, capability erodes with a 52-week time constant', () => {
    let k = 0.6;
    for (let w = 0; w < 52; w++) k = stepCapability(k, 0, 0);
    expect(k).toBeCloseTo(0.6 * (1 - 1 / 52) ** 52, 12);
  });
  it('[C4] with learning it rises and stays within [0, 1]', () => {
    let k = 0.2;
    for (let w = 0; w < 520; w++) k = stepCapability(k, 60, 0.15);
    expect(k).toBeGreaterThan(0.9);
    expect(k).toBeLessThanOrEqual(1);
    expect(capabilityProductivity(0.5)).toBeCloseTo(1, 12);
  });
});

describe('[C5] ownership and governance', () => {
  it.each([[0, 1], [1, 2], [2, 3]])('[C5] ownership %i has more friction, creep and less strength than %i', (lo, hi) => {
    expect(baseFriction(lo, 0.4, 0.4, 0.4, 0.5)).toBeGreaterThan(baseFriction(hi, 0.4, 0.4, 0.4, 0.5));
    expect(priorityCreepPerWeek(lo, 0.4)).toBeGreaterThan(priorityCreepPerWeek(hi, 0.4));
    expect(leadershipStrength(lo, 0.5)).toBeLessThan(leadershipStrength(hi, 0.5));
  });
  it.each([
    [0.3, 0, 0, 0.3], [0.3, 1, 0, 0.18], [0.3, 0, 0.5, 0.15], [0.01, 0, 0, 0.02], [2, 0, 0, 0.8],
  ])('[C5] base %f at urgency %f with relief %f gives friction %f (bounded 0.02–0.8)', (b, u, r, g) => {
    expect(governanceFriction(b, u, r)).toBeCloseTo(g, 12);
  });
});

describe('[C6] goal clarity', () => {
  it.each([
    [0, 1, 0.05, 0], [1, 1.12, 0.01, 0.5], [0.5, 1.06, 0.03, 0.25],
  ])('[C6] clarity %f: throughput ×%f, scope growth %f a month, focus %f', (c, t, growth, focus) => {
    expect(clarityThroughput(c)).toBeCloseTo(t, 12);
    expect(scopeGrowthPerWeek(c) * (52 / 12)).toBeCloseTo(growth, 12);
    expect(focusShare(c)).toBeCloseTo(focus, 12);
  });
});

describe('[C7] urgency', () => {
  it('[C7] urgency decays towards its standing level', () => {
    let u = 1;
    for (let w = 0; w < 17; w++) u = stepUrgency(u, 0.2);
    expect(u).toBeCloseTo(0.2 + 0.8 * (1 - 1 / 17) ** 17, 12);
  });
  it.each([
    [0.2, 1, 0], [0.35, 1, 0], [1, 0.9, 0.9], [1, 1, 1], [0.675, 0.5, 0.5], [0.5, 1, ((0.5 - 0.35) / 0.65) * 2],
  ])('[C7] urgency %f with reach %f pushes remote working to %f', (u, reach, t) => {
    expect(remoteTarget(u, reach)).toBeCloseTo(Math.max(0, t), 12);
  });
  it('[C7] using a remote service needs the service: with nothing live or no team, only the telephone share is reachable', () => {
    expect(remoteReach(0, 9, 2, 1)).toBe(REMOTE_WITHOUT_SERVICE);
    expect(remoteReach(1, 0, 2, 1)).toBe(REMOTE_WITHOUT_SERVICE);
    expect(remoteReach(1, 9, 2, 1)).toBeCloseTo(1, 12);
    expect(remoteReach(1, 9, 0, 0)).toBeCloseTo(REMOTE_WITHOUT_SERVICE + (1 - REMOTE_WITHOUT_SERVICE) * 0.5, 12);
    expect(remoteReach(0.5, 2, 1, 0.5)).toBeLessThan(remoteReach(1, 4, 2, 1));
  });
  it('[C7] remote working rises within days and falls back to what is kept', () => {
    expect(stepRemote(0, 1, 0)).toBeGreaterThan(0.8);
    let x = 1;
    for (let w = 0; w < 200; w++) x = stepRemote(x, 0, 0.5);
    expect(x).toBeCloseTo(0.5, 5);
    expect(remoteConsultations(0)).toBeCloseTo(51, 6);
    expect(remotePersistence(0)).toBeCloseTo(0.4, 12);
    expect(remotePersistence(1)).toBeCloseTo(0.8, 12);
  });
});

describe('[C8] adoption', () => {
  it.each([
    [0, 0, 1, 0], [0.5, 0.5, 1, 0.5], [0.6, 0.5, 1, 0.5],
  ])('[C8] adoption %f of live %f at speed %f becomes %f (never above what is live)', (a, m, s, next) => {
    expect(stepAdoption(a, m, s)).toBeCloseTo(next, 12);
  });
  it('[C8] adoption grows towards what is live and never passes it', () => {
    let a = 0;
    for (let w = 0; w < 520; w++) {
      const next = stepAdoption(a, 0.6, 2);
      expect(next).toBeGreaterThanOrEqual(a);
      a = next;
    }
    expect(a).toBeLessThanOrEqual(0.6);
    expect(a).toBeGreaterThan(0.59);
  });
  it('[C8] urgency speeds adoption and fatigue slows it', () => {
    expect(adoptionSpeedBase(1, 0.5, 0.5)).toBeGreaterThan(adoptionSpeedBase(0, 0.5, 0.5));
    expect(fatigueDrag(1)).toBeCloseTo(0.4, 12);
  });
});

describe('[C9] go-live', () => {
  it.each([
    [true, false, 0, 0, 0.1], [true, false, 0, 1, 0.3], [true, true, 0, 0.5, 0.06], [false, false, 0, 0.5, 0.05],
  ])('[C9] critical %s, piloted %s, legacy %f, noise %f: dip %f', (crit, pilot, legacy, noise, dip) => {
    expect(goLiveDip(crit, pilot, legacy, noise)).toBeCloseTo(dip, 12);
  });
  it('[C9] piloting and non-critical systems fail less at go-live; gaps and fatigue raise the risk', () => {
    const base = goLiveFailure(true, false, 0, 0, 1);
    expect(base).toBeCloseTo(0.12, 12);
    expect(goLiveFailure(true, true, 0, 0, 1)).toBeLessThan(base);
    expect(goLiveFailure(false, false, 0, 0, 1)).toBeLessThan(base);
    expect(goLiveFailure(true, false, 0.3, 0.5, 0.5)).toBeGreaterThan(base);
    expect(goLiveFailure(true, false, 1, 1, 0)).toBeLessThanOrEqual(0.9);
    expect(dipRecoveryWeeks(0)).toBe(13);
    expect(dipRecoveryWeeks(1)).toBe(39);
    expect(benefitCapture(0)).toBe(0.5);
  });
});

describe('[C10] fatigue', () => {
  it('[C10] fatigue does not build while load is within capacity and recovers with a 39-week constant', () => {
    expect(stepFatigue(0, changeCapacity(0.5), changeCapacity(0.5))).toBe(0);
    let f = 0.5;
    for (let w = 0; w < 39; w++) f = stepFatigue(f, 0, 2.5);
    expect(f).toBeCloseTo(0.5 * (1 - 1 / 39) ** 39, 12);
  });
  it.each([[4], [6], [10]])('[C10] a load of %i changes builds fatigue, bounded by 1', (load) => {
    let f = 0;
    for (let w = 0; w < 520; w++) f = stepFatigue(f, load, 2.5);
    expect(f).toBeGreaterThan(0);
    expect(f).toBeLessThanOrEqual(1);
  });
});

describe('[C11] confidence', () => {
  it('[C11] wins raise confidence, failures and dips lower it, appetite follows', () => {
    expect(stepConfidence(0.4, 0.4, 1, 0, 0, 0.5)).toBeGreaterThan(0.4);
    expect(stepConfidence(0.4, 0.4, 0, 1, 0, 0.5)).toBeLessThan(0.4);
    expect(stepConfidence(0.4, 0.4, 0, 0, 0.3, 0.5)).toBeLessThan(0.4);
    expect(stepAppetite(0.2, 0.8, 0.5)).toBeGreaterThan(0.2);
  });
  it.each([[0, 0.7], [0.5, 1], [1, 1.3]])('[C11] appetite %f funds ×%f', (a, f) => {
    expect(fundingFromAppetite(a)).toBeCloseTo(f, 12);
  });
});

describe('[C12] infrastructure', () => {
  it.each([
    [0.5, 0, 1], [0.5, 0.4, 1], [0, 0.5, 0.25], [0.25, 0.5, 0.4375],
  ])('[C12] readiness %f against need %f gives speed %f', (i, need, speed) => {
    expect(infrastructureSpeed(i, need)).toBeCloseTo(speed, 12);
  });
  it('[C12] foundations raise readiness; legacy with no infrastructure staff wears it down', () => {
    expect(infrastructureGoLive(0.3, 1)).toBeGreaterThan(0.3);
    expect(stepInfrastructure(0.5, 0, 1)).toBeLessThan(0.5);
    expect(stepInfrastructure(0.5, 6, 0)).toBeGreaterThan(0.5);
  });
});

describe('[C13] portfolio', () => {
  const base = (initiatives: Initiative[], extra: Partial<SimInput> = {}): SimInput =>
    withLevers({ 'priorities.concurrent': 3, 'start.infrastructure': 0.9, 'urgency.standing': 0 }, { initiatives, ...extra });

  it('[C13] an initiative waits for its prerequisites to be live', () => {
    const run = simulateExpected(base([
      initiative({ id: 'a', pillar: 'support', effortWeeks: 1 }),
      initiative({ id: 'b', pillar: 'support', effortWeeks: 1, prerequisites: ['a'] }),
    ]));
    const [a, b] = run.timeline;
    expect(a!.goLiveWeek).toBeGreaterThan(0);
    expect(b!.startWeek).toBeGreaterThanOrEqual(a!.goLiveWeek);
  });
  it('[C13] an initiative does not start before its earliest start week', () => {
    const run = simulateExpected(base([initiative({ id: 'a', pillar: 'support', effortWeeks: 1, earliestStartWeek: 40 })]));
    expect(run.timeline[0]!.startWeek).toBe(40);
  });
  it('[C13] no more initiatives run than there are priority slots', () => {
    const many = Array.from({ length: 6 }, (_, i) => initiative({ id: `i${i}`, pillar: 'support', effortWeeks: 2 }));
    const run = simulateExpected(base(many));
    expect(run.timeline.filter((t) => t.startWeek === 0)).toHaveLength(3);
  });
  it('[C13] a stage cap limits business-critical changes in flight and a gate holds a stage closed', () => {
    const crit = Array.from({ length: 4 }, (_, i) => initiative({ id: `c${i}`, pillar: 'clinicians', effortWeeks: 2, businessCritical: true, stage: 's1' }));
    const run = simulateExpected(base([...crit, initiative({ id: 'late', pillar: 'patients', effortWeeks: 1, stage: 's2' })], {
      levers: { 'priorities.concurrent': 6, 'start.infrastructure': 0.9, 'urgency.standing': 0 },
      stages: [
        { id: 's1', name: 'one', gate: [], maxConcurrentCritical: 1 },
        { id: 's2', name: 'two', gate: [{ kind: 'week', week: 30 }], maxConcurrentCritical: 1 },
      ],
    }));
    expect(run.timeline.filter((t) => t.startWeek === 0)).toHaveLength(1);
    expect(run.timeline[4]!.startWeek).toBeGreaterThanOrEqual(30);
    expect(run.events.some((e) => e.kind === 'stage-opened' && e.week === 30)).toBe(true);
  });
  it('[C13] maturity rises with adoption within 1–5', () => {
    expect(pillarMaturity(2, 0, 0)).toBe(2);
    expect(pillarMaturity(2, 1, 0.3)).toBe(5);
    expect(pillarMaturity(1, 0.5, 0)).toBeCloseTo(2.4, 12);
  });
});
