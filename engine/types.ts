/**
 * The engine's public data contract: what a simulation takes in and what it gives back.
 * Every other layer (renderer, CLI, electron, scenario files) speaks these types.
 */

/** A duration or point in time counted in simulated weeks from the start (week 0). */
export type Weeks = number;
/** A proportion between 0 and 1. */
export type Share = number;

/** The three pillars a board can segment its digital agenda into (the Milton Keynes model). */
export const PILLARS = ['patients', 'clinicians', 'support'] as const;
/** One pillar of the digital agenda. */
export type Pillar = (typeof PILLARS)[number];

/** How the guide frames the board's levers; the Explore view groups sliders by these. */
export const LEVER_GROUPS = ['leadership', 'team', 'goal', 'urgency', 'priorities', 'starting-point'] as const;
/** A group of levers. */
export type LeverGroup = (typeof LEVER_GROUPS)[number];

/** One labelled choice of a discrete lever (e.g. who owns digital). */
export interface LeverOption {
  readonly value: number;
  readonly label: string;
}

/** Metadata for one board setting. Every lever is numeric; discrete levers list their options. */
export interface LeverDef {
  readonly id: string;
  readonly label: string;
  readonly group: LeverGroup;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
  /** One plain-language line on what the lever means. */
  readonly explanation: string;
  /** Where the mapping comes from, or "judgement". */
  readonly source: string;
  /** Present for discrete levers: the labelled values, in order. */
  readonly options?: readonly LeverOption[];
  /**
   * The part of the range a real trust's board would plausibly choose, where it is narrower than min–max (a
   * typical first team is not 20 FTE of one role). Sensitivity moves levers over it by default, and the base
   * rate draws boards from it. Absent: the whole range.
   */
  readonly plausibleMax?: number;
}

/** Lever values by lever id. Missing ids take the lever's default. */
export type LeverValues = Readonly<Record<string, number>>;

/** How an initiative goes live. */
export type RolloutMode = 'big-bang' | 'pilot-then-scale';

/** One piece of work in the trust's portfolio. */
export interface Initiative {
  readonly id: string;
  readonly name: string;
  readonly pillar: Pillar;
  /** Weeks of work for a fully productive reference team (before switching, friction, etc.). */
  readonly effortWeeks: Weeks;
  /** Whether a failure or go-live dip of this system disrupts operations (counts against stage caps). */
  readonly businessCritical: boolean;
  /** Ids of initiatives that must be live before this one can start. */
  readonly prerequisites: readonly string[];
  readonly rollout: RolloutMode;
  /** Relative size of the benefit once adopted (1 = a typical initiative). */
  readonly benefit: number;
  /** Infrastructure readiness (0–1) this initiative needs to progress at full speed. 0 = none. */
  readonly infrastructureNeed: Share;
  /** Whether delivering this initiative builds infrastructure (foundations work). */
  readonly buildsInfrastructure?: boolean;
  /** Stage this initiative belongs to; it cannot start before its stage opens. */
  readonly stage?: string;
  /** It cannot start before this week (e.g. a deliberately delayed phase). */
  readonly earliestStartWeek?: Weeks;
}

/** One condition of a stage's entry gate; a stage opens when all of its conditions hold. */
export type StageGate =
  | { readonly kind: 'week'; readonly week: Weeks }
  | { readonly kind: 'initiatives-live'; readonly ids: readonly string[] }
  | { readonly kind: 'infrastructure'; readonly atLeast: Share }
  | { readonly kind: 'confidence'; readonly atLeast: Share }
  | { readonly kind: 'maturity'; readonly atLeast: number };

/** A stage of a staged journey (e.g. SCAS: integrate → renew and replace → system working). */
export interface Stage {
  readonly id: string;
  readonly name: string;
  /** All conditions must hold for the stage to open. Empty = open from week 0. */
  readonly gate: readonly StageGate[];
  /** At most this many business-critical initiatives in flight at once while this stage is the latest open one. */
  readonly maxConcurrentCritical: number;
}

/** A timed event from the scenario. */
export type ScenarioEvent =
  | {
      readonly kind: 'urgency-shock';
      readonly week: Weeks;
      readonly label: string;
      /** Added to the urgency stock (0–1 scale). */
      readonly size: Share;
      /** While urgency stays high, the organisation runs at most this many priorities. */
      readonly priorityCap?: number;
      /** Share of governance friction removed while the shock lasts (bureaucratic pragmatism). */
      readonly governanceRelief?: Share;
    }
  | { readonly kind: 'people-leave'; readonly week: Weeks; readonly label: string; readonly share: Share }
  | { readonly kind: 'new-chief-executive'; readonly week: Weeks; readonly label: string; readonly ownership: number }
  | { readonly kind: 'funding-change'; readonly week: Weeks; readonly label: string; readonly factor: number };

