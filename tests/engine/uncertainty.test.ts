// Uncertainty in the model's assumptions: the parameter registry, the draws of uncertainty 'all', paired
// comparisons and robustness (engine/SPEC.md U1–U4).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  assumptionSensitivity, blankInput, DRAWN_PARAMETERS, drawnValues, mergeMonteCarlo, monteCarlo, monteCarloPart, PARAMETERS, robustness, SERIES, simulate,
  type MonteCarloResult, type SimInput,
} from '../../engine';
import { triangularQuantile } from '../../engine/assumptions';
import { MECHANISM_FILES, modelDocText, registryText } from '../../scripts/gen-parameters';
import { loadPreparedInputs } from '../../scripts/validate-model';
import { inputArb } from './arbitraries';

/** Exported numeric constants of the mechanism files that are not parameters: codes, indices, conversions and tolerances. */
const NOT_PARAMETERS = new Set([
  'ROLE_COUNT', 'WEEKS_PER_MONTH', 'STAFFING_STEP', 'CAPABILITY_REFERENCE', 'INFRASTRUCTURE_REFERENCE',
  'WAITING', 'BUILDING', 'PILOTING', 'LIVE', 'FAILED',
  'GATE_WEEK', 'GATE_LIVE', 'GATE_INFRA', 'GATE_CONFIDENCE', 'GATE_MATURITY', 'EV_SHOCK', 'EV_LEAVE', 'EV_NEW_CEO', 'EV_FUNDING',
]);

/** Return the names of every exported constant with a numeric initializer in an engine file. */
function numericConstants(file: string): string[] {
  const text = readFileSync(new URL(`../../engine/${file}`, import.meta.url), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const names: string[] = [];
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st) || !st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer;
      const numeric = init && (ts.isNumericLiteral(init) || (ts.isPrefixUnaryExpression(init) && ts.isNumericLiteral(init.operand)));
      if (ts.isIdentifier(d.name) && numeric) names.push(d.name.text);
    }
  }
  return names;
}

const mc = (input: SimInput, uncertainty: 'noise' | 'all', replications = 200, seed = 3): MonteCarloResult =>
  monteCarlo(input, { replications, seed, uncertainty });

describe('the parameter registry', () => {
  it('is what `npm run parameters` writes from the doc comments (run it after changing a parameter)', () => {
    expect(readFileSync(new URL('../../engine/parameter-registry.ts', import.meta.url), 'utf8')).toBe(registryText());
  });

  it("gives docs/MODEL.md's parameter tables their figures, and every parameter a row there (npm run parameters)", () => {
    const md = readFileSync(new URL('../../docs/MODEL.md', import.meta.url), 'utf8');
    expect(md).toBe(modelDocText(md));
    const rows = new Set([...md.matchAll(/^\| `([A-Z_0-9]+)`/gm)].map((m) => m[1]));
    expect(PARAMETERS.map((p) => p.id).filter((id) => !rows.has(id))).toEqual([]);
  });

  it('covers every numeric constant the mechanism files export, but codes, indices and conversions', () => {
    const ids = new Set(PARAMETERS.map((p) => p.id));
    const missing = MECHANISM_FILES.flatMap(([file]) => numericConstants(file).filter((n) => !n.startsWith('X_') && !NOT_PARAMETERS.has(n) && !ids.has(n)).map((n) => `${file}: ${n}`));
    expect(missing).toEqual([]);
  });

  it('gives every parameter a default inside its range, a unit, an evidence class and a mechanism', () => {
    for (const p of PARAMETERS) {
      expect(p.min, p.id).toBeLessThanOrEqual(p.default);
      expect(p.max, p.id).toBeGreaterThanOrEqual(p.default);
      expect(p.unit, p.id).not.toBe('');
      expect(['evidence', 'mixed', 'judgement'], p.id).toContain(p.evidence);
      expect(p.mechanism, p.id).not.toBe('');
    }
    expect(new Set(PARAMETERS.map((p) => p.id)).size).toBe(PARAMETERS.length);
  });
});

