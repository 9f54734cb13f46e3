/**
 * The weekly loop: every mechanism stepped once per week over the horizon. The exogenous path (path.ts) is
 * computed once per input; one core function then serves the expected-value run (noise off), one stochastic
 * replication and each Monte Carlo replication, writing into preallocated buffers with no allocation inside
 * the loop.
 */
import { fatigueDrag, stepAdoption } from './adoption';
import { APPETITE_PER_CONFIDENCE, CRITICAL_START_APPETITE, CULTURE_APPETITE, fundingFromAppetite, stepAppetite, stepConfidence } from './confidence';
import {
  BUILD_CHANGE_LOAD, CHANGE_WINDOW_WEEKS, changeCapacity, CRITICAL_CHANGE_WEIGHT, DIP_CHANGE_LOAD, OTHER_PRIORITY_CHANGE_LOAD, PILOT_CHANGE_LOAD,
  stepFatigue, urgencyLoad,
} from './fatigue';
import { focusShare, scopeGrowthPerWeek, SCOPE_GROWTH_CAP } from './goal';
import {
  BENEFIT_DELAY_SPREAD, BENEFIT_DELAY_WEEKS, BIG_BANG_FIT, buildExposure, buildHazardFactor, buildHazardWeekAt, coverageHazardFactor, CULTURE_BUILD_RISK_CUT, DEBT_REWORK, DEBT_RISK,
  dipRecoveryWeeks, goLiveDip, goLiveFailure, legacyAfterIntegration, legacyWork, PILOT_ADOPTION_SPEED, PILOT_EFFORT_SHARE, PILOT_HAZARD_FACTOR, priorityHazardFactor,
  stepDebt, URGENCY_SHORTCUT_RISK,
} from './golive';
import { infrastructureDecayRate, infrastructureGoLive, infrastructureSpeed, stepInfrastructureAt } from './infrastructure';
import { resolveSettings, type Settings } from './levers';
import { foundationsGain, infrastructureAbove, pillarMaturity } from './maturity';
import { buildPath, lossOf, type Path } from './exogenous';
import {
  BUILDING, compileInput, FAILED, GATE_CONFIDENCE, GATE_INFRA, GATE_LIVE, GATE_MATURITY, GATE_WEEK, LIVE, PILOTING, WAITING,
  type CompiledInput,
} from './portfolio';
import { createRng, fillFloats, nextExponential, nextFloat, nextNormal, type Rng } from './random';
import {
  K_ADOPTION, K_APPETITE, K_BENEFITS, K_BENEFITS_Y3, K_CAPABILITY, K_CONFIDENCE, K_DELIVERED, K_FAILED, K_FIRST_WIN,
  K_GOAL_REACHED, K_MATURITY, K_MATURITY_Y1, K_MATURITY_Y3, K_MEAN_SWITCHING, K_PEAK_DIP, K_PEAK_FATIGUE, K_PEAK_REMOTE,
  K_WEEKS_TO_GOAL, KPI_COUNT, KPIS, S_ADOPTION_PILLAR, S_APPETITE, S_BENEFITS, S_BENEFITS_RATE, S_CAPABILITY, S_CAPACITY,
  S_CONFIDENCE, S_DIP, S_FATIGUE, S_FRICTION, S_INFRA, S_LEADERSHIP, S_LIVE, S_MATURITY, S_MATURITY_PILLAR, S_PRIORITIES,
  S_REMOTE, S_SWITCHING, S_URGENCY, SERIES, SERIES_COUNT,
} from './series';
import { effectiveConcurrency, ownShare, realWorkShare, unblockedShare, workedCapacity } from './switching';
import { allocateTeam, buildFte, clinicalAdoption, REFERENCE_TEAM_FTE, ROLE_COUNT } from './team';
import { OUTCOME_FAILED, OUTCOME_FAILED_AT_END, OUTCOME_LIVE, type InitiativeOutcome, type RunEvent, type RunResult, type SimInput } from './types';
import { remoteConsultations, remotePersistence, remoteReach, remoteTarget, stepRemote } from './urgency';
import { ENGINE_VERSION } from './version';
import { buildExplanations, buildInsights, CONSTRAINT_COUNT, EXPLAIN_PERIOD_WEEKS, type Detail } from './explain';

/** Spread of initiative effort estimates (lognormal sigma). Default 0.3; range 0.2–0.5; unit log-effort; judgement (estimation error of IT projects). */
export const EFFORT_SIGMA = 0.3;
/** Weekly productivity noise (standard deviation). Default 0.1; range 0.05–0.2; unit share; judgement. */
export const PRODUCTIVITY_SIGMA = 0.1;
/** Week-to-week persistence of productivity noise (AR(1) coefficient). Default 0.7; unit —; judgement. */
export const PRODUCTIVITY_PERSISTENCE = 0.7;
/** Failure threshold with the noise off: the median of an Exp(1) draw, so an initiative fails when its failure probability passes 50%. */
export const EXPECTED_FAILURE_THRESHOLD = Math.LN2;
/** Times a failed initiative is re-planned and tried again. Default 1; range 0–2; unit tries; judgement (boards re-plan a failed rollout once before abandoning it). */
export const MAX_RETRIES = 1;
/** Weeks between a failure and the retry starting to compete for a slot. Default 26; range 13–52; unit weeks; judgement. */
export const RETRY_DELAY_WEEKS = 26;
/** Share of base effort a retry needs (part of the first attempt is reused). Default 0.6; range 0.3–1; unit share; judgement. */
export const RETRY_EFFORT_SHARE = 0.6;

/** Remote consultations a week at remote-working level zero. */
const REMOTE_AT_ZERO = remoteConsultations(0);

/** Extra adoption speed per unit share of a pillar's live value that was piloted first. */
const PILOT_SPEED_GAIN = PILOT_ADOPTION_SPEED - 1;

