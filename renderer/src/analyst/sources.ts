import { useMemo } from 'react';
import { parseScenario, scenarioToInput, type LeverValues, type Scenario, type SimInput } from '../../../engine';
import { useAppStore } from '../store';
import type { OpenRun } from '../store/runs/runs-slice';

/** Replications the analyst views use when a what-if has none of its own. */
export const DEFAULT_REPLICATIONS = 200;
/** Seed the analyst views use when a what-if has none of its own. */
export const DEFAULT_SEED = 1;

/** Something an analyst can simulate: the current what-if, a pinned one, or an open run. */
export interface AnalysisSource {
  readonly id: string;
  readonly label: string;
  readonly input: SimInput;
  readonly seed: number;
  readonly replications: number;
  readonly scenarioTitle: string;
}

/** Return the scenario embedded in a run file, or null when it no longer parses. */
export function runScenario(run: OpenRun): Scenario | null {
  const parsed = parseScenario(run.run.scenario);
  return parsed.ok ? parsed.scenario : null;
}

/** Return the engine input of an open run (its embedded scenario plus its overrides), or null. */
export function runInput(run: OpenRun): SimInput | null {
  const scenario = runScenario(run);
  return scenario ? scenarioToInput(scenario, run.run.overrides as LeverValues) : null;
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
  return useMemo(() => {
    const out: AnalysisSource[] = [
      { id: 'current', label: 'Current what-if', input: scenarioToInput(scenario, overrides), seed: DEFAULT_SEED, replications: DEFAULT_REPLICATIONS, scenarioTitle: scenario.title },
    ];
    for (const p of pins) {
      out.push({ id: p.id, label: `Pinned: ${p.name}`, input: scenarioToInput(scenario, p.overrides), seed: DEFAULT_SEED, replications: DEFAULT_REPLICATIONS, scenarioTitle: scenario.title });
    }
    for (const r of openRuns) {
      const input = runInput(r);
      const title = runScenario(r)?.title ?? '';
      if (input) out.push({ id: r.id, label: `Run: ${r.run.label}`, input, seed: r.run.seed, replications: r.run.replications, scenarioTitle: title });
    }
    return out;
  }, [scenario, overrides, pins, openRuns]);
}
