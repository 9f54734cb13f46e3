import { describe, expect, it } from 'vitest';
import { LEVERS, type RunResult } from '../../engine';
import { formatLeverValue, formatWeeks } from '../../renderer/src/model/format';
import { formatKpi, formatKpiDelta, isBetter, KPI_TABLE, kpiValue } from '../../renderer/src/components/kpi-meta';

const meta = (id: string) => KPI_TABLE.find((k) => k.id === id)!;
const run = (kpis: Record<string, number>, horizonWeeks = 260) => ({ kpis, horizonWeeks }) as unknown as RunResult;

describe('KPI formatting', () => {
  it.each([
    ['maturity', 2.456, '2.46'],
    ['delivered', 3.2, '3'],
    ['fatigue', 0.427, '43%'],
    ['weeksToGoal', 78, '1 year 6 months'],
    ['weeksToGoal', -1, 'not reached'],
    ['benefits', 1234.4, '1234'],
  ])('shows %s = %s as %s', (id, value, shown) => {
    expect(formatKpi(meta(id), value)).toBe(shown);
  });

  it('reads "never reached" (the horizon + 1) as −1, so it formats and compares as not reached', () => {
    const never = run({ weeksToGoal: 261 });
    const reached = run({ weeksToGoal: 100 });
    expect(kpiValue(never, meta('weeksToGoal').ids)).toBe(-1);
    expect(isBetter(meta('weeksToGoal'), kpiValue(reached, ['weeksToGoal']), kpiValue(never, ['weeksToGoal']))).toBe(true);
    expect(isBetter(meta('weeksToGoal'), -1, 100)).toBe(false);
    expect(formatKpiDelta(meta('weeksToGoal'), -1, 100)).toBe('not reached');
  });

  it('signs differences with a true minus and judges them by the KPI\'s direction', () => {
    expect(formatKpiDelta(meta('maturity'), 2.1, 2.5)).toBe('−0.40');
    expect(isBetter(meta('maturity'), 2.1, 2.5)).toBe(false);
    expect(formatKpiDelta(meta('failed'), 1, 3)).toBe('−2');
    expect(isBetter(meta('failed'), 1, 3)).toBe(true);
    expect(formatKpiDelta(meta('fatigue'), 0.5, 0.3)).toBe('+20 pts');
    expect(formatKpiDelta(meta('maturity'), 2.5, 2.5)).toBe('');
    expect(isBetter(meta('maturity'), Number.NaN, 2.5)).toBeNull();
  });

  it('formats week counts as years and months', () => {
    expect([formatWeeks(0), formatWeeks(4), formatWeeks(52), formatWeeks(130)]).toEqual(['0 months', '1 month', '1 year', '2 years 6 months']);
  });
});

describe('lever formatting', () => {
  it('shows each lever\'s value with its option label, a percentage or its unit', () => {
    for (const def of LEVERS) {
      const shown = formatLeverValue(def, def.default);
      if (def.options) expect(shown).toBe(def.options.find((o) => o.value === def.default)!.label);
      else if (def.unit === 'share') expect(shown).toBe(`${Math.round(def.default * 100)}%`);
      else if (def.unit.startsWith('score')) expect(shown).toMatch(/^\d\.\d of 5$/);
      else expect(shown).toContain(def.unit);
    }
  });
});