/** Per-run scratch for the initiatives (struct of arrays) and the run's stocks, reused across replications. */
export interface Workspace {
  readonly status: Uint8Array;
  readonly remaining: Float64Array;
  readonly baseEffort: Float64Array;
  readonly grown: Float64Array;
  readonly hazard: Float64Array;
  readonly threshold: Float64Array;
  /** Failure threshold of the retry (drawn up front so the random stream does not depend on events). */
  readonly threshold2: Float64Array;
  readonly dipNoise: Float64Array;
  /** Retries used, and the week a failed initiative may be tried again (-1 for none). */
  readonly retries: Uint8Array;
  readonly retryWeek: Int32Array;
  readonly startWeek: Int32Array;
  /** Week of the first start (startWeek is overwritten when a retry starts), and the number of starts. */
  readonly firstStartWeek: Int32Array;
  readonly starts: Uint8Array;
  readonly liveWeek: Int32Array;
  readonly failWeek: Int32Array;
  /** Week of the latest failure (failWeek keeps the first). */
  readonly lastFailWeek: Int32Array;
  readonly pilotWeek: Int32Array;
  readonly stageOpen: Uint8Array;
  /** Share of each pillar's potential that is live, and the share of that piloted first. */
  readonly pillarLive: Float64Array;
  readonly pillarPilot: Float64Array;
  /** Adoption-speed multiplier of each pillar from its piloted share (1 + gain · piloted share). */
  readonly pilotGain: Float64Array;
  /** Numbers runCore shares with its helpers, by the X_* indices (an array, so that no double is boxed). */
  readonly x: Float64Array;
  /** Adoption per pillar. */
  readonly adoption: Float64Array;
  /** Capacity multiplier of the productivity noise, week by week (drawn up front by startRun). */
  readonly noiseMult: Float64Array;
  /** Progress rate each active initiative gets from the team (allocateTeam), recomputed when the work in flight changes. */
  readonly teamRate: Float64Array;
  /** 1 for initiatives in build or piloting (the work the team is shared over). */
  readonly inFlight: Uint8Array;
  /** 1 for an initiative paused when priorities were cut; it resumes where it stopped. */
  readonly paused: Uint8Array;
  /** Scratch for allocateTeam, and the FTE of each role present. */
  readonly roleScratch: Float64Array;
  readonly present: Float64Array;
}

// Indices into Workspace.x, through which runCore and its rare helpers (settle, schedule, stage gates) exchange
// numbers: the state they share this week, the flows settle() returns, and the replication's constants.
const X_INFRA = 0, X_FATIGUE = 1, X_CONFIDENCE = 2, X_APPETITE = 3, X_DIP = 4, X_ACTIVE = 5, X_ACTIVE_CRITICAL = 6;
const X_LIVE = 7, X_FAILED = 8, X_FIRST_WIN = 9, X_NEXT_RETRY = 10, X_LIVE_DIRTY = 11, X_CHANGED = 12;
const X_INFRA_GAP = 13, X_CRITICAL_RISK = 14, X_WINS = 15, X_FAILURES = 16;
const X_ABSORB = 17, X_CLIN_ADOPT = 18, X_DIP_TAU = 19, X_DELAY_STAGE = 20, X_FOCUS = 21, X_SCOPE_WEEK = 22, X_COVERAGE = 23;
const X_PERSISTENCE = 24, X_HAZARD_CULTURE = 25, X_APPETITE0 = 26, X_LEGACY = 27;
const X_DEBT = 28, X_CAN_BUILD = 29, X_REMOTE_SUPPORT = 30, X_STAFFED = 31;
const X_SIZE = 32;

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
    threshold2: new Float64Array(n),
    dipNoise: new Float64Array(n),
    retries: new Uint8Array(n),
    retryWeek: new Int32Array(n),
    startWeek: new Int32Array(n),
    firstStartWeek: new Int32Array(n),
    starts: new Uint8Array(n),
    liveWeek: new Int32Array(n),
    failWeek: new Int32Array(n),
    lastFailWeek: new Int32Array(n),
    pilotWeek: new Int32Array(n),
    stageOpen: new Uint8Array(ci.stageCount),
    pillarLive: new Float64Array(3),
    pillarPilot: new Float64Array(3),
    pilotGain: new Float64Array(3),
    x: new Float64Array(X_SIZE),
    adoption: new Float64Array(3),
    noiseMult: new Float64Array(ci.horizon + 1),
    teamRate: new Float64Array(n),
    inFlight: new Uint8Array(n),
    paused: new Uint8Array(n),
    roleScratch: new Float64Array(2 * ROLE_COUNT),
    present: new Float64Array(ROLE_COUNT),
  };
}

/**
 * Where one run writes: stochastic series buffers (value of week w at offset + w·stride) and KPI buffers (at
 * kpiIndex). A single run keeps double precision; the Monte Carlo writes single precision straight into its
 * blocked store (stride = replications per block), which rounds each value exactly as copying a double would.
 */
export interface Sink {
  series: Float64Array[] | Float32Array[];
  offset: number;
  stride: number;
  readonly kpis: Float64Array[];
  kpiIndex: number;
  readonly detail: Detail | null;
  /** Where the Monte Carlo keeps how each initiative ended (SPEC R11); absent or null when nobody asks. */
  readonly outcomes?: OutcomeSink | null;
}

/**
 * How each initiative ended, per replication: initiative i of the run written at kpiIndex·n + i, in the layout
 * of MonteCarloPart.goLiveWeeks and MonteCarloPart.outcomes.
 */
export interface OutcomeSink {
  readonly goLiveWeeks: Int16Array;
  readonly outcomes: Uint8Array;
}

/**
 * Write how each initiative ended, from what the workspace holds at the horizon. Its own function, called once
 * a replication after the weekly loop, so that it takes nothing from runCore's inlining budget.
 */
function recordOutcomes(ws: Workspace, n: number, sink: OutcomeSink, r: number): void {
  const base = r * n;
  const go = sink.goLiveWeeks, out = sink.outcomes;
  for (let i = 0; i < n; i++) {
    const live = ws.liveWeek[i]!;
    const lastFail = ws.lastFailWeek[i]!;
    go[base + i] = live;
    // A retry starts weeks after the failure it follows, so a latest failure at or after the latest start means
    // no retry is under way (it may be waiting to be re-planned).
    out[base + i] = (live >= 0 ? OUTCOME_LIVE : 0) | (ws.failWeek[i]! >= 0 ? OUTCOME_FAILED : 0)
      | (lastFail >= 0 && lastFail >= ws.startWeek[i]! ? OUTCOME_FAILED_AT_END : 0);
  }
}

/** True for series that come from the exogenous path (identical across replications). */
export const PATH_SERIES: readonly boolean[] = SERIES.map((_, i) =>
  i === S_CAPABILITY || i === S_URGENCY || i === S_FRICTION || i === S_PRIORITIES || i === S_LEADERSHIP);

/** Copy the exogenous path's weekly values into the path series of a run (stride 1). */
export function writePathSeries(path: Path, out: Float64Array[]): void {
  out[S_CAPABILITY]!.set(path.capability);
  out[S_URGENCY]!.set(path.urgency);
  out[S_FRICTION]!.set(path.friction);
  out[S_PRIORITIES]!.set(path.priorities);
  out[S_LEADERSHIP]!.set(path.leadership);
}

