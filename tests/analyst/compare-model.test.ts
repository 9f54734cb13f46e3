import { describe, expect, it } from 'vitest';
import { LEVERS, pointOf } from '../../engine';
import { kpiDeltaRows, overlayCsvRows, settingsDiffRows } from '../../renderer/src/model/compare-model';
import { leverAt, loadScenario, PRIORITIES } from './run-fixtures';

const scenario = loadScenario('blank-trust');
const other = LEVERS.find((l) => l.id !== PRIORITIES && !l.options)!.id;

function point(label: string, overrides: Record<string, number>, seed = 1, replications = 10) {
  return pointOf({ label, scenario, overrides, method: 'monte-carlo', seed, replications });
}

describe('settings diff across runs', () => {
  it('lists only settings that differ from the reference somewhere, with every run\'s value', () => {
    const points = [point('A', {}), point('B', { [PRIORITIES]: 2 }), point('C', { [PRIORITIES]: 2, [other]: leverAt(other, 1) })];
    const rows = settingsDiffRows(points, 0, LEVERS);
    // Levers come in the engine's lever order.
    const order = LEVERS.map((l) => l.id).filter((id) => id === PRIORITIES || id === other);
    expect(rows.map((r) => r.key)).toEqual(order);
    const priorities = rows.find((r) => r.key === PRIORITIES)!;
    expect(priorities.differs).toEqual([false, true, true]);
    expect(priorities.values[1]).toMatch(/^2\b/);
    expect(priorities.values[0]).not.toBe(priorities.values[1]);
    // Run B keeps the reference's value of the other lever: shown, not marked.
    const second = rows.find((r) => r.key === other)!;
    expect(second.differs).toEqual([false, false, true]);
    expect(second.values[1]).toBe(second.values[0]);
  });

  it('is empty when every run has the same settings, and measures against the chosen reference', () => {
    expect(settingsDiffRows([point('A', {}), point('B', {})], 0, LEVERS)).toEqual([]);
    const points = [point('A', {}), point('B', { [PRIORITIES]: 2 }), point('C', { [PRIORITIES]: 2 })];
    const rows = settingsDiffRows(points, 1, LEVERS);
    expect(rows.find((r) => r.key === PRIORITIES)!.differs).toEqual([true, false, false]);
  });

  it('puts sampling differences (seed, replications) after the levers', () => {
    const rows = settingsDiffRows([point('A', {}, 1, 10), point('B', { [PRIORITIES]: 3 }, 2, 20)], 0, LEVERS);
    expect(rows.map((r) => r.key)).toEqual([PRIORITIES, 'seed', 'replications']);
    expect(rows.map((r) => r.kind)).toEqual(['lever', 'sampling', 'sampling']);
  });
});

describe('KPI deltas across runs', () => {
  it('gives each run its value and difference from the reference run', () => {
    const rows = kpiDeltaRows([{ a: 2, b: 10 }, { a: 3, b: 5 }, { a: 2 }], 0);
    expect(rows.map((r) => r.kpi)).toEqual(['a', 'b']);
    expect(rows[0]!.cells).toEqual([
      { value: 2, delta: 0, relative: 0 },
      { value: 3, delta: 1, relative: 0.5 },
      { value: 2, delta: 0, relative: 0 },
    ]);
    // A run without the KPI gets an empty cell rather than a made-up number.
    expect(rows[1]!.cells[2]).toBeNull();
    expect(rows[1]!.cells[1]).toEqual({ value: 5, delta: -5, relative: -0.5 });
  });

  it('has no relative change when the reference is zero, and follows a given KPI order', () => {
    const rows = kpiDeltaRows([{ z: 0, a: 1 }, { z: 4, a: 1 }], 0, (ids) => ids.sort().reverse());
    expect(rows.map((r) => r.kpi)).toEqual(['z', 'a']);
    expect(rows[0]!.cells[1]).toEqual({ value: 4, delta: 4, relative: null });
  });
});

describe('series overlay CSV rows', () => {
  it('writes one row per week with each run\'s value, blank where a run has no value', () => {
    const rows = overlayCsvRows(2, [new Float64Array([1, 2, 3]), undefined, new Float64Array([5, 6])]);
    expect(rows).toEqual([
      [0, 1, '', 5],
      [1, 2, '', 6],
      [2, 3, '', ''],
    ]);
  });
});

describe('settings diff formatting', () => {
  it('writes lever values with the formatter it is given', () => {
    const rows = settingsDiffRows([point('A', {}), point('B', { [PRIORITIES]: 2 })], 0, LEVERS, (def, v) => `${def.id}=${v}`);
    expect(rows[0]!.values[1]).toBe(`${PRIORITIES}=2`);
  });
});