/** What "weeks to goal" is measured against. */
export type Goal =
  | { readonly kind: 'maturity'; readonly atLeast: number }
  | { readonly kind: 'initiatives-live'; readonly ids: readonly string[] }
  | { readonly kind: 'adoption'; readonly pillar: Pillar; readonly atLeast: Share };

/** Everything the engine needs for one run (apart from the seed). */
export interface SimInput {
  /** Number of weekly steps, 1–520; default 260. */
  readonly horizonWeeks: Weeks;
  readonly levers: LeverValues;
  readonly initiatives: readonly Initiative[];
  readonly stages: readonly Stage[];
  readonly events: readonly ScenarioEvent[];
  readonly goal: Goal;
}

/** What happened to one initiative in a run. Weeks are -1 when it did not happen. */
export interface InitiativeOutcome {
  readonly id: string;
  readonly startWeek: Weeks;
  readonly goLiveWeek: Weeks;
  readonly failedWeek: Weeks;
  /** Weeks spent in a pilot before scaling (pilot-then-scale only), else 0. */
  readonly pilotWeeks: Weeks;
  /**
   * Week the first attempt started, -1 if it never started. It differs from startWeek (the latest start) when a
   * failed initiative was re-planned and started again; failedWeek is then the first attempt's failure.
   */
  readonly firstStartWeek?: Weeks;
  /** Times the initiative was started: 0, 1, or 2 when a failure was re-planned and tried again. */
  readonly attempts?: number;
  /**
   * Week of the latest failure, -1 if it never failed: equal to failedWeek after one failure, later when the
   * retry failed too. A retry that has not failed (lastFailedWeek before startWeek) went live or was still in
   * progress at the horizon (goLiveWeek says which).
   */
  readonly lastFailedWeek?: Weeks;
}

/** Something that happened during a run, for the timeline and the "why" panel. */
export interface RunEvent {
  readonly week: Weeks;
  readonly kind: string;
  readonly label: string;
  readonly initiativeId?: string;
}

/** The constraints that can bind progress, in the order the "why" panel lists them. */
export const CONSTRAINTS = [
  'switching',
  'governance',
  'fatigue',
  'capability',
  'infrastructure',
  'scope',
  'team',
] as const;
/** One binding constraint. */
export type Constraint = (typeof CONSTRAINTS)[number];

/** Which way of moving a lever eases a constraint: 1 raising it, −1 lowering it, 0 it depends on the rest. */
export type EasingDirection = 1 | -1 | 0;

/**
 * The constraints each lever chiefly acts on, and which way of moving it eases each one; levers not listed
 * (starting maturity, board confidence) act on no constraint's loss. Used to say which of the board's changes
 * lie behind a constraint that moved (explainChange, SPEC X3). It follows the mechanisms that compute each loss
 * (engine/exogenous.ts, engine/simulate.ts) and must change with them. 0 marks a lever whose effect turns with
 * the rest of the settings (a bigger team covers more roles but talks more), judged by what the run shows.
 */
export const LEVER_CONSTRAINTS: Readonly<Record<string, Readonly<Partial<Record<Constraint, EasingDirection>>>>> = {
  // Fewer priorities at once, less time lost to switching (Weinberg).
  'priorities.concurrent': { switching: -1 },
  // Owners unblock their portfolios (friction) and resist new priorities creeping in.
  'leadership.ownership': { governance: 1, switching: 1 },
  'leadership.boardEngaged': { governance: 1 },
  'leadership.culture': { governance: 1 },
  'team.empowerment': { governance: 1 },
  // Team size and mix: more of a role covers it but adds communication overhead, so the run decides.
  'team.clinical': { team: 0, capability: 0 },
  'team.product': { team: 0, capability: 0 },
  'team.design': { team: 0, capability: 0 },
  'team.engineering': { team: 0, capability: 0 },
  'team.data': { team: 0, capability: 0 },
  'team.infrastructure': { team: 0, capability: 0, infrastructure: 1 },
  'team.strategy': { team: 0, capability: 0 },
  // Consultants bring capacity at once and leave little capability behind.
  'team.external': { team: 1, capability: -1 },
  'team.knowledgeTransfer': { capability: 1 },
  'start.infrastructure': { infrastructure: 1 },
  // Old systems slow the building of foundations and add to the friction of every decision.
  'start.legacy': { infrastructure: -1, governance: -1 },
  // A clear goal stops the scope growing ("collecting rocks") and staffs the team sooner.
  'goal.clarity': { scope: 1, team: 1 },
  // A wider mission resists new priorities creeping in and staffs the team sooner.
  'goal.mission': { switching: 1, team: 1 },
  // Urgency focuses the organisation on fewer priorities, speeds decisions and loads change onto the front line.
  'urgency.standing': { fatigue: 0, switching: 1, governance: 1 },
  'urgency.lockIn': { fatigue: 0, switching: 1 },
  // Staff who are ready absorb change and start with more capability.
  'start.staffReadiness': { fatigue: 1, capability: 1 },
};

