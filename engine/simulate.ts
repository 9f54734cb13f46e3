/**
 * The weekly loop: every mechanism stepped once per week over the horizon. One core function serves the
 * expected-value run (noise off), one stochastic replication, and each Monte Carlo replication; it writes
 * into preallocated buffers and allocates nothing inside the loop.
 */
import { adoptionSpeed, FATIGUE_ADOPTION_DRAG, stepAdoption } from './adoption';
import { capabilityProductivity, CAPABILITY_START_MIN, CAPABILITY_START_READINESS, deliveryPressure, improvementShare, stepCapability } from './capability';
import { CRITICAL_START_APPETITE, fundingFromAppetite, stepAppetite, stepConfidence } from './confidence';
import { externalAdoption, externalProductivity, learningFte } from './consultants';
import { CHANGE_WINDOW_WEEKS, changeCapacity, CRITICAL_CHANGE_WEIGHT, DIP_CHANGE_LOAD, stepFatigue } from './fatigue';
import { clarityThroughput, focusShare, scopeGrowthPerWeek, SCOPE_GROWTH_CAP } from './goal';
import {
  BENEFIT_DELAY_SPREAD, BENEFIT_DELAY_WEEKS, benefitCapture, BIG_BANG_FIT, buildHazard, dipRecoveryWeeks, goLiveDip,
  goLiveFailure, PILOT_ADOPTION_SPEED, PILOT_EFFORT_SHARE,
} from './golive';
import { baseFriction, governanceFriction, improvementProtection, leadershipStrength, priorityCreepPerWeek } from './governance';
import { infrastructureGoLive, infrastructureSpeed, stepInfrastructure } from './infrastructure';
import { resolveSettings, ROLE_INFRASTRUCTURE, type Settings } from './levers';
import { gainOver, pillarMaturity } from './maturity';
import {
  BUILDING, compileInput, EV_FUNDING, EV_LEAVE, EV_NEW_CEO, EV_SHOCK, FAILED, GATE_CONFIDENCE, GATE_INFRA, GATE_LIVE,
  GATE_MATURITY, GATE_WEEK, LIVE, PILOTING, WAITING, type CompiledInput,
} from './portfolio';
import { createRng, nextExponential, nextFloat, nextNormal, type Rng } from './random';
import {
  K_ADOPTION, K_APPETITE, K_BENEFITS, K_BENEFITS_Y3, K_CAPABILITY, K_CONFIDENCE, K_DELIVERED, K_FAILED, K_FIRST_WIN,
  K_GOAL_REACHED, K_MATURITY, K_MATURITY_Y1, K_MATURITY_Y3, K_MEAN_SWITCHING, K_PEAK_DIP, K_PEAK_FATIGUE, K_PEAK_REMOTE,
  K_WEEKS_TO_GOAL, KPI_COUNT, KPIS, S_ADOPTION_PILLAR, S_APPETITE, S_BENEFITS, S_BENEFITS_RATE, S_CAPABILITY, S_CAPACITY,
  S_CONFIDENCE, S_DIP, S_FATIGUE, S_FRICTION, S_INFRA, S_LEADERSHIP, S_LIVE, S_MATURITY, S_MATURITY_PILLAR, S_PRIORITIES,
  S_REMOTE, S_SWITCHING, S_URGENCY, SERIES, SERIES_COUNT,
} from './series';
import { portfolioShare, realWorkShare } from './switching';
import {
  clinicalAdoption, communicationOverhead, coverageAdoption, INITIAL_STAFFED_SHARE, NEWCOMER_PRODUCTIVITY, NEWCOMER_WEEKS,
  REFERENCE_TEAM_FTE, REWORK_MIN, reworkShare, roleCoverage, staffingWeeks,
} from './team';
import type { InitiativeOutcome, RunEvent, RunResult, SimInput } from './types';
import { PILLARS } from './types';
import {
  FOCUS_KEPT_AT_FULL_LOCK_IN, PRIORITY_DROP_WEEKS, PRIORITY_RETURN_WEEKS, remoteConsultations, remotePersistence,
  remoteTarget, SHOCK_ACTIVE_SHARE, stepRemote, stepUrgency,
} from './urgency';
import { ENGINE_VERSION } from './version';
import { buildExplanations, buildInsights, CONSTRAINT_COUNT, EXPLAIN_PERIOD_WEEKS } from './explain';

