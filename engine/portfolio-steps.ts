/**
 * The portfolio's rare steps, called by the weekly loop only in weeks when something changes: stage gates,
 * scheduling and pausing, the team's split over the work, retries, focus, a go-live or failure settling, and
 * what is live.
 */

import { goLiveDip, goLiveFailure, legacyAfterIntegration } from './golive';
import type { Detail } from './explain';
import { infrastructureGoLive } from './infrastructure';
import { BUILDING, FAILED, GATE_CONFIDENCE, GATE_INFRA, GATE_LIVE, GATE_MATURITY, GATE_WEEK, LIVE, PILOTING, WAITING, type CompiledInput } from './portfolio';
import { workedCapacity } from './switching';
import { allocateTeam, buildFte, ROLE_COUNT } from './team';
import { type Workspace, X_ACTIVE, X_ACTIVE_CRITICAL, X_APPETITE, X_CAN_BUILD, X_CHANGED, X_CONFIDENCE, X_COVERAGE, X_CRITICAL_RISK, X_DEBT, X_DIP, X_FAILED, X_FAILURES, X_FATIGUE, X_FIRST_WIN, X_INFRA, X_INFRA_GAP, X_LEGACY, X_LIVE, X_LIVE_DIRTY, X_NEXT_RETRY, X_STAFFED, X_WINS } from './workspace';
import * as P from './parameter-bindings';

/** Times a failed initiative is re-planned and tried again. Default 1; range 0–2; unit tries; judgement (boards re-plan a failed rollout once before abandoning it). */
export const MAX_RETRIES = 1;

/** Weeks between a failure and the retry starting to compete for a slot. Default 26; range 13–52; unit weeks; judgement. */
export const RETRY_DELAY_WEEKS = 26;

/** Share of base effort a retry needs (part of the first attempt is reused). Default 0.6; range 0.3–1; unit share; judgement. */
export const RETRY_EFFORT_SHARE = 0.6;

/** Return whether every gate of stage k holds this week. */
export function stageGatesHold(ci: CompiledInput, ws: Workspace, k: number, w: number, maturity: number): boolean {
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
export function schedule(ci: CompiledInput, ws: Workspace, w: number, slots: number, criticalCap: number, detail: Detail | null): number {
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
      if (!ci.pilot[i] && appetite < P.CRITICAL_START_APPETITE) continue;
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
export function pauseOverSlots(ci: CompiledInput, ws: Workspace, w: number, slots: number, detail: Detail | null): void {
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
export function updateTeamRates(ci: CompiledInput, ws: Workspace, fte: Float64Array, staffed: number): void {
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
export const STAFFING_STEP = 0.02;

/** Put failed initiatives whose retry week has come back in the queue; return the next pending retry week. */
export function revive(ci: CompiledInput, ws: Workspace, w: number, detail: Detail | null): number {
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
    ws.remaining[i] = P.RETRY_EFFORT_SHARE * ws.baseEffort[i]!;
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
export function focusInitiative(ci: CompiledInput, ws: Workspace, active: number, focus: number): number {
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
export function settle(ci: CompiledInput, ws: Workspace, i: number, w: number, st: number, detail: Detail | null): void {
  const x = ws.x;
  const status = ws.status;
  const crit = ci.critical[i] === 1;
  let h = ws.hazard[i]!;
  const threshold = ws.threshold[i]!;
  const piloted = ci.pilot[i] === 1;
  if (h < threshold && st === BUILDING && piloted) {
    status[i] = PILOTING;
    ws.pilotWeek[i] = w;
    ws.remaining[i] = P.PILOT_EFFORT_SHARE * ws.baseEffort[i]!;
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
    const dip = x[X_DIP]! + goLiveDip(crit, piloted, x[X_LEGACY]!, ws.dipNoise[i]!, x[X_DEBT]!);
    x[X_DIP] = dip > 1 ? 1 : dip;
  }
  x[X_ACTIVE] = x[X_ACTIVE]! - 1;
  if (crit) x[X_ACTIVE_CRITICAL] = x[X_ACTIVE_CRITICAL]! - 1;
  x[X_CHANGED] = 1;
  if (h >= threshold) {
    status[i] = FAILED;
    if (ws.failWeek[i]! < 0) ws.failWeek[i] = w;
    ws.lastFailWeek[i] = w;
    if (ws.retries[i]! < P.MAX_RETRIES) {
      ws.retryWeek[i] = w + P.RETRY_DELAY_WEEKS;
      if (w + P.RETRY_DELAY_WEEKS < x[X_NEXT_RETRY]!) x[X_NEXT_RETRY] = w + P.RETRY_DELAY_WEEKS;
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
export function updateLive(ci: CompiledInput, ws: Workspace): void {
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
    } else live[pl] = live[pl]! + b * P.BIG_BANG_FIT;
  }
  for (let p = 0; p < 3; p++) {
    const tot = ci.pillarBenefit[p]!;
    piloted[p] = live[p]! > 0 ? piloted[p]! / live[p]! : 0;
    live[p] = tot > 0 ? live[p]! / tot : 0;
    ws.pilotGain[p] = 1 + (P.PILOT_ADOPTION_SPEED - 1) * piloted[p]!;
  }
}

/** Return whether every initiative named by an initiatives-live goal is live. */
export function goalInitiativesLive(ci: CompiledInput, ws: Workspace): boolean {
  if (ci.goalIds.length === 0) return false;
  for (let q = 0; q < ci.goalIds.length; q++) {
    const j = ci.goalIds[q]!;
    if (j < 0 || ws.status[j] !== LIVE) return false;
  }
  return true;
}