/**
 * For one period, how much of the lost progress each constraint accounts for (shares sum to 1) and, for runs
 * made since the engine records it, how much progress each lost in absolute terms.
 */
export interface PeriodExplanation {
  readonly fromWeek: Weeks;
  readonly toWeek: Weeks;
  readonly binding: Constraint;
  readonly shares: Readonly<Record<Constraint, Share>>;
  /**
   * Each constraint's loss over the period: −ln of its weekly multiplier, summed over the period's weeks. Unlike
   * the shares it compares across runs; absent from runs saved before it was recorded.
   */
  readonly losses?: Readonly<Record<Constraint, number>>;
}

/** A plain-language insight tied to one of the guide's lessons. */
export interface Insight {
  readonly id: string;
  /** The lesson it illustrates, e.g. "L1". */
  readonly lesson: string;
  readonly text: string;
  /** Larger = more important; the UI shows the top few. */
  readonly weight: number;
}

/** Named KPI values; every value is a finite number. */
export type Kpis = Readonly<Record<string, number>>;

/** Result of one run (stochastic or expected-value). */
export interface RunResult {
  readonly engineVersion: string;
  readonly seed: number;
  readonly horizonWeeks: Weeks;
  /** Weekly series by series id; each has horizonWeeks + 1 points (week 0 … horizon). */
  readonly series: Readonly<Record<string, Float64Array>>;
  readonly timeline: readonly InitiativeOutcome[];
  readonly events: readonly RunEvent[];
  readonly kpis: Kpis;
  readonly explanations: readonly PeriodExplanation[];
  readonly insights: readonly Insight[];
}

/** Percentile bands of one series across replications. */
export interface SeriesBands {
  readonly p10: Float64Array;
  readonly p50: Float64Array;
  readonly p90: Float64Array;
  readonly mean: Float64Array;
}

/** Distribution of one KPI across replications. */
export interface KpiDistribution {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly mean: number;
  /** Every replication's value, in replication order. */
  readonly values: Float64Array;
}

/**
 * How one initiative fared across the replications of a Monte Carlo (SPEC R11). Shares count replications
 * out of all of them; the go-live weeks are nearest-rank percentiles (R9) over the replications in which it
 * went live, null when it went live in none.
 */
export interface InitiativeOdds {
  readonly id: string;
  /** Share of replications in which it is live at the horizon. */
  readonly live: Share;
  /** Share in which it failed at least once (whether or not a re-planned retry then went live). */
  readonly failed: Share;
  /** Share in which its latest attempt had failed by the horizon and no retry had started since. */
  readonly failedAtEnd: Share;
  /** Go-live week P10, P50, P90 among the replications in which it went live; null when there are none. */
  readonly goLiveP10: Weeks | null;
  readonly goLiveP50: Weeks | null;
  readonly goLiveP90: Weeks | null;
}

/** Result of a Monte Carlo run. */
export interface MonteCarloResult {
  readonly engineVersion: string;
  readonly seed: number;
  /** Which uncertainty the bands show: 'noise' (luck alone) or 'all' (luck and the model's assumptions). */
  readonly uncertainty: 'noise' | 'all';
  readonly replications: number;
  readonly horizonWeeks: Weeks;
  readonly bands: Readonly<Record<string, SeriesBands>>;
  readonly kpis: Readonly<Record<string, KpiDistribution>>;
  /**
   * Per initiative, in the input's order (the reference portfolio's for an input with none, R7): how often it
   * is live or failed at the horizon and when it usually goes live (SPEC R11).
   */
  readonly initiatives: readonly InitiativeOdds[];
}

/**
 * The raw values of replications [from, to) of one Monte Carlo, made by `monteCarloPart` and joined by
 * `mergeMonteCarlo`. Plain data (numbers, strings, typed arrays) so that it survives structuredClone and
 * postMessage; `partBuffers` lists its buffers for transfer.
 */