/** Return whether every gate of stage k holds this week. */
function stageGatesHold(ci: CompiledInput, ws: Workspace, k: number, w: number, maturity: number): boolean {
  for (let g = ci.gateStart[k]!; g < ci.gateStart[k + 1]!; g++) {
    const gk = ci.gateKind[g]!;
    const gv = ci.gateValue[g]!;
    if (gk === GATE_WEEK) { if (w < gv) return false; }
    else if (gk === GATE_INFRA) { if (ws.x[X_INFRA]! < gv) return false; }
    else if (gk === GATE_CONFIDENCE) { if (ws.x[X_CONFIDENCE]! < gv) return false; }
    else if (gk === GATE_MATURITY) { if (maturity < gv) return false; }
    else if (gk === GATE_LIVE) {
      // A named initiative that failed for good (no retry left) no longer holds the stage back.
      for (let q = ci.gateIdsStart[g]!; q < ci.gateIdsStart[g + 1]!; q++) {
        const j = ci.gateIds[q]!;
        if (j < 0) return false;
        const st = ws.status[j]!;
        if (st !== LIVE && !(st === FAILED && ws.retryWeek[j]! < 0)) return false;
      }
    }
  }
  return true;
}

/**
 * Start what is eligible while there are free priority slots (Little's law: work in progress is capped by
 * the priorities the organisation runs). Return the earliest future start week still blocking someone.
 */
function schedule(ci: CompiledInput, ws: Workspace, w: number, slots: number, criticalCap: number, detail: Detail | null): number {
  const x = ws.x;
  const status = ws.status;
  let active = x[X_ACTIVE]!;
  let activeCritical = x[X_ACTIVE_CRITICAL]!;
  const appetite = x[X_APPETITE]!;
  let nextEarliest = Infinity;
  for (let i = 0; i < ci.n && active < slots; i++) {
    if (status[i] !== WAITING) continue;
    const e = ci.earliest[i]!;
    if (w < e) {
      if (e < nextEarliest) nextEarliest = e;
      continue;
    }
    const st = ci.stage[i]!;
    if (st >= 0 && !ws.stageOpen[st]) continue;
    let ready = true;
    for (let q = ci.prereqStart[i]!; q < ci.prereqStart[i + 1]!; q++) {
      if (status[ci.prereq[q]!] !== LIVE) { ready = false; break; }
    }
    if (!ready) continue;
    // Work starts only when someone can build it: failures only come from work that was started.
    if (!x[X_CAN_BUILD]) continue;
    if (ci.critical[i]) {
      if (activeCritical >= criticalCap) continue;
      if (!ci.pilot[i] && appetite < CRITICAL_START_APPETITE) continue;
      activeCritical++;
    }
    status[i] = BUILDING;
    active++;
    if (ws.paused[i]) {
      // A paused initiative resumes where it stopped: same attempt, same start.
      ws.paused[i] = 0;
      x[X_CHANGED] = 1;
      continue;
    }
    ws.startWeek[i] = w;
    if (ws.firstStartWeek[i]! < 0) ws.firstStartWeek[i] = w;
    ws.starts[i] = ws.starts[i]! + 1;
    x[X_CHANGED] = 1;
    if (detail) detail.events.push({ week: w, kind: 'start', label: `Started: ${ci.initiatives[i]!.name}`, initiativeId: ci.initiatives[i]!.id });
  }
  x[X_ACTIVE] = active;
  x[X_ACTIVE_CRITICAL] = activeCritical;
  return nextEarliest;
}

/**
 * Pause initiatives in build when the priorities the organisation runs fall below the work in flight (a crisis
 * cuts thirty priorities to two): goal members are kept first, then the earliest started; the latest started
 * are paused and resume where they stopped when slots free again.
 */
function pauseOverSlots(ci: CompiledInput, ws: Workspace, w: number, slots: number, detail: Detail | null): void {
  const x = ws.x;
  let active = x[X_ACTIVE]!;
  while (active > slots) {
    let pick = -1;
    let worst = -Infinity;
    for (let i = 0; i < ci.n; i++) {
      if (ws.status[i] !== BUILDING) continue;
      const rank = ws.startWeek[i]! - (ci.goalMember[i] ? 100000 : 0);
      if (rank >= worst) { worst = rank; pick = i; }
    }
    if (pick < 0) break;
    ws.status[pick] = WAITING;
    ws.paused[pick] = 1;
    active--;
    if (ci.critical[pick]) x[X_ACTIVE_CRITICAL] = x[X_ACTIVE_CRITICAL]! - 1;
    x[X_CHANGED] = 1;
    if (detail) detail.events.push({ week: w, kind: 'paused', label: `Paused while priorities are cut: ${ci.initiatives[pick]!.name}`, initiativeId: ci.initiatives[pick]!.id });
  }
  x[X_ACTIVE] = active;
}

/**
 * Share the team present over the work in flight again (allocateTeam); called when an initiative starts, pauses
 * or settles, and when the share of the team present has moved by more than STAFFING_STEP.
 */
function updateTeamRates(ci: CompiledInput, ws: Workspace, fte: Float64Array, staffed: number): void {
  const f = ws.inFlight;
  const present = ws.present;
  for (let r = 0; r < ROLE_COUNT; r++) present[r] = fte[r]! * staffed;
  // The team works on what its sub-teams can carry (workedCapacity), goal members first, then the earliest started.
  let room = workedCapacity(buildFte(present));
  for (let i = 0; i < ci.n; i++) f[i] = 0;
  while (room > 0) {
    let pick = -1;
    let best = Infinity;
    for (let i = 0; i < ci.n; i++) {
      const st = ws.status[i]!;
      if (f[i] || (st !== BUILDING && st !== PILOTING)) continue;
      const rank = ws.startWeek[i]! - (ci.goalMember[i] ? 100000 : 0);
      if (rank < best) { best = rank; pick = i; }
    }
    if (pick < 0) break;
    f[pick] = 1;
    room--;
  }
  allocateTeam(present, ci.roleNeeds, f, ci.n, ws.teamRate, ws.roleScratch);
  ws.x[X_STAFFED] = staffed;
}

/** Change in the share of the team present that makes the loop share the team out again. */
const STAFFING_STEP = 0.02;

/** Put failed initiatives whose retry week has come back in the queue; return the next pending retry week. */
function revive(ci: CompiledInput, ws: Workspace, w: number, detail: Detail | null): number {
  let next = Infinity;
  for (let i = 0; i < ci.n; i++) {
    const rw = ws.retryWeek[i]!;
    if (rw < 0) continue;
    if (rw > w) {
      if (rw < next) next = rw;
      continue;
    }
    ws.status[i] = WAITING;
    ws.retries[i] = ws.retries[i]! + 1;
    ws.retryWeek[i] = -1;
    ws.remaining[i] = RETRY_EFFORT_SHARE * ws.baseEffort[i]!;
    ws.grown[i] = 0;
    ws.hazard[i] = 0;
    ws.threshold[i] = ws.threshold2[i]!;
    if (detail) detail.events.push({ week: w, kind: 'retry', label: `Re-planned after failure: ${ci.initiatives[i]!.name}`, initiativeId: ci.initiatives[i]!.id });
  }
  return next;
}

