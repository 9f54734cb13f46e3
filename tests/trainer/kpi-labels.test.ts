import { describe, expect, it } from 'vitest';
import { evaluateChallenge, LEVERS } from '../../engine';
import { challengeVerdict, describeCheck, formatKpiAmount, kpiLabel } from '../../renderer/src/trainer/kpi-labels';

const levers = { 'priorities.concurrent': 8 };

describe('challenge wording', () => {
  it('writes one initiative in the singular and several in the plural', () => {
    const r = evaluateChallenge({ id: 'f', label: 'F', kpi: 'initiativesFailed', atMost: 0 }, { kpis: { initiativesFailed: 1 }, levers, leverDefs: LEVERS });
    expect(describeCheck(r.checks[0]!, LEVERS)).toBe('Initiatives failed: 1 initiative; needs at most 0 initiatives: over the limit by 1 initiative.');
    expect(formatKpiAmount('initiativesFailed', 2)).toBe('2 initiatives');
  });

  it('names KPIs as the engine labels them and spells out unknown ids', () => {
    expect(kpiLabel('maturityAtHorizon')).toBe('Maturity at the horizon');
    expect(kpiLabel('someNewKpi')).toBe('Some new kpi');
  });

  it('says by how much a challenge is missed, for the KPI and for the lever limit', () => {
    const r = evaluateChallenge(
      { id: 'c', label: 'C', kpi: 'maturityAtHorizon', atLeast: 3, maxLever: { leverId: 'priorities.concurrent', atMost: 5 } },
      { kpis: { maturityAtHorizon: 2.75 }, levers, leverDefs: LEVERS },
    );
    const lines = r.checks.map((c) => describeCheck(c, LEVERS));
    expect(lines[0]).toContain('short by 0.25');
    expect(lines[1]).toMatch(/^Concurrent priorities: .*over the limit by 3/);
    expect(challengeVerdict(r)).toContain('2 of 2 conditions failed');
  });

  it('says a week target is met with time to spare, and that a goal beyond the horizon was not reached', () => {
    const ok = evaluateChallenge({ id: 'w', label: 'W', kpi: 'weeksToGoal', atMost: 156 }, { kpis: { weeksToGoal: 100 }, levers, leverDefs: LEVERS });
    expect(describeCheck(ok.checks[0]!, LEVERS, 260)).toContain('met with 56 weeks to spare');
    const late = evaluateChallenge({ id: 'w', label: 'W', kpi: 'weeksToGoal', atMost: 156 }, { kpis: { weeksToGoal: 261 }, levers, leverDefs: LEVERS });
    const line = describeCheck(late.checks[0]!, LEVERS, 260);
    expect(line).toContain('not reached within the run');
    expect(line).toContain('too late by');
  });
});
