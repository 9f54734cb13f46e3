/**
 * Mechanism 10: change fatigue of frontline staff (judgement; brief: staff absorb ~2–3 concurrent changes).
 */
import * as P from './parameter-bindings';

/** Concurrent changes frontline staff absorb without fatigue at average readiness. Default 2.5; range 2–3; unit changes; judgement. */
export const CHANGE_CAPACITY = 2.5;
/** Fatigue build-up per unit of relative overload per week. Default 0.04; range 0.02–0.08; unit 1/week; judgement. */
export const FATIGUE_GAIN = 0.04;
/** Fatigue recovery time constant. Default 39; range 26–52 (6–12 months); unit weeks; judgement. */
export const FATIGUE_RECOVERY_WEEKS = 39;
/** Weeks after a go-live during which it still loads frontline staff. Default 26; range 13–39; unit weeks; judgement. */
export const CHANGE_WINDOW_WEEKS = 26;
/** Change load of a business-critical go-live relative to a non-critical one. Default 1.5; unit ×; judgement. */
export const CRITICAL_CHANGE_WEIGHT = 1.5;
/** Change load of an operational dip: each 10% of dip counts as this many changes. Default 5 (each 10% of dip is half a change); unit changes per unit dip; judgement. */
export const DIP_CHANGE_LOAD = 5;

/** Change load of an initiative in build on frontline staff (workshops, testing, training); business-critical work weighs more, by the critical-change weight. Default 0.2; range 0.1–0.3; unit changes; judgement. */
export const BUILD_CHANGE_LOAD = 0.2;
/** Change load of an initiative piloting in model teams. Default 0.3; unit changes; judgement. */
export const PILOT_CHANGE_LOAD = 0.3;
/**
 * Change load of urgency at its full level, standing or from a shock (crisis work, rushed changes, pressure). The
 * load grows with the square of urgency: a mild sense of urgency is purpose, not pressure, while running in crisis
 * mode week after week wears people out (Kotter 2008, "false urgency"; burnout studies). Default 3; range 2–4;
 * unit changes at urgency 1; judgement on the size and the shape.
 */
export const URGENCY_CHANGE_LOAD = 3;
/** Change load on frontline staff of each of the organisation's other priorities (beyond the portfolio's work in flight). Default 0.08; range 0.04–0.15; unit changes per priority; judgement. */
export const OTHER_PRIORITY_CHANGE_LOAD = 0.08;

/** Change capacity at zero staff readiness relative to full change capacity; full readiness adds the readiness share of capacity. Default 0.8; unit ×; judgement. */
export const CAPACITY_WITHOUT_READINESS = 0.8;
/** Extra change capacity at full staff readiness. Default 0.4; unit ×; judgement. */
export const READINESS_CAPACITY = 0.4;

/** Return the change load urgency (0–1) puts on frontline staff: URGENCY_CHANGE_LOAD × urgency². */
export function urgencyLoad(urgency: number): number {
  return P.URGENCY_CHANGE_LOAD * urgency * urgency;
}

/** Return how many concurrent changes staff absorb given readiness (0–1). */
export function changeCapacity(readiness: number): number {
  return P.CHANGE_CAPACITY * (P.CAPACITY_WITHOUT_READINESS + P.READINESS_CAPACITY * readiness);
}

/** Return fatigue after one week given the change load and the capacity to absorb it. */
export function stepFatigue(fatigue: number, load: number, capacity: number): number {
  const over = load > capacity ? (load - capacity) / capacity : 0;
  const next = fatigue + P.FATIGUE_GAIN * over * (1 - fatigue) - fatigue / P.FATIGUE_RECOVERY_WEEKS;
  return next < 0 ? 0 : next > 1 ? 1 : next;
}
