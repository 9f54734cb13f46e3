/** Challenges: scenario targets checked against a what-if's run (pure; no DOM, no clock). */
export { evaluateChallenge, evaluateChallenges, isWeeksUntilKpi } from './evaluate';
export type { ChallengeTarget, ChallengeContext, ChallengeCheck, ChallengeResult } from './evaluate';
export { judgeChallenges, medianKpis } from './judge';
export type { ChallengeBasis, TypicalOutcome, EstimateOutcome, JudgedChallenge, JudgeInputs } from './judge';
