import {
  looksLikeScenario,
  makeRunFile,
  methodFor,
  parseRunFile,
  parseScenario,
  runTask,
  serializeRunFile,
  taskOf,
  type LeverValues,
  type RunFile,
  type RunSpec,
  type Scenario,
  type SimRunner,
  type TaskResult,
  type Uncertainty,
} from '../../../engine';
import { withDocumentExtension } from '../../../engine/core';
import { getPlatform, type OpenedFile, type RecentFile } from '../platform';
import { useAppStore } from '../store';
import { MAX_OPEN_RUNS, type RunOrigin } from '../store/runs/runs-slice';
import { problemInWords } from '../model/problem-words';
import { fileStem } from './chart-image';
import { putRunResult } from './run-results';

/** What to simulate and record for a new run. */
export interface NewRun {
  readonly label: string;
  /** The team saving the run in a multi-team round (blank: none). */
  readonly team?: string;
  readonly notes: string;
  readonly scenario: Scenario;
  readonly overrides: LeverValues;
  readonly seed: number;
  readonly replications: number;
  /** Which uncertainty the run draws: the run set's ('all') unless the user chose otherwise. */
  readonly uncertainty: Uncertainty;
}

/** File name suggested when saving a run: its label as a file stem plus `.momentum-run`. */
export function runFileName(label: string): string {
  return withDocumentExtension(fileStem(label), 'run');
}

/**
 * Simulate a what-if (Monte Carlo with its seed and replications, or one seeded run when there is
 * one replication) and return it as a run file with its KPI summary, stamped with the time now.
 */
export async function simulateNewRun(spec: NewRun, runner: SimRunner): Promise<{ run: RunFile; result: TaskResult }> {
  const runSpec: RunSpec = {
    // A run label is one line (the run file format says so).
    label: spec.label.replace(/[\r\n]+/g, ' ').trim() || 'Untitled run',
    scenario: spec.scenario,
    overrides: { ...spec.overrides },
    method: methodFor(spec.replications),
    seed: spec.seed,
    replications: spec.replications,
    uncertainty: spec.uncertainty,
  };
  const result = await runTask(taskOf(runSpec), runner);
  const engineVersion = result.method === 'monte-carlo' ? result.monteCarlo.engineVersion : result.run.engineVersion;
  // A team name is one line, like a label; a blank one is no team at all.
  const team = spec.team?.replace(/[\r\n]+/g, ' ').trim();
  const run = makeRunFile(runSpec, result.summary, { engineVersion, savedAt: new Date().toISOString(), notes: spec.notes, ...(team ? { team } : {}) });
  return { run, result };
}

/** Save a run file through the platform's Save dialog (named after its team, if any); returns the saved file's name, or null when cancelled. */
export async function saveRunFile(run: RunFile): Promise<string | null> {
  const ref = await getPlatform().saveFileAs({ kind: 'run', name: runFileName(run.team ?? run.label), text: serializeRunFile(run) });
  return ref ? ref.name : null;
}

/** The outcome of asking the user for a run file. */
export type OpenRunOutcome =
  | { readonly kind: 'opened'; readonly id: string; readonly label: string; readonly fileName: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'full' }
  | { readonly kind: 'invalid'; readonly fileName: string; readonly problems: readonly string[] }
  /** A scenario opened where a run file belongs: it can be run in Explore instead. */
  | { readonly kind: 'scenario'; readonly fileName: string; readonly scenario: Scenario };

/**
 * Ask the user for a run file, validate it and add it to the open runs. The Compare view then
 * re-simulates it and checks that the stored summary comes out again.
 */
export async function openRunFile(): Promise<OpenRunOutcome> {
  return addOpenedRun(await getPlatform().openFile('run'));
}

/** Reopen a run file from the platform's recent list (by its id) and add it to the open runs. */
export async function openRecentRunFile(id: string): Promise<OpenRunOutcome> {
  return addOpenedRun(await getPlatform().openRecent(id));
}

/** Return the run files on the platform's recent list, newest first. */
export async function recentRunFiles(): Promise<RecentFile[]> {
  return (await getPlatform().listRecent()).filter((f) => f.kind === 'run');
}

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function addOpenedRun(file: OpenedFile | null): Promise<OpenRunOutcome> {
  if (!file) return { kind: 'cancelled' };
  const parsed = parseRunFile(file.text);
  if (!parsed.ok) {
    // Recent files lists runs that opened: a file that did not is taken off again.
    await getPlatform()
      .forgetRecent(file.id)
      .catch(() => undefined);
    const doc = jsonOf(file.text);
    if (doc !== null && typeof doc === 'object' && !Array.isArray(doc) && looksLikeScenario(doc as Record<string, unknown>)) {
      const scenario = parseScenario(doc);
      if (scenario.ok) return { kind: 'scenario', fileName: file.name, scenario: scenario.scenario };
    }
    return { kind: 'invalid', fileName: file.name, problems: parsed.problems.map((p) => problemInWords(p, doc)) };
  }
  const id = useAppStore.getState().addRun({ origin: 'file', fileName: file.name, run: parsed.run });
  if (!id) return { kind: 'full' };
  return { kind: 'opened', id, label: parsed.run.label, fileName: file.name };
}

/** Simulate a what-if and add it to the open runs (no file yet); returns its id, or null when full. */
export async function addWhatIfRun(spec: NewRun, origin: RunOrigin, runner: SimRunner): Promise<string | null> {
  if (useAppStore.getState().openRuns.length >= MAX_OPEN_RUNS) return null;
  const { run, result } = await simulateNewRun(spec, runner);
  const id = useAppStore.getState().addRun({ origin, run, check: { status: 'fresh' } });
  if (id) putRunResult(id, result);
  return id;
}
