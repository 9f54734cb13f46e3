/**
 * Mechanism 2: team size and mix (QSM; Brooks 1975; Chernoguz 2011; GDS service teams; Wachter 2016).
 */
import { ROLE_FAMILIES } from './levers';
import * as P from './parameter-bindings';

/** FTE of a fully productive reference team, whose pace (the reference team's output) sets what an effort-week is. Default 6; unit FTE; judgement (QSM: 3–7 people optimal). */
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
/** Most non-IT internal FTE already in post at week 0, however large the team asked for: the rest is recruited. Default 3; range 1–6; unit FTE; judgement. */
export const INITIAL_STAFFED_MAX_FTE = 3;
/** Weeks to staff the team with a vague goal and no mission. Default 20; range 12–30; unit weeks; judgement. */
export const STAFFING_WEEKS_SLOW = 20;
/** Weeks to staff the team with a clear goal and strong mission (a clear goal attracts the first team). Default 8; range 4–12; unit weeks; judgement. */
export const STAFFING_WEEKS_FAST = 8;

/** Return role coverage 0–1: the mean, over role families, of min(1, FTE / COVERAGE_FTE). */
export function roleCoverage(fte: Float64Array): number {
  let s = 0;
  for (let i = 0; i < ROLE_FAMILIES.length; i++) {
    const v = fte[i]! / P.COVERAGE_FTE;
    s += v >= 1 ? 1 : v > 0 ? v : 0;
  }
  return s / ROLE_FAMILIES.length;
}

/** Return the rework share for a role coverage: REWORK_MAX at 0 falling linearly to REWORK_MIN at 1. */
export function reworkShare(coverage: number): number {
  return P.REWORK_MAX - (P.REWORK_MAX - P.REWORK_MIN) * coverage;
}

/** Return the share of each person's time lost to communication among n people (Brooks; Chernoguz). */
export function communicationOverhead(people: number): number {
  if (people <= 1) return 0;
  const o = P.OVERHEAD_PER_PATH * people * (people - 1) * 0.5;
  return o > P.OVERHEAD_CAP ? P.OVERHEAD_CAP : o;
}

/** Return the adoption multiplier from role coverage: a team that can show the thing gets used. */
export function coverageAdoption(coverage: number): number {
  return 0.5 + 0.5 * coverage;
}

/** Return the clinician-pillar adoption multiplier from clinical FTE in the team (Wachter 2016). */
export function clinicalAdoption(clinicalFte: number): number {
  const c = clinicalFte / P.CLINICAL_INFORMATICIANS_FULL;
  return 0.7 + 0.3 * (c > 1 ? 1 : c);
}

/** Return the staffing time constant in weeks from goal clarity and mission alignment. */
export function staffingWeeks(clarity: number, mission: number): number {
  return P.STAFFING_WEEKS_SLOW - (P.STAFFING_WEEKS_SLOW - P.STAFFING_WEEKS_FAST) * (0.6 * clarity + 0.4 * mission);
}

/** Number of role families (ROLE_FAMILIES.length). */
export const ROLE_COUNT = 7;

/**
 * Share of an initiative's work that needs each role family, in ROLE_FAMILIES order (clinical, product, design,
 * engineering, data, infrastructure, strategy), by kind of work. Strategy staff plan; they do not build, so no
 * build work needs them. Judgement on the shares, from the roles of a GDS service team and the source guide
 * (a team of only IT, only strategy or only policy cannot show the thing).
 */
export const ROLE_NEEDS = {
  /** Foundations work (networks, hosting, integration): mostly infrastructure and engineering. */
  foundations: [0, 0.1, 0, 0.25, 0.05, 0.6, 0],
  /** Services for patients: design and product matter most after engineering. */
  patients: [0.1, 0.2, 0.2, 0.3, 0.05, 0.15, 0],
  /** Clinical systems: clinicians and clinical informaticians shape them. */
  clinicians: [0.2, 0.15, 0.1, 0.3, 0.1, 0.15, 0],
  /** Systems for support staff: product, engineering and data. */
  support: [0.05, 0.2, 0.1, 0.3, 0.2, 0.15, 0],
} as const;