/** Spread of initiative effort estimates (lognormal sigma). Default 0.3; range 0.2–0.5; unit log-effort; judgement (estimation error of IT projects). */
export const EFFORT_SIGMA = 0.3;
/** Weekly productivity noise (standard deviation). Default 0.1; range 0.05–0.2; unit share; judgement. */
export const PRODUCTIVITY_SIGMA = 0.1;
/** Week-to-week persistence of productivity noise (AR(1) coefficient). Default 0.7; unit —; judgement. */
export const PRODUCTIVITY_PERSISTENCE = 0.7;
/** Failure threshold with the noise off: the median of an Exp(1) draw, so an initiative fails when its failure probability passes 50%. */
export const EXPECTED_FAILURE_THRESHOLD = Math.LN2;
/** How strongly urgency reduces the effective number of priorities (focus). Default 0.3; range 0–0.5; unit share at full urgency; judgement. */
export const URGENCY_FOCUS = 0.3;
/** Change load added by an urgency shock at full size (crisis work). Default 2; unit changes; judgement. */
export const SHOCK_CHANGE_LOAD = 2;
/** Weeks for a consultant team to refill after people leave. Default 4; unit weeks; judgement. */
export const EXTERNAL_REFILL_WEEKS = 4;
/** Share of capability lost per share of people leaving (what they held leaves with them). Default 0.5; unit share; judgement. */
export const CAPABILITY_LOST_WITH_LEAVERS = 0.5;

/** Per-run scratch for the initiatives (struct of arrays), reused across replications. */
export interface Workspace {
  readonly status: Uint8Array;
  readonly remaining: Float64Array;
  readonly baseEffort: Float64Array;
  readonly grown: Float64Array;
  readonly hazard: Float64Array;
  readonly threshold: Float64Array;
  readonly dipNoise: Float64Array;
  readonly startWeek: Int32Array;
  readonly liveWeek: Int32Array;
  readonly failWeek: Int32Array;
  readonly pilotWeek: Int32Array;
  readonly stageOpen: Uint8Array;
  readonly pillarLive: Float64Array;
  readonly pillarPilot: Float64Array;
}

/** Create the scratch arrays for a compiled input. */
export function createWorkspace(ci: CompiledInput): Workspace {
  const n = ci.n;
  return {
    status: new Uint8Array(n),
    remaining: new Float64Array(n),
    baseEffort: new Float64Array(n),
    grown: new Float64Array(n),
    hazard: new Float64Array(n),
    threshold: new Float64Array(n),
    dipNoise: new Float64Array(n),
    startWeek: new Int32Array(n),
    liveWeek: new Int32Array(n),
    failWeek: new Int32Array(n),
    pilotWeek: new Int32Array(n),
    stageOpen: new Uint8Array(ci.stageCount),
    pillarLive: new Float64Array(3),
    pillarPilot: new Float64Array(3),
  };
}

/** Detail recorded only for single runs (not per Monte Carlo replication): events and constraint losses. */
export interface Detail {
  readonly events: RunEvent[];
  /** Loss per constraint per period: CONSTRAINT_COUNT values per period. */
  readonly losses: Float64Array;
  /** Scope growth added over the run, in reference-team weeks. */
  scopeAdded: number;
  /** Peak number of business-critical initiatives in flight at once. */
  peakCritical: number;
}

/** Where one run writes: series buffers (value of week w at offset + w·stride) and KPI buffers (at kpiIndex). */
export interface Sink {
  readonly series: Float64Array[];
  offset: number;
  readonly stride: number;
  readonly kpis: Float64Array[];
  kpiIndex: number;
  readonly detail: Detail | null;
}

/**
 * Run the model once. With `rng` null the noise is off (the expected-value run); otherwise every draw comes
 * from `rng`, always in the same order and number, so that common random numbers line up across settings.
 */
