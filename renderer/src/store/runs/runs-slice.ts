import { castDraft } from 'immer';
import type { SliceCreator } from '../app-state';
import type { RunsSlice } from './runs-state';

export type { OpenRun, RunCheck, RunOrigin, RunsAssumptionScreen, RunsAttribution, RunsSensitivity } from '../../model/open-run';
export type { RunsSlice } from './runs-state';

/**
 * Most runs the Compare view holds at once: ten, each told apart by colour and dash (runColour, runDash);
 * more lines would not read on one chart.
 */
export const MAX_OPEN_RUNS = 10;

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
