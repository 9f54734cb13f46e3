/**
 * Mechanism 9: go-live dips, failure risk and the benefit lag (Cambridge 2014; source guide, CNTW; Dranove et al. 2014).
 */
import * as P from './parameter-bindings';

/** Operational dip of a big-bang, business-critical go-live. Default 0.2; range 0.1–0.3; unit share of operations; source Cambridge 2014 EPR go-live (≈20% fall in A&E performance). */
export const DIP_BIG_BANG = 0.2;
/** Dip of a pilot-then-scale go-live relative to big bang. Default 0.3; unit ×; judgement. */
export const DIP_PILOT_FACTOR = 0.3;
/** Dip of a non-critical go-live relative to a critical one. Default 0.25; unit ×; judgement. */
export const DIP_NON_CRITICAL_FACTOR = 0.25;
/** Dip recovery time constant with no legacy burden. Default 13; range 13–52 (3–12 months, with legacy); unit weeks; source Cambridge 2014, judgement. */
export const DIP_RECOVERY_WEEKS = 13;
/** Benefit delay (third-order) with the noise off. Default 130 (30 months); range 104–156; unit weeks; source guide (CNTW: up to three years), Dranove et al. 2014. */
export const BENEFIT_DELAY_WEEKS = 130;
/** Spread of the benefit delay across replications (uniform ± this). Default 26; unit weeks; judgement. */
export const BENEFIT_DELAY_SPREAD = 26;
/** Extra effort a pilot in model teams needs, as a share of base effort. Default 0.3; range 0.2–0.5; unit share; judgement (CNTW). */
export const PILOT_EFFORT_SHARE = 0.3;
/** Adoption ceiling (fit) of a big-bang rollout relative to a piloted one. Default 0.85; unit share; judgement (CNTW). */
export const BIG_BANG_FIT = 0.85;
/** Adoption speed of a piloted rollout relative to big bang (local champions). Default 1.3; unit ×; judgement. */
export const PILOT_ADOPTION_SPEED = 1.3;
/** Probability that a big-bang business-critical go-live fails outright at reference conditions. Default 0.12; range 0.05–0.25; unit probability; judgement from EPR go-live literature. */
export const GO_LIVE_FAILURE = 0.12;
/** Go-live failure of a pilot-then-scale rollout relative to big bang. Default 0.35; unit ×; judgement (CNTW). */
export const PILOT_FAILURE_FACTOR = 0.35;
/** Go-live failure of a non-critical initiative relative to a critical one. Default 0.5; unit ×; judgement. */
export const NON_CRITICAL_FAILURE_FACTOR = 0.5;
/** Weekly failure hazard of an initiative in build at reference conditions and reference pace. Default 0.0015; range 0.0005–0.004; unit 1/week; judgement (≈30% of large transformations judged successful). */
export const BUILD_HAZARD = 0.0015;
/**
 * Weeks a build takes at reference pace, for the build hazard: risk comes with the work done (a build at reference
 * pace carries the build hazard times this), so slow work is not failed work. Default 40; range 26–78; unit weeks; judgement.
 */
export const REFERENCE_BUILD_WEEKS = 40;
/** Share of the build hazard that accrues with calendar time whatever the progress (stalled work loses sponsors and is stopped). Default 0.25; range 0.1–0.5; unit share; judgement. */
export const STALL_HAZARD_SHARE = 0.25;

/** Return the exposure to build risk in a week: a calendar part plus the part of the work done this week. */
export function buildExposure(progress: number, effort: number): number {
  return buildExposureAt(progress, effort, P.STALL_HAZARD_SHARE, (1 - P.STALL_HAZARD_SHARE) * P.REFERENCE_BUILD_WEEKS);
}

/** Return buildExposure for a given STALL_HAZARD_SHARE and (1 − it) · REFERENCE_BUILD_WEEKS (the weekly loop holds both in locals). */
export function buildExposureAt(progress: number, effort: number, stall: number, paceWeight: number): number {
  return stall + paceWeight * (effort > 0 ? progress / effort : 0);
}
/** Benefit share realised with no in-house capability (Dranove: benefits need local IT skills). Default 0.5; unit share; source Dranove et al. 2014. */
export const BENEFIT_WITHOUT_CAPABILITY = 0.5;

