import { maturityOverlay, OVERLAY_NOTE, WGLL_LABELS, WGLL_MEASURES, type RunResult } from '../../../../engine';

/** The seven "What Good Looks Like" measures in the framework's order, with their labels. */
export const WGLL_ROWS = WGLL_MEASURES.map((id) => ({ id, label: WGLL_LABELS[id] }));

/** What each measure is read from (the engine's own mapping, which is judgement), by measure id. */
export const WGLL_BASIS: Readonly<Record<string, string>> = Object.fromEntries(
  maturityOverlay({ series: {}, horizonWeeks: 0 }, 0).measures.map((m) => [m.id, m.basis]),
);

/** The note every set of scores carries: real assessments are self-assessed; these are derived. */
export const WGLL_NOTE = OVERLAY_NOTE;

/** Return the seven measures (1–5) of a run at a week, in WGLL_ROWS order; nulls when there is no run yet. */
export function wgllScoresAt(run: Pick<RunResult, 'series' | 'horizonWeeks'> | null, week: number): (number | null)[] {
  if (!run) return WGLL_ROWS.map(() => null);
  const byId = new Map(maturityOverlay(run, week).measures.map((m) => [m.id, m.score]));
  return WGLL_ROWS.map((m) => byId.get(m.id) ?? null);
}