export interface MonteCarloPart {
  readonly engineVersion: string;
  readonly seed: number;
  /** As in MonteCarloResult; absent in parts made before uncertainty was an option (then 'noise'). */
  readonly uncertainty?: 'noise' | 'all';
  /** First replication of the part (inclusive). */
  readonly from: number;
  /** End of the part (exclusive): it holds to − from replications. */
  readonly to: number;
  readonly horizonWeeks: Weeks;
  /** Ids of the series whose bands are wanted, in SERIES order (exogenous ones included; they carry no values). */
  readonly series: readonly string[];
  /**
   * Per wanted stochastic series, the single-precision values of its replications in blocks of 16 (so that
   * writing them and reading a few weeks of them are both runs of contiguous memory): with W = horizonWeeks + 1,
   * replication from + 16k + b's value of week w is at 16·W·k + 16·w + b; the array holds ⌈(to − from)/16⌉
   * whole blocks (16·W values each), the unused places of the last one zero.
   */
  readonly values: Readonly<Record<string, Float32Array>>;
  /** Per KPI, its to − from values in replication order. */
  readonly kpis: Readonly<Record<string, Float64Array>>;
  /** Ids of the initiatives run (the input's, or the reference portfolio's for an input with none), in order. */
  readonly initiatives: readonly string[];
  /**
   * Per replication and initiative, with n initiatives replication from + r's initiative i at r·n + i: its
   * go-live week, −1 when it is not live at the horizon (SPEC R11).
   */
  readonly goLiveWeeks: Int16Array;
  /**
   * Same layout: how each initiative ended, as bits: OUTCOME_LIVE (live at the horizon), OUTCOME_FAILED
   * (failed at least once), OUTCOME_FAILED_AT_END (its latest attempt failed and no retry had started since).
   */
  readonly outcomes: Uint8Array;
}

/** Bit of MonteCarloPart.outcomes: the initiative is live at the horizon. */
export const OUTCOME_LIVE = 1;
/** Bit of MonteCarloPart.outcomes: the initiative failed at least once. */
export const OUTCOME_FAILED = 2;
/** Bit of MonteCarloPart.outcomes: the initiative's latest attempt failed and no retry had started by the horizon. */
export const OUTCOME_FAILED_AT_END = 4;

/** The swing of one KPI when one lever moves to the low and high ends of its range. */
export interface SensitivityRow {
  readonly leverId: string;
  readonly lowValue: number;
  readonly highValue: number;
  readonly kpiAtLow: number;
  readonly kpiAtHigh: number;
  /** |kpiAtHigh − kpiAtLow|; rows come sorted by this, largest first. */
  readonly swing: number;
}

/** Result of a one-at-a-time sensitivity analysis. */
export interface SensitivityResult {
  readonly kpi: string;
  readonly baseline: number;
  readonly rows: readonly SensitivityRow[];
}

/** The seven "What Good Looks Like" success measures, in the order the overlay lists them. */
export const WGLL_MEASURES = [
  'well-led',
  'smart-foundations',
  'safe-practice',
  'support-people',
  'empower-citizens',
  'improve-care',
  'healthy-populations',
] as const;
/** One "What Good Looks Like" measure. */
export type WgllMeasure = (typeof WGLL_MEASURES)[number];

/** One measure of the maturity overlay, scored 1–5. */
export interface MaturityMeasureScore {
  readonly id: WgllMeasure;
  readonly label: string;
  /** 1–5, like the Digital Maturity Assessment. */
  readonly score: number;
  /** Which simulated stocks the score comes from, in plain words. */
  readonly basis: string;
}

/** The maturity overlay at one week. */
export interface MaturityOverlay {
  readonly week: Weeks;
  readonly measures: readonly MaturityMeasureScore[];
  /** States that real scores are self-assessed and these are derived from the simulation. */
  readonly note: string;
}

/** Documentation of one mechanism of the model, for the "how the model works" view. */
export interface MechanismDoc {
  /** Mechanism number 1–13 as in the model brief. */
  readonly number: number;
  /** SPEC rule id, e.g. "C1". */
  readonly rule: string;
  readonly title: string;
  /** What it does, in plain words. */
  readonly summary: string;
  /** The equation(s), in plain text. */
  readonly equation: string;
  /** Evidence and where mappings are judgement. */
  readonly source: string;
  /** Lessons (L1–L8) it drives. */
  readonly lessons: readonly string[];
  /** Lever ids it reads. */
  readonly levers: readonly string[];
}

/** How a parameter's value is known: from a published source, partly, or by judgement alone. */
export type EvidenceClass = 'evidence' | 'mixed' | 'judgement';

/** A model parameter that is not a lever, as the parameter registry lists it (engine/parameter-registry.ts). */
export interface ParameterDef {
  /** The constant's name in the engine, e.g. "REFERENCE_TEAM_OUTPUT". */
  readonly id: string;
  readonly label: string;
  readonly default: number;
  /**
   * Plausible range; a parameter drawn in "all" uncertainty is drawn over it from a two-piece triangular
   * distribution whose mode and median are the default (assumptions.ts, splitTriangularQuantile).
   */
  readonly min: number;
  readonly max: number;
  /** False where the source states no range and the registry uses the default ±50% (judgement). */
  readonly rangeStated: boolean;
  readonly unit: string;
  readonly evidence: EvidenceClass;
  readonly source: string;
  readonly mechanism: string;
  /** The engine file that defines it. */
  readonly file: string;
}