/**
 * Return the initiative a clear goal concentrates on: goal members first, then the earliest started; -1 if
 * none, or if there is nothing to concentrate (one initiative or fewer running, or no focus). The loop calls
 * it whenever the portfolio changed, whatever the focus: a call site first reached only once a sweep's goal
 * clarity rises above 0 made V8 throw away the optimised weekly loop then (no type feedback at that site).
 */
function focusInitiative(ci: CompiledInput, ws: Workspace, active: number, focus: number): number {
  if (!(active > 1 && focus > 0)) return -1;
  let best = Infinity;
  let idx = -1;
  for (let i = 0; i < ci.n; i++) {
    const st = ws.status[i]!;
    if (st !== BUILDING && st !== PILOTING) continue;
    const rank = ws.startWeek[i]! - (ci.goalMember[i] ? 100000 : 0);
    if (rank < best) { best = rank; idx = i; }
  }
  return idx;
}

/**
 * Settle an initiative whose work is done or whose hazard passed its threshold: a pilot starts, or it goes live
 * (with its go-live risk and dip) or fails. Rare, so it is its own function; it works on the week's values in
 * ws.x (runCore reads them back only in a week when something settled, flagged by X_CHANGED).
 */
function settle(ci: CompiledInput, ws: Workspace, i: number, w: number, st: number, detail: Detail | null): void {
  const x = ws.x;
  const status = ws.status;
  const crit = ci.critical[i] === 1;
  let h = ws.hazard[i]!;
  const threshold = ws.threshold[i]!;
  const piloted = ci.pilot[i] === 1;
  if (h < threshold && st === BUILDING && piloted) {
    status[i] = PILOTING;
    ws.pilotWeek[i] = w;
    ws.remaining[i] = PILOT_EFFORT_SHARE * ws.baseEffort[i]!;
    if (detail) detail.events.push({ week: w, kind: 'pilot', label: `Piloting in model teams: ${ci.initiatives[i]!.name}`, initiativeId: ci.initiatives[i]!.id });
    return;
  }
  let atGoLive = false;
  if (h < threshold) {
    // Go-live: a one-off failure risk, and an operational dip whether or not it sticks.
    atGoLive = true;
    const criticalRisk = x[X_CRITICAL_RISK]!;
    const pFail = goLiveFailure(crit, piloted, x[X_INFRA_GAP]!, x[X_FATIGUE]!, x[X_COVERAGE]!) * (crit ? criticalRisk : 1);
    h -= Math.log(1 - (pFail > 0.9 ? 0.9 : pFail));
    ws.hazard[i] = h;
    x[X_DIP] = x[X_DIP]! + goLiveDip(crit, piloted, x[X_LEGACY]!, ws.dipNoise[i]!, x[X_DEBT]!);
  }
  x[X_ACTIVE] = x[X_ACTIVE]! - 1;
  if (crit) x[X_ACTIVE_CRITICAL] = x[X_ACTIVE_CRITICAL]! - 1;
  x[X_CHANGED] = 1;
  if (h >= threshold) {
    status[i] = FAILED;
    if (ws.failWeek[i]! < 0) ws.failWeek[i] = w;
    ws.lastFailWeek[i] = w;
    if (ws.retries[i]! < MAX_RETRIES) {
      ws.retryWeek[i] = w + RETRY_DELAY_WEEKS;
      if (w + RETRY_DELAY_WEEKS < x[X_NEXT_RETRY]!) x[X_NEXT_RETRY] = w + RETRY_DELAY_WEEKS;
    }
    x[X_FAILURES] = x[X_FAILURES]! + (crit ? 2 : 1);
    x[X_FAILED] = x[X_FAILED]! + 1;
    if (detail) detail.events.push({ week: w, kind: 'failure', label: `${atGoLive ? 'Failed at go-live' : 'Failed in delivery'}: ${ci.initiatives[i]!.name}`, initiativeId: ci.initiatives[i]!.id });
    return;
  }
  status[i] = LIVE;
  ws.liveWeek[i] = w;
  x[X_LIVE] = x[X_LIVE]! + 1;
  x[X_LIVE_DIRTY] = 1;
  const b = ci.benefit[i]!;
  x[X_WINS] = x[X_WINS]! + (b < 0.5 ? 0.5 : b > 2 ? 2 : b);
  if (ci.buildsInfra[i]) {
    x[X_INFRA] = infrastructureGoLive(x[X_INFRA]!, b);
    x[X_LEGACY] = legacyAfterIntegration(x[X_LEGACY]!, b);
  }
  if (x[X_FIRST_WIN]! > w) x[X_FIRST_WIN] = w;
  if (detail) detail.events.push({ week: w, kind: 'go-live', label: `Live: ${ci.initiatives[i]!.name}`, initiativeId: ci.initiatives[i]!.id });
}

/** Recompute the share of each pillar's potential that is live and the adoption-speed gain of its piloted part. */
function updateLive(ci: CompiledInput, ws: Workspace): void {
  const live = ws.pillarLive;
  const piloted = ws.pillarPilot;
  live.fill(0);
  piloted.fill(0);
  for (let i = 0; i < ci.n; i++) {
    if (ws.status[i] !== LIVE) continue;
    const pl = ci.pillar[i]!;
    const b = ci.benefit[i]!;
    if (ci.pilot[i]) {
      live[pl] = live[pl]! + b;
      piloted[pl] = piloted[pl]! + b;
    } else live[pl] = live[pl]! + b * BIG_BANG_FIT;
  }
  for (let p = 0; p < 3; p++) {
    const tot = ci.pillarBenefit[p]!;
    piloted[p] = live[p]! > 0 ? piloted[p]! / live[p]! : 0;
    live[p] = tot > 0 ? live[p]! / tot : 0;
    ws.pilotGain[p] = 1 + PILOT_SPEED_GAIN * piloted[p]!;
  }
}

/**
 * Reset the workspace for a replication and make its draws, in a fixed order so that a run's random stream does
 * not depend on what happens in it: 5 per initiative, 1 for the benefit delay, then one a week for the
 * productivity noise (drawn here, ahead of the weekly loop, rather than week by week: the same draws in the same
 * order give the same numbers, and the loop is left without the generator).
 */
