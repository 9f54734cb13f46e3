import type { AssumptionSensitivity, Attribution, ReproductionReport, RunFile, SensitivityResult } from '../../../engine';

// The runs open in the Compare view, as plain data: the runs slice holds them, the Compare view and
// the board pack read them.

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

/** The newest assumption screening (which assumptions matter), and what it analysed. */
export interface RunsAssumptionScreen {
  /** Which source it analysed (an AnalysisSource id) and a fingerprint of that source's input then. */
  readonly sourceId: string;
  readonly inputKey: string;
  readonly sourceLabel: string;
  readonly seed: number;
  readonly result: AssumptionSensitivity;
}

/** Return a short status for the runs table ("Reproduced", "Engine changed", …). */
export function checkSummary(run: Pick<OpenRun, 'origin' | 'check'>): string {
  const check = run.check;
  switch (check.status) {
    case 'checking':
      return 'Checking…';
    case 'fresh':
      return run.origin === 'file' ? 'Saved; simulated just now' : 'New, not saved';
    case 'failed':
      return 'Could not re-simulate';
    case 'checked':
      return check.report.status === 'reproduced' ? 'Reproduced' : check.report.status === 'engine-changed' ? 'Engine changed the numbers' : 'Does not reproduce';
  }
}