export function runCore(ci: CompiledInput, s: Settings, ws: Workspace, rng: Rng | null, sink: Sink): void {
  const H = ci.horizon;
  const n = ci.n;
  const out = sink.series;
  const off = sink.offset;
  const stride = sink.stride;
  const detail = sink.detail;
  const { status, remaining, baseEffort, grown, hazard, threshold, dipNoise, startWeek, liveWeek, failWeek, pilotWeek, stageOpen, pillarLive, pillarPilot } = ws;

  // Draws happen up front in a fixed order (4 per initiative, 1 for the benefit delay) so that a run's
  // random stream does not depend on what happens in it.
  for (let i = 0; i < n; i++) {
    if (rng) {
      baseEffort[i] = ci.effort[i]! * Math.exp(EFFORT_SIGMA * nextNormal(rng));
      threshold[i] = nextExponential(rng);
      dipNoise[i] = nextFloat(rng);
    } else {
      baseEffort[i] = ci.effort[i]!;
      threshold[i] = EXPECTED_FAILURE_THRESHOLD;
      dipNoise[i] = 0.5;
    }
    status[i] = WAITING;
    remaining[i] = baseEffort[i]!;
    grown[i] = 0;
    hazard[i] = 0;
    startWeek[i] = -1;
    liveWeek[i] = -1;
    failWeek[i] = -1;
    pilotWeek[i] = -1;
  }
  for (let k = 0; k < ci.stageCount; k++) stageOpen[k] = 0;
  const benefitDelay = rng ? BENEFIT_DELAY_WEEKS + BENEFIT_DELAY_SPREAD * (2 * nextFloat(rng) - 1) : BENEFIT_DELAY_WEEKS;
  const delayStage = benefitDelay / 3;

  // Settings that do not change during the run.
  const fte = s.fte;
  let teamTarget = 0;
  for (let r = 0; r < fte.length; r++) teamTarget += fte[r]!;
  const extShare = s.external;
  const coverage = roleCoverage(fte);
  const rework = reworkShare(coverage);
  const covAdopt = coverageAdoption(coverage);
  const clinAdopt = clinicalAdoption(fte[0]!);
  const tauStaff = staffingWeeks(s.clarity, s.mission);
  const clarityMult = clarityThroughput(s.clarity);
  const scopeWeek = scopeGrowthPerWeek(s.clarity);
  const focus = focusShare(s.clarity);
  const absorb = changeCapacity(s.readiness);
  const dipTau = dipRecoveryWeeks(s.legacy);
  const persistence = remotePersistence(s.lockIn);
  const infraFteShare = teamTarget > 0 ? fte[ROLE_INFRASTRUCTURE]! / teamTarget : 0;
  const noiseScale = Math.sqrt(1 - PRODUCTIVITY_PERSISTENCE * PRODUCTIVITY_PERSISTENCE) * PRODUCTIVITY_SIGMA;

  // Leadership (can change with a new chief executive).
  let ownership = s.ownership;
  let leadership = leadershipStrength(ownership, s.boardEngaged);
  let frictionBase = baseFriction(ownership, s.boardEngaged, s.empowerment, s.culture, s.legacy);
  let creepWeek = priorityCreepPerWeek(ownership, s.mission);
  let protection = improvementProtection(leadership, s.culture);

  // Stocks.
  let funding = 1;
  let internalExp = (fte[ROLE_INFRASTRUCTURE]! + INITIAL_STAFFED_SHARE * (teamTarget - fte[ROLE_INFRASTRUCTURE]!)) * (1 - extShare);
  let internalNew = 0;
  let external = teamTarget * extShare;
  let capability = CAPABILITY_START_MIN + CAPABILITY_START_READINESS * s.readiness;
  const capability0 = capability;
  let infra = s.infrastructure;
  const infra0 = infra;
  const standing = s.urgency;
  let urgency = standing;
  let priorityBase = s.priorities;
  let creep = 0;
  let priorities = s.priorities;
  let shockActive = false;
  let shockSize = 0;
  let shockCap = 0;
  let relief = 0;
  let fatigue = 0;
  let confidence = s.confidence;
  const confidence0 = confidence;
  let appetite = Math.min(1, confidence * (0.8 + 0.4 * s.culture));
  let dip = 0;
  let a0 = 0, a1 = 0, a2 = 0;
  let remote = 0;
  let remotePeak = 0;
  let d1 = 0, d2 = 0, d3 = 0;
  let benefits = 0;
  let noise = 0;
  let liveDirty = true;
  let liveCount = 0;
  let failedCount = 0;

  // KPI trackers.
  let weeksToGoal = H + 1;
  let firstWin = H + 1;
  let peakFatigue = 0;
  let peakDip = 0;
  let peakRemote = 0;
  let sumSwitching = 0;
  let maturityY1 = 0;
  let maturityY3 = 0;
  let benefitsY3 = 0;
  let maturity = (s.maturity[0]! + s.maturity[1]! + s.maturity[2]!) / 3;
  let latestOpen = -1;
  let ev = 0;

  for (let w = 0; w <= H; w++) {
    // 1. Timed events.
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
        capability *= 1 - CAPABILITY_LOST_WITH_LEAVERS * a;
      } else if (kind === EV_NEW_CEO) {
        ownership = a;
        leadership = leadershipStrength(ownership, s.boardEngaged);
        frictionBase = baseFriction(ownership, s.boardEngaged, s.empowerment, s.culture, s.legacy);
        creepWeek = priorityCreepPerWeek(ownership, s.mission);
        protection = improvementProtection(leadership, s.culture);
      } else if (kind === EV_FUNDING) {
        funding *= a;
        const cap = teamTarget * (1 - extShare) * funding;
        const have = internalExp + internalNew;
        if (have > cap && have > 0) {
          internalExp *= cap / have;
          internalNew *= cap / have;
        }
        const capExt = teamTarget * extShare * funding;
        if (external > capExt) external = capExt;
      }
      if (detail) detail.events.push({ week: w, kind: eventKindName(kind), label: ci.eventLabel[ev]! });
      ev++;
    }

    // 2. Urgency shocks end when their part of urgency has faded; a locked-in board keeps part of the focus.
    if (shockActive && urgency - standing < SHOCK_ACTIVE_SHARE * shockSize) {
      shockActive = false;
      relief = 0;
      if (shockCap > 0 && shockCap < priorityBase) priorityBase = shockCap + (priorityBase - shockCap) * (1 - FOCUS_KEPT_AT_FULL_LOCK_IN * s.lockIn);
      shockCap = 0;
      if (detail) detail.events.push({ week: w, kind: 'shock-ended', label: 'Urgency has faded; priorities drift back' });
    }

    // 3. Priorities: creep when nobody resists, cut by a shock's cap, focused by urgency.
    creep += creepWeek;
    let pTarget = priorityBase + creep;
    if (pTarget > 40) pTarget = 40;
    if (shockActive && shockCap > 0 && shockCap < pTarget) pTarget = shockCap;
    priorities += (pTarget - priorities) / (pTarget < priorities ? PRIORITY_DROP_WEEKS : PRIORITY_RETURN_WEEKS);
    let pEff = priorities * (1 - URGENCY_FOCUS * urgency);
    if (pEff < 1) pEff = 1;

    // 4. Stages open when all their gates hold.
    for (let k = 0; k < ci.stageCount; k++) {
      if (stageOpen[k]) continue;
      let ok = true;
      for (let g = ci.gateStart[k]!; g < ci.gateStart[k + 1]! && ok; g++) {
        const gk = ci.gateKind[g]!;
        const gv = ci.gateValue[g]!;
        if (gk === GATE_WEEK) ok = w >= gv;
        else if (gk === GATE_INFRA) ok = infra >= gv;
        else if (gk === GATE_CONFIDENCE) ok = confidence >= gv;
        else if (gk === GATE_MATURITY) ok = maturity >= gv;
        else if (gk === GATE_LIVE) {
          for (let q = ci.gateIdsStart[g]!; q < ci.gateIdsStart[g + 1]!; q++) {
            const j = ci.gateIds[q]!;
            if (j < 0 || status[j] !== LIVE) { ok = false; break; }
          }
        }
      }
      if (ok) {
        stageOpen[k] = 1;
        if (k > latestOpen) latestOpen = k;
        if (detail) detail.events.push({ week: w, kind: 'stage-opened', label: `Stage opened: ${ci.stageNames[k]!}` });
      }
    }
    const criticalCap = latestOpen >= 0 ? ci.stageCap[latestOpen]! : Infinity;

    // 5. Scheduling: start what is eligible while there are free priority slots (Little's law: WIP is capped).
    let active = 0;
    let activeCritical = 0;
    for (let i = 0; i < n; i++) {
      const st = status[i]!;
      if (st === BUILDING || st === PILOTING) {
        active++;
        if (ci.critical[i]) activeCritical++;
      }
    }
    const slots = Math.floor(pEff + 1e-9);
    for (let i = 0; i < n && active < slots; i++) {
      if (status[i] !== WAITING || w < ci.earliest[i]!) continue;
      const st = ci.stage[i]!;
      if (st >= 0 && !stageOpen[st]) continue;
      let ready = true;
      for (let q = ci.prereqStart[i]!; q < ci.prereqStart[i + 1]!; q++) {
        if (status[ci.prereq[q]!] !== LIVE) { ready = false; break; }
      }
      if (!ready) continue;
      if (ci.critical[i]) {
        if (activeCritical >= criticalCap) continue;
        if (!ci.pilot[i] && appetite < CRITICAL_START_APPETITE) continue;
        activeCritical++;
      }
      status[i] = BUILDING;
      startWeek[i] = w;
      active++;
      if (detail) detail.events.push({ week: w, kind: 'start', label: `Started: ${ci.initiatives[i]!.name}`, initiativeId: ci.initiatives[i]!.id });
    }
    if (detail && activeCritical > detail.peakCritical) detail.peakCritical = activeCritical;

    // 6. Team and capacity.
    const internalTarget = teamTarget * (1 - extShare) * funding;
    const gap = internalTarget - internalExp - internalNew;
    if (gap > 0) internalNew += gap / tauStaff;
    const assimilated = internalNew / NEWCOMER_WEEKS;
    internalNew -= assimilated;
    internalExp += assimilated;
    const externalTarget = teamTarget * extShare * funding;
    external += external < externalTarget ? (externalTarget - external) / EXTERNAL_REFILL_WEEKS : externalTarget - external;
    const people = internalExp + internalNew + external;
    const overhead = communicationOverhead(people);
    const fteEffective = ((internalExp + NEWCOMER_PRODUCTIVITY * internalNew) * capabilityProductivity(capability) + external * externalProductivity(capability)) * (1 - overhead);
    const pressure = deliveryPressure(urgency, pEff);
    const improvement = improvementShare(pressure, protection);
    const friction = governanceFriction(frictionBase, urgency, relief);
    const realWork = realWorkShare(pEff);
    const share = portfolioShare(active, pEff);
    const noiseMult = 1 + noise < 0.2 ? 0.2 : 1 + noise;
    const totalCapacity = (fteEffective / REFERENCE_TEAM_FTE) * (1 - improvement) * realWork * (1 - friction) * clarityMult * (1 - rework) * fundingFromAppetite(appetite) * noiseMult;
    const portfolioCapacity = totalCapacity * share;

    // 7. Progress, scope growth, failures and go-lives of active initiatives.
    let focusIdx = -1;
    if (active > 1 && focus > 0) {
      let best = 1e9;
      for (let i = 0; i < n; i++) {
        const st = status[i]!;
        if (st !== BUILDING && st !== PILOTING) continue;
        const rank = startWeek[i]! - (ci.goalMember[i] ? 10000 : 0);
        if (rank < best) { best = rank; focusIdx = i; }
      }
    }
    const evenShare = active > 0 ? (focusIdx >= 0 ? (1 - focus) / active : 1 / active) : 0;
    const infraGapBase = infra;
    let wins = 0;
    let failures = 0;
    let load = 0;
    let infraSpeedSum = 0;
    let progressSum = 0;
    let creepSum = 0;
    for (let i = 0; i < n; i++) {
      const st = status[i]!;
      if (st === LIVE) {
        if (w - liveWeek[i]! < CHANGE_WINDOW_WEEKS) load += ci.critical[i] ? CRITICAL_CHANGE_WEIGHT : 1;
        continue;
      }
      if (st !== BUILDING && st !== PILOTING) continue;
      const crit = ci.critical[i] === 1;
      const need = ci.need[i]!;
      const infraGap = need > infraGapBase ? need - infraGapBase : 0;
      const alloc = portfolioCapacity * (i === focusIdx ? focus + evenShare : evenShare);
      const speed = infrastructureSpeed(infra, need);
      const progress = alloc * speed;
      infraSpeedSum += speed;
      progressSum += progress;
      if (st === BUILDING) {
        if (crit) load += 0.25;
        const base = baseEffort[i]!;
        if (grown[i]! < SCOPE_GROWTH_CAP * base) {
          const g = base * scopeWeek;
          remaining[i] = remaining[i]! + g;
          grown[i] = grown[i]! + g;
          creepSum += g;
        }
      } else {
        load += 0.3;
      }
      remaining[i] = remaining[i]! - progress;
      hazard[i] = hazard[i]! + buildHazard(crit, infraGap, fatigue, coverage, pEff, s.culture) * (st === PILOTING ? 0.3 : 1);
      if (hazard[i]! >= threshold[i]!) {
        status[i] = FAILED;
        failWeek[i] = w;
        failures++;
        failedCount++;
        if (detail) detail.events.push({ week: w, kind: 'failure', label: `Failed in delivery: ${ci.initiatives[i]!.name}`, initiativeId: ci.initiatives[i]!.id });
        continue;
      }
      if (remaining[i]! > 0) continue;
      const piloted = ci.pilot[i] === 1;
      if (st === BUILDING && piloted) {
        status[i] = PILOTING;
        pilotWeek[i] = w;
        remaining[i] = PILOT_EFFORT_SHARE * baseEffort[i]!;
        if (detail) detail.events.push({ week: w, kind: 'pilot', label: `Piloting in model teams: ${ci.initiatives[i]!.name}`, initiativeId: ci.initiatives[i]!.id });
        continue;
      }
      const p = goLiveFailure(crit, piloted, infraGap, fatigue, coverage);
      hazard[i] = hazard[i]! - Math.log(1 - p);
      dip += goLiveDip(crit, piloted, s.legacy, dipNoise[i]!);
      if (hazard[i]! >= threshold[i]!) {
        status[i] = FAILED;
        failWeek[i] = w;
        failures++;
        failedCount++;
        if (detail) detail.events.push({ week: w, kind: 'failure', label: `Failed at go-live: ${ci.initiatives[i]!.name}`, initiativeId: ci.initiatives[i]!.id });
        continue;
      }
      status[i] = LIVE;
      liveWeek[i] = w;
      liveCount++;
      liveDirty = true;
      const b = ci.benefit[i]!;
      wins += b < 0.5 ? 0.5 : b > 2 ? 2 : b;
      if (ci.buildsInfra[i]) infra = infrastructureGoLive(infra, b);
      if (firstWin > H) firstWin = w;
      if (detail) detail.events.push({ week: w, kind: 'go-live', label: `Live: ${ci.initiatives[i]!.name}`, initiativeId: ci.initiatives[i]!.id });
    }
    if (dip > 1) dip = 1;
    const shockPart = urgency - standing > 0 ? urgency - standing : 0;
    load += dip * DIP_CHANGE_LOAD + SHOCK_CHANGE_LOAD * shockPart;

    // 8. What is live per pillar (only when something went live).
    if (liveDirty) {
      pillarLive[0] = 0; pillarLive[1] = 0; pillarLive[2] = 0;
      pillarPilot[0] = 0; pillarPilot[1] = 0; pillarPilot[2] = 0;
      for (let i = 0; i < n; i++) {
        if (status[i] !== LIVE) continue;
        const pl = ci.pillar[i]!;
        const b = ci.benefit[i]!;
        if (ci.pilot[i]) {
          pillarLive[pl] = pillarLive[pl]! + b;
          pillarPilot[pl] = pillarPilot[pl]! + b;
        } else pillarLive[pl] = pillarLive[pl]! + b * BIG_BANG_FIT;
      }
      for (let p = 0; p < 3; p++) {
        const tot = ci.pillarBenefit[p]!;
        pillarPilot[p] = pillarLive[p]! > 0 ? pillarPilot[p]! / pillarLive[p]! : 0;
        pillarLive[p] = tot > 0 ? pillarLive[p]! / tot : 0;
      }
      liveDirty = false;
    }

    // 9. Maturity (from the stocks at the start of this week) and the goal.
    const kGain = gainOver(capability, capability0);
    const iGain = gainOver(infra, infra0);
    const m0 = pillarMaturity(s.maturity[0]!, a0, kGain, iGain);
    const m1 = pillarMaturity(s.maturity[1]!, a1, kGain, iGain);
    const m2 = pillarMaturity(s.maturity[2]!, a2, kGain, iGain);
    maturity = (m0 + m1 + m2) / 3;
    if (weeksToGoal > H) {
      let reached = false;
      if (ci.goalKind === 0) reached = maturity >= ci.goalValue;
      else if (ci.goalKind === 2) reached = (ci.goalPillar === 0 ? a0 : ci.goalPillar === 1 ? a1 : a2) >= ci.goalValue;
      else {
        reached = ci.goalIds.length > 0;
        for (let q = 0; q < ci.goalIds.length; q++) {
          const j = ci.goalIds[q]!;
          if (j < 0 || status[j] !== LIVE) { reached = false; break; }
        }
      }
      if (reached) weeksToGoal = w;
    }
    const remoteNow = remoteConsultations(remote);

    // 10. Record this week.
    const at = off + w * stride;
    out[S_MATURITY]![at] = maturity;
    out[S_MATURITY_PILLAR]![at] = m0;
    out[S_MATURITY_PILLAR + 1]![at] = m1;
    out[S_MATURITY_PILLAR + 2]![at] = m2;
    out[S_ADOPTION_PILLAR]![at] = a0;
    out[S_ADOPTION_PILLAR + 1]![at] = a1;
    out[S_ADOPTION_PILLAR + 2]![at] = a2;
    out[S_FATIGUE]![at] = fatigue;
    out[S_CONFIDENCE]![at] = confidence;
    out[S_APPETITE]![at] = appetite;
    out[S_CAPABILITY]![at] = capability;
    out[S_URGENCY]![at] = urgency;
    out[S_INFRA]![at] = infra;
    out[S_BENEFITS]![at] = benefits;
    out[S_BENEFITS_RATE]![at] = d3;
    out[S_CAPACITY]![at] = portfolioCapacity * REFERENCE_TEAM_FTE;
    out[S_SWITCHING]![at] = 1 - realWork;
    out[S_FRICTION]![at] = friction;
    out[S_PRIORITIES]![at] = pEff;
    out[S_REMOTE]![at] = remoteNow;
    out[S_DIP]![at] = dip;
    out[S_LEADERSHIP]![at] = leadership;
    out[S_LIVE]![at] = liveCount;
    if (fatigue > peakFatigue) peakFatigue = fatigue;
    if (dip > peakDip) peakDip = dip;
    if (remoteNow > peakRemote) peakRemote = remoteNow;
    sumSwitching += 1 - realWork;
    if (w === 52 || (w === H && H < 52)) maturityY1 = maturity;
    if (w === 156 || (w === H && H < 156)) { maturityY3 = maturity; benefitsY3 = benefits; }

    // Explanations: the loss each constraint causes this week, as −ln(factor), summed per period.
    if (detail) {
      const base = detail.losses;
      const o = Math.floor(w / EXPLAIN_PERIOD_WEEKS) * CONSTRAINT_COUNT;
      const peopleEff = (internalExp + NEWCOMER_PRODUCTIVITY * internalNew + external) * (1 - overhead) / REFERENCE_TEAM_FTE;
      const teamFactor = (peopleEff > 1 ? 1 : peopleEff) * (1 - rework) / (1 - REWORK_MIN);
      const infraFactor = active > 0 ? infraSpeedSum / active : 1;
      const scopeFactor = progressSum > 0 ? 1 - (creepSum >= progressSum ? 0.95 : creepSum / progressSum) : 1;
      base[o] = base[o]! + lossOf(realWork);
      base[o + 1] = base[o + 1]! + lossOf(1 - friction);
      base[o + 2] = base[o + 2]! + lossOf(1 - FATIGUE_ADOPTION_DRAG * fatigue);
      base[o + 3] = base[o + 3]! + lossOf(capabilityProductivity(capability) / 1.4);
      base[o + 4] = base[o + 4]! + lossOf(infraFactor);
      base[o + 5] = base[o + 5]! + lossOf(scopeFactor);
      base[o + 6] = base[o + 6]! + lossOf(teamFactor);
      detail.scopeAdded += creepSum;
    }

    // 11. Update the stocks to next week.
    fatigue = stepFatigue(fatigue, load, absorb);
    const speedAll = adoptionSpeed(urgency, fatigue, s.readiness, s.mission) * covAdopt * externalAdoption(people > 0 ? external / people : 0);
    a0 = stepAdoption(a0, pillarLive[0]!, speedAll * (1 + (PILOT_ADOPTION_SPEED - 1) * pillarPilot[0]!));
    a1 = stepAdoption(a1, pillarLive[1]!, speedAll * clinAdopt * (1 + (PILOT_ADOPTION_SPEED - 1) * pillarPilot[1]!));
    a2 = stepAdoption(a2, pillarLive[2]!, speedAll * (1 + (PILOT_ADOPTION_SPEED - 1) * pillarPilot[2]!));
    infra = stepInfrastructure(infra, people * infraFteShare, s.legacy);
    capability = stepCapability(capability, learningFte(internalExp + 0.5 * internalNew, external, s.knowledgeTransfer), improvement);
    urgency = stepUrgency(urgency, standing);
    const target = remoteTarget(urgency, a1);
    if (remote > remotePeak) remotePeak = remote;
    remote = stepRemote(remote, target, remotePeak * persistence);
    dip -= dip / dipTau;
    confidence = stepConfidence(confidence, confidence0, wins, failures, dip, s.boardEngaged);
    appetite = stepAppetite(appetite, confidence, s.culture);
    const value = (a0 * ci.pillarBenefit[0]! + a1 * ci.pillarBenefit[1]! + a2 * ci.pillarBenefit[2]!) * benefitCapture(capability);
    d1 += (value - d1) / delayStage;
    d2 += (d1 - d2) / delayStage;
    d3 += (d2 - d3) / delayStage;
    benefits += d3;
    if (rng) {
      const z = (nextFloat(rng) + nextFloat(rng) - 1) * 2.449489742783178;
      noise = PRODUCTIVITY_PERSISTENCE * noise + noiseScale * z;
    }
  }

  // KPIs.
  const k = sink.kpis;
  const ki = sink.kpiIndex;
  const last = off + H * stride;
  k[K_MATURITY]![ki] = out[S_MATURITY]![last]!;
  k[K_MATURITY_Y1]![ki] = maturityY1;
  k[K_MATURITY_Y3]![ki] = maturityY3;
  k[K_WEEKS_TO_GOAL]![ki] = weeksToGoal;
  k[K_GOAL_REACHED]![ki] = weeksToGoal <= H ? 1 : 0;
  k[K_DELIVERED]![ki] = liveCount;
  k[K_FAILED]![ki] = failedCount;
  k[K_BENEFITS]![ki] = out[S_BENEFITS]![last]!;
  k[K_BENEFITS_Y3]![ki] = benefitsY3;
  k[K_PEAK_FATIGUE]![ki] = peakFatigue;
  k[K_CAPABILITY]![ki] = out[S_CAPABILITY]![last]!;
  k[K_CONFIDENCE]![ki] = out[S_CONFIDENCE]![last]!;
  k[K_APPETITE]![ki] = out[S_APPETITE]![last]!;
  k[K_ADOPTION]![ki] = (out[S_ADOPTION_PILLAR]![last]! + out[S_ADOPTION_PILLAR + 1]![last]! + out[S_ADOPTION_PILLAR + 2]![last]!) / 3;
  k[K_FIRST_WIN]![ki] = firstWin;
  k[K_PEAK_DIP]![ki] = peakDip;
  k[K_PEAK_REMOTE]![ki] = peakRemote;
  k[K_MEAN_SWITCHING]![ki] = sumSwitching / (H + 1);
}

