import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessRunner, parseRunFile, serializeRunFile } from '../../engine';
import { openRunFile, runFileName, saveRunFile, simulateNewRun } from '../../renderer/src/analyst/run-actions';
import { setPlatformForTesting, type Platform, type SaveRequest } from '../../renderer/src/platform';
import { useAppStore } from '../../renderer/src/store';
import { loadScenario, makeRun, PRIORITIES } from './run-fixtures';

const scenario = loadScenario('blank-trust');

/** A platform whose dialogs answer from a script, recording what was saved. */
function scriptedPlatform(open: { name: string; text: string } | null, saved: SaveRequest[] = []): Platform {
  const fail = () => {
    throw new Error('not used in this test');
  };
  return {
    isDesktop: false,
    getInfo: fail,
    openFile: async (kind) => (open ? { id: 'f1', name: open.name, kind, text: open.text } : null),
    openRecent: fail,
    saveFile: fail,
    saveFileAs: async (req) => {
      saved.push(req);
      return { id: 's1', name: req.name };
    },
    exportFile: fail,
    listRecent: fail,
    clearRecent: fail,
    forgetRecent: async () => undefined,
    autosavePut: fail,
    autosaveGet: fail,
    autosaveClear: fail,
    getRecovery: fail,
    setUnsaved: () => undefined,
    openExternal: fail,
    copyImage: fail,
    onMenuCommand: () => () => undefined,
    watchTeamFolder: async () => null,
  };
}

afterEach(() => {
  setPlatformForTesting(null);
  useAppStore.getState().clearRuns();
});

describe('saving a run', () => {
  it('simulates the what-if and records label, notes, seed, replications and its KPI summary', async () => {
    const { run, result } = await simulateNewRun(
      { label: 'Option B\nsecond line', notes: 'For the board.', scenario, overrides: { [PRIORITIES]: 2 }, seed: 9, replications: 12, uncertainty: 'all' },
      createInProcessRunner(),
    );
    expect(run.label).toBe('Option B second line');
    expect(run.method).toBe('monte-carlo');
    expect(run.summary).toEqual(result.summary);
    expect(Number.isNaN(Date.parse(run.savedAt))).toBe(false);
    const saved: SaveRequest[] = [];
    setPlatformForTesting(scriptedPlatform(null, saved));
    expect(await saveRunFile(run)).toBe('option-b-second-line.momentum-run');
    expect(saved[0]!.kind).toBe('run');
    const back = parseRunFile(saved[0]!.text);
    expect(back.ok && back.run.notes).toBe('For the board.');
  });

  it('uses one seeded replication when asked for one', async () => {
    const { run } = await simulateNewRun({ label: 'x', notes: '', scenario, overrides: {}, seed: 1, replications: 1, uncertainty: 'noise' }, createInProcessRunner());
    expect(run.method).toBe('single');
    expect(run.summary.distribution).toBeUndefined();
    expect(runFileName('A b')).toBe('a-b.momentum-run');
  });
});

describe('opening a run file', () => {
  it('adds a valid run to the open runs, waiting to be checked', async () => {
    const run = await makeRun('Saved', scenario, {}, { replications: 3 });
    setPlatformForTesting(scriptedPlatform({ name: 'saved.run.json', text: serializeRunFile(run) }));
    const outcome = await openRunFile();
    expect(outcome).toMatchObject({ kind: 'opened', label: 'Saved', fileName: 'saved.run.json' });
    const open = useAppStore.getState().openRuns;
    expect(open).toHaveLength(1);
    expect(open[0]!.check.status).toBe('checking');
  });

  it('returns each problem of an invalid file in words and opens nothing', async () => {
    setPlatformForTesting(scriptedPlatform({ name: 'bad.run.json', text: '{"format":"momentum-run","schemaVersion":1}' }));
    const outcome = await openRunFile();
    expect(outcome.kind).toBe('invalid');
    if (outcome.kind === 'invalid') expect(outcome.problems.some((p) => /^Label is required/.test(p))).toBe(true);
    expect(useAppStore.getState().openRuns).toHaveLength(0);
  });

  it('does nothing when the dialog is cancelled', async () => {
    setPlatformForTesting(scriptedPlatform(null));
    expect(await openRunFile()).toEqual({ kind: 'cancelled' });
  });
});