function startRun(ci: CompiledInput, s: Settings, path: Path, ws: Workspace, rng: Rng | null): void {
  for (let i = 0; i < ci.n; i++) {
    if (rng) {
      ws.baseEffort[i] = ci.effort[i]! * Math.exp(EFFORT_SIGMA * nextNormal(rng));
      ws.threshold[i] = nextExponential(rng);
      ws.threshold2[i] = nextExponential(rng);
      ws.dipNoise[i] = nextFloat(rng);
    } else {
      ws.baseEffort[i] = ci.effort[i]!;
      ws.threshold[i] = EXPECTED_FAILURE_THRESHOLD;
      ws.threshold2[i] = EXPECTED_FAILURE_THRESHOLD;
      ws.dipNoise[i] = 0.5;
    }
    ws.retries[i] = 0;
    ws.retryWeek[i] = -1;
    ws.status[i] = WAITING;
    ws.remaining[i] = ws.baseEffort[i]!;
    ws.grown[i] = 0;
    ws.hazard[i] = 0;
    ws.startWeek[i] = -1;
    ws.firstStartWeek[i] = -1;
    ws.starts[i] = 0;
    ws.liveWeek[i] = -1;
    ws.failWeek[i] = -1;
    ws.lastFailWeek[i] = -1;
    ws.pilotWeek[i] = -1;
    ws.paused[i] = 0;
    ws.teamRate[i] = 0;
  }
  // Loops rather than fill(): on arrays this small the call into the runtime costs more than the stores.
  for (let k = 0; k < ci.stageCount; k++) ws.stageOpen[k] = 0;
  for (let p = 0; p < 3; p++) {
    ws.pillarLive[p] = 0;
    ws.pillarPilot[p] = 0;
    ws.pilotGain[p] = 1;
    ws.adoption[p] = 0;
  }
  const x = ws.x;
  for (let k = 0; k < X_SIZE; k++) x[k] = 0;
  const benefitDelay = rng ? BENEFIT_DELAY_WEEKS + BENEFIT_DELAY_SPREAD * (2 * nextFloat(rng) - 1) : BENEFIT_DELAY_WEEKS;
  x[X_DELAY_STAGE] = benefitDelay / 3;
  // Constants of the replication, here rather than in runCore so that V8's inlining budget for runCore goes to
  // the weekly loop.
  x[X_CLIN_ADOPT] = clinicalAdoption(path.clinicalShare);
  x[X_SCOPE_WEEK] = scopeGrowthPerWeek(s.clarity);
  x[X_FOCUS] = focusShare(s.clarity);
  x[X_ABSORB] = changeCapacity(s.readiness);
  x[X_DIP_TAU] = dipRecoveryWeeks(s.legacy);
  x[X_PERSISTENCE] = remotePersistence(s.lockIn);
  x[X_HAZARD_CULTURE] = 1 - CULTURE_BUILD_RISK_CUT * s.culture;
  x[X_APPETITE0] = Math.min(1, s.confidence * (APPETITE_PER_CONFIDENCE + CULTURE_APPETITE * s.culture));
  x[X_COVERAGE] = path.coverage;
  x[X_LEGACY] = s.legacy;
  x[X_CAN_BUILD] = buildFte(s.fte) > 0 ? 1 : 0;
  x[X_REMOTE_SUPPORT] = buildFte(s.fte);
  // Week w's capacity multiplier comes from the noise before week w's draw; the noise is off without a generator.
  const mult = ws.noiseMult;
  if (!rng) {
    mult.fill(1);
    return;
  }
  const noiseScale = Math.sqrt(1 - PRODUCTIVITY_PERSISTENCE * PRODUCTIVITY_PERSISTENCE) * PRODUCTIVITY_SIGMA * 3.4641016151377544;
  // One uniform a week (drawn in one go into the array, then turned into multipliers in place), scaled to unit
  // variance: the AR(1) filter makes the sum close to normal anyway.
  fillFloats(rng, mult, ci.horizon + 1);
  let noise = 0;
  for (let w = 0; w <= ci.horizon; w++) {
    const u = mult[w]!;
    mult[w] = 1 + noise < 0.2 ? 0.2 : 1 + noise;
    noise = PRODUCTIVITY_PERSISTENCE * noise + noiseScale * (u - 0.5);
  }
}

/**
 * Run one replication on top of the exogenous path. With `rng` null the noise is off (the expected-value run);
 * otherwise every draw comes from `rng`, always in the same order and number, so that common random numbers
 * line up across settings. Writes the stochastic series at out[s][offset + w·stride] and the KPIs at kpis[k][kpiIndex].
 *
 * The whole week is this one function, with the run's stocks in local variables that V8 keeps as plain doubles
 * in registers, and every mechanism it calls small enough for V8 to inline (within its budget of about 920 bytes
 * of inlined bytecode per function; hence the replication's constants in startRun and the adoption step in a
 * loop). The rare steps (settling an initiative, scheduling, retries, what is live, the focus, stage gates) are
 * functions that exchange their few numbers with this one through ws.x.
 */