function lossOf(factor: number): number {
  return factor >= 1 ? 0 : factor <= 0.01 ? 4.605170185988091 : -Math.log(factor);
}

function eventKindName(kind: number): string {
  return kind === EV_SHOCK ? 'urgency-shock' : kind === EV_LEAVE ? 'people-leave' : kind === EV_NEW_CEO ? 'new-chief-executive' : 'funding-change';
}

/** Run once into fresh buffers with full detail (timeline, events, explanations, insights). */
function runDetailed(input: SimInput, seed: number, rng: Rng | null): RunResult {
  const ci = compileInput(input);
  const settings = resolveSettings(input.levers);
  const ws = createWorkspace(ci);
  const H = ci.horizon;
  const periods = Math.ceil((H + 1) / EXPLAIN_PERIOD_WEEKS);
  const detail: Detail = { events: [], losses: new Float64Array(periods * CONSTRAINT_COUNT), scopeAdded: 0, peakCritical: 0 };
  const seriesBufs: Float64Array[] = [];
  for (let i = 0; i < SERIES_COUNT; i++) seriesBufs.push(new Float64Array(H + 1));
  const kpiBufs: Float64Array[] = [];
  for (let i = 0; i < KPI_COUNT; i++) kpiBufs.push(new Float64Array(1));
  runCore(ci, settings, ws, rng, { series: seriesBufs, offset: 0, stride: 1, kpis: kpiBufs, kpiIndex: 0, detail });

  const series: Record<string, Float64Array> = {};
  SERIES.forEach((d, i) => { series[d.id] = seriesBufs[i]!; });
  const kpis: Record<string, number> = {};
  KPIS.forEach((d, i) => { kpis[d.id] = kpiBufs[i]![0]!; });
  const timeline: InitiativeOutcome[] = ci.initiatives.map((it, i) => ({
    id: it.id,
    startWeek: ws.startWeek[i]!,
    goLiveWeek: ws.liveWeek[i]!,
    failedWeek: ws.failWeek[i]!,
    pilotWeeks: ws.pilotWeek[i]! >= 0 ? (ws.liveWeek[i]! >= 0 ? ws.liveWeek[i]! : ws.failWeek[i]! >= 0 ? ws.failWeek[i]! : H) - ws.pilotWeek[i]! : 0,
  }));
  const explanations = buildExplanations(detail.losses, H);
  const insights = buildInsights({ input, settings, series, kpis, timeline, explanations, detail, horizon: H });
  return { engineVersion: ENGINE_VERSION, seed, horizonWeeks: H, series, timeline, events: detail.events, kpis, explanations, insights };
}

/** Return the expected-value run: the noise off (median draws), deterministic and fast, for instant feedback. */
export function simulateExpected(input: SimInput): RunResult {
  return runDetailed(input, 0, null);
}

/** Return one stochastic replication for a seed; the same input and seed give the same numbers, bit for bit. */
export function simulate(input: SimInput, seed: number): RunResult {
  return runDetailed(input, seed, createRng(seed, 0));
}

/** Names of the pillars in series order (re-exported for callers that label pillar series). */
export const PILLAR_ORDER = PILLARS;