/** Go-live failure multiplier per unit of infrastructure gap. Default 3; range 1–5; unit ×; judgement. */
export const INFRA_GAP_GO_LIVE_RISK = 3;
/** Go-live failure multiplier at full fatigue. Default 1 (doubles the risk); unit ×; judgement. */
export const FATIGUE_GO_LIVE_RISK = 1;
/** Go-live failure multiplier with no role coverage. Default 0.6; unit ×; judgement. */
export const COVERAGE_GO_LIVE_RISK = 0.6;
/** Build hazard multiplier of business-critical work. Default 1.5; unit ×; judgement. */
export const CRITICAL_BUILD_RISK = 1.5;
/** Build hazard multiplier per unit of infrastructure gap. Default 4; range 2–6; unit ×; judgement (Milton Keynes). */
export const INFRA_GAP_BUILD_RISK = 4;
/** Build hazard multiplier at full fatigue. Default 1.5; unit ×; judgement. */
export const FATIGUE_BUILD_RISK = 1.5;
/** Build hazard multiplier with no role coverage. Default 0.5; unit ×; judgement. */
export const COVERAGE_BUILD_RISK = 0.5;
/** Build hazard increase per thing each person juggles beyond two (stretched attention). Default 0.04; range 0.02–0.08; unit × per priority; judgement. */
export const PRIORITY_BUILD_RISK = 0.04;
/** Build hazard removed by a fully no-blame culture (problems surface early). Default 0.3; unit share; judgement. */
export const CULTURE_BUILD_RISK_CUT = 0.3;
/** Extra dip per unit of legacy burden. Default 0.5; unit ×; judgement. */
export const LEGACY_DIP = 0.5;
/** Extra dip recovery time per unit of legacy burden, as a multiple of the go-live dip's recovery time. Default 2; unit ×; judgement (3–12 months). */
export const LEGACY_RECOVERY = 2;

/** Return the operational dip added by one go-live (deeper with legacy and coordination debt). `noise` is a uniform draw in [0,1) (0.5 with the noise off) spreading the dip over 10–30%. */
export function goLiveDip(critical: boolean, piloted: boolean, legacy: number, noise: number, debt = 0): number {
  const base = P.DIP_BIG_BANG * (0.5 + noise) * (1 + P.LEGACY_DIP * legacy) * (1 + P.DEBT_DIP * debt);
  return base * (piloted ? P.DIP_PILOT_FACTOR : 1) * (critical ? 1 : P.DIP_NON_CRITICAL_FACTOR);
}

/** Return the dip recovery time constant in weeks (longer with more legacy systems). */
export function dipRecoveryWeeks(legacy: number): number {
  return P.DIP_RECOVERY_WEEKS * (1 + P.LEGACY_RECOVERY * legacy);
}

/** Return the probability that a go-live fails, given its kind, the infrastructure gap, fatigue and role coverage. */
export function goLiveFailure(critical: boolean, piloted: boolean, infraGap: number, fatigue: number, coverage: number): number {
  const p = P.GO_LIVE_FAILURE * (critical ? 1 : P.NON_CRITICAL_FAILURE_FACTOR) * (piloted ? P.PILOT_FAILURE_FACTOR : 1)
    * (1 + P.INFRA_GAP_GO_LIVE_RISK * infraGap) * (1 + P.FATIGUE_GO_LIVE_RISK * fatigue) * (1 + P.COVERAGE_GO_LIVE_RISK * (1 - coverage));
  return p > 0.9 ? 0.9 : p;
}

/** Build hazard of a piloting initiative relative to one in build. Default 0.3; unit ×; judgement (CNTW model teams). */
export const PILOT_HAZARD_FACTOR = 0.3;

/** Return the build hazard multiplier of role coverage (1 at full coverage). */
export function coverageHazardFactor(coverage: number): number {
  return 1 + P.COVERAGE_BUILD_RISK * (1 - coverage);
}

/** Return the build hazard multiplier of the work the team juggles (effectiveConcurrency; 1 up to two). */
export function priorityHazardFactor(priorities: number): number {
  return 1 + P.PRIORITY_BUILD_RISK * (priorities > 2 ? priorities - 2 : 0);
}

/**
 * Return the weekly build hazard shared by all active initiatives from fatigue and the two other multipliers
 * (coverageHazardFactor, priorityHazardFactor), which the weekly loop takes from the run and the exogenous path.
 */
export function buildHazardWeekAt(fatigue: number, coverageFactor: number, priorityFactor: number): number {
  return P.BUILD_HAZARD * (1 + P.FATIGUE_BUILD_RISK * fatigue) * coverageFactor * priorityFactor;
}

/** Return the part of the weekly build hazard shared by all active initiatives: fatigue, role coverage, priorities. */
export function buildHazardWeek(fatigue: number, coverage: number, priorities: number): number {
  return buildHazardWeekAt(fatigue, coverageHazardFactor(coverage), priorityHazardFactor(priorities));
}