describe("uncertainty 'all'", () => {
  it('[U1] draws each drawn parameter inside its range and spreads the draws like its distribution', () => {
    const n = 400;
    for (const id of DRAWN_PARAMETERS) {
      const def = PARAMETERS.find((p) => p.id === id)!;
      const draws = Array.from({ length: n }, (_, r) => drawnValues(11, r)[id]!).sort((a, b) => a - b);
      expect(draws[0]!, id).toBeGreaterThanOrEqual(def.min - 1e-12);
      expect(draws[n - 1]!, id).toBeLessThanOrEqual(def.max + 1e-12);
      // Kolmogorov–Smirnov distance to the triangular distribution: low-discrepancy draws sit far inside the
      // 1% critical value of independent ones (1.63 / √n ≈ 0.08).
      let ks = 0;
      draws.forEach((v, i) => {
        const q = (i + 0.5) / n;
        const expected = triangularQuantile(q, def.min, def.default, def.max);
        const rank = draws.filter((d) => d <= expected).length / n;
        ks = Math.max(ks, Math.abs(rank - q));
      });
      expect(ks, id).toBeLessThan(0.03);
    }
  });

  it('[U2] the same seed gives the same bits, and replication r meets the same assumptions in every what-if and any split', () => {
    const input = blankInput();
    const a = mc(input, 'all', 60, 7), b = mc(structuredClone(input), 'all', 60, 7);
    for (const id of Object.keys(a.kpis)) expect(Array.from(b.kpis[id]!.values)).toEqual(Array.from(a.kpis[id]!.values));
    // The draws depend on the seed and the replication only.
    expect(drawnValues(7, 12)).toEqual(drawnValues(7, 12));
    expect(drawnValues(7, 12)).not.toEqual(drawnValues(8, 12));
    // Parts made on different threads give the whole run's numbers.
    const parts = [monteCarloPart(input, { seed: 7, from: 0, to: 25, uncertainty: 'all' }), monteCarloPart(input, { seed: 7, from: 25, to: 60, uncertainty: 'all' })];
    const merged = mergeMonteCarlo(input, parts);
    expect(merged.uncertainty).toBe('all');
    for (const id of Object.keys(a.kpis)) expect(Array.from(merged.kpis[id]!.values)).toEqual(Array.from(a.kpis[id]!.values));
    expect(() => mergeMonteCarlo(input, [parts[0]!, monteCarloPart(input, { seed: 7, from: 25, to: 60 })])).toThrow(/uncertainty 'noise'/);
  });

  it("[U2] replication 0 of a Monte Carlo is simulate with the same seed and uncertainty", () => {
    fc.assert(fc.property(inputArb, fc.integer({ min: 0, max: 1e6 }), (input, seed) => {
      const one = simulate(input, seed, { uncertainty: 'all' });
      const many = monteCarlo(input, { replications: 2, seed, uncertainty: 'all', series: [] });
      for (const [id, d] of Object.entries(many.kpis)) expect(d.values[0], id).toBe(one.kpis[id]);
    }), { numRuns: 15 });
  });

  it("[U3] the bands with the assumptions' uncertainty contain the luck-only medians, every week of every series", () => {
    fc.assert(fc.property(inputArb, fc.integer({ min: 0, max: 1e6 }), (input, seed) => {
      const noise = mc(input, 'noise', 300, seed), all = mc(input, 'all', 300, seed);
      expect(noise.uncertainty).toBe('noise');
      expect(all.uncertainty).toBe('all');
      const outside: string[] = [];
      for (const s of SERIES) {
        const n = noise.bands[s.id]!, a = all.bands[s.id]!;
        for (let w = 0; w < n.p50.length; w++) {
          const slack = 1e-6 * Math.max(1, Math.abs(n.p50[w]!));
          if (n.p50[w]! < a.p10[w]! - slack || n.p50[w]! > a.p90[w]! + slack) outside.push(`${s.id}[${w}]`);
        }
      }
      expect(outside.slice(0, 5)).toEqual([]);
    }), { numRuns: 6 });
  });

  it("refuses an unknown uncertainty with the modes it knows", () => {
    expect(() => monteCarlo(blankInput(), { replications: 2, seed: 1, uncertainty: 'some' as 'all' })).toThrow(/use 'all'.*or 'noise'/);
  });
});

