/**
 * The per-run workspace the weekly loop writes into (initiatives as a struct of arrays, the run's constants and
 * the slots rare steps share with it), the sinks a run writes to, and the start of a replication: its draws.
 */

import type { Path } from './exogenous';
import type { Detail } from './explain';
import { changeCapacity } from './fatigue';
import { focusShare, scopeGrowthPerWeek } from './goal';
import { dipRecoveryWeeks } from './golive';
import type { Settings } from './levers';
import { WAITING, type CompiledInput } from './portfolio';
import { fillFloats, nextExponential, nextFloat, nextNormal, type Rng } from './random';
import { buildFte, clinicalAdoption, ROLE_COUNT } from './team';
import { OUTCOME_FAILED, OUTCOME_FAILED_AT_END, OUTCOME_LIVE, } from './types';
import { remotePersistence } from './urgency';
import * as P from './parameter-bindings';
import { DEFAULT_PARAMETERS } from './parameter-values';
import { Slab } from './slab';

/** Spread of initiative effort estimates (lognormal sigma). Default 0.3; range 0.2–0.5; unit log-effort; judgement (estimation error of IT projects). */
export const EFFORT_SIGMA = 0.3;

/** Weekly productivity noise (standard deviation). Default 0.1; range 0.05–0.2; unit share; judgement. */
export const PRODUCTIVITY_SIGMA = 0.1;

/** Week-to-week persistence of productivity noise (AR(1) coefficient). Default 0.7; range 0.5–0.9; unit —; judgement (at 1 the noise would never move; below 0.5 it is close to weekly white noise). */
export const PRODUCTIVITY_PERSISTENCE = 0.7;

/** Failure threshold with the noise off: the median of an Exp(1) draw, so an initiative fails when its failure probability passes 50%. */
export const EXPECTED_FAILURE_THRESHOLD = Math.LN2;

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
  /**
   * The replication's parameters, by slot (parameter-slots.ts): the defaults, unless a Monte Carlo with
   * uncertainty 'all' writes its draw here before the run (assumptions.ts). runCore installs them for the
   * mechanisms (parameter-values.ts) and never writes them.
   */
  readonly params: Float64Array;
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
export const X_INFRA = 0, X_FATIGUE = 1, X_CONFIDENCE = 2, X_APPETITE = 3, X_DIP = 4, X_ACTIVE = 5, X_ACTIVE_CRITICAL = 6;
export const X_LIVE = 7, X_FAILED = 8, X_FIRST_WIN = 9, X_NEXT_RETRY = 10, X_LIVE_DIRTY = 11, X_CHANGED = 12;
export const X_INFRA_GAP = 13, X_CRITICAL_RISK = 14, X_WINS = 15, X_FAILURES = 16;
export const X_ABSORB = 17, X_CLIN_ADOPT = 18, X_DIP_TAU = 19, X_DELAY_STAGE = 20, X_FOCUS = 21, X_SCOPE_WEEK = 22, X_COVERAGE = 23;
export const X_PERSISTENCE = 24, X_HAZARD_CULTURE = 25, X_APPETITE0 = 26, X_LEGACY = 27;
export const X_DEBT = 28, X_CAN_BUILD = 29, X_REMOTE_SUPPORT = 30, X_STAFFED = 31;
const X_SIZE = 32;

