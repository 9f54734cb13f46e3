// Uncertainty in the model's assumptions: the parameter registry, the draws of uncertainty 'all', paired
// comparisons and robustness (engine/SPEC.md U1–U4).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  assumptionSensitivity, blankInput, DRAWN_PARAMETERS, drawnValues, FIXED_PARAMETERS, mergeMonteCarlo, monteCarlo, monteCarloPart, ORDERED_PAIRS, PARAMETERS, robustness, SERIES, simulate,
  type MonteCarloResult, type SimInput,
} from '../../engine';
import { drawKeys, drawParameters, INTEGER_PARAMETERS, splitTriangularQuantile, unitDraw } from '../../engine/assumptions';
import { buildPath } from '../../engine/exogenous';
import { resolveSettings } from '../../engine/levers';
import * as bindings from '../../engine/parameter-bindings';
import { DEFAULT_PARAMETERS, useDefaultParameters } from '../../engine/parameter-values';
import { PARAMETER_COUNT } from '../../engine/parameter-slots';
import { compileInput } from '../../engine/portfolio';
import { createRng, reseed } from '../../engine/random';
import { KPI_COUNT, SERIES_COUNT } from '../../engine/series';
import { runCore, writePathSeries } from '../../engine/simulate';
import { createWorkspace } from '../../engine/workspace';
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

  it('labels every parameter in words a board reads: no code names such as BUILD_HAZARD', () => {
    const coded = PARAMETERS.filter((p) => /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/.test(p.label)).map((p) => `${p.id}: ${p.label}`);
    expect(coded).toEqual([]);
  });
});

/** Maturity's weights, scaled together in every draw to sum to one. */
const MATURITY_WEIGHTS = ['MATURITY_ADOPTION_WEIGHT', 'MATURITY_CAPABILITY_WEIGHT', 'MATURITY_INFRASTRUCTURE_WEIGHT'];

/**
 * Return every number of `replications` replications of an input with a parameter vector: each week of every
 * series (the path's too) and every KPI, in one array.
 */
function fingerprint(input: SimInput, params: Float64Array, replications: number): Float64Array {
  const ci = compileInput(input);
  const settings = resolveSettings(input.levers);
  const ws = createWorkspace(ci);
  ws.params.set(params);
  const path = buildPath(ci, settings, params);
  const W = ci.horizon + 1;
  const out = new Float64Array(replications * (SERIES_COUNT * W + KPI_COUNT));
  const series = Array.from({ length: SERIES_COUNT }, () => new Float64Array(W));
  const kpis = Array.from({ length: KPI_COUNT }, () => new Float64Array(1));
  const rng = createRng(2, 0);
  for (let r = 0; r < replications; r++) {
    reseed(rng, 2, r);
    runCore(ci, settings, path, ws, rng, { series, offset: 0, stride: 1, kpis, kpiIndex: 0, detail: null, outcomes: null });
    writePathSeries(path, series);
    const at = r * (SERIES_COUNT * W + KPI_COUNT);
    series.forEach((v, i) => out.set(v, at + i * W));
    kpis.forEach((v, k) => (out[at + SERIES_COUNT * W + k] = v[0]!));
  }
  useDefaultParameters();
  return out;
}

/** An input whose priorities pass 2 in its last week, so that a second initiative starts then in most runs. */
const STEP_AT_HORIZON = {
  horizonWeeks: 47, initiatives: [], stages: [], events: [], goal: { kind: 'maturity', atLeast: 1 },
  levers: { 'team.clinical': 1.0348822603155898, 'team.strategy': 0, 'goal.clarity': 0.9999999999999395, 'goal.mission': 0, 'urgency.standing': 0, 'priorities.concurrent': 1 },
} as unknown as SimInput;

