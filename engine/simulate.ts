/**
 * The weekly loop: every mechanism stepped once per week over the horizon. The exogenous path (path.ts) is
 * computed once per input; one core function then serves the expected-value run (noise off), one stochastic
 * replication and each Monte Carlo replication, writing into preallocated buffers with no allocation inside
 * the loop.
 */
import { fatigueDrag, stepAdoptionAt } from './adoption';
import { drawKeys, drawParameters, type Uncertainty } from './assumptions';
import { fundingFromAppetite, stepAppetite, stepConfidence } from './confidence';
import { buildPath, lossOf, type Path } from './exogenous';
import { buildExplanations, buildInsights, CONSTRAINT_COUNT, EXPLAIN_PERIOD_WEEKS, type Detail } from './explain';
import { stepFatigue, urgencyLoad } from './fatigue';

import { buildExposureAt, buildHazardFactorAt, buildHazardWeekAt, coverageHazardFactor, legacyWork, priorityHazardFactor, stepDebt } from './golive';
import { infrastructureDecayRate, infrastructureSpeedAt, stepInfrastructureAt } from './infrastructure';
import { resolveSettings, type Settings } from './levers';
import { foundationsGain, infrastructureAbove, pillarMaturity } from './maturity';
import { BUILDING, compileInput, LIVE, PILOTING, type CompiledInput } from './portfolio';
import { STAFFING_STEP, focusInitiative, goalInitiativesLive, pauseOverSlots, revive, schedule, settle, stageGatesHold, updateLive, updateTeamRates } from './portfolio-steps';
import { createRng, type Rng } from './random';
import { K_ADOPTION, K_APPETITE, K_BENEFITS, K_BENEFITS_Y3, K_CAPABILITY, K_CONFIDENCE, K_DELIVERED, K_FAILED, K_FIRST_WIN, K_GOAL_REACHED, K_MATURITY, K_MATURITY_Y1, K_MATURITY_Y3, K_MEAN_SWITCHING, K_PEAK_DIP, K_PEAK_FATIGUE, K_PEAK_REMOTE, K_WEEKS_TO_GOAL, KPI_COUNT, KPIS, S_ADOPTION_PILLAR, S_APPETITE, S_BENEFITS, S_BENEFITS_RATE, S_CAPABILITY, S_CAPACITY, S_CONFIDENCE, S_DIP, S_FATIGUE, S_FRICTION, S_INFRA, S_LEADERSHIP, S_LIVE, S_MATURITY, S_MATURITY_PILLAR, S_PRIORITIES, S_REMOTE, S_SWITCHING, S_URGENCY, SERIES, SERIES_COUNT } from './series';
import { juggledWith, ownJuggled, realWorkShare, unblockedShare } from './switching';

import { type InitiativeOutcome, type RunEvent, type RunResult, type SimInput } from './types';
import { remoteConsultations, remoteReach, remoteTarget, stepRemote } from './urgency';
import { ENGINE_VERSION } from './version';
import { type Sink, type Workspace, X_ABSORB, X_ACTIVE, X_ACTIVE_CRITICAL, X_APPETITE, X_APPETITE0, X_CHANGED, X_CLIN_ADOPT, X_CONFIDENCE, X_CRITICAL_RISK, X_DEBT, X_DELAY_STAGE, X_DIP, X_DIP_TAU, X_FAILED, X_FAILURES, X_FATIGUE, X_FIRST_WIN, X_FOCUS, X_HAZARD_CULTURE, X_INFRA, X_INFRA_GAP, X_LEGACY, X_LIVE, X_LIVE_DIRTY, X_NEXT_RETRY, X_PERSISTENCE, X_REMOTE_SUPPORT, X_SCOPE_WEEK, X_STAFFED, X_WINS, createWorkspace, recordOutcomes, startRun } from './workspace';
import * as P from './parameter-bindings';
import { useDefaultParameters, useParameters } from './parameter-values';

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

/**
 * Write the exogenous path's weekly values into the path series of one replication, week w at offset + w·stride
 * (a Monte Carlo with uncertainty 'all', whose replications each have their own path).
 */