export function runCore(ci: CompiledInput, s: Settings, path: Path, ws: Workspace, rng: Rng | null, sink: Sink): void {
  const H = ci.horizon;
  const out = sink.series;
  const off = sink.offset;
  const stride = sink.stride;
  const detail = sink.detail;
  const x = ws.x;

  startRun(ci, s, path, ws, rng);
  const noiseMult = ws.noiseMult;
  const adoption = ws.adoption, pillarLive = ws.pillarLive, pilotGain = ws.pilotGain;
  const n = ci.n;
  const status = ws.status, liveWeek = ws.liveWeek, remaining = ws.remaining, grown = ws.grown, baseEffort = ws.baseEffort;
  const hazard = ws.hazard, threshold = ws.threshold;
  const critical = ci.critical, needs = ci.need;
  const scopeWeek = x[X_SCOPE_WEEK]!;
  const delayStage = x[X_DELAY_STAGE]!;
  const clinAdopt = x[X_CLIN_ADOPT]!;
  const focus = x[X_FOCUS]!;
  const unfocused = 1 - focus;
  const absorb = x[X_ABSORB]!;
  const dipTau = x[X_DIP_TAU]!;
  const persistence = x[X_PERSISTENCE]!;
  const hazardCulture = x[X_HAZARD_CULTURE]!;
  const boardEngaged = s.boardEngaged, culture = s.culture;
  const start0 = s.maturity[0]!, start1 = s.maturity[1]!, start2 = s.maturity[2]!;
  const infra0 = s.infrastructure;
  const confidence0 = s.confidence;
  const benefit0 = ci.pillarBenefit[0]!, benefit1 = ci.pillarBenefit[1]!, benefit2 = ci.pillarBenefit[2]!;
  const pathSlots = path.slots;
  const pathPriorities = path.priorities;
  const pathCapacity = path.capacity;
  const pathUrgency = path.urgency;
  const pathRemotePush = path.remotePush;
  const pathSpeed = path.adoptionSpeed;
  const pathInfraBuild = path.infraBuild;
  const fte = s.fte;
  const clinicalFte = fte[0]!;
  const remoteSupport = x[X_REMOTE_SUPPORT]!;
  let teamBuildFte = 0;
  const pathFriction = path.friction;
  const pathStaffed = path.staffed;
  const pathLeadership = path.leadership;
  const teamRate = ws.teamRate;
  const infraDecay = infrastructureDecayRate(s.legacy);
  const coverageHazard = coverageHazardFactor(path.coverage);
  const pathCapture = path.benefitCapture;
  const pathCapabilityGain = path.capabilityGain;
  const integrates = ci.buildsInfra;

  // The run's stocks.
  let infra = infra0, fatigue = 0, confidence = confidence0, dip = 0, remote = 0, remotePeak = 0;
  let appetite = x[X_APPETITE0]!;
  let d1 = 0, d2 = 0, d3 = 0, benefits = 0;
  let debt = 0, legacyEff = s.legacy, switchingSum = 0;
  let active = 0, activeCritical = 0, liveCount = 0, failedCount = 0, firstWin = H + 1;
  let liveDirty = true;
  let nextRetry = Infinity;
  let scheduleDirty = true;
  let nextEarliest = Infinity;
  let focusIdx = -1;
  let lastSlots = -1;
  let weeksToGoal = H + 1;
  let peakFatigue = 0, peakDip = 0, peakRemote = 0;
  let maturityY1 = 0, maturityY3 = 0, benefitsY3 = 0;
  let maturityEnd = 0, benefitsEnd = 0, confidenceEnd = 0, appetiteEnd = 0, adoptionEnd = 0;
  let maturity = (start0 + start1 + start2) / 3;
  let latestOpen = -1;
  // Week flows that settle() may change; runCore resets them in x and reads them back when something settled.
  x[X_WINS] = 0;
  x[X_FAILURES] = 0;
  x[X_FIRST_WIN] = H + 1;
  x[X_NEXT_RETRY] = Infinity;
  const mMat = out[S_MATURITY]!, mP0 = out[S_MATURITY_PILLAR]!, mP1 = out[S_MATURITY_PILLAR + 1]!, mP2 = out[S_MATURITY_PILLAR + 2]!;
  const sA0 = out[S_ADOPTION_PILLAR]!, sA1 = out[S_ADOPTION_PILLAR + 1]!, sA2 = out[S_ADOPTION_PILLAR + 2]!;
  const sFat = out[S_FATIGUE]!, sConf = out[S_CONFIDENCE]!, sApp = out[S_APPETITE]!, sInfra = out[S_INFRA]!;
  const sBen = out[S_BENEFITS]!, sRate = out[S_BENEFITS_RATE]!, sCap = out[S_CAPACITY]!, sRemote = out[S_REMOTE]!;
  const sDip = out[S_DIP]!, sLive = out[S_LIVE]!, sSwitch = out[S_SWITCHING]!;

  for (let w = 0; w <= H; w++) {
    // Stages open when all their gates hold.
    if (ci.stageCount > 0) {
      x[X_INFRA] = infra;
      x[X_CONFIDENCE] = confidence;
      for (let k = 0; k < ci.stageCount; k++) {
        if (ws.stageOpen[k] || !stageGatesHold(ci, ws, k, w, maturity)) continue;
        ws.stageOpen[k] = 1;
        if (k > latestOpen) latestOpen = k;
        scheduleDirty = true;
        if (detail) detail.events.push({ week: w, kind: 'stage-opened', label: `Stage opened: ${ci.stageNames[k]!}` });
      }
    }

    if (w >= nextRetry) {
      nextRetry = revive(ci, ws, w, detail);
      x[X_NEXT_RETRY] = nextRetry;
      scheduleDirty = true;
    }

    // Scheduling is re-examined only when something that decides eligibility has changed.
    const slots = pathSlots[w]!;
    if (slots !== lastSlots || w >= nextEarliest) scheduleDirty = true;
    lastSlots = slots;
    if (scheduleDirty && active !== slots) {
      x[X_ACTIVE] = active;
      x[X_ACTIVE_CRITICAL] = activeCritical;
      x[X_APPETITE] = appetite;
      x[X_CHANGED] = 0;
      if (active > slots) pauseOverSlots(ci, ws, w, slots, detail);
      else nextEarliest = schedule(ci, ws, w, slots, latestOpen >= 0 ? ci.stageCap[latestOpen]! : Infinity, detail);
      scheduleDirty = false;
      active = x[X_ACTIVE]!;
      activeCritical = x[X_ACTIVE_CRITICAL]!;
      if (x[X_CHANGED]) {
        focusIdx = focusInitiative(ci, ws, active, focus);
        updateTeamRates(ci, ws, fte, pathStaffed[w]!);
      }
    }
    if (detail && activeCritical > detail.peakCritical) detail.peakCritical = activeCritical;

    // Capacity for the portfolio this week, then delivery.
    const staffedNow = pathStaffed[w]!;
    const staffedBefore = x[X_STAFFED]!;
    if (active > 0 && (staffedNow > staffedBefore + STAFFING_STEP || staffedNow < staffedBefore - STAFFING_STEP)) updateTeamRates(ci, ws, fte, staffedNow);
    teamBuildFte = remoteSupport * x[X_STAFFED]!;
    // Switching comes from the work actually in flight plus a weighted share of the organisation's other
    // priorities (Weinberg); of the real work, the portfolio gets its part, and coordination debt is reworked.
    const pEff = pathPriorities[w]!;
    const juggled = effectiveConcurrency(active, pEff, teamBuildFte);
    const realWork = realWorkShare(juggled);
    const portfolio = ownShare(active, pEff, teamBuildFte);
    const unblocked = unblockedShare(pathFriction[w]!, active);
    const capacity = pathCapacity[w]! * realWork * portfolio * unblocked * fundingFromAppetite(appetite) * noiseMult[w]! / (1 + DEBT_REWORK * debt);
    const activeBefore = active;
    let wins = 0, failures = 0;
    const hazardWeek = buildHazardWeekAt(fatigue, coverageHazard, priorityHazardFactor(juggled)) * hazardCulture * (1 + URGENCY_SHORTCUT_RISK * pathUrgency[w]!);
    // Delivery: progress with scope growth, build hazards, and the change load each initiative puts on the
    // front line; an initiative whose work is done or whose hazard passed its threshold is settled by settle().
    // Both shares are computed every week, whichever applies (unfocused is 1 - focus, computed once), so that
    // V8 has type feedback for this arithmetic from the first run on: in a sweep whose goal clarity starts at
    // 0 it was first reached at the first non-zero clarity and discarded the optimised loop. Same numbers.
    // A clear goal moves people onto the first-ranked initiative: it gets 1 + focus·(active − 1) of its share, the
    // others 1 − focus, so the total is unchanged when the shares are equal.
    const evenShare = focusIdx >= 0 ? unfocused : 1;
    const focusedShare = 1 + focus * (active - 1);
    const infraNow = infra;
    const criticalRisk = 1 + DEBT_RISK * debt;
    const legacyDivisor = legacyWork(legacyEff);
    let weekLoad = 0, speedSum = 0, progressSum = 0, creepSum = 0, rateSum = 0;
    let settling = false;
    for (let i = 0; i < n; i++) {
      const st = status[i]!;
      if (st === LIVE) {
        if (w - liveWeek[i]! < CHANGE_WINDOW_WEEKS) weekLoad += critical[i] ? CRITICAL_CHANGE_WEIGHT : 1;
        continue;
      }
      if (st !== BUILDING && st !== PILOTING) continue;
      const crit = critical[i] === 1;
      const need = needs[i]!;
      const infraGap = need > infraNow ? need - infraNow : 0;
      const speed = infrastructureSpeed(infraNow, need);
      const rate = capacity * teamRate[i]! * (i === focusIdx ? focusedShare : evenShare);
      const progress = integrates[i] ? rate * speed : rate * speed / legacyDivisor;
      rateSum += rate;
      speedSum += speed;
      progressSum += progress;
      let rem = remaining[i]!;
      if (st === BUILDING) {
        weekLoad += crit ? BUILD_CHANGE_LOAD * CRITICAL_CHANGE_WEIGHT : BUILD_CHANGE_LOAD;
        const base = baseEffort[i]!;
        const grownBefore = grown[i]!;
        if (grownBefore < SCOPE_GROWTH_CAP * base) {
          const g = base * scopeWeek;
          rem += g;
          grown[i] = grownBefore + g;
          creepSum += g;
        }
      } else weekLoad += PILOT_CHANGE_LOAD;
      rem -= progress;
      remaining[i] = rem;
      const h = hazard[i]! + hazardWeek * buildExposure(progress, baseEffort[i]!) * buildHazardFactor(crit, infraGap) * (st === PILOTING ? PILOT_HAZARD_FACTOR : 1) * (crit ? criticalRisk : 1);
      hazard[i] = h;
      if (h < threshold[i]! && rem > 0) continue;
      if (!settling) {
        // The first initiative to settle this week: hand settle() the values it updates.
        settling = true;
        x[X_ACTIVE] = active;
        x[X_ACTIVE_CRITICAL] = activeCritical;
        x[X_INFRA] = infra;
        x[X_FATIGUE] = fatigue;
        x[X_DIP] = dip;
        x[X_DEBT] = debt;
        x[X_LEGACY] = legacyEff;
        x[X_CHANGED] = 0;
      }
      x[X_INFRA_GAP] = infraGap;
      x[X_CRITICAL_RISK] = criticalRisk;
      settle(ci, ws, i, w, st, detail);
    }
    if (settling && x[X_CHANGED]) {
      // Something settled: take back what settle() changed and reset the week's flows.
      active = x[X_ACTIVE]!;
      activeCritical = x[X_ACTIVE_CRITICAL]!;
      infra = x[X_INFRA]!;
      dip = x[X_DIP]!;
      wins = x[X_WINS]!;
      failures = x[X_FAILURES]!;
      liveCount = x[X_LIVE]!;
      failedCount = x[X_FAILED]!;
      firstWin = x[X_FIRST_WIN]!;
      nextRetry = x[X_NEXT_RETRY]!;
      legacyEff = x[X_LEGACY]!;
      if (x[X_LIVE_DIRTY]) liveDirty = true;
      x[X_WINS] = 0;
      x[X_FAILURES] = 0;
      x[X_LIVE_DIRTY] = 0;
      scheduleDirty = true;
      focusIdx = focusInitiative(ci, ws, active, focus);
      updateTeamRates(ci, ws, fte, pathStaffed[w]!);
    }
    if (dip > 1) dip = 1;
    debt = stepDebt(debt, activeCritical, legacyEff);
    const load = weekLoad + dip * DIP_CHANGE_LOAD + urgencyLoad(pathUrgency[w]!) + OTHER_PRIORITY_CHANGE_LOAD * (pEff > activeBefore ? pEff - activeBefore : 0);
    switchingSum += 1 - realWork;
    if (liveDirty) {
      updateLive(ci, ws);
      liveDirty = false;
    }

    // Maturity (from the stocks at the start of this week) and the goal.
    const a0 = adoption[0]!, a1 = adoption[1]!, a2 = adoption[2]!;
    const foundations = foundationsGain(pathCapabilityGain[w]!, infrastructureAbove(infra));
    const m0 = pillarMaturity(start0, a0, foundations);
    const m1 = pillarMaturity(start1, a1, foundations);
    const m2 = pillarMaturity(start2, a2, foundations);
    maturity = (m0 + m1 + m2) / 3;
    if (weeksToGoal > H) {
      let reached: boolean;
      if (ci.goalKind === 0) reached = maturity >= ci.goalValue;
      else if (ci.goalKind === 2) reached = (ci.goalPillar === 0 ? a0 : ci.goalPillar === 1 ? a1 : a2) >= ci.goalValue;
      else reached = goalInitiativesLive(ci, ws);
      if (reached) weeksToGoal = w;
    }
    // Remote working responds within the week: a shock that lands this week shows in this week's count.
    // With no remote working yet and urgency too low to push it, it stays at zero (most runs, most weeks).
    let remoteNow = REMOTE_AT_ZERO;
    if (remote !== 0 || remotePeak !== 0 || pathRemotePush[w]) {
      const remotePrev = remote;
      if (remotePrev > remotePeak) remotePeak = remotePrev;
      const reach = remoteReach(pillarLive[0]!, remoteSupport, clinicalFte, pathLeadership[w]!);
      remote = stepRemote(remotePrev, remoteTarget(pathUrgency[w]!, reach), remotePeak * persistence);
      remoteNow = remoteConsultations(remote);
    }

    // Record this week's stochastic series.
    const at = off + w * stride;
    mMat[at] = maturity; mP0[at] = m0; mP1[at] = m1; mP2[at] = m2;
    sA0[at] = a0; sA1[at] = a1; sA2[at] = a2;
    sFat[at] = fatigue;
    sConf[at] = confidence;
    sApp[at] = appetite;
    sInfra[at] = infra;
    sBen[at] = benefits;
    sRate[at] = d3;
    sCap[at] = rateSum * REFERENCE_TEAM_FTE;
    sSwitch[at] = 1 - realWork;
    sRemote[at] = remoteNow;
    sDip[at] = dip;
    sLive[at] = liveCount;
    if (fatigue > peakFatigue) peakFatigue = fatigue;
    if (dip > peakDip) peakDip = dip;
    if (remoteNow > peakRemote) peakRemote = remoteNow;
    if (w === 52 || (w === H && H < 52)) maturityY1 = maturity;
    if (w === 156 || (w === H && H < 156)) { maturityY3 = maturity; benefitsY3 = benefits; }
    // The KPIs read the last week in double precision, whatever precision the series are kept in.
    if (w === H) { maturityEnd = maturity; benefitsEnd = benefits; confidenceEnd = confidence; appetiteEnd = appetite; adoptionEnd = (a0 + a1 + a2) / 3; }

    if (detail) {
      // The loss each constraint causes this week, as −ln(factor), summed per period.
      const o = Math.floor(w / EXPLAIN_PERIOD_WEEKS) * CONSTRAINT_COUNT;
      const l = detail.losses;
      const progress = progressSum;
      const creep = creepSum;
      const infraFactor = activeBefore > 0 ? speedSum / activeBefore : 1;
      // Of the effort spent plus the effort added, the share that was the original scope.
      const scopeFactor = progress + creep > 0 ? progress / (progress + creep) : 1;
      l[o] = l[o]! + (activeBefore > 0 ? lossOf(realWork * portfolio) : 0);
      l[o + 1] = l[o + 1]! + path.lossGovernance[w]!;
      l[o + 2] = l[o + 2]! + lossOf(fatigueDrag(fatigue));
      l[o + 3] = l[o + 3]! + path.lossCapability[w]!;
      l[o + 4] = l[o + 4]! + lossOf(infraFactor);
      l[o + 5] = l[o + 5]! + lossOf(scopeFactor);
      l[o + 6] = l[o + 6]! + path.lossTeam[w]!;
      detail.scopeAdded += creep;
    }

    // Update the stocks to next week: fatigue, adoption, infrastructure, dip, confidence, appetite, benefits.
    const appetiteBefore = appetite;
    fatigue = stepFatigue(fatigue, load, absorb);
    const speedAll = pathSpeed[w]! * fatigueDrag(fatigue);
    // One call site in a loop rather than three: V8 inlines it once (its inlining budget per function is small).
    for (let p = 0; p < 3; p++) adoption[p] = stepAdoption(adoption[p]!, pillarLive[p]!, speedAll * (p === 1 ? clinAdopt : 1) * pilotGain[p]!);
    infra = stepInfrastructureAt(infra, pathInfraBuild[w]!, infraDecay);
    dip = dip - dip / dipTau;
    confidence = stepConfidence(confidence, confidence0, wins, failures, dip, boardEngaged);
    appetite = stepAppetite(appetite, confidence, culture);
    const value = (adoption[0]! * benefit0 + adoption[1]! * benefit1 + adoption[2]! * benefit2) * pathCapture[w]!;
    // Until something is adopted the delay chain holds zeros and would stay at zero.
    if (value !== 0 || d1 !== 0 || d2 !== 0 || d3 !== 0) {
      d1 = d1 + (value - d1) / delayStage;
      d2 = d2 + (d1 - d2) / delayStage;
      d3 = d3 + (d2 - d3) / delayStage;
      benefits = benefits + d3;
    }
    if (appetiteBefore < CRITICAL_START_APPETITE && appetite >= CRITICAL_START_APPETITE) scheduleDirty = true;
  }

  // KPIs.
  const k = sink.kpis;
  const ki = sink.kpiIndex;
  k[K_MATURITY]![ki] = maturityEnd;
  k[K_MATURITY_Y1]![ki] = maturityY1;
  k[K_MATURITY_Y3]![ki] = maturityY3;
  k[K_WEEKS_TO_GOAL]![ki] = weeksToGoal;
  k[K_GOAL_REACHED]![ki] = weeksToGoal <= H ? 1 : 0;
  k[K_DELIVERED]![ki] = liveCount;
  k[K_FAILED]![ki] = failedCount;
  k[K_BENEFITS]![ki] = benefitsEnd;
  k[K_BENEFITS_Y3]![ki] = benefitsY3;
  k[K_PEAK_FATIGUE]![ki] = peakFatigue;
  k[K_CAPABILITY]![ki] = path.capability[H]!;
  k[K_CONFIDENCE]![ki] = confidenceEnd;
  k[K_APPETITE]![ki] = appetiteEnd;
  k[K_ADOPTION]![ki] = adoptionEnd;
  k[K_FIRST_WIN]![ki] = firstWin;
  k[K_PEAK_DIP]![ki] = peakDip;
  k[K_PEAK_REMOTE]![ki] = peakRemote;
  k[K_MEAN_SWITCHING]![ki] = switchingSum / (H + 1);
  const oc = sink.outcomes;
  if (oc) recordOutcomes(ws, n, oc, ki);
}

