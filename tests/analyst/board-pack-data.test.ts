import { describe, expect, it } from 'vitest';
import { LEVERS, monteCarlo, robustness, scenarioToInput, type Attribution } from '../../engine';
import { buildBoardPack } from '../../renderer/src/model/board-pack';
import { attributionTable, boardPackData, kpiTable, mergeInsights, PACK_ROBUSTNESS_KPI, PACK_TORNADO_ROWS, robustnessLines, sensitivityTable, settingsTable } from '../../renderer/src/model/board-pack-data';
import { fileStem } from '../../renderer/src/analyst/chart-image';
import type { OpenRun } from '../../renderer/src/store/runs/runs-slice';
import { loadScenario, makeRun, PRIORITIES } from './run-fixtures';

const scenario = loadScenario('blank-trust');

async function openRuns(): Promise<OpenRun[]> {
  const a = await makeRun('Baseline', scenario, {}, { replications: 4, notes: 'Agreed in October.' });
  const b = await makeRun('Two priorities', scenario, { [PRIORITIES]: 2 }, { replications: 4 });
  return [
    { id: 'r1', origin: 'file', fileName: 'a.run.json', run: a, check: { status: 'fresh' } },
    { id: 'r2', origin: 'file', fileName: 'b.run.json', run: b, check: { status: 'failed', message: 'x' } },
  ];
}

describe('board pack tables', () => {
  it('lists every lever for every run and highlights the ones that differ from the reference', async () => {
    const runs = await openRuns();
    const t = settingsTable(runs, 0, LEVERS);
    expect(t.columns).toEqual(['Setting', 'Baseline (reference)', 'Two priorities']);
    expect(t.rows).toHaveLength(LEVERS.length);
    const i = LEVERS.findIndex((l) => l.id === PRIORITIES);
    expect(t.highlightRows).toEqual([i]);
    expect(t.rows[i]![2]).toMatch(/^2\b/);
  });

  it('shows each KPI per run with its difference from the reference in brackets', async () => {
    const runs = await openRuns();
    const t = kpiTable(runs, 0, runs.map((r) => r.run.summary));
    expect(t.rows.length).toBe(Object.keys(runs[0]!.run.summary.kpis).length);
    // The reference column never carries a bracket; a KPI that moved does in the other column.
    expect(t.rows.every((r) => !r[1]!.includes('('))).toBe(true);
    const moved = Object.keys(runs[0]!.run.summary.kpis).some((k) => runs[0]!.run.summary.kpis[k] !== runs[1]!.run.summary.kpis[k]);
    expect(t.rows.some((r) => r[2]!.includes('('))).toBe(moved);
  });

  it('reads as a board reads: typical outcomes, the chance of the goal in %, no 0/1 statistic or fractional count', async () => {
    const runs = await openRuns();
    const t = kpiTable(runs, 0, runs.map((r) => r.run.summary));
    expect(t.caption).toMatch(/median/);
    const goal = t.rows.find((r) => r[0] === 'Chance of reaching the goal')!;
    expect(goal[1]).toMatch(/^\d+%$/);
    const delivered = t.rows.find((r) => r[0] === 'Initiatives delivered')!;
    expect(delivered[1]).toMatch(/^\d+$/);
  });
});

describe('board pack insights', () => {
  it('merges an insight several runs share into one line naming each run', () => {
    const out = mergeInsights([
      { run: 'A', lesson: 'Fewer priorities at once', text: 'Too many priorities.' },
      { run: 'B', lesson: 'Fewer priorities at once', text: 'Too many priorities.' },
      { run: 'B', lesson: '', text: 'No early win.' },
    ]);
    expect(out).toEqual([
      { lesson: 'A, B (Fewer priorities at once)', text: 'Too many priorities.' },
      { lesson: 'B', text: 'No early win.' },
    ]);
  });
});

describe('board pack from open runs', () => {
  it('carries the runs, their checks and notes into one HTML document', async () => {
    const runs = await openRuns();
    const data = boardPackData(
      { title: 'Review', notes: 'Board to decide.', preparedOn: '1 December 2026', engineVersion: '1', runs, referenceIndex: 0, summaries: runs.map((r) => r.run.summary), charts: [], insights: [] },
      LEVERS,
    );
    expect(data.subtitle).toBe(`Scenario: ${scenario.title}`);
    expect(data.runs.map((r) => r.check)).toEqual(['Saved; simulated just now', 'Could not re-simulate']);
    const html = buildBoardPack(data);
    expect(html).toContain('Agreed in October.');
    expect(html).toContain('Board to decide.');
    expect(html).toContain('<td>Could not re-simulate</td>');
  });

  it('leads with the answer: the summary and key results before any setting, seed or engine table', async () => {
    const runs = await openRuns();
    const data = boardPackData(
      { title: 'Review', notes: '', preparedOn: '1 December 2026', engineVersion: '1', runs, referenceIndex: 0, summaries: runs.map((r) => r.run.summary), charts: [], insights: [] },
      LEVERS,
    );
    expect(data.summary).toHaveLength(2);
    expect(data.summary![0]).toMatch(/^Baseline: maturity \d\.\d of 5 at the end; a \d+% chance of reaching the goal/);
    const html = buildBoardPack(data);
    const at = (s: string) => html.indexOf(s);
    expect(at('id="summary-h"')).toBeGreaterThan(0);
    expect(at('id="summary-h"')).toBeLessThan(at('Board settings'));
    expect(at('id="summary-h"')).toBeLessThan(at('>Seed<'));
    expect(at(data.summary![0]!)).toBeLessThan(at('>Seed<'));
    expect(at('Appendix: settings and reproducibility')).toBeLessThan(at('>Seed<'));
  });
});

