import { describe, expect, it } from 'vitest';
import { LEVERS, type RunResult } from '../../engine';
import { formatLeverValue, formatWeeks } from '../../renderer/src/model/format';
import { formatKpi, formatKpiDelta, isBetter, KPI_TABLE, kpiValue, maturityWords, verdict } from '../../renderer/src/components/kpi-meta';
import { formatKpiValue, formatKpiDelta as formatRunKpiDelta, kpiLabel, typicalKpis } from '../../renderer/src/model/metadata';

const meta = (id: string) => KPI_TABLE.find((k) => k.id === id)!;
const run = (kpis: Record<string, number>, horizonWeeks = 260) => ({ kpis, horizonWeeks }) as unknown as RunResult;

describe('KPI formatting', () => {
  it.each([
    ['maturity', 2.456, '2.5'],
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

  it('words differences by what moved, and judges them by the KPI\'s direction, never by the sign', () => {
    expect(formatKpiDelta(meta('maturity'), 2.1, 2.5)).toBe('0.4 lower');
    expect(isBetter(meta('maturity'), 2.1, 2.5)).toBe(false);
    expect(formatKpiDelta(meta('failed'), 1, 3)).toBe('2 fewer');
    expect(isBetter(meta('failed'), 1, 3)).toBe(true);
    expect(formatKpiDelta(meta('fatigue'), 0.5, 0.3)).toBe('20 pts higher');
    expect(formatKpiDelta(meta('maturity'), 2.5, 2.5)).toBe('');
    expect(isBetter(meta('maturity'), Number.NaN, 2.5)).toBeNull();
  });

  it('reads a goal reached four months earlier as "4 months sooner ▲ better", never "▲ −4 months"', () => {
    const delta = formatKpiDelta(meta('weeksToGoal'), 100, 117.4);
    const shown = `${delta} ${verdict(isBetter(meta('weeksToGoal'), 100, 117.4))}`;
    expect(shown).toBe('4 months sooner ▲ better');
    expect(`${formatKpiDelta(meta('weeksToGoal'), 117.4, 100)} ${verdict(isBetter(meta('weeksToGoal'), 117.4, 100))}`).toBe('4 months later ▼ worse');
    for (const k of KPI_TABLE) expect(formatKpiDelta(k, 3, 1) + formatKpiDelta(k, 1, 3)).not.toMatch(/[+−-]/);
  });

  it('says in words what a maturity level means', () => {
    expect(maturityWords(3.35)).toBe('level 3: core systems used across the trust');
    expect(maturityWords(4.28)).toMatch(/^level 4: /);
    expect(maturityWords(1)).toMatch(/^level 1: /);
    expect(maturityWords(5)).toMatch(/^level 5: /);
    expect(maturityWords(Number.NaN)).toBe('');
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

describe('run KPIs as a board reads them (Compare, board pack)', () => {
  it('shows the chance of the goal as a percentage, counts as whole numbers and no engine statistic', () => {
    expect(kpiLabel('goalReached')).toBe('Chance of reaching the goal');
    expect(formatKpiValue('goalReached', 0.97)).toBe('97%');
    expect(formatKpiValue('initiativesDelivered', 6.65)).toBe('7');
    expect(formatKpiValue('maturityAtHorizon', 3.35)).toBe('3.4');
    expect(formatKpiValue('weeksToGoal', 78)).toBe('1 year 6 months');
    expect(formatRunKpiDelta('weeksToGoal', -17.4)).toBe('4 months sooner');
    expect(formatRunKpiDelta('initiativesDelivered', -2.2)).toBe('2 fewer');
    expect(formatRunKpiDelta('goalReached', 0.25)).toBe('+25 pts');
  });

  it('never averages "never reached" in as a week: typical time from the median, the chance as a share', () => {
    // 3 of 5 replications reach the goal (weeks 100–120), 2 never do (261 = horizon + 1).
    const summary = {
      kpis: { weeksToGoal: (100 + 110 + 120 + 261 + 261) / 5, goalReached: 0.6 },
      distribution: { weeksToGoal: { p10: 100, p50: 120, p90: 261, mean: 170.4 }, goalReached: { p10: 0, p50: 1, p90: 1, mean: 0.6 } },
    };
    const t = typicalKpis(summary, 260);
    expect(t.weeksToGoal).toBe(120);
    expect(formatKpiValue('goalReached', t.goalReached!)).toBe('60%');
    const mostlyNever = typicalKpis({ kpis: { weeksToGoal: 200 }, distribution: { weeksToGoal: { p10: 100, p50: 261, p90: 261, mean: 200 } } }, 260);
    expect(formatKpiValue('weeksToGoal', mostlyNever.weeksToGoal!)).toBe('not reached');
    expect(formatRunKpiDelta('weeksToGoal', mostlyNever.weeksToGoal! - 120)).toBe('not reached');
  });
});