/** Create the scratch arrays for a compiled input. */
export function createWorkspace(ci: CompiledInput): Workspace {
  const n = ci.n;
  const W = ci.horizon + 1;
  // One buffer for every array (slab.ts): the counts below are what the views take, by element type.
  const slab = new Slab(8 * n + 12 + X_SIZE + DEFAULT_PARAMETERS.length + W + 3 * ROLE_COUNT, 7 * n, 5 * n + ci.stageCount);
  const params = slab.f64(DEFAULT_PARAMETERS.length);
  params.set(DEFAULT_PARAMETERS);
  return {
    remaining: slab.f64(n),
    baseEffort: slab.f64(n),
    grown: slab.f64(n),
    hazard: slab.f64(n),
    threshold: slab.f64(n),
    threshold2: slab.f64(n),
    dipNoise: slab.f64(n),
    teamRate: slab.f64(n),
    pillarLive: slab.f64(3),
    pillarPilot: slab.f64(3),
    pilotGain: slab.f64(3),
    adoption: slab.f64(3),
    x: slab.f64(X_SIZE),
    params,
    noiseMult: slab.f64(W),
    roleScratch: slab.f64(2 * ROLE_COUNT),
    present: slab.f64(ROLE_COUNT),
    retryWeek: slab.i32(n),
    startWeek: slab.i32(n),
    firstStartWeek: slab.i32(n),
    liveWeek: slab.i32(n),
    failWeek: slab.i32(n),
    lastFailWeek: slab.i32(n),
    pilotWeek: slab.i32(n),
    status: slab.u8(n),
    retries: slab.u8(n),
    starts: slab.u8(n),
    inFlight: slab.u8(n),
    paused: slab.u8(n),
    stageOpen: slab.u8(ci.stageCount),
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
export function recordOutcomes(ws: Workspace, n: number, sink: OutcomeSink, r: number): void {
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

/**
 * Reset the workspace for a replication and make its draws, in a fixed order so that a run's random stream does
 * not depend on what happens in it: 5 per initiative, 1 for the benefit delay, then one a week for the
 * productivity noise (drawn here, ahead of the weekly loop, rather than week by week: the same draws in the same
 * order give the same numbers, and the loop is left without the generator).
 */
export function startRun(ci: CompiledInput, s: Settings, path: Path, ws: Workspace, rng: Rng | null): void {
  const effortSigma = P.EFFORT_SIGMA;
  const minEffort = P.MIN_EFFORT;
  for (let i = 0; i < ci.n; i++) {
    if (rng) {
      ws.baseEffort[i] = Math.max(minEffort, ci.effort[i]!) * Math.exp(effortSigma * nextNormal(rng));
      ws.threshold[i] = nextExponential(rng);
      ws.threshold2[i] = nextExponential(rng);
      ws.dipNoise[i] = nextFloat(rng);
    } else {
      ws.baseEffort[i] = Math.max(minEffort, ci.effort[i]!);
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
  const benefitDelay = rng ? P.BENEFIT_DELAY_WEEKS + P.BENEFIT_DELAY_SPREAD * (2 * nextFloat(rng) - 1) : P.BENEFIT_DELAY_WEEKS;
  x[X_DELAY_STAGE] = benefitDelay / 3;
  // Constants of the replication, here rather than in runCore so that V8's inlining budget for runCore goes to
  // the weekly loop.
  x[X_CLIN_ADOPT] = clinicalAdoption(path.clinicalShare);
  x[X_SCOPE_WEEK] = scopeGrowthPerWeek(s.clarity);
  x[X_FOCUS] = focusShare(s.clarity);
  x[X_ABSORB] = changeCapacity(s.readiness);
  x[X_DIP_TAU] = dipRecoveryWeeks(s.legacy);
  x[X_PERSISTENCE] = remotePersistence(s.lockIn);
  x[X_HAZARD_CULTURE] = 1 - P.CULTURE_BUILD_RISK_CUT * s.culture;
  x[X_APPETITE0] = Math.min(1, s.confidence * (P.APPETITE_PER_CONFIDENCE + P.CULTURE_APPETITE * s.culture));
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
  const persistence = P.PRODUCTIVITY_PERSISTENCE;
  const noiseScale = Math.sqrt(1 - persistence * persistence) * P.PRODUCTIVITY_SIGMA * 3.4641016151377544;
  // One uniform a week (drawn in one go into the array, then turned into multipliers in place), scaled to unit
  // variance: the AR(1) filter makes the sum close to normal anyway.
  fillFloats(rng, mult, ci.horizon + 1);
  let noise = 0;
  for (let w = 0; w <= ci.horizon; w++) {
    const u = mult[w]!;
    mult[w] = 1 + noise < 0.2 ? 0.2 : 1 + noise;
    noise = persistence * noise + noiseScale * (u - 0.5);
  }
}
