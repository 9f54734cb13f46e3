/**
 * Mechanism 11: board confidence and risk appetite (source guide: Milton Keynes, SCAS).
 */
import * as P from './parameter-bindings';

/** Confidence gained from a visible win (a go-live), towards 1. Default 0.1; range 0.04–0.15; unit share of the gap; judgement. */
export const WIN_GAIN = 0.1;
/** Confidence lost with a failed initiative (a business-critical failure counts double). Default 0.15; range 0.08–0.25; unit share of confidence; judgement. */
export const FAILURE_LOSS = 0.15;
/** Confidence lost per week per unit of operational dip. Default 0.03; unit share per week; judgement. */
export const DIP_DRAG = 0.03;
/** Confidence memory: it relaxes towards its starting value with this time constant. Default 156; range 52–208; unit weeks; judgement. */
export const CONFIDENCE_MEMORY_WEEKS = 156;
/** Time for risk appetite to follow confidence. Default 13; range 4–26; unit weeks; judgement. */
export const APPETITE_LAG_WEEKS = 13;
/** Risk appetite below which the board will not start a big-bang business-critical change. Default 0.25; unit share; judgement. */
export const CRITICAL_START_APPETITE = 0.25;
/** Capacity (funding) multiplier at zero risk appetite; it rises linearly to 2 − this at full appetite. Default 0.7 (0.7–1.3); range 0.6–0.9; unit ×; judgement. */
export const FUNDING_AT_ZERO_APPETITE = 0.7;

/** Share of a win's effect felt with no board member engaged (engaged boards see wins). Default 0.6; unit share; judgement. */
export const WIN_SEEN_WITHOUT_ENGAGEMENT = 0.6;
/** Risk appetite per unit of confidence with a blame culture; a no-blame culture adds up to the culture's share of appetite. Default 0.8; unit ×; judgement. */
export const APPETITE_PER_CONFIDENCE = 0.8;
/** Extra risk appetite per unit of confidence in a fully no-blame culture. Default 0.4; unit ×; judgement. */
export const CULTURE_APPETITE = 0.4;

/** Return confidence after one week, given wins (benefit-weighted go-lives), failures and the dip. */
export function stepConfidence(confidence: number, start: number, wins: number, failures: number, dip: number, boardEngaged: number): number {
  let c = confidence + (start - confidence) / P.CONFIDENCE_MEMORY_WEEKS;
  if (wins > 0) c += P.WIN_GAIN * wins * (P.WIN_SEEN_WITHOUT_ENGAGEMENT + (1 - P.WIN_SEEN_WITHOUT_ENGAGEMENT) * boardEngaged) * (1 - c);
  if (failures > 0) c -= P.FAILURE_LOSS * failures * c;
  c -= P.DIP_DRAG * dip * c;
  return c < 0 ? 0 : c > 1 ? 1 : c;
}

/** Return risk appetite after one week of following confidence (a no-blame culture lifts it). */
export function stepAppetite(appetite: number, confidence: number, culture: number): number {
  let target = confidence * (P.APPETITE_PER_CONFIDENCE + P.CULTURE_APPETITE * culture);
  if (target > 1) target = 1;
  return appetite + (target - appetite) / P.APPETITE_LAG_WEEKS;
}

/** Return the capacity multiplier from what the board will fund at a risk appetite. */
export function fundingFromAppetite(appetite: number): number {
  return P.FUNDING_AT_ZERO_APPETITE + 2 * (1 - P.FUNDING_AT_ZERO_APPETITE) * appetite;
}
