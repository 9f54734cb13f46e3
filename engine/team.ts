/**
 * Mechanism 2: team size and mix (QSM; Brooks 1975; Chernoguz 2011; GDS service teams; Wachter 2016).
 */
import { ROLE_FAMILIES } from './levers';

/** FTE of a fully productive reference team; initiative effort is measured in this team's weeks. Default 6; unit FTE; judgement (QSM: 3–7 people optimal). */
export const REFERENCE_TEAM_FTE = 6;
/** Communication overhead per person-week per communication path, n(n−1)/2 paths. Default 0.0006; unit share; source Chernoguz 2011. */
export const OVERHEAD_PER_PATH = 0.0006;
/** Largest share of time communication overhead can take. Default 0.6; range 0.4–0.8; unit share; judgement. */
export const OVERHEAD_CAP = 0.6;
/** Productivity of a newcomer relative to an experienced member. Default 0.67; unit share; source Brooks 1975 / newcomer studies. */
export const NEWCOMER_PRODUCTIVITY = 0.67;
/** Weeks for a newcomer to become fully productive (assimilation time constant). Default 6; range 4–12; unit weeks; source newcomer studies cited by Brooks. */
export const NEWCOMER_WEEKS = 6;
/** FTE of a role family that counts as the family being present. Default 1; unit FTE; judgement. */
export const COVERAGE_FTE = 1;
/** Rework share with no role coverage. Default 0.4; unit share; judgement (brief: ≈0.4 → 0.1). */
export const REWORK_MAX = 0.4;
/** Rework share with full role coverage. Default 0.1; unit share; judgement. */
export const REWORK_MIN = 0.1;
/** Clinician-informaticians that give clinical adoption its full lift. Default 5; range 2–8; unit FTE; source Wachter 2016. */
export const CLINICAL_INFORMATICIANS_FULL = 5;
/** Share of non-IT internal roles already in post at week 0 (IT is in post). Default 0.3; range 0–1; unit share; judgement. */
export const INITIAL_STAFFED_SHARE = 0.3;
/** Weeks to staff the team with a vague goal and no mission. Default 20; range 12–30; unit weeks; judgement. */
export const STAFFING_WEEKS_SLOW = 20;
/** Weeks to staff the team with a clear goal and strong mission (a clear goal attracts the first team). Default 8; range 4–12; unit weeks; judgement. */
export const STAFFING_WEEKS_FAST = 8;

/** Return role coverage 0–1: the mean, over role families, of min(1, FTE / COVERAGE_FTE). */
export function roleCoverage(fte: Float64Array): number {
  let s = 0;
  for (let i = 0; i < ROLE_FAMILIES.length; i++) {
    const v = fte[i]! / COVERAGE_FTE;
    s += v >= 1 ? 1 : v > 0 ? v : 0;
  }
  return s / ROLE_FAMILIES.length;
}

/** Return the rework share for a role coverage: REWORK_MAX at 0 falling linearly to REWORK_MIN at 1. */
export function reworkShare(coverage: number): number {
  return REWORK_MAX - (REWORK_MAX - REWORK_MIN) * coverage;
}

/** Return the share of each person's time lost to communication among n people (Brooks; Chernoguz). */
export function communicationOverhead(people: number): number {
  if (people <= 1) return 0;
  const o = OVERHEAD_PER_PATH * people * (people - 1) * 0.5;
  return o > OVERHEAD_CAP ? OVERHEAD_CAP : o;
}

/** Return the adoption multiplier from role coverage: a team that can show the thing gets used. */
export function coverageAdoption(coverage: number): number {
  return 0.5 + 0.5 * coverage;
}

/** Return the clinician-pillar adoption multiplier from clinical FTE in the team (Wachter 2016). */
export function clinicalAdoption(clinicalFte: number): number {
  const c = clinicalFte / CLINICAL_INFORMATICIANS_FULL;
  return 0.7 + 0.3 * (c > 1 ? 1 : c);
}

/** Return the staffing time constant in weeks from goal clarity and mission alignment. */
export function staffingWeeks(clarity: number, mission: number): number {
  return STAFFING_WEEKS_SLOW - (STAFFING_WEEKS_SLOW - STAFFING_WEEKS_FAST) * (0.6 * clarity + 0.4 * mission);
}
