// Run files: round trip, stable text, validation in plain words, migration hook and the
// reproduction verdicts (reproduced / engine changed / not reproduced).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ENGINE_VERSION,
  RUN_SCHEMA_VERSION,
  blankScenario,
  checkReproduction,
  createInProcessRunner,
  evaluateTask,
  makeRunFile,
  parseRunFile,
  reproduceRun,
  serializeRunFile,
  taskOf,
  type RunFile,
  type RunSpec,
} from '../../engine';
import { RUN_SCHEMA_FILE, runSchemaText } from '../../scripts/gen-schema';

const FIXTURES = join(import.meta.dirname, '../fixtures/runs');
const spec = (over: Partial<RunSpec> = {}): RunSpec => ({
  label: 'Blank, Monte Carlo',
  scenario: blankScenario(),
  overrides: { 'priorities.concurrent': 4 },
  method: 'monte-carlo',
  seed: 17,
  replications: 9,
  ...over,
});

async function savedRun(over: Partial<RunSpec> = {}): Promise<RunFile> {
  const s = spec(over);
  const summary = await evaluateTask(taskOf(s), createInProcessRunner());
  return makeRunFile(s, summary, { engineVersion: ENGINE_VERSION, savedAt: '2026-11-26T08:00:00.000Z', notes: 'for the board' });
}

describe('run file round trip', () => {
  it.each(['monte-carlo', 'single', 'expected'] as const)('serialize → parse gives the same run, and the text is stable (%s)', async (method) => {
    const run = await savedRun({ method, replications: method === 'monte-carlo' ? 9 : 1 });
    const text = serializeRunFile(run);
    const parsed = parseRunFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.run).toEqual(run);
    expect(serializeRunFile(parsed.run)).toBe(text);
    expect(text.startsWith('{\n  "$schema": "../schemas/run.schema.json",\n  "format": "momentum-run",')).toBe(true);
  });

  it('keeps the team that saved a run, after the label, and refuses a team name over two lines', async () => {
    const s = spec();
    const summary = await evaluateTask(taskOf(s), createInProcessRunner());
    const run = makeRunFile(s, summary, { engineVersion: ENGINE_VERSION, savedAt: '2026-11-26T08:00:00.000Z', team: 'Team Blue' });
    const text = serializeRunFile(run);
    expect(text).toContain('"label": "Blank, Monte Carlo",\n  "team": "Team Blue",\n');
    const parsed = parseRunFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.run.team).toBe('Team Blue');
    const broken = parseRunFile(text.replace('"Team Blue"', '"Team\\nBlue"'));
    expect(broken.ok ? [] : broken.problems).toEqual([{ path: 'team', message: 'must fit on one line (no line breaks), got "Team\\nBlue"' }]);
    expect('team' in (await savedRun())).toBe(false);
  });

  it('opens a run saved when the schema sat beside the scenarios, and writes the new reference', async () => {
    const old = { ...JSON.parse(serializeRunFile(await savedRun())), $schema: './run.schema.json' };
    const parsed = parseRunFile(JSON.stringify(old));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(JSON.parse(serializeRunFile(parsed.run)).$schema).toBe('../schemas/run.schema.json');
  });

  it('a saved run reproduces exactly after a trip through text', async () => {
    const parsed = parseRunFile(serializeRunFile(await savedRun()));
    if (!parsed.ok) throw new Error('invalid');
    const report = await reproduceRun(parsed.run, createInProcessRunner(), ENGINE_VERSION);
    expect(report.status).toBe('reproduced');
    expect(report.differences).toEqual([]);
  });
});

