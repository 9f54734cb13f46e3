/**
 * The largest scenario or run file the app and the command line read: 20 MB. Real files are a few
 * hundred kilobytes; a larger file is refused before it is parsed, so a huge or endless input
 * (`/dev/zero`) cannot take the memory or the time of the process.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * How many of each list a scenario file may hold. The 20 MB cap on an opened file allows tens of
 * thousands of initiatives or events, far past what the app can draw and re-run within a frame
 * while a lever moves; these caps keep every accepted file usable. Real trust portfolios hold
 * tens of initiatives and a handful of events, so each cap is several times any real case.
 * docs/SCENARIO-FORMAT.md gives the reason for each number.
 */
export const SCENARIO_LIMITS = {
  /** Initiatives in the portfolio: one row each on the portfolio chart and one card each in the editor. */
  initiatives: 200,
  /** Stages of the journey (the same as the largest stage cap, 40). */
  stages: 40,
  /** Timed events: one marker each on every chart. */
  events: 200,
  /** Conditions of one stage's entry gate. */
  gateConditions: 10,
  /** Prerequisites of one initiative. */
  prerequisites: 20,
  /** Initiative ids named by one gate condition or by the goal (never more than the portfolio holds). */
  initiativeIds: 200,
  /** Challenges (targets) of a workshop. */
  targets: 30,
  /** Locked levers (each at most once, so never more than the engine has levers). */
  lockedLevers: 100,
  /** Trainer objectives. */
  objectives: 30,
  /** Trainer discussion questions. */
  questions: 30,
  /** Trainer what-ifs. */
  whatIfs: 30,
  /** Trainer reveal steps. */
  reveals: 100,
  /** Prediction questions of one reveal step. */
  predictions: 10,
  /** Options of one vote. */
  predictionOptions: 8,
} as const;

/** What the scenario's top-level lists hold, as their limit messages name it. */
export const LIST_NOUNS = {
  initiatives: 'initiatives',
  stages: 'stages',
  events: 'events',
  targets: 'challenges (targets)',
  lockedLevers: 'locked levers',
} as const;

/** Return the message for a list over its limit, e.g. "must have at most 200 initiatives" (the parser adds ", got N"). */
export function limitMessage(max: number, noun: string): string {
  return `must have at most ${max} ${noun}`;
}
