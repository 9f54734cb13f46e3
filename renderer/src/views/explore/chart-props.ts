import type { ExploreRuns } from './use-explore-runs';

// The charts' props, below the panel and the charts it shows (wgll-chart.tsx), which both import them.

/** What the charts draw: the parts of the view's runs they read (not the pending flags or the error). */
export type ChartRuns = Pick<ExploreRuns, 'current' | 'bands' | 'bandsStale' | 'baseline' | 'baselineBands' | 'pinned' | 'shown' | 'revealing'>;

/** Props of ChartPanel. */
export interface ChartPanelProps {
  readonly runs: ChartRuns;
  readonly fontSize: number;
}
