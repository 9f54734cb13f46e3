// `--out` never costs a user a file: a full disk, a read-only file, a symbolic link and a device
// (issue 21). The old file stays as it was, nothing temporary is left, the exit code is 1 and the
// message names the reason.
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fillDisk, mountSmallDisk } from '../node-shared/small-disk';
import { filesIn, momentum, scenario, tempDir } from './helpers';

const tmp = tempDir();
const disk = mountSmallDisk();
afterAll(() => {
  tmp.cleanup();
  if ('dir' in disk) disk.unmount();
});

describe('momentum --out on a full disk', () => {
  it('run --out keeps the old run file and exits 1 saying "disk full" (a real 64 KB tmpfs)', async (ctx) => {
    if (!('dir' in disk)) return ctx.skip(disk.skip);
    const file = join(disk.dir, 'run.json');
    writeFileSync(file, 'the old, good run');
    fillDisk(disk.dir);
    const r = await momentum(['run', scenario('covid-19.momentum'), '--replications', '5', '--out', file]);
    expect(r.stderr).toContain('disk full');
    expect(r.stderr).not.toContain('Saved');
    expect(r.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('the old, good run');
    expect(filesIn(disk.dir)).toEqual(['filler', 'run.json']);
  });
});

describe('momentum export --out on a full disk', () => {
  it('export --format csv keeps the old CSV and exits 1 saying "disk full", never "Saved" (a real 64 KB tmpfs)', async (ctx) => {
    if (!('dir' in disk)) return ctx.skip(disk.skip);
    // The disk is shared with the test above: empty it first.
    for (const f of filesIn(disk.dir)) rmSync(join(disk.dir, f));
    const file = join(disk.dir, 'series.csv');
    writeFileSync(file, 'the old, good table');
    fillDisk(disk.dir);
    const r = await momentum(['export', scenario('covid-19.momentum'), '--format', 'csv', '--out', file]);
    expect(r.stderr).toContain('disk full');
    expect(r.stdout + r.stderr).not.toMatch(/Saved|Wrote/);
    expect(r.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('the old, good table');
    expect(filesIn(disk.dir)).toEqual(['filler', 'series.csv']);
  });
});

describe('momentum --out and what is already there', () => {
  it('refuses a read-only (0444) file before any work and leaves it unchanged', async () => {
    const file = join(tmp.dir, 'locked.csv');
    writeFileSync(file, 'keep me');
    chmodSync(file, 0o444);
    const r = await momentum(['export', scenario('blank-trust.momentum'), '--format', 'csv', '--out', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('read-only');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('writes through a symbolic link to its target and keeps the link', async () => {
    mkdirSync(join(tmp.dir, 'real'));
    const target = join(tmp.dir, 'real', 'series.csv');
    writeFileSync(target, 'old');
    const link = join(tmp.dir, 'link.csv');
    symlinkSync(join('real', 'series.csv'), link);
    const r = await momentum(['export', scenario('blank-trust.momentum'), '--format', 'csv', '--out', link]);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8').startsWith('week,')).toBe(true);
  });

  it('refuses a device or pipe and leaves it in place (a FIFO stands in for /dev/full)', async (ctx) => {
    if (process.platform === 'win32') return ctx.skip('no FIFOs on Windows');
    const fifo = join(tmp.dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const r = await momentum(['export', scenario('blank-trust.momentum'), '--format', 'csv', '--out', fifo]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not a regular file');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});
