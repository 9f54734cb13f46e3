/**
 * Types of the model validation suite (Sterman, Business Dynamics, ch. 21; Barlas 1996): cases declared as
 * data with a pure evaluator, the context they run in, and the report the script writes.
 */
import type { KpiDistribution, LeverValues, MonteCarloResult, RunResult, SimInput } from '../types';

/** The kinds of test of the validation literature, plus the project's named properties (P1–P8). */
export const VALIDATION_CATEGORIES = ['property', 'structure', 'extreme', 'reproduction', 'anomaly', 'family'] as const;

/** One kind of validation test. */
export type ValidationCategory = (typeof VALIDATION_CATEGORIES)[number];

/** Plain-language heading of each category, in report order. */
export const CATEGORY_TITLES: Readonly<Record<ValidationCategory, string>> = {
  property: 'Properties',
  structure: 'Structure and units',
  extreme: 'Extreme conditions',
  reproduction: 'Behaviour reproduction',
  anomaly: 'Behaviour anomalies',
  family: 'Family members',
};

/** What an evaluator found: the measured figure, whether the threshold holds, and a plain account. */
export interface CaseOutcome {
  readonly figure: number | string;
  readonly pass: boolean;
  readonly detail: string;
}

/** Prepared scenarios keyed by scenario id, already converted to the engine's input. */
export type PreparedInputs = Readonly<Record<string, SimInput>>;

/**
 * What an evaluator may use. Every run shares one seed (common random numbers), so two settings differ only by
 * the settings; runs are memoised by input, lever changes and replications, so cases that ask for the same run
 * pay for it once.
 */
export interface ValidationContext {
  /** Prepared scenarios by id (the engine reads no files: the caller parses them). */
  readonly scenarios: PreparedInputs;
  /** Replications of a run unless a case asks for fewer. */
  readonly replications: number;
  /** Seed of every run. */
  readonly seed: number;
  /** Return the Monte Carlo of `input` with `levers` laid over its own, with every series' bands. */
  run(input: SimInput, levers?: LeverValues, replications?: number): MonteCarloResult;
  /** Return only the KPI distributions of the same run (no bands kept: cheaper for sweeps). */
  kpis(input: SimInput, levers?: LeverValues, replications?: number): Readonly<Record<string, KpiDistribution>>;
  /** Return the expected-value run (noise off, SPEC R4) of `input` with `levers` laid over its own. */
  expected(input: SimInput, levers?: LeverValues): RunResult;
}

/** One validation case: what it tests, where the expectation comes from, and how to judge it. */
export interface ValidationCase {
  /** Stable id, e.g. 'P1', 'X-no-team', 'B-dip-recovers'. */
  readonly id: string;
  readonly category: ValidationCategory;
  /** What is tested, in plain words. */
  readonly title: string;
  /** Citation the expectation rests on, or 'judgement'. */
  readonly source: string;
  /** The pass condition in words. */
  readonly threshold: string;
  /** Measure the model in this context and judge it against the threshold. */
  readonly evaluate: (ctx: ValidationContext) => CaseOutcome;
}

/** A case's outcome together with its description, as reported. */
export interface ValidationResult extends CaseOutcome {
  readonly id: string;
  readonly category: ValidationCategory;
  readonly title: string;
  readonly source: string;
  readonly threshold: string;
}

/** The machine-readable report (engine/validation/results.json): date-free, so the same engine writes the same bytes. */
export interface ValidationReport {
  readonly engineVersion: string;
  readonly replications: number;
  readonly seed: number;
  readonly passed: number;
  readonly failed: number;
  readonly results: readonly ValidationResult[];
}
