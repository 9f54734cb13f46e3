import { castDraft } from 'immer';
import type { RunFile } from '../../../../engine';
import type { OpenRun, RunCheck, RunOrigin, RunsAssumptionScreen, RunsAttribution, RunsSensitivity } from '../../model/open-run';
import type { SliceCreator } from '../index';

export type { OpenRun, RunCheck, RunOrigin, RunsAssumptionScreen, RunsAttribution, RunsSensitivity } from '../../model/open-run';

/**
 * Most runs the Compare view holds at once: ten, each told apart by colour and dash (runColour, runDash);
 * more lines would not read on one chart.
 */
export const MAX_OPEN_RUNS = 10;

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

let runCounter = 0;

/** Create the runs slice. */
export const createRunsSlice: SliceCreator<RunsSlice> = (set, get) => ({
  openRuns: [],
  referenceRunId: null,
  selectedSeries: 'maturity',
  selectedKpi: '',
  attribution: null,
  sensitivity: null,
  assumptionScreen: null,

  addRun: ({ origin, fileName = null, run, check = { status: 'checking' } }) => {
    if (get().openRuns.length >= MAX_OPEN_RUNS) return null;
    const id = `run-${++runCounter}`;
    set((s) => {
      s.openRuns.push(castDraft({ id, origin, fileName, run, check }));
      s.referenceRunId ??= id;
    });
    return id;
  },
  removeRun: (id) =>
    set((s) => {
      s.openRuns = s.openRuns.filter((r) => r.id !== id);
      if (s.referenceRunId === id) s.referenceRunId = s.openRuns[0]?.id ?? null;
      if (s.attribution && (s.attribution.referenceId === id || s.attribution.otherId === id)) s.attribution = null;
    }),
  clearRuns: () =>
    set((s) => {
      s.openRuns = [];
      s.referenceRunId = null;
      s.attribution = null;
    }),
  markRunSaved: (id, fileName) =>
    set((s) => {
      const r = s.openRuns.find((x) => x.id === id);
      if (!r) return;
      r.origin = 'file';
      r.fileName = fileName;
    }),
  setRunCheck: (id, check) =>
    set((s) => {
      const r = s.openRuns.find((x) => x.id === id);
      if (r) r.check = castDraft(check);
    }),
  setReferenceRun: (id) =>
    set((s) => {
      if (s.openRuns.some((r) => r.id === id)) s.referenceRunId = id;
    }),
  setSelectedSeries: (id) =>
    set((s) => {
      s.selectedSeries = id;
    }),
  setSelectedKpi: (id) =>
    set((s) => {
      s.selectedKpi = id;
    }),
  setAttribution: (a) =>
    set((s) => {
      s.attribution = a ? castDraft(a) : null;
    }),
  setSensitivity: (x) =>
    set((s) => {
      s.sensitivity = x ? castDraft(x) : null;
    }),
  setAssumptionScreen: (x) =>
    set((s) => {
      s.assumptionScreen = x ? castDraft(x) : null;
    }),
});
