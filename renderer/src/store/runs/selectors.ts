import type { OpenRun } from '../../model/open-run';
import type { RunsSlice } from './runs-state';

/** Return the reference run, if any run is open. */
export const selectReferenceRun = (s: RunsSlice): OpenRun | undefined =>
  s.openRuns.find((r) => r.id === s.referenceRunId) ?? s.openRuns[0];
