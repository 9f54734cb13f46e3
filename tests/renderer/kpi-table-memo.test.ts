import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../engine';
import { sameColumns, sameKpis, type KpiColumn } from '../../renderer/src/components/kpi-table';

// The KPI table skips a render when its columns would show the same figures; these are the checks it uses.
const run = (kpis: Record<string, number>, horizonWeeks = 260) => ({ kpis, horizonWeeks, series: {} }) as unknown as RunResult;
const column = (key: string, r: RunResult | null, name = key, colour = '#000'): KpiColumn => ({ key, name, colour, run: r });

describe('KPI table: equal figures, no render', () => {
  it('treats two runs with the same KPI values as the same, whatever the objects', () => {
    expect(sameKpis(run({ maturity: 2.5, delivered: 3 }), run({ delivered: 3, maturity: 2.5 }))).toBe(true);
    expect(sameKpis(null, null)).toBe(true);
  });

  it('sees a changed value, a missing or extra KPI, a different horizon, and a run against none', () => {
    const a = run({ maturity: 2.5, delivered: 3 });
    expect(sameKpis(a, run({ maturity: 2.51, delivered: 3 }))).toBe(false);
    expect(sameKpis(a, run({ maturity: 2.5 }))).toBe(false);
    expect(sameKpis(a, run({ maturity: 2.5, delivered: 3, failed: 0 }))).toBe(false);
    // "Never reached" is read against the horizon, so the same week count can mean something else.
    expect(sameKpis(run({ weeksToGoal: 261 }), run({ weeksToGoal: 261 }, 520))).toBe(false);
    expect(sameKpis(a, null)).toBe(false);
  });

  it('counts a KPI hidden during a reveal (NaN) as unchanged, so a revealed table does not redraw for nothing', () => {
    expect(sameKpis(run({ maturity: Number.NaN }), run({ maturity: Number.NaN }))).toBe(true);
  });

  it('compares columns by key, name, colour and figures, in order', () => {
    const cols = [column('baseline', run({ maturity: 2 })), column('current', run({ maturity: 2.4 }))];
    expect(sameColumns(cols, [column('baseline', run({ maturity: 2 })), column('current', run({ maturity: 2.4 }))])).toBe(true);
    expect(sameColumns(cols, [column('baseline', run({ maturity: 2 })), column('current', run({ maturity: 2.5 }))])).toBe(false);
    expect(sameColumns(cols, [column('baseline', run({ maturity: 2 })), column('current', run({ maturity: 2.4 }), 'Renamed')])).toBe(false);
    expect(sameColumns(cols, [column('baseline', run({ maturity: 2 })), column('current', run({ maturity: 2.4 }), 'current', '#fff')])).toBe(false);
    expect(sameColumns(cols, [cols[1]!, cols[0]!])).toBe(false);
    expect(sameColumns(cols, cols.slice(0, 1))).toBe(false);
  });
});
