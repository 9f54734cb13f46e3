import * as fsp from 'node:fs/promises';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupPath, checkWriteTarget, isTempName, writeFailureReason, writeFileAtomic } from '../../node-shared/atomic-write';
import type { FileSystem } from '../../electron/main/files/fs-types';
import { tempDir } from '../electron/temp-dir';
import { fillDisk, mountSmallDisk } from './small-disk';

/** A real file system that "loses power" at one step: that call and every later one fail, and nothing is cleaned up. */
function crashingAt(step: 'write' | 'sync' | 'copyFile' | 'rename-target'): { fs: FileSystem; state: { crashed: boolean } } {
  const state = { crashed: false };
  const die = () => {
    state.crashed = true;
    throw Object.assign(new Error('simulated crash'), { code: 'ECRASH' });
  };
  const guard = <A extends unknown[], R>(fn: (...a: A) => Promise<R>) => (...a: A): Promise<R> => (state.crashed ? Promise.reject(new Error('process is dead')) : fn(...a));
  const fs: FileSystem = {
    ...fsp,
    stat: guard(fsp.stat) as FileSystem['stat'],
    readFile: guard(fsp.readFile) as FileSystem['readFile'],
    unlink: guard(fsp.unlink),
    copyFile: guard(async (a: string, b: string) => (step === 'copyFile' ? die() : fsp.copyFile(a, b))),
    rename: guard(async (a: string, b: string) => (step === 'rename-target' && !b.endsWith('.bak') ? die() : fsp.rename(a, b))),
    open: guard(async (path: string, flags?: string, mode?: number) => {
      const h = await fsp.open(path, flags, mode);
      if (flags !== 'wx') return h;
      // Write half of the data for real, then die: the temp file is left half-written on disk.
      return new Proxy(h, {
        get(target, prop) {
          if (prop === 'write' && step === 'write') {
            return async (bytes: Uint8Array, offset: number, length: number, position: number) => {
              await target.write(bytes, offset, length >> 1, position);
              die();
            };
          }
          if (prop === 'sync' && step === 'sync') return async () => die();
          const v = Reflect.get(target, prop) as unknown;
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
    }) as FileSystem['open'],
  };
  return { fs, state };
}

describe('writeFileAtomic', () => {
  it('creates a new file with the exact bytes and leaves no temp file or .bak', async () => {
    const dir = await tempDir();
    const file = join(dir, 'plan.json');
    await writeFileAtomic(file, '{"a":1}');
    expect(await readFile(file, 'utf8')).toBe('{"a":1}');
    expect(await readdir(dir)).toEqual(['plan.json']);
  });

  it('replaces a file and keeps the previous version as .bak', async () => {
    const dir = await tempDir();
    const file = join(dir, 'plan.json');
    await writeFile(file, 'version one');
    await writeFileAtomic(file, 'version two');
    await writeFileAtomic(file, 'version three');
    expect(await readFile(file, 'utf8')).toBe('version three');
    expect(await readFile(backupPath(file), 'utf8')).toBe('version two');
    expect((await readdir(dir)).sort()).toEqual(['plan.json', 'plan.json.bak']);
  });

  it('writes bytes as given (exports such as PNG)', async () => {
    const dir = await tempDir();
    const file = join(dir, 'chart.png');
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255, 1]);
    await writeFileAtomic(file, bytes);
    expect([...(await readFile(file))]).toEqual([...bytes]);
  });

  for (const step of ['write', 'sync', 'copyFile', 'rename-target'] as const) {
    it(`leaves the old file intact when the process dies at "${step}"`, async () => {
      const dir = await tempDir();
      const file = join(dir, 'plan.json');
      await writeFile(file, 'the old, good version');
      const { fs, state } = crashingAt(step);
      await expect(writeFileAtomic(file, 'x'.repeat(100_000), { fs })).rejects.toThrow();
      expect(state.crashed).toBe(true);
      expect(await readFile(file, 'utf8')).toBe('the old, good version');
      // Whatever a crash leaves behind is a hidden temp file that later scans recognise, never the target.
      for (const name of await readdir(dir)) expect(name === 'plan.json' || name === 'plan.json.bak' || isTempName(name)).toBe(true);
    });
  }

  it('after a crash, the next write succeeds and the stale temp file does not get in the way', async () => {
    const dir = await tempDir();
    const file = join(dir, 'plan.json');
    await writeFile(file, 'old');
    await expect(writeFileAtomic(file, 'new!', { fs: crashingAt('write').fs, tempSuffix: 'same' })).rejects.toThrow();
    await writeFileAtomic(file, 'newer');
    expect(await readFile(file, 'utf8')).toBe('newer');
    expect(await readFile(backupPath(file), 'utf8')).toBe('old');
  });

  it('retries a rename the OS refuses for a moment (EBUSY/EPERM) and then succeeds', async () => {
    const dir = await tempDir();
    const file = join(dir, 'plan.json');
    await writeFile(file, 'old');
    let refusals = 3;
    const fs: FileSystem = {
      ...fsp,
      rename: async (a: string, b: string) => {
        if (b === file && refusals-- > 0) throw Object.assign(new Error('busy'), { code: refusals % 2 ? 'EBUSY' : 'EPERM' });
        return fsp.rename(a, b);
      },
    };
    const waits: number[] = [];
    await writeFileAtomic(file, 'new', { fs, sleep: async (ms) => void waits.push(ms) });
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(waits).toHaveLength(3);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
  });

  it('gives up after the retries, removes its temp file and keeps the old file', async () => {
    const dir = await tempDir();
    const file = join(dir, 'plan.json');
    await writeFile(file, 'old');
    const fs: FileSystem = {
      ...fsp,
      rename: async (a: string, b: string) => {
        if (b === file) throw Object.assign(new Error('locked'), { code: 'EBUSY' });
        return fsp.rename(a, b);
      },
    };
    await expect(writeFileAtomic(file, 'new', { fs, renameRetries: 2, sleep: async () => undefined })).rejects.toThrow('locked');
    expect(await readFile(file, 'utf8')).toBe('old');
    expect((await readdir(dir)).filter(isTempName)).toEqual([]);
  });

  it('refuses to write over a folder', async () => {
    const dir = await tempDir();
    await fsp.mkdir(join(dir, 'folder.json'));
    await expect(writeFileAtomic(join(dir, 'folder.json'), 'x')).rejects.toThrow(/not a file/);
  });
});

/** A real file system whose disk holds only `room` more bytes: each write takes at most `chunk` bytes, then what fits, then fails with ENOSPC. */
function fillingUpAfter(room: number, chunk = 8192): FileSystem {
  let left = room;
  return {
    ...fsp,
    open: (async (path: string, flags?: string, mode?: number) => {
      const h = await fsp.open(path, flags, mode);
      if (flags !== 'wx') return h;
      return new Proxy(h, {
        get(target, prop) {
          if (prop === 'write') {
            return async (bytes: Uint8Array, offset: number, length: number, position: number) => {
              if (left <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
              const n = Math.min(length, chunk, left);
              left -= n;
              return target.write(bytes, offset, n, position);
            };
          }
          const v = Reflect.get(target, prop) as unknown;
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
    }) as FileSystem['open'],
  };
}

describe('writeFileAtomic on a full disk, a read-only file, a link or a device', () => {
  const disk = mountSmallDisk();
  afterAll(() => {
    if ('dir' in disk) disk.unmount();
  });

  it('checks every byte count: short writes are continued until the whole file is on disk', async () => {
    const dir = await tempDir();
    const file = join(dir, 'run.json');
    const text = 'x'.repeat(100_000);
    await writeFileAtomic(file, text, { fs: fillingUpAfter(Infinity, 1000) });
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('a disk that fills up after 8,192 bytes keeps the old file, removes the temp file and says "disk full"', async () => {
    const dir = await tempDir();
    const file = join(dir, 'run.json');
    await writeFile(file, 'the old, good run');
    const err = await writeFileAtomic(file, 'x'.repeat(100_000), { fs: fillingUpAfter(8192) }).catch((e: unknown) => e);
    expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(writeFailureReason(err)).toBe('disk full');
    expect(await readFile(file, 'utf8')).toBe('the old, good run');
    expect((await readdir(dir)).sort()).toEqual(['run.json']);
  });

  it('a real 64 KB tmpfs filled up keeps the old file and leaves no temp file', async (ctx) => {
    if (!('dir' in disk)) return ctx.skip(disk.skip);
    const file = join(disk.dir, 'run.json');
    await writeFile(file, 'the old, good run');
    fillDisk(disk.dir);
    const err = await writeFileAtomic(file, 'x'.repeat(100_000)).catch((e: unknown) => e);
    expect(writeFailureReason(err)).toBe('disk full');
    expect(await readFile(file, 'utf8')).toBe('the old, good run');
    expect((await readdir(disk.dir)).sort()).toEqual(['filler', 'run.json']);
  });

  it('refuses a read-only (0444) file and leaves it as it was, even for root', async () => {
    const dir = await tempDir();
    const file = join(dir, 'plan.json');
    await writeFile(file, 'keep me');
    await fsp.chmod(file, 0o444);
    const err = await writeFileAtomic(file, 'new').catch((e: unknown) => e);
    expect(writeFailureReason(err)).toBe('read-only file');
    await expect(checkWriteTarget(file)).rejects.toThrow(/read-only/);
    expect(await readFile(file, 'utf8')).toBe('keep me');
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(await readdir(dir)).toEqual(['plan.json']);
  });

  it('writes through a symbolic link to its target and keeps the link', async () => {
    const dir = await tempDir();
    await fsp.mkdir(join(dir, 'real'));
    const target = join(dir, 'real', 'plan.json');
    await writeFile(target, 'old');
    await fsp.symlink(join('real', 'plan.json'), join(dir, 'link.json'));
    await writeFileAtomic(join(dir, 'link.json'), 'new');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readFile(backupPath(target), 'utf8')).toBe('old');
    expect((await readdir(dir)).sort()).toEqual(['link.json', 'real']);
  });

  it('creates the file a dangling link points at', async () => {
    const dir = await tempDir();
    await fsp.symlink('later.json', join(dir, 'link.json'));
    await writeFileAtomic(join(dir, 'link.json'), 'new');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, 'later.json'), 'utf8')).toBe('new');
  });

  it('refuses a device (/dev/full) and leaves it a device', async (ctx) => {
    if (!statSync('/dev/full', { throwIfNoEntry: false })?.isCharacterDevice()) return ctx.skip('no /dev/full on this platform');
    const err = await writeFileAtomic('/dev/full', 'x', { keepBackup: false }).catch((e: unknown) => e);
    expect((err as NodeJS.ErrnoException).code).toBe('ENOTREG');
    expect(writeFailureReason(err)).toMatch(/not a regular file/);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });
});
