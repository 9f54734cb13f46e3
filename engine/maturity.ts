/**
 * Maturity per pillar on the 1–5 scale of the Digital Maturity Assessment (self-assessed), and its inputs.
 */
import type { MaturityMeasureScore, MaturityOverlay, RunResult, WgllMeasure } from './types';
import * as P from './parameter-bindings';

/** Weight of adoption of the pillar's portfolio in the maturity gain. Default 0.7; unit share; judgement. */
export const MATURITY_ADOPTION_WEIGHT = 0.7;
/** Weight of capability above its reference level (the default start). Default 0.15; unit share; judgement. */
export const MATURITY_CAPABILITY_WEIGHT = 0.15;
/** Weight of infrastructure above its reference level. Default 0.15; unit share; judgement. */
export const MATURITY_INFRASTRUCTURE_WEIGHT = 0.15;

/**
 * Capability that counts as no foundations gain: in-house capability at the default staff readiness (0.15 + 0.35 ×
 * 0.4). Maturity reads foundations on this absolute scale, so a better start never counts for less. Judgement.
 */
export const CAPABILITY_REFERENCE = 0.29;
/** Infrastructure readiness that counts as no foundations gain: the default starting readiness. Judgement. */
export const INFRASTRUCTURE_REFERENCE = 0.4;

/** Return the weighted contribution of capability and infrastructure (both 0–1, from capabilityAbove and infrastructureAbove) shared by every pillar. */
export function foundationsGain(capabilityGain: number, infrastructureGain: number): number {
  return P.MATURITY_CAPABILITY_WEIGHT * capabilityGain + P.MATURITY_INFRASTRUCTURE_WEIGHT * infrastructureGain;
}

/** Return a pillar's maturity (1–5) from its starting score, its adoption (0–1) and the shared foundations gain. */
export function pillarMaturity(start: number, adoption: number, foundations: number): number {
  const m = start + (5 - start) * (P.MATURITY_ADOPTION_WEIGHT * adoption + foundations);
  return m < 1 ? 1 : m > 5 ? 5 : m;
}

/** Return the normalised part of a 0–1 stock above a fixed reference (0 at or below it). */
export function above(value: number, reference: number): number {
  if (value <= reference || reference >= 1) return 0;
  return (value - reference) / (1 - reference);
}

/** Return capability above CAPABILITY_REFERENCE, normalised to 0–1 (absolute, not a gain over the run's start). */
export function capabilityAbove(capability: number): number {
  return above(capability, CAPABILITY_REFERENCE);
}

/** Return infrastructure above INFRASTRUCTURE_REFERENCE, normalised to 0–1. */
export function infrastructureAbove(infra: number): number {
  return above(infra, INFRASTRUCTURE_REFERENCE);
}

/** Labels of the seven "What Good Looks Like" measures. */
export const WGLL_LABELS: Readonly<Record<WgllMeasure, string>> = {
  'well-led': 'Well led',
  'smart-foundations': 'Smart foundations',
  'safe-practice': 'Safe practice',
  'support-people': 'Support people',
  'empower-citizens': 'Empower citizens',
  'improve-care': 'Improve care',
  'healthy-populations': 'Healthy populations',
};

/** The note every overlay carries: real scores are self-assessed; these are derived from the model. */
export const OVERLAY_NOTE =
  'Scored 1–5 like the Digital Maturity Assessment. Real assessment scores are self-assessed by trusts; these are derived from the simulated stocks, not measured.';

function score01(x: number): number {
  const v = 1 + 4 * (x < 0 ? 0 : x > 1 ? 1 : x);
  return Math.round(v * 10) / 10;
}

function clampScore(x: number): number {
  const v = x < 1 ? 1 : x > 5 ? 5 : x;
  return Math.round(v * 10) / 10;
}

/**
 * Return the seven "What Good Looks Like" measures scored 1–5 at a week of a run (clamped to the horizon),
 * derived from its series: leadership, infrastructure, capability, pillar maturity, adoption, fatigue, dips
 * and benefits. The mapping is judgement.
 */
export function maturityOverlay(result: Pick<RunResult, 'series' | 'horizonWeeks'>, week: number): MaturityOverlay {
  const w = Math.max(0, Math.min(result.horizonWeeks, Math.round(Number.isFinite(week) ? week : 0)));
  const at = (id: string): number => result.series[id]?.[w] ?? 0;
  const leadership = at('leadership');
  const confidence = at('confidence');
  const friction = at('governanceFriction');
  const infra = at('infrastructure');
  const capability = at('capability');
  const fatigue = at('fatigue');
  const dip = at('operationalDip');
  const mP = at('maturity.patients') || 1;
  const mC = at('maturity.clinicians') || 1;
  const mS = at('maturity.support') || 1;
  const aP = at('adoption.patients');
  const aC = at('adoption.clinicians');
  const rate = at('benefitsRate');
  const benefitSignal = 1 - Math.exp(-rate / 3);
  const measures: MaturityMeasureScore[] = [
    { id: 'well-led', label: WGLL_LABELS['well-led'], score: score01(0.5 * leadership + 0.3 * confidence + 0.2 * (1 - friction / 0.6)), basis: 'Leadership strength, board confidence and how little governance friction slows work.' },
    { id: 'smart-foundations', label: WGLL_LABELS['smart-foundations'], score: score01(0.7 * infra + 0.3 * capability), basis: 'Infrastructure readiness and in-house capability.' },
    { id: 'safe-practice', label: WGLL_LABELS['safe-practice'], score: clampScore(mC - 4 * dip - 0.5 * fatigue), basis: 'Clinical maturity, less any operational dip and change fatigue.' },
    { id: 'support-people', label: WGLL_LABELS['support-people'], score: clampScore(mS - fatigue + (capability - 0.5)), basis: 'Support-staff maturity, in-house capability, less change fatigue.' },
    { id: 'empower-citizens', label: WGLL_LABELS['empower-citizens'], score: clampScore(mP), basis: 'Maturity of services for patients.' },
    { id: 'improve-care', label: WGLL_LABELS['improve-care'], score: score01(0.3 * (mC - 1) / 4 + 0.3 * aC + 0.4 * benefitSignal), basis: 'Clinical maturity and adoption, and benefits being realised.' },
    { id: 'healthy-populations', label: WGLL_LABELS['healthy-populations'], score: score01(0.4 * aP + 0.3 * (mP - 1) / 4 + 0.3 * benefitSignal), basis: 'Patient adoption and maturity, and benefits reaching people.' },
  ];
  return { week: w, measures, note: OVERLAY_NOTE };
}
