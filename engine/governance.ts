/**
 * Mechanism 5: leadership ownership and governance friction (source guide; Krasuska et al. 2021).
 * Whole board > chief executive and chair > one executive > nobody; the multipliers are judgement.
 */
import * as P from './parameter-bindings';

/** Leadership strength by ownership level 0–3 (nobody, one executive, CEO+chair, whole board). Default 0/0.4/0.7/1; unit share; judgement. */
export const OWNERSHIP_STRENGTH: readonly number[] = [0, 0.4, 0.7, 1];
/** Base governance friction (share of capacity lost waiting for decisions and unblocking) by ownership level. Default 0.45/0.33/0.22/0.12; range ±0.1; unit share; judgement. */
export const OWNERSHIP_FRICTION: readonly number[] = [0.45, 0.33, 0.22, 0.12];
/** Priorities added per year when nobody resists piling them on, by ownership level. Default 3/2/1/0.25; range 0–5; unit priorities/year; judgement. */
export const PRIORITY_CREEP_PER_YEAR: readonly number[] = [3, 2, 1, 0.25];
/** Largest relief from governance friction at full urgency (bureaucratic pragmatism). Default 0.4; range 0.2–0.6; unit share; source guide (Covid), judgement on size. */
export const URGENCY_FRICTION_RELIEF = 0.4;
/** Lower bound of governance friction. Default 0.02; range 0.01–0.05; unit share; judgement. */
export const FRICTION_MIN = 0.02;
/** Upper bound of governance friction. Default 0.8; range 0.6–0.9; unit share; judgement. */
export const FRICTION_MAX = 0.8;

/** Friction removed at full board engagement. Default 0.25; range 0.1–0.4; unit share; judgement. */
export const ENGAGEMENT_FRICTION_CUT = 0.25;
/** Friction removed at full empowerment of the team. Default 0.2; range 0.1–0.3; unit share; judgement (CNTW: decisions devolved to the frontline). */
export const EMPOWERMENT_FRICTION_CUT = 0.2;
/** Friction removed by a fully no-blame culture. Default 0.15; range 0–0.3; unit share; judgement. */
export const CULTURE_FRICTION_CUT = 0.15;
/** Extra friction at full legacy burden. Default 0.3; range 0.1–0.5; unit share; judgement. */
export const LEGACY_FRICTION = 0.3;
/** Leadership strength kept with no board member engaged (the rest needs engagement). Default 0.7; unit share; judgement. */
export const STRENGTH_WITHOUT_ENGAGEMENT = 0.7;
/** Priority creep removed by full alignment with a mission. Default 0.4; unit share; judgement. */
export const MISSION_CREEP_CUT = 0.4;

/** Return the value of a 4-level table at a possibly fractional ownership level (linear interpolation). */
export function byOwnership(table: readonly number[], ownership: number): number {
  const o = ownership < 0 ? 0 : ownership > 3 ? 3 : ownership;
  const i = Math.floor(o);
  if (i >= 3) return table[3]!;
  const f = o - i;
  return table[i]! * (1 - f) + table[i + 1]! * f;
}

/** Return leadership strength 0–1 from ownership level and the share of the board engaged. */
export function leadershipStrength(ownership: number, boardEngaged: number): number {
  return byOwnership(OWNERSHIP_STRENGTH, ownership) * (P.STRENGTH_WITHOUT_ENGAGEMENT + (1 - P.STRENGTH_WITHOUT_ENGAGEMENT) * boardEngaged);
}

/** Return standing governance friction (before urgency) from leadership, empowerment, culture and legacy. */
export function baseFriction(ownership: number, boardEngaged: number, empowerment: number, culture: number, legacy: number): number {
  return byOwnership(OWNERSHIP_FRICTION, ownership) * (1 - P.ENGAGEMENT_FRICTION_CUT * boardEngaged) * (1 - P.EMPOWERMENT_FRICTION_CUT * empowerment)
    * (1 - P.CULTURE_FRICTION_CUT * culture) * (1 + P.LEGACY_FRICTION * legacy);
}

/** Return this week's governance friction given urgency (0–1) and any relief granted by a shock (0–1). */
export function governanceFriction(base: number, urgency: number, relief: number): number {
  const g = base * (1 - P.URGENCY_FRICTION_RELIEF * urgency) * (1 - relief);
  return g < P.FRICTION_MIN ? P.FRICTION_MIN : g > P.FRICTION_MAX ? P.FRICTION_MAX : g;
}

/** Return priorities added per week by creep, given ownership and mission alignment (a mission resists side demands). */
export function priorityCreepPerWeek(ownership: number, mission: number): number {
  return (byOwnership(PRIORITY_CREEP_PER_YEAR, ownership) * (1 - P.MISSION_CREEP_CUT * mission)) / 52;
}

/** Return how well sponsorship protects improvement time under pressure (0–1). */
export function improvementProtection(leadership: number, culture: number): number {
  return 0.5 * leadership + 0.5 * culture;
}

/** Priorities a leadership of no strength can steer at once (decisions, unblocking, sponsorship). Default 3; range 2–5; unit priorities; judgement. */
export const STEERED_PRIORITIES_BASE = 3;
/** Extra priorities a leadership at full strength (the whole board engaged) can steer. Default 9; range 5–12; unit priorities; judgement (Milton Keynes: each board member leads their own part). */
export const STEERED_PRIORITIES_LEADERSHIP = 9;

/** How much of the work waits on the leadership's decisions: the elasticity of progress to the decision queue. Default 0.4; range 0.2–0.7; unit —; judgement (teams decide much for themselves; the rest queues). */
export const DECISION_ELASTICITY = 0.4;

/**
 * Return the share of the time work is not waiting in the leadership's decision queue: when the organisation runs
 * more priorities than its leaders can steer, decisions wait longer in proportion (Little's law on the queue),
 * however large the team; the part of the work that needs them is DECISION_ELASTICITY. With `fastPower`, the
 * power is taken as exp(e·ln x): equal to Math.pow within rounding and several times faster, for the paths a
 * Monte Carlo with uncertainty 'all' builds in every replication (luck-only runs keep Math.pow and their bits).
 */
export function decisionShare(priorities: number, leadership: number, fastPower = false): number {
  const steered = P.STEERED_PRIORITIES_BASE + P.STEERED_PRIORITIES_LEADERSHIP * leadership;
  if (priorities <= steered) return 1;
  const e = P.DECISION_ELASTICITY;
  return fastPower ? Math.exp(e * Math.log(steered / priorities)) : Math.pow(steered / priorities, e);
}
