/**
 * Mechanism 12: infrastructure first (source guide: Milton Keynes, SCAS's first stage).
 */

import * as P from './parameter-bindings';

/** Infrastructure built per reference team of infrastructure staff per week, towards 1. Default 0.003; unit share of the gap per week; judgement. */
export const INFRA_BUILD_RATE = 0.003;
/** Infrastructure decay per week at full legacy burden. Default 0.001; unit share per week; judgement. */
export const INFRA_LEGACY_DECAY = 0.001;
/** Infrastructure gained when a foundations initiative goes live, as a share of the remaining gap. Default 0.35; range 0.2–0.5; unit share; judgement. */
export const INFRA_GO_LIVE_STEP = 0.35;
/** Progress speed of an initiative with no infrastructure at all relative to one whose need is met. Default 0.25; unit share; judgement. */
export const INFRA_MIN_SPEED = 0.25;

/** Share of infrastructure building lost at full legacy burden. Default 0.5; unit share; judgement. */
export const LEGACY_BUILD_DRAG = 0.5;

/** Return the progress multiplier of an initiative needing `need` when infrastructure is `infra`. */
export function infrastructureSpeed(infra: number, need: number): number {
  return infrastructureSpeedAt(infra, need, P.INFRA_MIN_SPEED);
}

/** Return infrastructureSpeed for a given INFRA_MIN_SPEED (the weekly loop holds it in a local). */
export function infrastructureSpeedAt(infra: number, need: number, minSpeed: number): number {
  if (need <= 0 || infra >= need) return 1;
  const r = infra / need;
  return minSpeed + (1 - minSpeed) * r * r;
}

/** Return the share of the remaining infrastructure gap closed in a week by the infrastructure staff present, against the legacy drag. */
export function infrastructureBuildRate(infraFte: number, legacy: number): number {
  return P.INFRA_BUILD_RATE * (infraFte / P.REFERENCE_TEAM_FTE) * (1 - P.LEGACY_BUILD_DRAG * legacy);
}

/** Return the share of infrastructure legacy systems wear away in a week. */
export function infrastructureDecayRate(legacy: number): number {
  return P.INFRA_LEGACY_DECAY * legacy;
}

/**
 * Return infrastructure after one week at a build rate and a decay rate (infrastructureBuildRate and
 * infrastructureDecayRate). The weekly loop takes the rates from the exogenous path, computed once per input.
 */
export function stepInfrastructureAt(infra: number, buildRate: number, decayRate: number): number {
  const next = infra + buildRate * (1 - infra) - decayRate * infra;
  return next < 0 ? 0 : next > 1 ? 1 : next;
}

/** Return infrastructure after one week of work by infrastructure staff against legacy decay. */
export function stepInfrastructure(infra: number, infraFte: number, legacy: number): number {
  return stepInfrastructureAt(infra, infrastructureBuildRate(infraFte, legacy), infrastructureDecayRate(legacy));
}

/** Return infrastructure after a foundations initiative goes live. */
export function infrastructureGoLive(infra: number, benefit: number): number {
  const step = P.INFRA_GO_LIVE_STEP * (benefit > 1.5 ? 1.5 : benefit < 0.5 ? 0.5 : benefit);
  return infra + step * (1 - infra);
}