describe('which assumptions matter', () => {
  it('[U5] ranks the drawn assumptions by their effect across their ranges, deterministically, with zero where there is none', () => {
    const opts = { kpi: 'maturityAtHorizon', seed: 4, replications: 20, trajectories: 4 };
    const a = assumptionSensitivity(blankInput(), opts);
    expect(assumptionSensitivity(blankInput(), opts)).toEqual(a);
    expect(a.rows.map((r) => r.id).sort()).toEqual([...DRAWN_PARAMETERS].sort());
    for (let i = 1; i < a.rows.length; i++) expect(a.rows[i - 1]!.index).toBeGreaterThanOrEqual(a.rows[i]!.index);
    // The team's pace moves maturity more than anything else drawn, and faster work raises it.
    expect(a.rows[0]!.id).toBe('REFERENCE_TEAM_OUTPUT');
    expect(a.rows[0]!.meanEffect).toBeGreaterThan(0);
    // The benefit lag delays benefits, never maturity.
    expect(a.rows.find((r) => r.id === 'BENEFIT_DELAY_WEEKS')!.index).toBe(0);
    const benefits = assumptionSensitivity(blankInput(), { ...opts, kpi: 'benefitsRealised' });
    expect(benefits.rows.find((r) => r.id === 'BENEFIT_DELAY_WEEKS')!.index).toBeGreaterThan(0);
    expect(() => assumptionSensitivity(blankInput(), { ...opts, kpi: 'nope' })).toThrow(/Unknown KPI 'nope'/);
  });
});

describe('robustness', () => {
  it('[U4] a what-if against itself wins none and ties all: a share of one half, no gain', () => {
    const r = mc(blankInput(), 'all', 100);
    const same = robustness(r, r, 'maturityAtHorizon');
    expect(same).toMatchObject({ share: 0.5, ties: 1, medianGain: 0, replications: 100, uncertainty: 'all' });
  });

  it('[U4] whole-board ownership beats the blank trust in at least 90% of plausible futures; no owner beats Milton Keynes in at most 10%', () => {
    const blank = blankInput();
    const owned = { ...blank, levers: { 'leadership.ownership': 3 } };
    const byBoard = robustness(mc(blank, 'all', 300, 1), mc(owned, 'all', 300, 1), 'maturityAtHorizon');
    expect(byBoard.share).toBeGreaterThanOrEqual(0.9);
    expect(byBoard.medianGain).toBeGreaterThan(0);
    const mk = loadPreparedInputs()['milton-keynes']!;
    const noOwner = { ...mk, levers: { ...mk.levers, 'leadership.ownership': 0 } };
    const byNobody = robustness(mc(mk, 'all', 300, 1), mc(noOwner, 'all', 300, 1), 'maturityAtHorizon');
    expect(byNobody.share).toBeLessThanOrEqual(0.1);
    expect(byNobody.medianGain).toBeLessThan(0);
  });

  it('[U4] refuses runs that are not paired, saying which setting differs', () => {
    const a = mc(blankInput(), 'all', 20, 1);
    expect(() => robustness(a, mc(blankInput(), 'all', 20, 2), 'maturityAtHorizon')).toThrow(/seed 1 against 2/);
    expect(() => robustness(a, mc(blankInput(), 'noise', 20, 1), 'maturityAtHorizon')).toThrow(/uncertainty all against noise/);
    expect(() => robustness(a, a, 'nope')).toThrow(/Unknown KPI 'nope'/);
  });
});
