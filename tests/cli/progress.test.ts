// The progress bar: drawn on stderr only when stderr is a terminal, never on stdout.
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../cli/io';
import { createProgress, durationText, etaText } from '../../cli/progress';

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

  it('shows the time left from the pace so far, once a second has passed, and blanks the end of a longer line', () => {
    const io = fakeIo(true);
    let now = 0;
    const p = createProgress(io, 'sweep', () => now);
    p.update(10, 1000);
    expect(io.err).not.toContain('left');
    now = 2000;
    p.update(100, 1000);
    // 100 done in 2 s: 900 more take about 18 s.
    expect(io.err).toContain('sweep [###...........................] 100/1000 · about 18 s left');
    // The bar does not move, but a second later the estimate is redrawn.
    now = 3000;
    p.update(101, 1000);
    expect(io.err).toContain('101/1000 · about 27 s left');
    now = 4000;
    p.update(1000, 1000);
    const last = io.err.slice(io.err.lastIndexOf('\r') + 1);
    expect(last.trimEnd()).toBe(`sweep [${'#'.repeat(30)}] 1000/1000`);
    expect(last.length).toBeGreaterThan(last.trimEnd().length);
  });

  it('writes durations as seconds, minutes or hours', () => {
    expect(durationText(400)).toBe('1 s');
    expect(durationText(59_000)).toBe('59 s');
    expect(durationText(125_000)).toBe('2 min 5 s');
    expect(durationText(3_780_000)).toBe('1 h 3 min');
    expect(etaText(500, 10, 100)).toBe('');
    expect(etaText(5000, 0, 100)).toBe('');
    expect(etaText(5000, 50, 100)).toBe(' · about 5 s left');
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
