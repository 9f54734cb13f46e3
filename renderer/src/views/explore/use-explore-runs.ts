import { useMemo } from 'react';
import { scenarioToInput, type MonteCarloResult, type RunResult, type SimInput } from '../../../../engine';
import { useBands, useExpectedRun, useFixedRuns } from '../../sim/use-live-run';
import { selectBaselineInput, selectCurrentInput, selectVisibleUntilWeek, useAppStore, type PinnedWhatIf } from '../../store';
import { bandsUntilWeek, runUntilWeek } from '../../trainer/reveal-run';

/** A pinned what-if with its expected run (null while it computes). */
export interface PinnedRun {
  readonly pin: PinnedWhatIf;
  readonly run: RunResult | null;
}

/** Everything the Explore view draws: the live run, its bands, the baseline and the pins. */
export interface ExploreRuns {
  readonly current: RunResult | null;
  readonly currentPending: boolean;
  readonly error: string | null;
  readonly bands: MonteCarloResult | null;
  readonly bandsPending: boolean;
  /** Whether the bands shown belong to earlier settings (a drag is under way); charts fade them. */
  readonly bandsStale: boolean;
  readonly baseline: RunResult | null;
  readonly pinned: readonly PinnedRun[];
}

// A pin's input is built once per pin object (immer keeps the object while the pin is unchanged),
// so each pin is simulated once, not on every render.
const pinInputs = new WeakMap<PinnedWhatIf, { scenario: unknown; input: SimInput }>();

/** Return the Explore view's runs: expected (every frame), bands (when settled), baseline and pins (once each). */
export function useExploreRuns(): ExploreRuns {
  const currentInput = useAppStore(selectCurrentInput);
  const baselineInput = useAppStore(selectBaselineInput);
  const scenario = useAppStore((s) => s.scenario);
  const pins = useAppStore((s) => s.pins);
  const fixedInputs = useMemo(() => {
    const inputs = pins.map((p) => {
      const cached = pinInputs.get(p);
      if (cached && cached.scenario === scenario) return cached.input;
      const input = scenarioToInput(scenario, p.overrides);
      pinInputs.set(p, { scenario, input });
      return input;
    });
    return [baselineInput, ...inputs];
  }, [baselineInput, pins, scenario]);
  const fixed = useFixedRuns(fixedInputs);
  const live = useExpectedRun(currentInput);
  const bands = useBands(currentInput);
  // While a trainer reveals the scenario step by step, every run shows only the weeks so far.
  const until = useAppStore(selectVisibleUntilWeek);
  return {
    current: runUntilWeek(live.result, until),
    currentPending: live.pending,
    error: live.error ?? bands.error,
    bands: bandsUntilWeek(bands.result, until),
    bandsPending: bands.pending,
    bandsStale: bands.input !== currentInput,
    baseline: runUntilWeek(fixed[0] ?? null, until),
    pinned: pins.map((pin, i) => ({ pin, run: runUntilWeek(fixed[i + 1] ?? null, until) })),
  };
}