describe('file names', () => {
  it.each([
    ['Two priorities: what-if', 'two-priorities-what-if'],
    ['Ünïcode — and  spaces', 'unicode-and-spaces'],
    ['???', 'momentum'],
  ])('turns %s into %s', (label, stem) => {
    expect(fileStem(label)).toBe(stem);
  });
  it('cuts long labels at a word boundary', () => {
    const stem = fileStem('Milton Keynes: the whole board owns digital: comparison of 2 runs');
    expect(stem.length).toBeLessThanOrEqual(60);
    expect(stem).toBe('milton-keynes-the-whole-board-owns-digital-comparison-of-2');
  });
});

describe('attribution in the board pack', () => {
  it('turns an attribution into rows per setting, then the gap, with the interaction note', () => {
    const att: Attribution = {
      method: 'both-orders',
      interactionNote: 'one at a time',
      players: [{ id: PRIORITIES, label: 'Priorities', kind: 'lever', from: 12, to: 2 }],
      kpis: [{ kpi: 'maturityAtHorizon', a: 2, b: 3, gap: 1, rows: [{ player: PRIORITIES, label: 'Priorities', effect: 0.8, share: 0.8 }], interaction: 0.2, sampling: 0 }],
    };
    const t = attributionTable(att, 'maturityAtHorizon', 'A', 'B', LEVERS)!;
    expect(t.rows.map((r) => r[0])).toEqual(['Priorities', 'Interactions between settings', 'Total gap']);
    expect(t.rows[0]![3]).toBe('80%');
    expect(t.rows[1]![3]).toBe('20%');
    expect(t.note).toContain('one at a time');
    expect(attributionTable(att, 'noSuchKpi', 'A', 'B', LEVERS)).toBeNull();
  });
});

describe('sensitivity in the board pack', () => {
  it('lists the widest swings first, at most ten, and says how it was run', () => {
    const rows = LEVERS.slice(0, 12).map((l, i) => ({ leverId: l.id, lowValue: l.min, highValue: l.max, kpiAtLow: 2 - i / 100, kpiAtHigh: 2 + i / 10, swing: i / 10 + i / 100 }));
    const t = sensitivityTable({ sourceLabel: 'Run: A', seed: 4, replications: 50, result: { kpi: 'maturityAtHorizon', baseline: 2, rows } }, LEVERS);
    expect(t.heading).toMatch(/^What moves .+ most$/);
    expect(t.rows).toHaveLength(PACK_TORNADO_ROWS);
    expect(t.rows[0]![0]).toBe(LEVERS[11]!.label);
    expect(t.note).toContain('50 replications per setting, seed 4');
    const html = buildBoardPack(
      boardPackData(
        { title: 'T', notes: '', preparedOn: 'today', engineVersion: '1', runs: [], referenceIndex: 0, summaries: [], charts: [], insights: [], sensitivity: { sourceLabel: 'Run: A', seed: 4, replications: 50, result: { kpi: 'maturityAtHorizon', baseline: 2, rows } } },
        LEVERS,
      ),
    );
    expect(html).toContain(`>${t.heading}</h2>`);
  });
});

describe('board pack robustness', () => {
  const base = monteCarlo(scenarioToInput(scenario), { replications: 60, seed: 1, uncertainty: 'all' });
  const better = monteCarlo(scenarioToInput(scenario, { 'leadership.ownership': 3 }), { replications: 60, seed: 1, uncertainty: 'all' });
  it('says in what share of paired futures a run beats the reference, as the engine counts it', async () => {
    const runs = await openRuns();
    const lines = robustnessLines(runs, 0, [base, better]);
    const share = Math.round(robustness(base, better, PACK_ROBUSTNESS_KPI).share * 100);
    expect(lines).toEqual([`Two priorities ends with higher maturity than Baseline in ${share}% of 60 plausible futures (paired runs, each with its own luck and assumptions).`]);
    // Against itself a run is better in half the futures (ties split).
    expect(robustnessLines(runs, 0, [base, base])[0]).toContain(' in 50% of 60 ');
  });

  it('does not pair runs drawn differently, and says so', async () => {
    const runs = await openRuns();
    const other = monteCarlo(scenarioToInput(scenario), { replications: 60, seed: 2, uncertainty: 'all' });
    expect(robustnessLines(runs, 0, [base, other])[0]).toMatch(/cannot be read/);
    expect(robustnessLines(runs, 0, [undefined, better])).toEqual([]);
  });
});
