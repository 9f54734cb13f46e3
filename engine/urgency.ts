/**
 * Mechanism 7: urgency as a stock with shocks (source guide, Covid-19; Nuffield Trust QualityWatch 2020).
 */
import * as P from './parameter-bindings';

/** Time constant of urgency's decay back to its standing level. Default 17; range 8–30 (2–7 months); unit weeks; judgement from the 2020 telephone/video shares (35% in April, 25% by September). */
export const URGENCY_DECAY_WEEKS = 17;
/** A shock's priority cap holds while the shock part of urgency is at least this share of the shock's size. Default 0.5; unit share; judgement. */
export const SHOCK_ACTIVE_SHARE = 0.5;
/** Weeks for priorities to fall to a shock's cap. Default 2; unit weeks; judgement. */
export const PRIORITY_DROP_WEEKS = 2;
/** Weeks for priorities to drift back after a shock. Default 26; range 13–52; unit weeks; judgement. */
export const PRIORITY_RETURN_WEEKS = 26;
/** Share of a shock's priority reduction kept at full lock-in. Default 0.5; unit share; judgement. */
export const FOCUS_KEPT_AT_FULL_LOCK_IN = 0.5;
/** Outpatient attendances per week at the reference trust. Default 17,000; range 5,000–25,000; unit attendances/week; judgement (a large acute trust, ≈880,000 a year). */
export const OUTPATIENTS_PER_WEEK = 17000;
/** Remote share of outpatient consultations before any shock. Default 0.003 (≈51 a week, "low thousands" a year); unit share; source guide. */
export const REMOTE_BASE_SHARE = 0.003;
/** Remote share at full remote adoption. Default 0.35; range 0.25–0.5; unit share; source Nuffield Trust QualityWatch (35% in April 2020). */
export const REMOTE_MAX_SHARE = 0.35;
/** Weeks for remote working to take hold under full urgency. Default 0.5; range 0.25–2; unit weeks; judgement calibrated to 31,000 in six weeks (source guide). */
export const REMOTE_RISE_WEEKS = 0.5;
/** Weeks for remote working to fall back towards what was kept. Default 15; range 8–30; unit weeks; judgement (April → September 2020). */
export const REMOTE_FALL_WEEKS = 15;
/** Share of urgency-driven remote working that persists with no lock-in. Default 0.4; unit share; judgement (about half persisted). */
export const REMOTE_PERSIST_BASE = 0.4;
/** Extra persistence at full lock-in. Default 0.4; unit share; judgement. */
export const REMOTE_PERSIST_LOCK_IN = 0.4;
/** Urgency above which remote working is pushed up. Default 0.35; unit share; judgement. */
export const REMOTE_URGENCY_THRESHOLD = 0.35;

/** Return urgency after one week of decay towards its standing level. */
export function stepUrgency(urgency: number, standing: number): number {
  return urgency + (standing - urgency) / P.URGENCY_DECAY_WEEKS;
}

/**
 * Share of the remote-working potential reachable with no live remote service, no team to support it, or no
 * engagement: ad-hoc telephone follow-ups. Default 0.1; range 0.05–0.2; unit share; judgement (remote clinics at
 * scale need booking, devices and support: use needs the service).
 */
export const REMOTE_WITHOUT_SERVICE = 0.1;
/** Build FTE (every role but strategy) that gives a remote service its full support. Default 4; range 2–8; unit FTE; judgement. */
export const REMOTE_SUPPORT_FTE = 4;
/** Clinical FTE in the team that gives clinical engagement its full weight. Default 2; unit FTE; judgement (Wachter 2016). */
export const REMOTE_CLINICAL_FTE = 2;

/**
 * Return how much of the remote-working potential the trust can reach (0–1): the part needing no service, plus the
 * live share of its patient services, supported by its team and taken up as far as clinicians and leaders engage.
 */
export function remoteReach(serviceLive: number, buildFte: number, clinicalFte: number, leadership: number): number {
  const support = buildFte >= P.REMOTE_SUPPORT_FTE ? 1 : buildFte / P.REMOTE_SUPPORT_FTE;
  const clinical = clinicalFte >= P.REMOTE_CLINICAL_FTE ? 1 : clinicalFte / P.REMOTE_CLINICAL_FTE;
  const engagement = 0.5 + 0.25 * clinical + 0.25 * leadership;
  const live = serviceLive > 1 ? 1 : serviceLive < 0 ? 0 : serviceLive;
  return P.REMOTE_WITHOUT_SERVICE + (1 - P.REMOTE_WITHOUT_SERVICE) * live * support * engagement;
}

/** Return the remote-working level urgency pushes towards (0–1) given the reach (remoteReach, 0–1). */
export function remoteTarget(urgency: number, reach: number): number {
  const x = (urgency - P.REMOTE_URGENCY_THRESHOLD) / (1 - P.REMOTE_URGENCY_THRESHOLD) * 2;
  const push = x <= 0 ? 0 : x >= 1 ? 1 : x;
  return push * reach;
}

/** Return remote-working level after one week, given the urgency target and the level kept from the peak. */
export function stepRemote(level: number, target: number, kept: number): number {
  const floor = target > kept ? target : kept;
  // While it rises, the share of the gap closed in one week.
  if (floor > level) return level + (floor - level) * (1 - Math.exp(-1 / P.REMOTE_RISE_WEEKS));
  return level + (floor - level) / P.REMOTE_FALL_WEEKS;
}

/** Return remote consultations per week at a remote-working level (0–1). */
export function remoteConsultations(level: number): number {
  return P.OUTPATIENTS_PER_WEEK * (P.REMOTE_BASE_SHARE + (P.REMOTE_MAX_SHARE - P.REMOTE_BASE_SHARE) * level);
}

/** Return the share of a remote-working peak kept once urgency passes, given lock-in (0–1). */
export function remotePersistence(lockIn: number): number {
  return P.REMOTE_PERSIST_BASE + P.REMOTE_PERSIST_LOCK_IN * lockIn;
}
