// `momentum validate`: exit 0 when every file is valid; else one `FILE: PATH: MESSAGE` line per problem, exit 1.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, SCENARIO_LIMITS } from '../../engine';
import { ROOT, momentum, scenarioFiles, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const fixture = (name: string) => join(ROOT, 'tests/fixtures/runs', name);
const LINE = /^(.+?): (\S+): (.+)$/;

describe('momentum validate', () => {
  it(`refuses a file over ${MAX_FILE_BYTES / 1048576} MB from its size, before parsing it`, async () => {
    const big = join(tmp.dir, 'big.json');
    writeFileSync(big, Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
    const r = await momentum(['validate', big]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${big}: (file): cannot read: it is larger than 20 MB, the most a scenario or run file may be\n`);
  });

  it('reads an endless device (/dev/zero) only up to the limit, then refuses it', async (ctx) => {
    if (!existsSync('/dev/zero')) return ctx.skip('no /dev/zero on this platform');
    const r = await momentum(['validate', '/dev/zero']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('/dev/zero: (file): cannot read: it is larger than 20 MB, the most a scenario or run file may be\n');
  });

  it('accepts every prepared scenario and a valid run file: exit 0, nothing on stdout', async () => {
    const r = await momentum(['validate', ...scenarioFiles(), fixture('older-engine.json')]);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it('prints one FILE: PATH: MESSAGE line per problem and exits 1', async () => {
    const bad = join(tmp.dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 2, id: 'x', title: 'X', initiatives: [{ id: 'a', name: 'A', pillar: 'patients', effortWeeks: 0 }], horizonWeeks: 9000 }));
    const r = await momentum(['validate', bad]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(LINE);
    expect(lines).toContainEqual(expect.stringMatching(/^.*bad\.json: initiatives\[0\]\.effortWeeks: /));
    expect(lines).toContainEqual(expect.stringMatching(/^.*bad\.json: horizonWeeks: must be at most 520/));
  });

  it('reports a list over the format\'s limit by its path, the limit and the count', async () => {
    const big = join(tmp.dir, 'too-many.json');
    const n = SCENARIO_LIMITS.initiatives + 1;
    const initiatives = Array.from({ length: n }, (_, i) => ({ id: `work-${i}`, name: `Work ${i}`, pillar: 'support', effortWeeks: 4 }));
    writeFileSync(big, JSON.stringify({ schemaVersion: 2, id: 'too-many', title: 'Too many', initiatives }));
    const r = await momentum(['validate', big]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${big}: initiatives: must have at most ${SCENARIO_LIMITS.initiatives} initiatives, got ${n}\n`);
  });

  it('says where invalid JSON breaks, at the file level', async () => {
    const broken = join(tmp.dir, 'broken.json');
    writeFileSync(broken, '{\n  "schemaVersion": 2,\n  "id": "x",,\n}');
    const r = await momentum(['validate', broken]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken\.json: \(file\): invalid JSON at line 3, column \d+: /);
  });

  it('checks several files: valid ones print nothing, each problem is prefixed by its own file', async () => {
    const missing = join(tmp.dir, 'nope.json');
    const r = await momentum(['validate', scenarioFiles()[0]!, fixture('bad-fields.json'), missing, fixture('newer-format.json')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith(scenarioFiles()[0]!))).toEqual([]);
    expect(lines).toContain(`${fixture('bad-fields.json')}: replications: must be at least 2 for a monte-carlo run`);
    expect(lines).toContainEqual(expect.stringMatching(/bad-fields\.json: colour: unknown field/));
    expect(lines).toContain(`${missing}: (file): cannot read: no such file`);
    expect(lines).toContainEqual(expect.stringMatching(/newer-format\.json: schemaVersion: this run was saved by a newer version of Momentum/));
  });

  it('reports problems inside a run file\'s embedded scenario under scenario.', async () => {
    const r = await momentum(['validate', fixture('bad-scenario.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${fixture('bad-scenario.json')}: scenario.horizonWeeks: must be at most 520, got 9999\n`);
    expect(r.stdout).toContain(`${fixture('bad-scenario.json')}: scenario.initiatives[0].effortWeeks: `);
  });
});
