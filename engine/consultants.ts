/**
 * Mechanism 3: external consultants and contractors (Ko, Kirsch & King 2005; Kirkpatrick, Sturdy & Veronesi 2019).
 */
import * as P from './parameter-bindings';

/** Productivity of external staff when the trust has no capability to direct them (not an informed buyer). Default 0.7; range 0.5–0.9; unit share; judgement. */
export const EXTERNAL_BASE_PRODUCTIVITY = 0.7;
/** Extra productivity of external staff when in-house capability is full. Default 0.3; unit share; judgement. */
export const EXTERNAL_CAPABILITY_LIFT = 0.3;
/** Share of external time lost to handovers and context as contractors rotate. Default 0.1; range 0–0.2; unit share; judgement. */
export const EXTERNAL_HANDOVER_LOSS = 0.1;
/** How much of adoption depends on the team being the trust's own people (externally built services are owned less). Default 0.3; range 0–0.5; unit share; judgement. */
export const EXTERNAL_OWNERSHIP_PENALTY = 0.3;

/** Return the productivity of one external FTE given in-house capability K (0–1). */
export function externalProductivity(capability: number): number {
  return (P.EXTERNAL_BASE_PRODUCTIVITY + P.EXTERNAL_CAPABILITY_LIFT * capability) * (1 - P.EXTERNAL_HANDOVER_LOSS);
}

/** Return the adoption multiplier for a team with a given external share. */
export function externalAdoption(externalShare: number): number {
  return 1 - P.EXTERNAL_OWNERSHIP_PENALTY * externalShare;
}

/** Return the learning input (reference-team units) from internal FTE plus the knowledge-transfer fraction of external FTE. */
export function learningFte(internalFte: number, externalFte: number, knowledgeTransfer: number): number {
  return internalFte + knowledgeTransfer * externalFte;
}
