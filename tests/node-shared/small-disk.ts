/** A real, tiny disk for full-disk tests: a 64 KB tmpfs, where the platform lets the tests mount one. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A mounted small disk, or why there is none. */
export type SmallDisk = { readonly dir: string; readonly unmount: () => void } | { readonly skip: string };

/** Mount a tmpfs of `size` (default 64k) on a fresh folder; without root on Linux, say why not instead. */
export function mountSmallDisk(size = '64k'): SmallDisk {
  if (process.platform !== 'linux') return { skip: `a tmpfs needs Linux (this is ${process.platform})` };
  if (process.getuid?.() !== 0) return { skip: 'mounting a tmpfs needs root' };
  const dir = mkdtempSync(join(tmpdir(), 'momentum-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    return { skip: `mount -t tmpfs was refused here (${String((err as Error).message).split('\n')[0]})` };
  }
  return {
    dir,
    unmount: () => {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fill the rest of a disk with a filler file until the OS says it is full. */
export function fillDisk(dir: string): void {
  try {
    writeFileSync(join(dir, 'filler'), Buffer.alloc(16 * 1024 * 1024, 1));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  }
}
