import { useMemo } from 'react';
import { RUN_SET, scenarioToInput, uncertaintyOf, type RunFile, type SimInput, type Uncertainty } from '../../../engine';
import { useAppStore } from '../store';
import { pinInput } from '../store/scenario/scenario-slice';

/** Replications the analyst views use when a what-if has none of its own: the run set's, as in Explore. */
export const DEFAULT_REPLICATIONS = RUN_SET.replications;
/** Seed the analyst views use when a what-if has none of its own: the run set's, as in Explore. */
export const DEFAULT_SEED = RUN_SET.seed;

/** Something an analyst can simulate: the current what-if, a pinned one, or an open run. */
export interface AnalysisSource {
  readonly id: string;
  readonly label: string;
  readonly input: SimInput;
  readonly seed: number;
  readonly replications: number;
  /** Which uncertainty its replications draw: Explore's choice for what-ifs, a run's own for runs. */
  readonly uncertainty: Uncertainty;
  readonly scenarioTitle: string;
}

/** Return the engine input of an open run: its embedded scenario plus its overrides. */
export function runInput(run: RunFile): SimInput {
  return scenarioToInput(run.scenario, run.overrides);
}

/**
 * Return every source the analyst can simulate, current what-if first, then pinned what-ifs,
 * then open runs. Memoised on the store's parts so the list is stable between renders.
 */
export function useAnalysisSources(): AnalysisSource[] {
  const scenario = useAppStore((s) => s.scenario);
  const overrides = useAppStore((s) => s.overrides);
  const pins = useAppStore((s) => s.pins);
  const openRuns = useAppStore((s) => s.openRuns);
  const uncertainty = useAppStore((s) => s.uncertainty);
  return useMemo(() => {
    const out: AnalysisSource[] = [
      { id: 'current', label: 'Current what-if', input: scenarioToInput(scenario, overrides), seed: DEFAULT_SEED, replications: DEFAULT_REPLICATIONS, uncertainty, scenarioTitle: scenario.title },
    ];
    for (const p of pins) {
      out.push({ id: p.id, label: `Pinned: ${p.name}`, input: pinInput(p, scenario), seed: DEFAULT_SEED, replications: DEFAULT_REPLICATIONS, uncertainty, scenarioTitle: (p.scenario ?? scenario).title });
    }
    for (const r of openRuns) {
      out.push({ id: r.id, label: `Run: ${r.run.label}`, input: runInput(r.run), seed: r.run.seed, replications: r.run.replications, uncertainty: uncertaintyOf(r.run), scenarioTitle: r.run.scenario.title });
    }
    return out;
  }, [scenario, overrides, pins, openRuns, uncertainty]);
}
