import { describe, expect, it } from 'vitest';
import { createInProcessRunner, evaluateTask, LEVERS, taskOf } from '../../engine';
import { attributeGap } from '../../renderer/src/analyst/attribute';
import { leverAt, loadScenario, makeRun, PRIORITIES } from './run-fixtures';

const scenario = loadScenario('milton-keynes');
const runner = createInProcessRunner();
const other = LEVERS.find((l) => l.id !== PRIORITIES && !l.options)!.id;

describe('attribution of the gap between two runs', () => {
  it('measures against the reference run itself and adds up to the gap for every KPI', async () => {
    const a = await makeRun('A', scenario, {}, { replications: 6, seed: 3 });
    const b = await makeRun('B', scenario, { [PRIORITIES]: 2, [other]: leverAt(other, 1) }, { replications: 6, seed: 3 });
    const progress: number[] = [];
    const att = await attributeGap(a, b, runner, { onProgress: (done) => progress.push(done) });
    expect(att.method).toBe('shapley');
    expect(att.players.map((p) => p.id).sort()).toEqual([PRIORITIES, other].sort());
    // Two players: 2^2 coalitions, reported one by one.
    expect(progress).toEqual([1, 2, 3, 4]);
    const ownA = (await evaluateTask(taskOf(a), runner)).kpis;
    for (const k of att.kpis) {
      expect(k.a).toBe(ownA[k.kpi]);
      expect(k.b).toBe(b.summary.kpis[k.kpi]);
      const explained = k.rows.reduce((s, r) => s + r.effect, 0) + k.interaction + k.sampling;
      expect(explained).toBeCloseTo(k.gap, 9);
      // Same seed and replications: nothing is left to sampling.
      expect(k.sampling).toBeCloseTo(0, 9);
    }
  });

  it('puts a different seed down to sampling, not to the settings', async () => {
    const a = await makeRun('A', scenario, {}, { replications: 4, seed: 1 });
    const b = await makeRun('B', scenario, { [PRIORITIES]: 3 }, { replications: 4, seed: 2 });
    const att = await attributeGap(a, b, runner, { bSummary: b.summary });
    const maturity = att.kpis.find((k) => k.kpi === 'maturityAtHorizon')!;
    expect(maturity.rows).toHaveLength(1);
    expect(maturity.rows[0]!.effect + maturity.sampling).toBeCloseTo(maturity.gap, 9);
  });
});