export function writePathSeriesAt(path: Path, out: Float32Array[], offset: number, stride: number): void {
  const H = path.urgency.length - 1;
  const cap = out[S_CAPABILITY]!, urg = out[S_URGENCY]!, fri = out[S_FRICTION]!, pri = out[S_PRIORITIES]!, lead = out[S_LEADERSHIP]!;
  for (let w = 0, at = offset; w <= H; w++, at += stride) {
    cap[at] = path.capability[w]!;
    urg[at] = path.urgency[w]!;
    fri[at] = path.friction[w]!;
    pri[at] = path.priorities[w]!;
    lead[at] = path.leadership[w]!;
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

  // The replication's parameters, for every mechanism this run calls; those read in the loop itself are held
  // in locals here, read once a run.
  useParameters(ws.params);
  const remoteAtZero = remoteConsultations(0);
  const debtRework = P.DEBT_REWORK, debtRisk = P.DEBT_RISK, shortcutRisk = P.URGENCY_SHORTCUT_RISK;
  const changeWindow = P.CHANGE_WINDOW_WEEKS, criticalWeight = P.CRITICAL_CHANGE_WEIGHT, buildLoad = P.BUILD_CHANGE_LOAD;
  const pilotLoad = P.PILOT_CHANGE_LOAD, dipLoad = P.DIP_CHANGE_LOAD, otherLoad = P.OTHER_PRIORITY_CHANGE_LOAD;
  const scopeCap = P.SCOPE_GROWTH_CAP, pilotHazard = P.PILOT_HAZARD_FACTOR, criticalStart = P.CRITICAL_START_APPETITE;
  const referenceFte = P.REFERENCE_TEAM_FTE;
  const infraMinSpeed = P.INFRA_MIN_SPEED, stall = P.STALL_HAZARD_SHARE, paceWeight = (1 - P.STALL_HAZARD_SHARE) * P.REFERENCE_BUILD_WEEKS;
  const criticalBuildRisk = P.CRITICAL_BUILD_RISK, gapRisk = P.INFRA_GAP_BUILD_RISK;
  const bassP = (P.BASS_P_PER_YEAR * P.WITHIN_TRUST_SPEEDUP) / 52, bassQ = (P.BASS_Q_PER_YEAR * P.WITHIN_TRUST_SPEEDUP) / 52;
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
  // The week's shares of time (see the delivery step), with the inputs they were last computed from.
  let sharesActive = -1, sharesPriorities = NaN, sharesTeam = NaN, unblockedFriction = NaN, unblockedActive = -1;
  let own = 0, juggled = 1, realWork = 1, portfolio = 0, priorityHazard = 1, unblocked = 0;
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
    // The portfolio's own part changes only when the work in flight or the team present does (a few weeks in a
    // run), the priorities most weeks: each is recomputed when its inputs move.
    if (active !== sharesActive || teamBuildFte !== sharesTeam) {
      sharesActive = active;
      sharesTeam = teamBuildFte;
      own = ownJuggled(active, teamBuildFte);
      sharesPriorities = NaN;
    }
    const pEff = pathPriorities[w]!;
    if (pEff !== sharesPriorities) {
      sharesPriorities = pEff;
      juggled = juggledWith(own, active, pEff);
      realWork = realWorkShare(juggled);
      portfolio = active > 0 ? own / juggled : 0;
      priorityHazard = priorityHazardFactor(juggled);
    }
    const frictionNow = pathFriction[w]!;
    if (frictionNow !== unblockedFriction || active !== unblockedActive) {
      unblockedFriction = frictionNow;
      unblockedActive = active;
      unblocked = unblockedShare(frictionNow, active);
    }
    const capacity = pathCapacity[w]! * realWork * portfolio * unblocked * fundingFromAppetite(appetite) * noiseMult[w]! / (1 + debtRework * debt);
    const activeBefore = active;
    let wins = 0, failures = 0;
    const hazardWeek = buildHazardWeekAt(fatigue, coverageHazard, priorityHazard) * hazardCulture * (1 + shortcutRisk * pathUrgency[w]!);
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
    const criticalRisk = 1 + debtRisk * debt;
    const legacyDivisor = legacyWork(legacyEff);
    let weekLoad = 0, speedSum = 0, progressSum = 0, creepSum = 0, rateSum = 0;
    let settling = false;
    for (let i = 0; i < n; i++) {
      const st = status[i]!;
      if (st === LIVE) {
        if (w - liveWeek[i]! < changeWindow) weekLoad += critical[i] ? criticalWeight : 1;
        continue;
      }
      if (st !== BUILDING && st !== PILOTING) continue;
      const crit = critical[i] === 1;
      const need = needs[i]!;
      const infraGap = need > infraNow ? need - infraNow : 0;
      const speed = infrastructureSpeedAt(infraNow, need, infraMinSpeed);
      const rate = capacity * teamRate[i]! * (i === focusIdx ? focusedShare : evenShare);
      const progress = integrates[i] ? rate * speed : rate * speed / legacyDivisor;
      rateSum += rate;
      speedSum += speed;
      progressSum += progress;
      let rem = remaining[i]!;
      if (st === BUILDING) {
        weekLoad += crit ? buildLoad * criticalWeight : buildLoad;
        const base = baseEffort[i]!;
        const grownBefore = grown[i]!;
        if (grownBefore < scopeCap * base) {
          const g = base * scopeWeek;
          rem += g;
          grown[i] = grownBefore + g;
          creepSum += g;
        }
      } else weekLoad += pilotLoad;
      rem -= progress;
      remaining[i] = rem;
      const h = hazard[i]! + hazardWeek * buildExposureAt(progress, baseEffort[i]!, stall, paceWeight) * buildHazardFactorAt(crit, infraGap, criticalBuildRisk, gapRisk) * (st === PILOTING ? pilotHazard : 1) * (crit ? criticalRisk : 1);
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
    const load = weekLoad + dip * dipLoad + urgencyLoad(pathUrgency[w]!) + otherLoad * (pEff > activeBefore ? pEff - activeBefore : 0);
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
    let remoteNow = remoteAtZero;
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
    sCap[at] = rateSum * referenceFte;
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
    for (let p = 0; p < 3; p++) adoption[p] = stepAdoptionAt(adoption[p]!, pillarLive[p]!, speedAll * (p === 1 ? clinAdopt : 1) * pilotGain[p]!, bassP, bassQ);
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
    if (appetiteBefore < criticalStart && appetite >= criticalStart) scheduleDirty = true;
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

/** Run once into fresh buffers with full detail (timeline, events, explanations, insights). */
function runDetailed(input: SimInput, seed: number, rng: Rng | null, uncertainty: Uncertainty = 'noise'): RunResult {
  const ci = compileInput(input);
  const settings = resolveSettings(input.levers);
  const ws = createWorkspace(ci);
  if (uncertainty === 'all') drawParameters(drawKeys(seed), 0, ws.params);
  const path = buildPath(ci, settings, ws.params, undefined, true, uncertainty === 'all');
  try {
    return detailedRun(input, seed, rng, ci, settings, path, ws);
  } finally {
    useDefaultParameters();
  }
}

/** Run once with the replication's parameters installed, and read out the result with them still in place. */
function detailedRun(input: SimInput, seed: number, rng: Rng | null, ci: CompiledInput, settings: Settings, path: Path, ws: Workspace): RunResult {
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

/**
 * Return one stochastic replication for a seed; the same input and seed give the same numbers, bit for bit. With
 * uncertainty 'all' it also takes the assumptions of replication 0, so it is replication 0 of a Monte Carlo
 * with the same seed and uncertainty (SPEC R3).
 */
export function simulate(input: SimInput, seed: number, opts: { readonly uncertainty?: Uncertainty } = {}): RunResult {
  return runDetailed(input, seed, createRng(seed, 0), opts.uncertainty ?? 'noise');
}
