import { useMemo, useState } from 'react';
import { type LeverValues, type MonteCarloResult, type RunResult, type SimInput, type Uncertainty } from '../../../../engine';
import { BAND_REPLICATIONS } from '../../sim/live-scheduler';
import { useBands, useExpectedRun, useFixedBands, useFixedRuns } from '../../sim/use-live-run';
import { sameLevers, selectBaselineInput, selectCurrentInput, selectUnchanged, selectVisibleUntilWeek, useAppStore, type PinnedWhatIf } from '../../store';
import { pinInput } from '../../store/scenario/scenario-slice';
import { bandsUntilWeek, runUntilWeek } from '../../model/reveal-run';

/** A pinned what-if with its expected run and its Monte Carlo (each null while it computes). */
export interface PinnedRun {
  readonly pin: PinnedWhatIf;
  readonly run: RunResult | null;
  readonly bands: MonteCarloResult | null;
}

/**
 * Which line the charts and numbers show. `typical`: the median of the replications (P50), once the
 * full Monte Carlo of the current settings and of the scenario as loaded are in. `estimate`: the
 * expected-value run (noise off), instant while a lever moves but favourable (docs/MODEL.md §1).
 */
export type ShownLine =
  | { readonly kind: 'typical'; readonly replications: number; /** 'noise' when absent. */ readonly uncertainty?: Uncertainty }
  | { readonly kind: 'estimate' };

/** Everything the Explore view draws: the live run, its bands, the baseline and the pins. */
export interface ExploreRuns {
  /** The expected-value run of the current settings (noise off): the quick estimate, and what the "why" reads. */
  readonly current: RunResult | null;
  /** The lever values `current` was run with (they lag the sliders while a run is under way); null before the first. */
  readonly currentLevers: LeverValues | null;
  readonly currentPending: boolean;
  readonly error: string | null;
  readonly bands: MonteCarloResult | null;
  readonly bandsPending: boolean;
  /** Whether the bands shown belong to earlier settings (a drag is under way); charts fade them. */
  readonly bandsStale: boolean;
  /** The expected-value run of the scenario as loaded. */
  readonly baseline: RunResult | null;
  /** The scenario's own lever values, which `baseline` is run with. */
  readonly baselineLevers: LeverValues;
  /** The Monte Carlo of the scenario as loaded (same seed as the bands: common random numbers). */
  readonly baselineBands: MonteCarloResult | null;
  readonly pinned: readonly PinnedRun[];
  /** Which line the charts, headline and KPI table show now. */
  readonly shown: ShownLine;
  /** Whether a trainer's reveal hides the later weeks (and so every end-of-run figure). */
  readonly revealing: boolean;
}

// A pin's input is built once per pin object (immer keeps the object while the pin is unchanged),
// so each pin is simulated once, not on every render.
const pinInputs = new WeakMap<PinnedWhatIf, { scenario: unknown; input: SimInput }>();

/**
 * Return the Explore view's runs: expected (every frame), bands (when settled), baseline and pins
 * (once each, expected and Monte Carlo), and which of them the view shows.
 */
