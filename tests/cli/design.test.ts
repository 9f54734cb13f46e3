// Sampled designs (cli/design.ts, sweep --design): deterministic by seed, inside the ranges asked for,
// stratified as a Latin hypercube and a Sobol sequence must be, and sharded like grids.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SOBOL_DIMENSIONS, designPoint, designSize, sobolBits, unitPoint, type DesignLever, type SampledDesign } from '../../cli/design';
import type { CliIo } from '../../cli/io';
import { main } from '../../cli/main';
import { scenario, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function inProcess(argv: readonly string[], cwd: string): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io: CliIo = { isTTY: false, cwd, stdout: () => undefined, stderr: (t) => (stderr += t) };
  return { code: await main(argv, io), stderr };
}

const levers = (d: number): DesignLever[] => Array.from({ length: d }, (_, k) => ({ leverId: `l${k}`, min: k, max: k + 1 + k * 3 }));

/** Return how many of `us` fall in each of `n` equal strata of [0, 1). */
function strata(us: readonly number[], n: number): number[] {
  const counts = new Array<number>(n).fill(0);
  for (const u of us) counts[Math.floor(u * n)]!++;
  return counts;
}

describe('Sobol sequence', () => {
  it('starts as the textbook sequence in its first two dimensions', () => {
    const point = (i: number) => [sobolBits(i, 0) / 2 ** 32, sobolBits(i, 1) / 2 ** 32];
    expect([0, 1, 2, 3, 4, 5].map(point)).toEqual([
      [0, 0],
      [0.5, 0.5],
      [0.25, 0.75],
      [0.75, 0.25],
      [0.125, 0.625],
      [0.625, 0.125],
    ]);
  });

  it('puts one of the first 2^m points in each of 2^m strata, in every one of its 51 dimensions', () => {
    expect(SOBOL_DIMENSIONS).toBe(51);
    for (const m of [1, 4, 7]) {
      for (let dim = 0; dim < SOBOL_DIMENSIONS; dim++) {
        const us = Array.from({ length: 2 ** m }, (_, i) => sobolBits(i, dim) / 2 ** 32);
        expect(strata(us, 2 ** m)).toEqual(new Array<number>(2 ** m).fill(1));
      }
    }
  });

  it('is a (0, m, 2)-net in dimensions 1 and 2: one point in every elementary box of area 2^-m', () => {
    const m = 6;
    const pts = Array.from({ length: 2 ** m }, (_, i) => [sobolBits(i, 0) / 2 ** 32, sobolBits(i, 1) / 2 ** 32] as const);
    for (let a = 0; a <= m; a++) {
      const boxes = new Map<string, number>();
      for (const [x, y] of pts) {
        const key = `${Math.floor(x * 2 ** a)},${Math.floor(y * 2 ** (m - a))}`;
        boxes.set(key, (boxes.get(key) ?? 0) + 1);
      }
      expect(boxes.size).toBe(2 ** m);
    }
  });
});