/** Return whether every initiative named by an initiatives-live goal is live. */
function goalInitiativesLive(ci: CompiledInput, ws: Workspace): boolean {
  if (ci.goalIds.length === 0) return false;
  for (let q = 0; q < ci.goalIds.length; q++) {
    const j = ci.goalIds[q]!;
    if (j < 0 || ws.status[j] !== LIVE) return false;
  }
  return true;
}

/** Run once into fresh buffers with full detail (timeline, events, explanations, insights). */
function runDetailed(input: SimInput, seed: number, rng: Rng | null): RunResult {
  const ci = compileInput(input);
  const settings = resolveSettings(input.levers);
  const path = buildPath(ci, settings);
  const ws = createWorkspace(ci);
  const H = ci.horizon;
  const periods = Math.ceil((H + 1) / EXPLAIN_PERIOD_WEEKS);
  const detail: Detail = { events: [], losses: new Float64Array(periods * CONSTRAINT_COUNT), scopeAdded: 0, peakCritical: 0 };
  const seriesBufs: Float64Array[] = [];
  for (let i = 0; i < SERIES_COUNT; i++) seriesBufs.push(new Float64Array(H + 1));
  const kpiBufs: Float64Array[] = [];
  for (let i = 0; i < KPI_COUNT; i++) kpiBufs.push(new Float64Array(1));
  runCore(ci, settings, path, ws, rng, { series: seriesBufs, offset: 0, stride: 1, kpis: kpiBufs, kpiIndex: 0, detail });
  writePathSeries(path, seriesBufs);

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
    firstStartWeek: ws.firstStartWeek[i]!,
    attempts: ws.starts[i]!,
    lastFailedWeek: ws.lastFailWeek[i]!,
  }));
  const events: RunEvent[] = [...path.events, ...detail.events].sort((x, y) => x.week - y.week);
  const explanations = buildExplanations(detail.losses, H);
  const insights = buildInsights({ input, settings, series, kpis, timeline, explanations, detail, horizon: H });
  return { engineVersion: ENGINE_VERSION, seed, horizonWeeks: H, series, timeline, events, kpis, explanations, insights };
}

/** Return the expected-value run: the noise off (median draws), deterministic and fast, for instant feedback. */
export function simulateExpected(input: SimInput): RunResult {
  return runDetailed(input, 0, null);
}

/** Return one stochastic replication for a seed; the same input and seed give the same numbers, bit for bit. */
export function simulate(input: SimInput, seed: number): RunResult {
  return runDetailed(input, seed, createRng(seed, 0));
}
