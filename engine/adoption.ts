/**
 * Mechanism 8: staff and patient adoption by Bass diffusion per pillar (Bass 1969; Esdar et al. 2019).
 */
import * as P from './parameter-bindings';

/** Bass innovation coefficient for hospital EHR adoption. Default 0.025; unit 1/year; source Esdar et al. 2019. */
export const BASS_P_PER_YEAR = 0.025;
/** Bass imitation coefficient for hospital EHR adoption. Default 0.58; unit 1/year; source Esdar et al. 2019. */
export const BASS_Q_PER_YEAR = 0.58;
/** Speed-up of diffusion inside one organisation relative to diffusion between hospitals. Default 4; range 2–6; unit ×; judgement. */
export const WITHIN_TRUST_SPEEDUP = 4;
/** Adoption speed gain at full urgency. Default 1; range 0.5–2.5; unit ×(1+gain·U); judgement from 2020 remote-consultation shares. */
export const URGENCY_ADOPTION_GAIN = 1;
/** Adoption slowdown at full fatigue. Default 0.6; range 0.3–0.8; unit share; judgement. */
export const FATIGUE_ADOPTION_DRAG = 0.6;
/** Adoption speed with no staff readiness, relative to full readiness (which adds the rest). Default 0.6; unit share; judgement. */
export const SPEED_WITHOUT_READINESS = 0.6;
/** Adoption speed gain at full mission alignment. Default 0.1; unit share; judgement. */
export const MISSION_ADOPTION_GAIN = 0.1;
/** Weekly Bass p after scaling, at the defaults (stepAdoption computes it from the run's parameters). */
export const BASS_P_WEEK = (P.BASS_P_PER_YEAR * P.WITHIN_TRUST_SPEEDUP) / 52;
/** Weekly Bass q after scaling, at the defaults (stepAdoption computes it from the run's parameters). */
export const BASS_Q_WEEK = (P.BASS_Q_PER_YEAR * P.WITHIN_TRUST_SPEEDUP) / 52;

/** Return the adoption-speed multiplier of urgency, staff readiness and mission (fatigue, coverage and ownership multiply separately). */
export function adoptionSpeedBase(urgency: number, readiness: number, mission: number): number {
  return (1 + P.URGENCY_ADOPTION_GAIN * urgency) * (P.SPEED_WITHOUT_READINESS + (1 - P.SPEED_WITHOUT_READINESS) * readiness) * (1 + P.MISSION_ADOPTION_GAIN * mission);
}

/** Return the adoption-speed multiplier of change fatigue (0–1). */
export function fatigueDrag(fatigue: number): number {
  return 1 - P.FATIGUE_ADOPTION_DRAG * fatigue;
}

/** Return adoption after one week of Bass diffusion towards what is live (M), at a given speed multiplier. */
export function stepAdoption(adopted: number, live: number, speed: number): number {
  return stepAdoptionAt(adopted, live, speed, (P.BASS_P_PER_YEAR * P.WITHIN_TRUST_SPEEDUP) / 52, (P.BASS_Q_PER_YEAR * P.WITHIN_TRUST_SPEEDUP) / 52);
}

/** Return stepAdoption for given weekly Bass coefficients p and q (the weekly loop holds them in locals). */
export function stepAdoptionAt(adopted: number, live: number, speed: number, bassP: number, bassQ: number): number {
  if (live <= 0) return adopted > 0 ? adopted : 0;
  if (adopted >= live) return live;
  let rate = (bassP + (bassQ * adopted) / live) * speed;
  if (rate > 0.5) rate = 0.5;
  const next = adopted + rate * (live - adopted);
  return next > live ? live : next;
}
