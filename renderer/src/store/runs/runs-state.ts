import type { RunFile } from '../../../../engine';
import type { OpenRun, RunCheck, RunOrigin, RunsAssumptionScreen, RunsAttribution, RunsSensitivity } from '../../model/open-run';

/** The runs slice: the runs open in the Compare view, the reference run and the series shown. */
export interface RunsSlice {
  openRuns: OpenRun[];
  /** The run every other run's KPI deltas and attribution are measured against. */
  referenceRunId: string | null;
  /** The series id the Compare view overlays. */
  selectedSeries: string;
  /** The KPI the Sensitivity view analyses (and Compare attributes). */
  selectedKpi: string;
  /** The newest attribution, while both of its runs are open. */
  attribution: RunsAttribution | null;
  /** The newest sensitivity analysis. */
  sensitivity: RunsSensitivity | null;
  /** The newest assumption screening (which assumptions matter). */
  assumptionScreen: RunsAssumptionScreen | null;

  /** Add a run; returns its id, or null when MAX_OPEN_RUNS are open. The first run becomes the reference. */
  addRun(run: { origin: RunOrigin; fileName?: string | null; run: RunFile; check?: RunCheck }): string | null;
  /** Close a run; if it was the reference, the first remaining run becomes the reference. */
  removeRun(id: string): void;
  /** Close every run. */
  clearRuns(): void;
  /** Record that a what-if was saved to a file: it is now a file run. */
  markRunSaved(id: string, fileName: string): void;
  /** Record what re-simulating a run showed. */
  setRunCheck(id: string, check: RunCheck): void;
  /** Choose the reference run. */
  setReferenceRun(id: string): void;
  /** Choose the series to overlay. */
  setSelectedSeries(id: string): void;
  /** Choose the KPI to analyse. */
  setSelectedKpi(id: string): void;
  /** Keep the newest attribution. */
  setAttribution(a: RunsAttribution | null): void;
  /** Keep the newest sensitivity analysis. */
  setSensitivity(s: RunsSensitivity | null): void;
  /** Keep the newest assumption screening. */
  setAssumptionScreen(s: RunsAssumptionScreen | null): void;
}

