// `momentum run`: the JSON contract, byte-identical output, lever checks, and run files that
// reproduce (or say plainly that they do not).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ENGINE_VERSION,
  LEVERS,
  createInProcessRunner,
  evaluateTask,
  parseRunFile,
  parseScenario,
  taskOf,
  type LeverDef,
} from '../../engine';
import { filesIn, momentum, scenario, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** A lever without discrete options, and a valid value different from its default. */
function aLever(): { def: LeverDef; value: number } {
  const def = LEVERS.find((l) => !l.options && l.max > l.min) ?? LEVERS[0]!;
  return { def, value: def.default === def.max ? def.min : def.max };
}

interface RunJson {
  engineVersion: string;
  seed: number;
  replications: number;
  method: string;
  kpis: Record<string, number>;
  levers: Record<string, number>;
  distribution?: Record<string, { p10: number; p50: number; p90: number; mean: number }>;
  reproduction?: { status: string; differences: { kpi: string; stored: number | null; current: number | null }[]; storedEngineVersion: string };
}

describe('momentum run --json', () => {
  it('gives the KPIs the engine gives in-process for the same scenario, levers and seed', async () => {
    const { def, value } = aLever();
    const file = scenario('milton-keynes.momentum');
    const r = await momentum(['run', file, '--json', '--seed', '42', '--replications', '1', '--set', `${def.id}=${value}`]);
    expect(r.code).toBe(0);
    const parsed = parseScenario(readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new Error('prepared scenario is invalid');
    const want = await evaluateTask(
      taskOf({ label: '', scenario: parsed.scenario, overrides: { [def.id]: value }, method: 'single', seed: 42, replications: 1, uncertainty: 'all' }),
      createInProcessRunner(),
    );
    const out = JSON.parse(r.stdout) as RunJson;
    expect(out.kpis).toEqual(want.kpis);
    expect(out.levers[def.id]).toBe(value);
  });

  it('is byte-identical for the same arguments', async () => {
    const { def, value } = aLever();
    const args = ['run', scenario('covid-19.momentum'), '--json', '--seed', '7', '--replications', '25', '--set', `${def.id}=${value}`];
    const [a, b] = await Promise.all([momentum(args), momentum(args)]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('with --replications > 1 is a Monte Carlo run: kpis are the means, P10 ≤ P50 ≤ P90', async () => {
    const r = await momentum(['run', scenario('covid-19.momentum'), '--json', '--replications', '30', '--seed', '3']);
    const out = JSON.parse(r.stdout) as RunJson;
    expect(out).toMatchObject({ method: 'monte-carlo', replications: 30, seed: 3 });
    for (const [k, d] of Object.entries(out.distribution ?? {})) {
      expect(d.mean).toBe(out.kpis[k]);
      expect(d.p10).toBeLessThanOrEqual(d.p50);
      expect(d.p50).toBeLessThanOrEqual(d.p90);
    }
    expect(Object.keys(out.distribution ?? {})).toEqual(Object.keys(out.kpis));
    const parsed = parseScenario(readFileSync(scenario('covid-19.momentum'), 'utf8'));
    if (!parsed.ok) throw new Error('prepared scenario is invalid');
    const want = await evaluateTask(
      taskOf({ label: '', scenario: parsed.scenario, overrides: {}, method: 'monte-carlo', seed: 3, replications: 30, uncertainty: 'all' }),
      createInProcessRunner(),
    );
    expect(out.kpis).toEqual(want.kpis);
    expect(out.distribution).toEqual(want.distribution);
  });

  it("draws the model's assumptions by default and says so; --uncertainty noise gives luck-only bands", async () => {
    const file = scenario('covid-19.momentum');
    const [all, noise, bad] = await Promise.all([
      momentum(['run', file, '--json', '--replications', '40', '--seed', '3']),
      momentum(['run', file, '--json', '--replications', '40', '--seed', '3', '--uncertainty', 'noise']),
      momentum(['run', file, '--json', '--uncertainty', 'some']),
    ]);
    const a = JSON.parse(all.stdout) as RunJson & { uncertainty: string };
    const n = JSON.parse(noise.stdout) as RunJson & { uncertainty: string };
    expect(a.uncertainty).toBe('all');
    expect(n.uncertainty).toBe('noise');
    const parsed = parseScenario(readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new Error('prepared scenario is invalid');
    const luck = await evaluateTask(
      taskOf({ label: '', scenario: parsed.scenario, overrides: {}, method: 'monte-carlo', seed: 3, replications: 40, uncertainty: 'noise' }),
      createInProcessRunner(),
    );
    expect(n.kpis).toEqual(luck.kpis);
    expect(a.kpis).not.toEqual(n.kpis);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--uncertainty must be 'all'.*or 'noise'/);
  });

  it('--expected runs with the noise off and ignores the seed', async () => {
    const [a, b] = await Promise.all([
      momentum(['run', scenario('covid-19.momentum'), '--json', '--expected', '--seed', '1']),
      momentum(['run', scenario('covid-19.momentum'), '--json', '--expected', '--seed', '99']),
    ]);
    const [ja, jb] = [JSON.parse(a.stdout) as RunJson, JSON.parse(b.stdout) as RunJson];
    expect(ja.method).toBe('expected');
    expect(ja.kpis).toEqual(jb.kpis);
  });
});

describe('momentum run: lever settings', () => {
  it('an unknown lever id exits 1 and lists close matches', async () => {
    const { def } = aLever();
    const typo = `${def.id.slice(0, -2)}${def.id.slice(-1)}`;
    const r = await momentum(['run', scenario('blank-trust.momentum'), '--json', '--set', `${typo}=1`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`unknown lever '${typo}'`);
    expect(r.stderr).toContain(`Close matches: ${def.id}`);
  });

  it('an out-of-range value exits 1 and states the range', async () => {
    const { def } = aLever();
    const r = await momentum(['run', scenario('blank-trust.momentum'), '--set', `${def.id}=${def.max + 1}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${def.min} to ${def.max}`);
  });

  const discrete = LEVERS.find((l) => l.options && l.options.length > 1);
  it.skipIf(!discrete)('a value between the options of a discrete lever exits 1 and lists the options', async () => {
    const [o1, o2] = discrete!.options!;
    const r = await momentum(['run', scenario('blank-trust.momentum'), '--set', `${discrete!.id}=${(o1!.value + o2!.value) / 2}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${o1!.value} (${o1!.label})`);
  });

  it('a value that is not a number exits 1; a --set without = exits 2', async () => {
    const { def } = aLever();
    const bad = await momentum(['run', scenario('blank-trust.momentum'), '--set', `${def.id}=lots`]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("'lots' is not a number");
    const usage = await momentum(['run', scenario('blank-trust.momentum'), '--set', def.id]);
    expect(usage.code).toBe(2);
  });
});

describe('momentum run --out: run files that reproduce', () => {
  const runFile = join(tmp.dir, 'saved.json');
  const { def, value } = aLever();

  it('saves a valid run file holding the scenario, overrides, seed, replications and KPI summary', async () => {
    const r = await momentum(
      ['run', scenario('covid-19.momentum'), '--json', '--replications', '12', '--seed', '5', '--set', `${def.id}=${value}`, '--out', runFile, '--label', 'Fewer priorities'],
      { env: { SOURCE_DATE_EPOCH: '1700000000' } },
    );
    expect(r.code).toBe(0);
    const parsed = parseRunFile(readFileSync(runFile, 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const out = JSON.parse(r.stdout) as RunJson;
    expect(parsed.run).toMatchObject({
      label: 'Fewer priorities',
      savedAt: '2023-11-14T22:13:20.000Z',
      engineVersion: ENGINE_VERSION,
      method: 'monte-carlo',
      seed: 5,
      replications: 12,
      overrides: { [def.id]: value },
    });
    expect(parsed.run.scenario.id).toBe('covid-19');
    expect(parsed.run.summary.kpis).toEqual(out.kpis);
    expect(parsed.run.summary.distribution).toEqual(out.distribution);
  });

  it('re-running the run file reproduces it exactly and says so', async () => {
    const r = await momentum(['run', runFile, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as RunJson;
    expect(out.reproduction?.status).toBe('reproduced');
    expect(out).toMatchObject({ seed: 5, replications: 12, method: 'monte-carlo' });
    const text = await momentum(['run', runFile]);
    expect(text.stdout).toContain('Reproduced');
  });

  it('a stored KPI edited by hand is caught: not reproduced, exit 1, both numbers shown', async () => {
    const doc = JSON.parse(readFileSync(runFile, 'utf8')) as { summary: { kpis: Record<string, number>; distribution: Record<string, { mean: number }> } };
    const kpi = Object.keys(doc.summary.kpis)[0]!;
    const original = doc.summary.kpis[kpi]!;
    const stored = original + 1;
    doc.summary.kpis[kpi] = stored;
    const edited = join(tmp.dir, 'edited.json');
    writeFileSync(edited, JSON.stringify(doc));
    const r = await momentum(['run', edited, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as RunJson;
    expect(out.reproduction?.status).toBe('not-reproduced');
    expect(out.reproduction?.differences).toContainEqual({ kpi, statistic: 'value', stored, current: original });
    expect(r.stderr).toContain('Not reproduced');
  });

  it('a run saved by another engine version whose numbers differ says so plainly, exit 0', async () => {
    const doc = JSON.parse(readFileSync(runFile, 'utf8')) as { engineVersion: string; summary: { kpis: Record<string, number> } };
    doc.engineVersion = '0.0.1-older';
    const kpi = Object.keys(doc.summary.kpis)[0]!;
    doc.summary.kpis[kpi] = doc.summary.kpis[kpi]! * 2 + 1;
    const older = join(tmp.dir, 'older.json');
    writeFileSync(older, JSON.stringify(doc));
    const r = await momentum(['run', older]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`The engine has changed since this run was saved (0.0.1-older then, ${ENGINE_VERSION} now)`);
    expect(r.stdout).toMatch(new RegExp(`^${kpi} +value`, 'm'));
  });

  it('--out into a missing folder exits 1 before any work and writes nothing', async () => {
    const r = await momentum(['run', scenario('blank-trust.momentum'), '--json', '--out', join(tmp.dir, 'missing', 'x.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('does not exist');
    expect(existsSync(join(tmp.dir, 'missing'))).toBe(false);
    expect(filesIn(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
