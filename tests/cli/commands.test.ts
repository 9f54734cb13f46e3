// The command line's general contract: levers, --version, --help on every command, exit codes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION, LEVERS } from '../../engine';
import { ROOT, momentum, scenario } from './helpers';

const COMMANDS = ['levers', 'run', 'validate', 'sweep', 'merge', 'compare', 'sensitivity', 'robustness', 'parameters', 'export'];

describe('momentum levers', () => {
  it('--json lists every engine lever with id, label, unit, min, max and default', async () => {
    const r = await momentum(['levers', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.map((x) => x.id)).toEqual(LEVERS.map((l) => l.id));
    rows.forEach((row, i) => {
      const l = LEVERS[i]!;
      expect(row).toMatchObject({ id: l.id, label: l.label, unit: l.unit, min: l.min, max: l.max, default: l.default });
    });
  });

  it('prints a table naming every lever without --json', async () => {
    const r = await momentum(['levers']);
    expect(r.code).toBe(0);
    for (const l of LEVERS) expect(r.stdout).toContain(l.id);
  });
});

describe('momentum --version and --help', () => {
  it('--version prints the package version and, beside it, the engine version', async () => {
    const r = await momentum(['--version']);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(r).toMatchObject({ code: 0, stdout: `${version} (engine ${ENGINE_VERSION})\n` });
  });

  it('--help lists every command', async () => {
    const r = await momentum(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
  });

  it.each(COMMANDS)('%s --help prints its usage and options, exit 0', async (command) => {
    const r = await momentum([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`Usage: momentum ${command}`)).toBe(true);
    expect(r.stdout).toContain('--help');
  });
});

describe('exit codes and usage errors', () => {
  it('an unknown command exits 2 and suggests the near one', async () => {
    const r = await momentum(['swep']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Did you mean 'sweep'?");
    expect(r.stdout).toBe('');
  });

  it('an unknown option exits 2 and suggests the near one', async () => {
    const r = await momentum(['run', scenario('blank-trust.momentum'), '--replication', '5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--replications');
  });

  it('a missing argument exits 2 with the usage line', async () => {
    const r = await momentum(['run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: momentum run FILE');
  });

  it('a non-numeric --seed exits 2 saying what it needs', async () => {
    const r = await momentum(['run', scenario('blank-trust.momentum'), '--seed', 'abc']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--seed needs a whole number');
  });

  it('a missing file exits 1 naming the file', async () => {
    const r = await momentum(['run', 'no/such/file.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('no/such/file.json: (file): cannot read: no such file\n');
  });
});
