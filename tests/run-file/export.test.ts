// CSV and JSON exports: quoting, formula defusing, one row per week, exact round trip of numbers.
import { describe, expect, it } from 'vitest';
import { bandsCsv, blankInput, csvCell, kpisCsv, monteCarlo, runJson, seriesCsv, simulate, summarizeMonteCarlo, summarizeRun, toCsv } from '../../engine';

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('text %j is written as %j', (input, want) => {
    expect(csvCell(input)).toBe(want);
  });

  it('numbers keep their shortest round-trip form (negatives are not defused); non-finite are empty', () => {
    expect(csvCell(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(Number(csvCell(0.1 + 0.2))).toBe(0.1 + 0.2);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('joins a header and rows with commas and newlines', () => {
    expect(toCsv(['a', 'b'], [[1, 'x'], [2, 'y,z']])).toBe('a,b\n1,x\n2,"y,z"\n');
  });
});

describe('run exports', () => {
  const input = { ...blankInput(), horizonWeeks: 30 };

  it('series CSV has a week column and horizon + 1 rows, values exactly those of the run', () => {
    const run = simulate(input, 3);
    const lines = seriesCsv(run).trimEnd().split('\n');
    const header = lines[0]!.split(',');
    expect(header[0]).toBe('week');
    expect(lines).toHaveLength(32);
    const id = header[1]!;
    expect(lines.slice(1).map((l) => Number(l.split(',')[1]))).toEqual(Array.from(run.series[id]!));
  });

  it('bands CSV has four columns per series; KPI CSV lists every KPI', () => {
    const mc = monteCarlo(input, { replications: 5, seed: 1 });
    const header = bandsCsv(mc).split('\n')[0]!.split(',');
    expect(header.length).toBe(1 + 4 * Object.keys(mc.bands).length);
    const kpis = kpisCsv(summarizeMonteCarlo(mc)).trimEnd().split('\n');
    expect(kpis[0]).toBe('kpi,mean,p10,p50,p90');
    expect(kpis).toHaveLength(1 + Object.keys(mc.kpis).length);
    expect(kpisCsv(summarizeRun(simulate(input, 1))).split('\n')[0]).toBe('kpi,value');
  });

  it('JSON export holds settings, KPIs and series, and is stable', () => {
    const run = simulate(input, 3);
    const meta = { scenario: 'blank', label: 'L', engineVersion: run.engineVersion, method: 'single', seed: 3, replications: 1, levers: { b: 1, a: 2 } };
    const text = runJson(meta, summarizeRun(run), { run });
    const doc = JSON.parse(text) as { levers: Record<string, number>; kpis: Record<string, number>; series: Record<string, number[]> };
    expect(Object.keys(doc.levers)).toEqual(['a', 'b']);
    expect(doc.kpis).toEqual(summarizeRun(run).kpis);
    expect(Object.values(doc.series)[0]).toHaveLength(31);
    expect(runJson(meta, summarizeRun(run), { run })).toBe(text);
  });
});