describe('designs', () => {
  it('are deterministic by seed, and another seed gives another design', () => {
    fc.assert(
      fc.property(fc.constantFrom<'lhs' | 'sobol'>('lhs', 'sobol'), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 0xffffffff }), (kind, n, d, seed) => {
        const design: SampledDesign = { kind, n, seed, levers: levers(d) };
        const rows = Array.from({ length: designSize(design) }, (_, i) => designPoint(design, i));
        // Any order of computing rows (as shards and workers do) gives the same rows.
        const backwards = Array.from({ length: designSize(design) }, (_, i) => designPoint({ ...design, levers: levers(d) }, designSize(design) - 1 - i)).reverse();
        expect(backwards).toEqual(rows);
        const other = Array.from({ length: designSize(design) }, (_, i) => designPoint({ ...design, seed: (seed + 1) >>> 0 }, i));
        expect(other).not.toEqual(rows);
      }),
      { numRuns: 60 },
    );
  });

  it('stay inside the ranges asked for, and a lever with options takes only those', () => {
    const optioned: DesignLever = { leverId: 'o', min: 1, max: 3, options: [1, 2, 3] };
    fc.assert(
      fc.property(fc.constantFrom<'lhs' | 'sobol'>('lhs', 'sobol'), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 0xffffffff }), (kind, n, seed) => {
        const ls = [...levers(3), optioned];
        const design: SampledDesign = { kind, n, seed, levers: ls };
        for (let i = 0; i < designSize(design); i++) {
          const p = designPoint(design, i);
          ls.forEach((l, k) => {
            expect(p[k]).toBeGreaterThanOrEqual(l.min);
            expect(p[k]).toBeLessThanOrEqual(l.max);
          });
          expect([1, 2, 3]).toContain(p[3]);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('lhs: each of the N equal strata of each lever holds exactly one row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 0xffffffff }), (n, d, seed) => {
        const design: SampledDesign = { kind: 'lhs', n, seed, levers: levers(d) };
        const us = Array.from({ length: n }, (_, i) => unitPoint(design, i));
        for (let k = 0; k < d; k++) expect(strata(us.map((u) => u[k]!), n)).toEqual(new Array<number>(n).fill(1));
        // The values too, in the lever's own range.
        const l = design.levers[d - 1]!;
        const values = Array.from({ length: n }, (_, i) => (designPoint(design, i)[d - 1]! - l.min) / (l.max - l.min));
        expect(strata(values.map((v) => Math.min(v, 1 - 1e-12)), n).every((c) => c === 1)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it("sobol: Saltelli's rows A, AB(1..d), B per base sample; A and B stratified for N a power of two", () => {
    for (const seed of [0, 1, 12345]) {
      const d = 4;
      const n = 32;
      const design: SampledDesign = { kind: 'sobol', n, seed, levers: levers(d) };
      expect(designSize(design)).toBe(n * (d + 2));
      const aRows: number[][] = [];
      const bRows: number[][] = [];
      for (let j = 0; j < n; j++) {
        const rows = Array.from({ length: d + 2 }, (_, b) => unitPoint(design, j * (d + 2) + b));
        const [a, b] = [rows[0]!, rows[d + 1]!];
        for (let i = 0; i < d; i++) expect(rows[i + 1]).toEqual(a.map((x, k) => (k === i ? b[k]! : x)));
        aRows.push(a);
        bRows.push(b);
      }
      for (let k = 0; k < d; k++) {
        expect(strata(aRows.map((r) => r[k]!), n)).toEqual(new Array<number>(n).fill(1));
        expect(strata(bRows.map((r) => r[k]!), n)).toEqual(new Array<number>(n).fill(1));
      }
    }
  });
});

describe('sweep --design', () => {
  const MK = scenario('milton-keynes.momentum');
  const dir = join(tmp.dir, 'sweep');
  mkdirSync(dir);

  it.each([
    ['lhs:12', 12],
    ['sobol:4', 16],
  ])('--design %s writes its rows, the same bytes every time and merged from shards', async (design, rows) => {
    const name = design.replace(':', '-');
    const args = ['sweep', MK, '--design', design, '--vary', 'priorities.concurrent=2:30', '--vary', 'goal.clarity=0.2:0.9', '--seed', '7', '--workers', '1'];
    expect((await inProcess([...args, '--out', `${name}.csv`], dir)).code).toBe(0);
    expect((await inProcess([...args, '--out', `${name}-again.csv`], dir)).code).toBe(0);
    for (const k of [1, 2, 3]) expect((await inProcess([...args, '--shard', `${k}/3`, '--out', `${name}-${k}.csv`], dir)).code).toBe(0);
    const merged = await inProcess(['merge', `${name}-3.csv`, `${name}-1.csv`, `${name}-2.csv`, '--out', `${name}-merged.csv`], dir);
    expect(merged.code, merged.stderr).toBe(0);
    const text = readFileSync(join(dir, `${name}.csv`), 'utf8');
    expect(readFileSync(join(dir, `${name}-again.csv`), 'utf8')).toBe(text);
    expect(readFileSync(join(dir, `${name}-merged.csv`), 'utf8')).toBe(text);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]!.startsWith('priorities.concurrent,goal.clarity,seed,')).toBe(true);
    expect(lines).toHaveLength(rows + 1);
    for (const line of lines.slice(1)) {
      const [p, g] = line.split(',').map(Number);
      expect(p).toBeGreaterThanOrEqual(2);
      expect(p).toBeLessThanOrEqual(30);
      expect(g).toBeGreaterThanOrEqual(0.2);
      expect(g).toBeLessThanOrEqual(0.9);
    }
    if (design.startsWith('lhs')) {
      const ps = lines.slice(1).map((l) => (Number(l.split(',')[0]) - 2) / 28);
      expect(strata(ps, 12)).toEqual(new Array<number>(12).fill(1));
    }
  });

  it.each([
    [['--design', 'lhs:0'], 2, "--design must be grid, lhs:N or sobol:N"],
    [['--design', 'lhs:5', '--vary', 'priorities.concurrent=1:20:3'], 2, 'a sampled design needs MIN:MAX'],
    [['--design', 'lhs:5', '--vary', 'priorities.concurrent=0:20'], 1, 'priorities.concurrent takes 1 to 40'],
    [['--design', 'sobol:5', '--vary', 'goal.clarity=0.9:0.1'], 2, 'MIN must not be above MAX'],
  ])('refuses %j (exit %i)', async (extra, code, message) => {
    const r = await inProcess(['sweep', MK, ...extra, '--out', 'bad.csv'], dir);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
  });
});
