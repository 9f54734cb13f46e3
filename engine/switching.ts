/**
 * Mechanism 1: the switching cost of concurrent priorities (Weinberg 1992; Little's law).
 */
import * as P from './parameter-bindings';

/** Share of time on real work with 1, 2, 3, 4, 5 concurrent priorities. Default 100/80/60/40/25%; unit share; source Weinberg, Quality Software Management (1992). */
export const WEINBERG_TABLE: readonly number[] = [1, 0.8, 0.6, 0.4, 0.25];
/** Floor the real-work share falls towards beyond five priorities. Default 0.15; range 0.10–0.20; unit share; judgement. */
export const SWITCHING_FLOOR = 0.15;
/** How fast the share falls from 25% towards the floor beyond five priorities. Default 6; range 3–10; unit priorities (e-folding); judgement. */
export const SWITCHING_DECAY = 6;

/** Return the share of team time spent on real work when running `priorities` at once (1 ≤ p; fractions interpolate). */
export function realWorkShare(priorities: number): number {
  const p = priorities < 1 ? 1 : priorities;
  if (p <= 5) {
    const i = Math.floor(p);
    if (i >= 5) return WEINBERG_TABLE[4]!;
    const f = p - i;
    return WEINBERG_TABLE[i - 1]! * (1 - f) + WEINBERG_TABLE[i]! * f;
  }
  return P.SWITCHING_FLOOR + (WEINBERG_TABLE[4]! - P.SWITCHING_FLOOR) * Math.exp(-(p - 5) / P.SWITCHING_DECAY);
}

/** Return the share of the portfolio's real work that goes to its active initiatives: they are `active` of `priorities` demands. */
export function portfolioShare(active: number, priorities: number): number {
  if (active <= 0) return 0;
  return priorities <= active ? 1 : active / priorities;
}

/**
 * Weight of each of the organisation's other priorities (those beyond the portfolio's work in flight) on the
 * portfolio team's attention: meetings, data requests and business-as-usual change that land on the same people.
 * Default 0.04; range 0.02–0.1; unit priorities of switching per other priority; judgement.
 */
export const OTHER_PRIORITY_WEIGHT = 0.04;
/**
 * Smallest team that can carry an initiative on its own, so that a team of n build FTE can run n / this
 * initiatives before anyone has to juggle two. Default 4; range 3–6; unit FTE; source QSM (teams of 3–7 most
 * efficient); judgement on using it as the split size.
 */
export const SUB_TEAM_FTE = 4;

/**
 * Most initiatives one person carries at once; work in flight beyond what the sub-teams can carry at this many
 * each waits for people (it is started but not worked). Default 2; range 1–3; unit initiatives per person;
 * judgement (Weinberg: two projects each still leave 80% of time for real work, three 60%; teams that limit work in
 * progress carry one each, and beyond three people serialise work informally).
 */
export const MAX_JUGGLED = 2;

/** Return how many sub-teams of SUB_TEAM_FTE a team of build FTE can form (at least 1). */
export function subTeams(buildFte: number): number {
  return buildFte > P.SUB_TEAM_FTE ? buildFte / P.SUB_TEAM_FTE : 1;
}

/** Return how many initiatives in flight the team works on at once: at most MAX_JUGGLED per sub-team. */
export function workedCapacity(buildFte: number): number {
  const k = Math.floor(subTeams(buildFte) * P.MAX_JUGGLED);
  return k < 1 ? 1 : k;
}

/**
 * Return how many things each member of the portfolio team juggles (Weinberg's "projects per person"): the
 * initiatives in flight over the sub-teams the team can form (at least 1 while anything is in flight), plus a
 * weighted share of the organisation's other priorities. Switching cost comes from this, not from the number typed.
 */
export function effectiveConcurrency(active: number, priorities: number, buildFte: number): number {
  return juggledWith(ownJuggled(active, buildFte), active, priorities);
}

/**
 * Return the portfolio's own part of what each member juggles: the initiatives the team works on over the
 * sub-teams it can form, 1 while anything is in flight on fewer, 0 with nothing in flight. It moves only when
 * the work in flight or the team present does, so the weekly loop keeps it between weeks.
 */
export function ownJuggled(active: number, buildFte: number): number {
  const teams = subTeams(buildFte);
  const worked = Math.min(active, workedCapacity(buildFte));
  return worked > teams ? worked / teams : worked > 0 ? 1 : 0;
}

/** Return effectiveConcurrency from its own part (ownJuggled), the initiatives in flight and the priorities. */
export function juggledWith(own: number, active: number, priorities: number): number {
  const others = priorities > active ? priorities - active : 0;
  const c = own + P.OTHER_PRIORITY_WEIGHT * others;
  return c < 1 ? 1 : c;
}

/** Return the share of the juggled work that is the portfolio's own (the rest goes to the other priorities). */
export function ownShare(active: number, priorities: number, buildFte: number): number {
  if (active <= 0) return 0;
  const own = ownJuggled(active, buildFte);
  return own / juggledWith(own, active, priorities);
}

/**
 * Return the share of the team's time not lost to waiting for decisions when `active` initiatives are in flight
 * and each is blocked a share `friction` of the time (Little's law with waits): the team is idle only when every
 * initiative in flight waits at once, so one initiative at a time leaves people idle and a few keep them busy.
 */
export function unblockedShare(friction: number, active: number): number {
  if (active <= 0) return 0;
  return 1 - Math.pow(friction, active);
}
