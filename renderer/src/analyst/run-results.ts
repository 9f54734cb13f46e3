import { useEffect, useSyncExternalStore } from 'react';
import { checkReproduction, runTask, taskOf, type SimRunner, type TaskResult } from '../../../engine';
import { useRunner } from '../sim/runner-context';
import { useAppStore } from '../store';
import type { OpenRun } from '../store/runs/runs-slice';

/*
 * Simulation results of the open runs, keyed by run id. They hold Float64Array series, so they
 * live here rather than in the store (immer would freeze them); the store keeps inputs and
 * summaries only. Components subscribe with useRunResult().
 */
const results = new Map<string, TaskResult>();
const pending = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

function notify(): void {
  version++;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Return the cached simulation result of an open run, if it has been simulated. */
export function getRunResult(id: string): TaskResult | undefined {
  return results.get(id);
}

/** Keep a result computed elsewhere (e.g. when a what-if was simulated in order to add it). */
export function putRunResult(id: string, result: TaskResult): void {
  results.set(id, result);
  notify();
}

/** Drop results of runs that are no longer open. */
export function pruneRunResults(openIds: readonly string[]): void {
  let changed = false;
  for (const id of [...results.keys()]) {
    if (!openIds.includes(id)) {
      results.delete(id);
      changed = true;
    }
  }
  if (changed) notify();
}

async function simulateOpenRun(runner: SimRunner, run: OpenRun): Promise<void> {
  pending.add(run.id);
  const { setRunCheck } = useAppStore.getState();
  try {
    const result = await runTask(taskOf(run.run), runner);
    if (!useAppStore.getState().openRuns.some((r) => r.id === run.id)) return;
    results.set(run.id, result);
    if (run.check.status === 'checking') {
      const engineVersion = result.method === 'monte-carlo' ? result.monteCarlo.engineVersion : result.run.engineVersion;
      setRunCheck(run.id, { status: 'checked', report: checkReproduction(run.run, result.summary, engineVersion) });
    }
    notify();
  } catch (e) {
    setRunCheck(run.id, { status: 'failed', message: e instanceof Error ? e.message : String(e) });
  } finally {
    pending.delete(run.id);
  }
}

/**
 * Simulate every open run that has no result yet (opening a run file re-simulates it and checks
 * the stored summary), and return a counter that changes whenever a result arrives.
 */
export function useOpenRunResults(): number {
  const runner = useRunner();
  const openRuns = useAppStore((s) => s.openRuns);
  useEffect(() => {
    pruneRunResults(openRuns.map((r) => r.id));
    for (const r of openRuns) {
      if (!results.has(r.id) && !pending.has(r.id)) void simulateOpenRun(runner, r);
    }
  }, [runner, openRuns]);
  return useSyncExternalStore(subscribe, () => version);
}