/** Business-critical changes the organisation can run at once without building coordination debt. Default 2; range 1–3; unit changes; source guide (SCAS: at most about two business-critical changes at once), judgement. */
export const CRITICAL_CONCURRENCY_SAFE = 2;
/**
 * Coordination (integration) debt added per week per business-critical change in flight above the safe level, at
 * legacy burden 0.5 (it scales with 0.5 + legacy). Debt is dimensionless: 1 doubles build risk. Default 0.012;
 * range 0.006–0.025; unit debt per change-week; judgement (SCAS: changing several interlinked legacy systems at
 * once multiplies interface work and operational risk).
 */
export const DEBT_GAIN = 0.012;
/** Time for coordination debt to drain once the overload passes. Default 26; range 13–52 (3–12 months); unit weeks; judgement. */
export const DEBT_DRAIN_WEEKS = 26;
/** Build and go-live risk of business-critical work per unit of coordination debt. Default 1; range 0.5–2; unit × per debt; judgement. */
export const DEBT_RISK = 1;
/** Rework per unit of coordination debt: progress is divided by 1 + this × debt. Default 0.5; range 0.2–1; unit × per debt; judgement. */
export const DEBT_REWORK = 0.5;
/** Extra go-live dip per unit of coordination debt. Default 0.5; range 0.2–1; unit × per debt; judgement (Cambridge 2014). */
export const DEBT_DIP = 0.5;
/** Share of the legacy burden that a go-live integrating or replacing legacy systems (a foundations initiative of benefit 1) removes for later work. Default 0.3; range 0.1–0.5; unit share; source guide (SCAS integrated first to lower the risk of later stages), size judgement. */
export const INTEGRATION_RELIEF = 0.3;
/**
 * Extra work a new system needs per unit of legacy burden still in place: interfaces to old systems, data
 * migration and workarounds. Progress of work that does not itself integrate legacy (a foundations initiative) is
 * divided by 1 + this × legacy. Default 1; range 0.4–1.5; unit × per unit of legacy; source guide (SCAS
 * integrated its legacy systems first so that later stages would be quicker and safer; Milton Keynes), size
 * judgement.
 */
export const LEGACY_INTERFACE_WORK = 1;

/** Return the progress divisor of new work over the legacy burden still in place (foundations work does not pay it). */
export function legacyWork(legacy: number): number {
  return 1 + P.LEGACY_INTERFACE_WORK * legacy;
}

/** Extra build risk at full urgency: decisions are rushed and governance is cut short. Default 0.5; range 0.2–1; unit ×; judgement (bureaucratic pragmatism has a cost). */
export const URGENCY_SHORTCUT_RISK = 0.5;

/** Return coordination debt after one week, given the business-critical changes in flight and the legacy burden still in place. */
export function stepDebt(debt: number, criticalInFlight: number, legacy: number): number {
  const excess = criticalInFlight > P.CRITICAL_CONCURRENCY_SAFE ? criticalInFlight - P.CRITICAL_CONCURRENCY_SAFE : 0;
  return debt + P.DEBT_GAIN * excess * (0.5 + legacy) - debt / P.DEBT_DRAIN_WEEKS;
}

/** Return the legacy burden left after a go-live that integrates legacy systems (benefit weighs it, 0.5–1.5). */
export function legacyAfterIntegration(legacy: number, benefit: number): number {
  return legacy * (1 - P.INTEGRATION_RELIEF * (benefit > 1.5 ? 1.5 : benefit < 0.5 ? 0.5 : benefit));
}

/** Return an initiative's own hazard multiplier: business-critical work and missing infrastructure raise it. */
export function buildHazardFactor(critical: boolean, infraGap: number): number {
  return buildHazardFactorAt(critical, infraGap, P.CRITICAL_BUILD_RISK, P.INFRA_GAP_BUILD_RISK);
}

/** Return buildHazardFactor for given CRITICAL_BUILD_RISK and INFRA_GAP_BUILD_RISK (the weekly loop holds them in locals). */
export function buildHazardFactorAt(critical: boolean, infraGap: number, criticalRisk: number, gapRisk: number): number {
  return (critical ? criticalRisk : 1) * (1 + gapRisk * infraGap);
}

/** Return the share of adopted value turned into benefit given in-house capability (0–1). */
export function benefitCapture(capability: number): number {
  return P.BENEFIT_WITHOUT_CAPABILITY + (1 - P.BENEFIT_WITHOUT_CAPABILITY) * capability;
}
