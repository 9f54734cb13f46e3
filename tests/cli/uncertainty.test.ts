// `momentum parameters` and `momentum robustness`: the registry on the command line, and paired what-ifs.
import { describe, expect, it } from 'vitest';
import { DRAWN_PARAMETERS, PARAMETERS } from '../../engine';
import { momentum, scenario } from './helpers';

describe('momentum parameters', () => {
  it('prints the registry as a JSON array, saying which parameters runs with --uncertainty all draw', async () => {
    const r = await momentum(['parameters', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; label: string; default: number; min: number; max: number; unit: string; evidence: string; source: string; mechanism: string; drawn: boolean }[];
    expect(rows.map((p) => p.id)).toEqual(PARAMETERS.map((p) => p.id));
    for (const p of rows) {
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['id', 'label', 'default', 'min', 'max', 'unit', 'evidence', 'source', 'mechanism']));
      expect(p.min).toBeLessThanOrEqual(p.default);
      expect(p.max).toBeGreaterThanOrEqual(p.default);
    }
    expect(rows.filter((p) => p.drawn).map((p) => p.id).sort()).toEqual([...DRAWN_PARAMETERS].sort());
    const text = await momentum(['parameters']);
    expect(text.stdout).toContain('REFERENCE_TEAM_OUTPUT');
    expect(text.stdout).toMatch(/\d+ parameters/);
  });
});

describe('momentum sensitivity --over parameters', () => {
  it("lists the model's uncertain assumptions with their evidence, largest effect first", async () => {
    const r = await momentum(['sensitivity', scenario('blank-trust.momentum'), '--over', 'parameters', '--kpi', 'maturityAtHorizon', '--replications', '10', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { over: string; kpi: string; rows: { id: string; label: string; evidence: string; index: number }[] };
    expect(out).toMatchObject({ over: 'parameters', kpi: 'maturityAtHorizon' });
    expect(out.rows.map((x) => x.id).sort()).toEqual([...DRAWN_PARAMETERS].sort());
    for (const row of out.rows) expect(['evidence', 'mixed', 'judgement']).toContain(row.evidence);
    for (let i = 1; i < out.rows.length; i++) expect(out.rows[i - 1]!.index).toBeGreaterThanOrEqual(out.rows[i]!.index);
    const bad = await momentum(['sensitivity', scenario('blank-trust.momentum'), '--over', 'things', '--kpi', 'maturityAtHorizon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--over must be 'levers' or 'parameters'/);
  });
});

describe('momentum robustness', () => {
  it('finds whole-board ownership better than the blank trust in at least 90% of paired futures', async () => {
    const r = await momentum(['robustness', scenario('blank-trust.momentum'), '--set', 'leadership.ownership=3', '--kpi', 'maturityAtHorizon', '--replications', '300', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { kpi: string; share: number; medianGain: number; replications: number; uncertainty: string };
    expect(out).toMatchObject({ kpi: 'maturityAtHorizon', replications: 300, uncertainty: 'all' });
    expect(out.share).toBeGreaterThanOrEqual(0.9);
    expect(out.medianGain).toBeGreaterThan(0);
  });

  it('finds no owner better than Milton Keynes in at most 10%, and the same bytes with 1 and 2 workers', async () => {
    const args = ['robustness', scenario('milton-keynes.momentum'), '--set', 'leadership.ownership=0', '--kpi', 'maturityAtHorizon', '--replications', '300', '--json'];
    const [one, two] = await Promise.all([momentum([...args, '--workers', '1']), momentum([...args, '--workers', '2'])]);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const out = JSON.parse(one.stdout) as { share: number; medianGain: number };
    expect(out.share).toBeLessThanOrEqual(0.1);
    expect(out.medianGain).toBeLessThan(0);
  });

  it('says what is missing: the what-if, the KPI, or more than one replication', async () => {
    const noSet = await momentum(['robustness', scenario('blank-trust.momentum'), '--kpi', 'maturityAtHorizon']);
    expect(noSet.code).toBe(2);
    expect(noSet.stderr).toMatch(/needs the what-if: one or more --set/);
    const badKpi = await momentum(['robustness', scenario('blank-trust.momentum'), '--set', 'leadership.ownership=3', '--kpi', 'maturity']);
    expect(badKpi.code).toBe(1);
    expect(badKpi.stderr).toMatch(/no such KPI. Close matches: maturityAtHorizon/);
    const one = await momentum(['robustness', scenario('blank-trust.momentum'), '--set', 'leadership.ownership=3', '--kpi', 'maturityAtHorizon', '--replications', '1']);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/--replications 2 or more/);
  });
});
