import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../renderer/src/store';
import { MAX_OPEN_RUNS } from '../../renderer/src/store/runs/runs-slice';
import { selectReferenceRun } from '../../renderer/src/store/runs/selectors';
import { loadScenario, makeRun } from './run-fixtures';

const scenario = loadScenario('blank-trust');

describe('runs slice', () => {
  it('makes the first run the reference, and the next one when the reference closes', async () => {
    const store = createAppStore();
    const a = store.getState().addRun({ origin: 'file', fileName: 'a.run.json', run: await makeRun('A', scenario, {}, { replications: 2 }) })!;
    const b = store.getState().addRun({ origin: 'current', run: await makeRun('B', scenario, {}, { replications: 2 }) })!;
    expect(store.getState().referenceRunId).toBe(a);
    expect(store.getState().openRuns.map((r) => r.check.status)).toEqual(['checking', 'checking']);
    store.getState().setReferenceRun(b);
    expect(selectReferenceRun(store.getState())?.run.label).toBe('B');
    store.getState().removeRun(b);
    expect(store.getState().referenceRunId).toBe(a);
    store.getState().setReferenceRun('no-such-run');
    expect(store.getState().referenceRunId).toBe(a);
  });

  it(`holds at most ${MAX_OPEN_RUNS} runs and records each run's check`, async () => {
    const store = createAppStore();
    const run = await makeRun('R', scenario, {}, { replications: 2 });
    const ids = Array.from({ length: MAX_OPEN_RUNS }, () => store.getState().addRun({ origin: 'file', run }));
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(store.getState().addRun({ origin: 'file', run })).toBeNull();
    store.getState().setRunCheck(ids[0]!, { status: 'failed', message: 'worker died' });
    expect(store.getState().openRuns[0]!.check).toEqual({ status: 'failed', message: 'worker died' });
    store.getState().clearRuns();
    expect(store.getState().openRuns).toEqual([]);
    expect(store.getState().referenceRunId).toBeNull();
  });

  it('turns a saved what-if into a file run', async () => {
    const store = createAppStore();
    const id = store.getState().addRun({ origin: 'current', run: await makeRun('W', scenario, {}, { replications: 2 }), check: { status: 'fresh' } })!;
    store.getState().markRunSaved(id, 'w.run.json');
    expect(store.getState().openRuns[0]).toMatchObject({ origin: 'file', fileName: 'w.run.json', check: { status: 'fresh' } });
  });

  it('keeps only plain data: no typed arrays in the store', async () => {
    const store = createAppStore();
    store.getState().addRun({ origin: 'file', run: await makeRun('R', scenario, {}, { replications: 2 }) });
    const hasTypedArray = (v: unknown): boolean =>
      ArrayBuffer.isView(v) || (typeof v === 'object' && v !== null && Object.values(v).some(hasTypedArray));
    expect(hasTypedArray(store.getState().openRuns)).toBe(false);
    expect(() => structuredClone(store.getState().openRuns)).not.toThrow();
  });
});