export function useExploreRuns(): ExploreRuns {
  const currentInput = useAppStore(selectCurrentInput);
  const baselineInput = useAppStore(selectBaselineInput);
  const unchanged = useAppStore(selectUnchanged);
  const scenario = useAppStore((s) => s.scenario);
  const pins = useAppStore((s) => s.pins);
  const fixedInputs = useMemo(() => {
    const inputs = pins.map((p) => {
      const cached = pinInputs.get(p);
      if (cached && cached.scenario === scenario) return cached.input;
      const input = pinInput(p, scenario);
      pinInputs.set(p, { scenario, input });
      return input;
    });
    return [baselineInput, ...inputs];
  }, [baselineInput, pins, scenario]);
  const fixed = useFixedRuns(fixedInputs);
  const live = useExpectedRun(currentInput);
  const uncertainty = useAppStore((s) => s.uncertainty);
  const bands = useBands(currentInput, uncertainty);
  const fullBands = bands.result && bands.input === currentInput && !bands.pending && bands.result.replications === BAND_REPLICATIONS ? bands.result : null;
  // Before any lever moves, the current settings are the scenario as loaded, and a what-if is usually
  // pinned as it stands: the current bands then serve those inputs too, with no second 500 runs.
  const overrides = useAppStore((s) => s.overrides);
  const known = useMemo(() => {
    const lent = new Map<SimInput, MonteCarloResult>();
    if (!fullBands) return lent;
    if (unchanged) lent.set(baselineInput, fullBands);
    pins.forEach((p, i) => {
      if (!p.scenario && sameLevers(p.overrides, overrides)) lent.set(fixedInputs[i + 1]!, fullBands);
    });
    return lent;
  }, [unchanged, fullBands, baselineInput, pins, overrides, fixedInputs]);
  // The scenario as loaded needs its own Monte Carlo only once a lever has moved before its bands were in.
  const wanted = useMemo(() => (input: SimInput) => input !== baselineInput || !unchanged, [baselineInput, unchanged]);
  const fixedMc = useFixedBands(fixedInputs, known, wanted, uncertainty);
  // While a trainer reveals the scenario step by step, every run shows only the weeks so far.
  const until = useAppStore(selectVisibleUntilWeek);
  const baselineBands = fixedMc[0] ?? null;
  const typicalOf = fullBands && baselineBands ? fullBands.replications : 0;
  // One object per mode, so that charts memoising on it redraw only when the mode changes.
  const shown = useMemo<ShownLine>(() => (typicalOf > 0 ? { kind: 'typical', replications: typicalOf, uncertainty } : { kind: 'estimate' }), [typicalOf, uncertainty]);
  // Every part keeps its identity while its inputs do (the runs are cached per object and week), so the
  // memoised panels and charts that read them skip a render in which only something else changed.
  const current = runUntilWeek(live.result, until);
  const bandsShown = bandsUntilWeek(bands.result, until);
  const baseline = runUntilWeek(fixed[0] ?? null, until);
  const baselineShown = bandsUntilWeek(baselineBands, until);
  const pinnedRuns = fixed.slice(1);
  const pinnedMc = fixedMc.slice(1);
  const pinned = useStableList(pins.map((pin, i) => ({ pin, run: runUntilWeek(pinnedRuns[i] ?? null, until), bands: bandsUntilWeek(pinnedMc[i] ?? null, until) })));
  const error = live.error ?? bands.error;
  const bandsStale = bands.input !== currentInput;
  const revealing = until !== null && until < scenario.horizonWeeks;
  // The levers of the run shown, not of the sliders, so that the "why" never pairs a run with settings it was not made with.
  const currentLevers = live.input?.levers ?? null;
  const baselineLevers = baselineInput.levers;
  return useMemo(
    () => ({
      current,
      currentLevers,
      currentPending: live.pending,
      error,
      bands: bandsShown,
      bandsPending: bands.pending,
      bandsStale,
      baseline,
      baselineLevers,
      baselineBands: baselineShown,
      pinned,
      shown,
      revealing,
    }),
    [current, currentLevers, live.pending, error, bandsShown, bands.pending, bandsStale, baseline, baselineLevers, baselineShown, pinned, shown, revealing],
  );
}

/** Return the previous list while every entry holds the same pin, run and bands, so that it keeps its identity. */
function useStableList(next: readonly PinnedRun[]): readonly PinnedRun[] {
  const [held] = useState(() => ({ list: next }));
  const prev = held.list;
  const same = prev.length === next.length && prev.every((p, i) => p.pin === next[i]!.pin && p.run === next[i]!.run && p.bands === next[i]!.bands);
  if (!same) held.list = next;
  return held.list;
}
