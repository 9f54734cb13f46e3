import { castDraft } from 'immer';
import type { Attribution, ReproductionReport, RunFile, SensitivityResult } from '../../../../engine';
import type { SliceCreator } from '../index';

/**
 * Most runs the Compare view holds at once: ten, each told apart by colour and dash (runColour, runDash);
 * more lines would not read on one chart.
 */
export const MAX_OPEN_RUNS = 10;

/** Where an open run came from. */
export type RunOrigin = 'file' | 'current' | 'pinned';

/**
 * What re-simulating an open run showed. `checked` carries the engine's reproduction report
 * (reproduced, engine-changed with both summaries, or not-reproduced); `fresh` means the run was
 * simulated just now (a current or pinned what-if), so there is nothing stored to check.
 */
export type RunCheck =
  | { readonly status: 'checking' }
  | { readonly status: 'fresh' }
  | { readonly status: 'checked'; readonly report: ReproductionReport }
  | { readonly status: 'failed'; readonly message: string };

/** One run open for comparison: its inputs and stored summary (never simulation arrays). */
export interface OpenRun {
  readonly id: string;
  readonly origin: RunOrigin;
  /** The file it was opened from (display only), if any. */
  readonly fileName: string | null;
  /** The run as a run file holds it: scenario, overrides, seed, replications, label, notes, summary. */
  readonly run: RunFile;
  readonly check: RunCheck;
}

/** The newest attribution of a gap between two open runs (plain numbers; goes into the board pack). */
export interface RunsAttribution {
  readonly referenceId: string;
  readonly otherId: string;
  readonly attribution: Attribution;
}

/** The newest sensitivity analysis and what it was run on (plain numbers; goes into the board pack). */
export interface RunsSensitivity {
  /** Which source it analysed (an AnalysisSource id) and a fingerprint of that source's input then. */
  readonly sourceId?: string;
  readonly inputKey?: string;
  readonly sourceLabel: string;
  readonly seed: number;
  readonly replications: number;
  readonly result: SensitivityResult;
}

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
});
