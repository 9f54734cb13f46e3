import { describe, expect, it } from 'vitest';
import { blankInput, createInProcessRunner, LEVERS, type SensitivityResult } from '../../engine';
import { sensitivityCsv } from '../../renderer/src/analyst/sensitivity-csv';
import { tornadoDatasets, tornadoRows } from '../../renderer/src/model/tornado-data';

const [l1, l2, l3] = LEVERS;
const result: SensitivityResult = {
  kpi: 'maturityAtHorizon',
  baseline: 2,
  rows: [
    { leverId: l1!.id, lowValue: l1!.min, highValue: l1!.max, kpiAtLow: 1.9, kpiAtHigh: 2.1, swing: 0.2 },
    { leverId: l2!.id, lowValue: l2!.min, highValue: l2!.max, kpiAtLow: 2.5, kpiAtHigh: 1.5, swing: 1 },
    { leverId: l3!.id, lowValue: l3!.min, highValue: l3!.max, kpiAtLow: 2, kpiAtHigh: 2, swing: 0 },
  ],
};

describe('tornado rows', () => {
  it('orders levers by swing, widest first, with the engine\'s labels', () => {
    const rows = tornadoRows(result, LEVERS);
    expect(rows.map((r) => r.leverId)).toEqual([l2!.id, l1!.id, l3!.id]);
    expect(rows[0]!.label).toBe(l2!.label);
    expect(rows[0]!.swing).toBe(1);
  });

  it('can hide levers that do not move the KPI', () => {
    expect(tornadoRows(result, LEVERS, true).map((r) => r.leverId)).toEqual([l2!.id, l1!.id]);
  });

  it('draws floating bars from the baseline to the KPI at each end of the range', () => {
    const d = tornadoDatasets(tornadoRows(result, LEVERS), result.baseline);
    expect(d.low[0]).toEqual([2, 2.5]);
    expect(d.high[0]).toEqual([2, 1.5]);
    expect(d.labels).toHaveLength(3);
  });

  it('labels an unknown lever by its id rather than dropping it', () => {
    const rows = tornadoRows({ ...result, rows: [{ leverId: 'gone', lowValue: 0, highValue: 1, kpiAtLow: 1, kpiAtHigh: 2, swing: 1 }] }, LEVERS);
    expect(rows[0]!.label).toBe('gone');
  });
});

describe('sensitivity CSV', () => {
  it('has a fixed header and one row per lever, widest swing first', () => {
    const lines = sensitivityCsv(result, LEVERS).trim().split('\n');
    expect(lines[0]).toBe('kpi,baseline,lever,label,low,kpiAtLow,high,kpiAtHigh,swing');
    expect(lines).toHaveLength(4);
    expect(lines[1]!.startsWith(`maturityAtHorizon,2,${l2!.id},`)).toBe(true);
    expect(lines[1]!.endsWith(',2.5,' + String(l2!.max) + ',1.5,1')).toBe(true);
  });
});

describe('sensitivity progress through a runner', () => {
  it('reports each lever as it finishes, ending at every lever', async () => {
    const seen: [number, number][] = [];
    const r = await createInProcessRunner().sensitivity(blankInput(), { kpi: 'maturityAtHorizon', seed: 1, replications: 2, onProgress: (d, t) => seen.push([d, t]) });
    expect(r.rows).toHaveLength(LEVERS.length);
    expect(seen.at(-1)).toEqual([LEVERS.length, LEVERS.length]);
    expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((a, b) => a - b));
  });
});