/** Efficiency with which other members of an initiative's team cover a role nobody holds. Default 0.25; range 0.1–0.4; unit share; judgement. */
export const ROLE_SUBSTITUTION = 0.25;
/**
 * People at which one initiative's progress saturates (work can be split only so far: Brooks 1975). Progress on
 * one initiative grows as N·(1 − e^(−n/N)) with n effective people. Default 6; range 4–10; unit FTE; source QSM
 * (491 projects: teams of 3–7 most efficient, larger teams only a little faster), Putnam's software equation
 * (schedule ∝ people^−0.2 at fixed size); the form is judgement.
 */
export const INITIATIVE_SATURATION_FTE = 6;

/**
 * Effort-weeks of an initiative that a balanced reference team, fully productive, completes in a week. Scenario
 * effort is a relative size (a typical initiative is 1–3); this sets the model's pace. Default 0.15; range
 * 0.08–0.2; unit effort-weeks per week; calibrated [judgement] so that the engine's default board reaches the
 * blank trust's goal in about a third of runs (McKinsey: about 30% of transformations succeed) and a well-led,
 * well-staffed trust reaches it in two to three and a half years (GDE evaluation, Krasuska et al. 2021).
 */
export const REFERENCE_TEAM_OUTPUT = 0.15;

/** Return the progress of one initiative with n effective people, in effort-weeks per week. */
export function initiativeTeamRate(people: number): number {
  if (people <= 0) return 0;
  const sat = P.INITIATIVE_SATURATION_FTE;
  return P.REFERENCE_TEAM_OUTPUT * (1 - Math.exp(-people / sat)) / (1 - Math.exp(-P.REFERENCE_TEAM_FTE / sat));
}

/**
 * Return the effective people on an initiative from the FTE of each role allocated to it (allocated[a …
 * a+ROLE_COUNT−1]) and the shares of its work each role is needed for (needs[o … o+ROLE_COUNT−1]): a harmonic
 * (CES, ρ = −1) mean, so roles complement each other and a scarce role is a bottleneck; a missing role is
 * covered by the others at ROLE_SUBSTITUTION. A balanced team of n gives n.
 */
export function effectivePeople(allocated: ArrayLike<number>, a0: number, needs: ArrayLike<number>, o: number): number {
  let total = 0;
  for (let r = 0; r < ROLE_COUNT; r++) total += allocated[a0 + r]!;
  if (total <= 0) return 0;
  let inv = 0;
  for (let r = 0; r < ROLE_COUNT; r++) {
    const a = needs[o + r]!;
    if (a <= 0) continue;
    const x = allocated[a0 + r]! + P.ROLE_SUBSTITUTION * a * total;
    inv += (a * a) / x;
  }
  return inv > 0 ? 1 / inv : 0;
}

/**
 * Share each active initiative's rate from the team: each role's FTE is split over the active initiatives in
 * proportion to what they need of it; an initiative's rate is initiativeTeamRate of its effective people. Writes
 * rate[i] for every i with active[i] set (others 0). `needs` holds ROLE_COUNT values per initiative; `scratch`
 * holds at least 2·ROLE_COUNT values.
 */
export function allocateTeam(fte: ArrayLike<number>, needs: Float64Array, active: ArrayLike<number>, n: number, rate: Float64Array, scratch: Float64Array): void {
  const demand = scratch;
  for (let r = 0; r < ROLE_COUNT; r++) demand[r] = 0;
  for (let i = 0; i < n; i++) {
    rate[i] = 0;
    if (!active[i]) continue;
    for (let r = 0; r < ROLE_COUNT; r++) demand[r] = demand[r]! + needs[i * ROLE_COUNT + r]!;
  }
  // Each initiative's allocation goes to scratch[ROLE_COUNT …] (no views made: this runs many times a replication).
  for (let i = 0; i < n; i++) {
    if (!active[i]) continue;
    for (let r = 0; r < ROLE_COUNT; r++) {
      const a = needs[i * ROLE_COUNT + r]!;
      const d = demand[r]!;
      scratch[ROLE_COUNT + r] = a > 0 && d > 0 ? (fte[r]! * a) / d : 0;
    }
    rate[i] = initiativeTeamRate(effectivePeople(scratch, ROLE_COUNT, needs, i * ROLE_COUNT));
  }
}

/** Return the FTE of a team that can build (every role family but strategy). */
export function buildFte(fte: ArrayLike<number>): number {
  let s = 0;
  for (let r = 0; r < ROLE_COUNT - 1; r++) s += fte[r]!;
  return s;
}
