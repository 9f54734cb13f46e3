// The units of work the command line fans out (cli/job.ts): what each computes must equal what the
// engine gives in-process, and any split of a job into ranges must give the same results as the whole.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  LEVERS,
  blankInput,
  createInProcessRunner,
  evaluateTask,
  parseScenario,
  scenarioToInput,
  toCsv,
  type KpiSummary,
  type SimTask,
} from '../../engine';
import { comboAt, gridCsvHeader, gridTask, jobSize, packSummaries, runUnits, summaryOf, unpackSummaries, type GridAxis, type Job } from '../../cli/job';
import { planBatches } from '../../cli/pool';
import { scenarioFiles } from './helpers';

const runner = createInProcessRunner();

function inputsOf(file: string) {
  const parsed = parseScenario(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} is not a valid scenario`);
  return parsed.scenario;
}

/** Inputs that differ in scenario and in levers at both ends of their ranges. */
function someInputs(): SimTask['input'][] {
  const out: SimTask['input'][] = [];
  for (const file of scenarioFiles()) {
    const scenario = inputsOf(file);
    out.push(scenarioToInput(scenario));
    for (const def of LEVERS.slice(0, 4)) out.push(scenarioToInput(scenario, { [def.id]: def.min }), scenarioToInput(scenario, { [def.id]: def.max }));
  }
  return out;
}

describe('summaryOf', () => {
  it('gives a seeded run the KPIs of simulate(), bit for bit, though it skips series and explanations', async () => {
    let checked = 0;
    for (const input of someInputs()) {
      for (const seed of [0, 1, 7, 0xffffffff]) {
        const task: SimTask = { input, method: 'single', seed, replications: 1 };
        expect(summaryOf(task)).toEqual(await evaluateTask(task, runner));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('gives expected runs and Monte Carlo runs the summaries the in-process runner gives', async () => {
    const inputs = someInputs().filter((_, i) => i % 5 === 0);
    for (const input of inputs) {
      const expected: SimTask = { input, method: 'expected', seed: 1, replications: 1 };
      const mc: SimTask = { input, method: 'monte-carlo', seed: 11, replications: 6 };
      expect(summaryOf(expected)).toEqual(await evaluateTask(expected, runner));
      expect(summaryOf(mc)).toEqual(await evaluateTask(mc, runner));
    }
  });
});

describe('grids', () => {
  const axes: GridAxis[] = [
    { leverId: LEVERS[0]!.id, values: [LEVERS[0]!.min, LEVERS[0]!.max] },
    { leverId: LEVERS[1]!.id, values: [LEVERS[1]!.min, (LEVERS[1]!.min + LEVERS[1]!.max) / 2, LEVERS[1]!.max] },
    { leverId: LEVERS[2]!.id, values: [LEVERS[2]!.min, LEVERS[2]!.max] },
  ];

  it('number combinations with the first axis changing slowest, every combination once', () => {
    const nested: number[][] = [];
    for (const a of axes[0]!.values) for (const b of axes[1]!.values) for (const c of axes[2]!.values) nested.push([a, b, c]);
    const job: Job = { kind: 'grid', base: { input: blankInput(), method: 'single', seed: 1, replications: 1 }, axes, independentSeeds: false };
    expect(jobSize(job)).toBe(12);
    expect(Array.from({ length: 12 }, (_, k) => comboAt(axes, k))).toEqual(nested);
  });

  it('give combination k the base task with its levers and seed, the others untouched', () => {
    const base: SimTask = { input: blankInput(), method: 'single', seed: 5, replications: 1 };
    const t = gridTask(base, axes, true, 7);
    expect(comboAt(axes, 7).map((v, i) => t.input.levers[axes[i]!.leverId])).toEqual(comboAt(axes, 7));
    expect(t.input.horizonWeeks).toBe(base.input.horizonWeeks);
    expect(t.seed).not.toBe(5);
    expect(gridTask(base, axes, false, 7).seed).toBe(5);
  });
});

describe('runUnits', () => {
  const base: SimTask = { input: { ...blankInput(), horizonWeeks: 60 }, method: 'single', seed: 3, replications: 1 };
  const axes: GridAxis[] = [
    { leverId: LEVERS[0]!.id, values: [LEVERS[0]!.min, LEVERS[0]!.max, LEVERS[0]!.default] },
    { leverId: LEVERS[1]!.id, values: [LEVERS[1]!.min, LEVERS[1]!.max, LEVERS[1]!.default, LEVERS[1]!.min] },
  ];

  it.each([
    ['seeded runs, common seed', { kind: 'grid', base, axes, independentSeeds: false } as Job],
    ['seeded runs, independent seeds', { kind: 'grid', base, axes, independentSeeds: true } as Job],
    ['Monte Carlo runs', { kind: 'grid', base: { ...base, method: 'monte-carlo', replications: 4 }, axes, independentSeeds: true } as Job],
  ])('gives the same summaries over any split of a grid as over the whole, equal to evaluating each task (%s)', async (_name, job) => {
    const whole = unpackSummaries(runUnits(job, 0, jobSize(job)));
    const want: KpiSummary[] = [];
    for (let k = 0; k < jobSize(job); k++) {
      if (job.kind !== 'grid') throw new Error('grid job expected');
      want.push(await evaluateTask(gridTask(job.base, job.axes, job.independentSeeds, k), runner));
    }
    expect(whole).toEqual(want);
    for (const lanes of [1, 2, 3, 12]) {
      const split = planBatches(jobSize(job), 1, lanes).flatMap((r) => unpackSummaries(runUnits(job, r.from, r.to)));
      expect(split).toEqual(whole);
    }
  });

  it.each([
    ['seeded runs', 'single', 1],
    ['Monte Carlo runs', 'monte-carlo', 3],
  ] as const)('writes a grid as CSV lines, over any split, the bytes toCsv gives for its summaries (%s)', async (_name, method, replications) => {
    const job: Job = { kind: 'grid', base: { ...base, method, replications }, axes, independentSeeds: true, csv: true };
    const summaries: KpiSummary[] = [];
    for (let k = 0; k < jobSize(job); k++) summaries.push(await evaluateTask(gridTask(job.base, job.axes, true, k), runner));
    const kpis = Object.keys(summaries[0]!.kpis);
    const bands = method === 'monte-carlo';
    const header = [...axes.map((a) => a.leverId), 'seed', ...kpis, ...(bands ? kpis.flatMap((k) => [`${k}.p10`, `${k}.p50`, `${k}.p90`]) : [])];
    const rows = summaries.map((r, k) => [
      ...comboAt(axes, k),
      gridTask(job.base, job.axes, true, k).seed,
      ...kpis.map((n) => r.kpis[n]!),
      ...(bands ? kpis.flatMap((n) => [r.distribution![n]!.p10, r.distribution![n]!.p50, r.distribution![n]!.p90]) : []),
    ]);
    const want = toCsv(header, rows);
    for (const lanes of [1, 3]) {
      const payloads = planBatches(jobSize(job), 1, lanes).map((r) => runUnits(job, r.from, r.to));
      const text = payloads.map((p) => (p.kind === 'csv' ? p.text : '')).join('');
      expect(`${gridCsvHeader(axes, kpis, bands)}\n${text}`).toBe(want);
    }
  });

  it('names the first unit that failed', () => {
    const tasks: SimTask[] = [base, base, { ...base, input: null as unknown as SimTask['input'] }, base];
    expect(() => runUnits({ kind: 'tasks', tasks }, 1, 4)).toThrow(expect.objectContaining({ unit: 2 }));
  });
});

describe('packed summaries', () => {
  it('unpack to equal summaries, key order included, for a mix of seeded and Monte Carlo runs', async () => {
    const input = { ...blankInput(), horizonWeeks: 40 };
    const list = [
      await evaluateTask({ input, method: 'single', seed: 1, replications: 1 }, runner),
      await evaluateTask({ input, method: 'monte-carlo', seed: 2, replications: 5 }, runner),
      await evaluateTask({ input, method: 'expected', seed: 1, replications: 1 }, runner),
    ];
    const packed = packSummaries(list);
    expect(packed.kind).toBe('packed');
    const back = unpackSummaries(packed);
    expect(back).toEqual(list);
    back.forEach((s, i) => {
      expect(Object.keys(s.kpis)).toEqual(Object.keys(list[i]!.kpis));
      expect(Object.keys(s.distribution ?? {})).toEqual(Object.keys(list[i]!.distribution ?? {}));
      expect('distribution' in s).toBe('distribution' in list[i]!);
    });
  });

  it('fall back to plain objects when the KPI names differ between units', () => {
    const list: KpiSummary[] = [{ kpis: { a: 1, b: 2 } }, { kpis: { a: 3 } }];
    const packed = packSummaries(list);
    expect(packed.kind).toBe('objects');
    expect(unpackSummaries(packed)).toEqual(list);
  });
});

describe('planBatches', () => {
  it.each([
    [1, 1, 1],
    [7, 1, 2],
    [10_000, 1, 2],
    [10_000, 1, 8],
    [50, 40, 2],
    [3, 500, 4],
  ])('covers %i units of cost %i for %i lanes with contiguous ranges, no gap or overlap', (size, cost, lanes) => {
    const ranges = planBatches(size, cost, lanes);
    let end = 0;
    for (const r of ranges) {
      expect(r.from).toBe(end);
      expect(r.to).toBeGreaterThan(r.from);
      end = r.to;
    }
    expect(end).toBe(size);
    // Enough batches to keep every lane busy until near the end, when there are enough units.
    expect(ranges.length).toBeGreaterThanOrEqual(Math.min(size, lanes * 2));
  });
});
