/**
 * The run set: the replications, seed and uncertainty from which every view of the app and the command line
 * computes a scenario's figures by default. Explore's headline and bands, Compare, Sensitivity's baseline, the
 * board pack and `momentum run FILE` all read a scenario through it, so that one scenario shows one set of
 * numbers wherever a board looks (the typical outcome is the median of these replications, the chance of
 * reaching the goal the share of them that reach it).
 */
import type { Uncertainty } from './assumptions';

/** What the run set fixes. */
export interface RunSet {
  readonly replications: number;
  readonly seed: number;
  readonly uncertainty: Uncertainty;
}

/**
 * 500 replications: the median's sampling error is then about 4% of the band's width (the standard error of a
 * median is ≈ 1.25 σ/√n), below the one decimal a board reads, while a run of the set takes well under a
 * second in the app's workers. Seed 1, and uncertainty 'all', the honest default (docs/MODEL.md, Uncertainty).
 */
export const RUN_SET: RunSet = { replications: 500, seed: 1, uncertainty: 'all' };
