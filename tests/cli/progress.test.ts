// The progress bar: drawn on stderr only when stderr is a terminal, never on stdout.
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../cli/io';
import { createProgress } from '../../cli/progress';

function fakeIo(isTTY: boolean): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', isTTY, cwd: '.', stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s) };
  return io;
}

describe('progress bar', () => {
  it('draws on a terminal, ends full, and clears itself', () => {
    const io = fakeIo(true);
    const p = createProgress(io, 'sweep');
    for (let i = 1; i <= 200; i++) p.update(i, 200);
    expect(io.err).toContain(`sweep [${'#'.repeat(30)}] 200/200`);
    // It redraws only when the bar moves (31 fill levels) plus once at the end: not 200 times.
    expect(io.err.split('\r').filter((s) => s.startsWith('sweep')).length).toBeLessThanOrEqual(32);
    p.end();
    expect(io.err.endsWith('\r')).toBe(true);
    expect(io.out).toBe('');
  });

  it('is silent when stderr is not a terminal', () => {
    const io = fakeIo(false);
    const p = createProgress(io, 'sweep');
    p.update(1, 2);
    p.update(2, 2);
    p.end();
    expect(io.err + io.out).toBe('');
  });
});