describe("uncertainty 'all'", () => {
  it('[U1] draws every registry parameter but the fixed ones, each inside its range and spread like its distribution', () => {
    expect([...DRAWN_PARAMETERS, ...Object.keys(FIXED_PARAMETERS)].sort()).toEqual(PARAMETERS.map((p) => p.id).sort());
    expect(Object.keys(FIXED_PARAMETERS).sort()).toEqual(['OUTPATIENTS_PER_WEEK', 'REFERENCE_TEAM_FTE']);
    const n = 400;
    const all = Array.from({ length: n }, (_, r) => drawnValues(11, r));
    for (const id of DRAWN_PARAMETERS) {
      const def = PARAMETERS.find((p) => p.id === id)!;
      const draws = all.map((d) => d[id]!).sort((a, b) => a - b);
      expect(draws[0]!, id).toBeGreaterThanOrEqual(def.min - 1e-12);
      expect(draws[n - 1]!, id).toBeLessThanOrEqual(def.max + 1e-12);
      if (INTEGER_PARAMETERS.includes(id)) {
        expect(draws.every((v) => Number.isInteger(v)), id).toBe(true);
        continue;
      }
      if (id === 'MATURITY_ADOPTION_WEIGHT') continue;
      if (def.default === def.min || def.default === def.max) {
        // A default at an end of the range is the median: half the draws sit on it, half spread over the rest.
        expect(Math.abs(draws.filter((v) => v === def.default).length / n - 0.5), id).toBeLessThan(0.03);
        continue;
      }
      // Kolmogorov–Smirnov distance to the two-piece triangular distribution (mode and median at the default):
      // stratified draws sit far inside the 1% critical value of independent ones (1.63 / √n ≈ 0.08).
      let ks = 0;
      draws.forEach((v, i) => {
        const q = (i + 0.5) / n;
        const expected = splitTriangularQuantile(q, def.min, def.default, def.max);
        const rank = draws.filter((d) => d <= expected).length / n;
        ks = Math.max(ks, Math.abs(rank - q));
      });
      expect(ks, id).toBeLessThan(0.03);
      // Half the draws on each side of the default (a lopsided range does not move the median).
      if (def.min < def.default && def.default < def.max) expect(Math.abs(draws.filter((v) => v < def.default).length / n - 0.5), id).toBeLessThan(0.03);
    }
    for (const d of all) expect(MATURITY_WEIGHTS.reduce((s, id) => s + d[id]!, 0)).toBeCloseTo(1, 12);
  });

  it('[U1] keeps every ordered pair in order in every draw', () => {
    for (let r = 0; r < 2000; r++) {
      const d = drawnValues(r % 7, r);
      for (const [lo, hi] of ORDERED_PAIRS) expect(d[lo]!, `${lo} < ${hi} in draw ${r}`).toBeLessThanOrEqual(d[hi]!);
    }
  });

  it('[U1] spreads the first n draws of every parameter over its strata, and pairs parameters at random', () => {
    const keys = drawKeys(5);
    const u = (j: number, n: number) => Array.from({ length: n }, (_, r) => unitDraw(keys, j, r));
    for (let j = 0; j < PARAMETER_COUNT; j++) {
      // The first 2^m draws put exactly one point in each of 2^m equal strata.
      for (const n of [64, 1024]) expect(new Set(u(j, n).map((x) => Math.floor(x * n))).size, `slot ${j}, n ${n}`).toBe(n);
      // Any first n come within a few points of it (independent draws stray by about 3√(n/10)).
      for (const n of [20, 100, 1000]) {
        const counts = new Array<number>(10).fill(0);
        for (const x of u(j, n)) counts[Math.floor(x * 10)]!++;
        expect(Math.max(...counts.map((c) => Math.abs(c - n / 10))), `slot ${j}, n ${n}`).toBeLessThanOrEqual(3);
      }
    }
    // No two parameters move together: over 1,024 draws every pair's correlation is near zero (random pairing
    // of 154 parameters gives a largest |r| of about 0.15; an R_d sequence in this many dimensions gave 0.42).
    const cols = Array.from({ length: PARAMETER_COUNT }, (_, j) => u(j, 1024).map((x) => x - 0.5));
    let worst = 0;
    for (let a = 0; a < PARAMETER_COUNT; a++) {
      for (let b = a + 1; b < PARAMETER_COUNT; b++) {
        let s = 0;
        for (let r = 0; r < 1024; r++) s += cols[a]![r]! * cols[b]![r]!;
        worst = Math.max(worst, Math.abs((12 * s) / 1024));
      }
    }
    expect(worst).toBeLessThan(0.25);
  });

  it('[U6] every registry parameter is wired in: the mechanisms read it only from the run\'s parameters, and moving it moves a result', () => {
    const ids = new Set(PARAMETERS.map((p) => p.id));
    // No mechanism file reads a registry constant itself (only its declaration names it; runs read P.<id>).
    const bare: string[] = [];
    for (const [file] of [...MECHANISM_FILES, ['simulate.ts'], ['montecarlo.ts'], ['explain.ts']] as const) {
      const text = readFileSync(new URL(`../../engine/${file}`, import.meta.url), 'utf8');
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
      const visit = (node: ts.Node): void => {
        if (ts.isImportDeclaration(node)) return;
        if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && ids.has(node.name.text)) return;
        if (ts.isIdentifier(node) && ids.has(node.text) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) bare.push(`${file}: ${node.text}`);
        node.forEachChild(visit);
      };
      visit(sf);
    }
    expect(bare).toEqual([]);
    // The bindings hold the defaults outside a run, also after a run with drawn parameters.
    monteCarlo(blankInput(), { replications: 3, seed: 1, uncertainty: 'all', series: [] });
    for (const p of PARAMETERS) expect((bindings as unknown as Record<string, number>)[p.id], p.id).toBe(p.default);
    // Each parameter, moved to either end of its range, changes some number of some run: a KPI or a week of a
    // series, in the scenarios and a few inputs that reach the corners (a huge team, governance at both ends, a
    // shock with leavers and contractors, a tiny initiative), from the defaults or from a draw of the others.
    const blank = blankInput();
    const all20 = Object.fromEntries(['clinical', 'product', 'design', 'engineering', 'data', 'infrastructure', 'strategy'].map((r) => [`team.${r}`, 20]));
    const inputs: SimInput[] = [
      ...Object.values(loadPreparedInputs()),
      { ...blank, levers: all20 },
      { ...blank, levers: { 'leadership.ownership': 0, 'leadership.boardEngaged': 0, 'leadership.culture': 0, 'team.empowerment': 0, 'start.legacy': 1, 'urgency.standing': 0, 'team.strategy': 0 } },
      { ...blank, levers: { 'priorities.concurrent': 30, 'team.clinical': 0.5, 'team.product': 0.5, 'team.design': 0.5, 'team.engineering': 1, 'team.data': 0.5, 'team.infrastructure': 0.5 } },
      { ...blank, levers: { 'leadership.ownership': 3, 'leadership.boardEngaged': 1, 'leadership.culture': 1, 'team.empowerment': 1, 'start.legacy': 0, 'urgency.standing': 1 } },
      {
        ...blank, levers: { 'team.external': 0.5, 'urgency.lockIn': 1, 'team.clinical': 1, 'team.product': 1, 'team.design': 1, 'team.engineering': 1, 'team.data': 1, 'team.infrastructure': 1 },
        events: [
          { kind: 'urgency-shock', week: 150, label: 'Shock', size: 0.8, priorityCap: 2, governanceRelief: 0.5 },
          { kind: 'people-leave', week: 60, label: 'Leavers', share: 0.4 },
        ],
      },
      { ...blank, initiatives: [{ id: 'tiny', name: 'Tiny', pillar: 'support', effortWeeks: 0.01, businessCritical: false, prerequisites: [], rollout: 'big-bang', benefit: 1, infrastructureNeed: 0 }] },
    ];
    const keys = drawKeys(9);
    // Beyond five things juggled, switching follows its floor and decay: reached when people juggle most.
    const juggling = DEFAULT_PARAMETERS.slice();
    for (const id of ['OTHER_PRIORITY_WEIGHT', 'MAX_JUGGLED']) juggling[PARAMETERS.findIndex((p) => p.id === id)] = PARAMETERS.find((p) => p.id === id)!.max;
    const bases = [DEFAULT_PARAMETERS, juggling, ...[0, 1].map((r) => { const v = new Float64Array(PARAMETER_COUNT); drawParameters(keys, r, v); return v; })];
    const inert: string[] = [];
    for (const p of PARAMETERS) {
      const j = PARAMETERS.indexOf(p);
      const moved = (replications: number) => bases.some((b) => inputs.some((input) => {
        const at = (v: number) => { const x = b.slice(); x[j] = v; return fingerprint(input, x, replications); };
        const low = at(p.min), high = at(p.max);
        return low.some((x, k) => x !== high[k]);
      }));
      // A risk moves results only where a draw crosses a threshold: those get more replications.
      if (!moved(2) && !moved(30)) inert.push(p.id);
    }
    expect(inert).toEqual([]);
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
        // Within half a per cent of the series' axis, what a chart can show: a discrete step (an initiative
        // starting when the priorities pass a whole number) that falls in the same week of most runs can put
        // the luck-only median a hair outside the band in that week (switching loss, a horizon of 47 weeks).
        const slack = 0.005 * (s.max - s.min);
        for (let w = 0; w < n.p50.length; w++) {
          if (n.p50[w]! < a.p10[w]! - slack || n.p50[w]! > a.p90[w]! + slack) outside.push(`${s.id}[${w}]`);
        }
      }
      expect(outside.slice(0, 5)).toEqual([]);
    }), { numRuns: 12, examples: [[STEP_AT_HORIZON, 0]] });
  });

  it("refuses an unknown uncertainty with the modes it knows", () => {
    expect(() => monteCarlo(blankInput(), { replications: 2, seed: 1, uncertainty: 'some' as 'all' })).toThrow(/use 'all'.*or 'noise'/);
  });
});

describe('which assumptions matter', () => {
  it('[U5] ranks the drawn assumptions by their effect across their ranges, deterministically, with zero where there is none', () => {
    const opts = { kpi: 'maturityAtHorizon', seed: 4, replications: 6, trajectories: 2 };
    const a = assumptionSensitivity(blankInput(), opts);
    expect(assumptionSensitivity(blankInput(), opts)).toEqual(a);
    expect(a.rows.map((r) => r.id).sort()).toEqual([...DRAWN_PARAMETERS].sort());
    for (let i = 1; i < a.rows.length; i++) expect(a.rows[i - 1]!.index).toBeGreaterThanOrEqual(a.rows[i]!.index);
    // The team's pace is among the assumptions that move maturity most, and faster work raises it.
    const pace = a.rows.findIndex((r) => r.id === 'REFERENCE_TEAM_OUTPUT');
    expect(pace).toBeLessThan(10);
    expect(a.rows[pace]!.meanEffect).toBeGreaterThan(0);
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