describe('reproduction verdicts', () => {
  it('a different engine version with different numbers: engine-changed, both numbers kept', async () => {
    const run = await savedRun();
    const kpi = Object.keys(run.summary.kpis)[0]!;
    const current = { ...run.summary, kpis: { ...run.summary.kpis, [kpi]: run.summary.kpis[kpi]! + 0.5 } };
    const report = checkReproduction({ ...run, engineVersion: '0.0.9' }, current, '1.0.0');
    expect(report.status).toBe('engine-changed');
    expect(report.differences).toEqual([{ kpi, statistic: 'value', stored: run.summary.kpis[kpi], current: run.summary.kpis[kpi]! + 0.5 }]);
    expect(report.message).toContain('0.0.9 then, 1.0.0 now');
  });

  it('a run saved with engine 1.x reopens under this engine and says the engine changed, keeping its numbers', async () => {
    expect(ENGINE_VERSION.startsWith('2.')).toBe(true);
    const run = await savedRun();
    // Engine 1.x gave other numbers for the same settings: stand them in by moving every stored KPI.
    const kpis = Object.fromEntries(Object.entries(run.summary.kpis).map(([k, v]) => [k, v + 1]));
    const old = { ...run, engineVersion: '1.0.0', summary: { ...run.summary, kpis } };
    const report = await reproduceRun(old, createInProcessRunner(), ENGINE_VERSION);
    expect(report.status).toBe('engine-changed');
    expect(report.message).toContain(`1.0.0 then, ${ENGINE_VERSION} now`);
    expect(report.differences.length).toBe(Object.keys(kpis).length);
    for (const d of report.differences) expect(d.stored).toBe(kpis[d.kpi]);
  });

  it('a different engine version with the same numbers still reproduces, and says which versions', async () => {
    const run = await savedRun();
    const report = checkReproduction({ ...run, engineVersion: '0.0.9' }, run.summary, '1.0.0');
    expect(report.status).toBe('reproduced');
    expect(report.message).toContain('0.0.9');
  });

  it('the same engine with different numbers is not reproduced; a KPI missing on one side counts', async () => {
    const run = await savedRun();
    const [first, ...rest] = Object.keys(run.summary.kpis);
    const kpis = Object.fromEntries(rest.map((k) => [k, run.summary.kpis[k]!]));
    const report = checkReproduction(run, { kpis, distribution: run.summary.distribution! }, ENGINE_VERSION);
    expect(report.status).toBe('not-reproduced');
    expect(report.differences).toContainEqual({ kpi: first, statistic: 'value', stored: run.summary.kpis[first!], current: null });
  });

  it('the older-engine fixture reopens with its retired KPI reported as gone', async () => {
    const parsed = parseRunFile(readFileSync(join(FIXTURES, 'older-engine.json'), 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const report = await reproduceRun(parsed.run, createInProcessRunner(), ENGINE_VERSION);
    expect(report.status).toBe('engine-changed');
    expect(report.differences).toContainEqual({ kpi: 'retiredKpi', statistic: 'value', stored: 2.5, current: null });
  });
});

describe('migration', () => {
  it('migrates an embedded scenario of an older format, and says so', async () => {
    const v1 = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/scenarios/v1-minimal.json'), 'utf8')) as unknown;
    const doc = { ...(JSON.parse(serializeRunFile(await savedRun())) as Record<string, unknown>), scenario: v1 };
    const r = parseRunFile(doc);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.scenarioMigratedFrom).toBe(1);
    expect(r.migratedFrom).toBeUndefined();
    // Saving it again writes the scenario in today's format.
    expect((JSON.parse(serializeRunFile(r.run)) as { scenario: { schemaVersion: number } }).scenario.schemaVersion).toBeGreaterThan(1);
  });

  it('opens a run saved before runs could name a team (format 2) as a run of no team, and saves it in today\'s format', async () => {
    const doc = { ...(JSON.parse(serializeRunFile(await savedRun())) as Record<string, unknown>), schemaVersion: 2 };
    expect(doc).not.toHaveProperty('team');
    const r = parseRunFile(doc);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.migratedFrom).toBe(2);
    expect(r.run.team).toBeUndefined();
    expect((JSON.parse(serializeRunFile(r.run)) as { schemaVersion: number }).schemaVersion).toBe(RUN_SCHEMA_VERSION);
    expect(RUN_SCHEMA_VERSION).toBe(3);
  });

  it('refuses a run from a newer format in words, naming both versions', async () => {
    const r = parseRunFile({ ...(JSON.parse(serializeRunFile(await savedRun())) as Record<string, unknown>), schemaVersion: RUN_SCHEMA_VERSION + 1 });
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([
      `this run was saved by a newer version of Momentum (run format ${RUN_SCHEMA_VERSION + 1}); this version reads up to ${RUN_SCHEMA_VERSION}. Update Momentum to open it.`,
    ]);
  });
});

describe('run file validation', () => {
  const doc = async () => JSON.parse(serializeRunFile(await savedRun())) as Record<string, unknown>;

  it('refuses a newer format in plain words', async () => {
    const r = parseRunFile({ ...(await doc()), schemaVersion: RUN_SCHEMA_VERSION + 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toContain('saved by a newer version of Momentum');
  });

  it('says where invalid JSON breaks', () => {
    const r = parseRunFile('{\n  "format": "momentum-run",\n  "seed": 01\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ path: '(file)', message: expect.stringMatching(/^invalid JSON at line 3/) });
  });

  it('checks overrides against the engine\'s levers, with a hint for typos and the range', async () => {
    const r = parseRunFile({ ...(await doc()), overrides: { 'priorities.concurent': 3, 'goal.clarity': 7 } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toContainEqual({ path: 'overrides["priorities.concurent"]', message: 'names no lever: "priorities.concurent" (did you mean "priorities.concurrent"?)' });
      expect(r.problems).toContainEqual(expect.objectContaining({ path: 'overrides["goal.clarity"]', message: expect.stringContaining('between 0 and 1') }));
    }
  });

  it('prefixes problems in the embedded scenario with scenario.', async () => {
    const d = await doc();
    const r = parseRunFile({ ...d, scenario: { ...(d.scenario as object), horizonWeeks: 0 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toContain('scenario.horizonWeeks');
  });

  it('requires a distribution for Monte Carlo and forbids it otherwise', async () => {
    const d = await doc();
    const r = parseRunFile({ ...d, method: 'single' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path).sort()).toEqual(['replications', 'summary.distribution']);
  });

  it('never throws on hostile input', () => {
    for (const bad of [null, 3, 'x', [], { schemaVersion: 1 }, { schemaVersion: '1' }, { get schemaVersion(): number { throw new Error('boom'); } }]) {
      expect(parseRunFile(bad).ok).toBe(false);
    }
  });
});

describe('run.schema.json', () => {
  it('is up to date with the zod schema and the engine\'s levers (npm run schema)', () => {
    expect(readFileSync(RUN_SCHEMA_FILE, 'utf8')).toBe(runSchemaText());
  });
});

describe('a scenario opened where a run file belongs', () => {
  it('is called a scenario, not a run saved by a newer version', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseRunFile, SCENARIO_NOT_RUN } = await import('../../engine');
    const r = parseRunFile(readFileSync('scenarios/scas-staged-journey.momentum', 'utf8'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([{ path: '(file)', message: SCENARIO_NOT_RUN }]);
    expect(r.problems[0]!.message).not.toMatch(/newer version/);
  });
});
