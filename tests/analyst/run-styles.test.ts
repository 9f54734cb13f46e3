// Runs in Compare and in exported charts are told apart by colour and by dash (WCAG 1.4.1).
import { describe, expect, it } from 'vitest';
import { DASHES, PALETTE, runColour, runDash } from '../../renderer/src/analyst/chart-setup';
import { MAX_OPEN_RUNS } from '../../renderer/src/store/runs/runs-slice';

const style = (i: number) => `${runColour(i)} ${runDash(i).join(',')}`;

describe('run styles', () => {
  it('give every run the view can hold its own colour and dash pair, and each of the first eight its own dash', () => {
    const open = Array.from({ length: MAX_OPEN_RUNS }, (_, i) => style(i));
    expect(new Set(open).size).toBe(MAX_OPEN_RUNS);
    const dashes = Array.from({ length: DASHES.length }, (_, i) => runDash(i).join(','));
    expect(new Set(dashes).size).toBe(DASHES.length);
  });

  it('keep colour and dash pairs apart well beyond the view (64 runs)', () => {
    const n = PALETTE.length * DASHES.length;
    expect(new Set(Array.from({ length: n }, (_, i) => style(i))).size).toBe(n);
  });

  it('pair the first runs with colour k and dash k, as before', () => {
    for (let i = 0; i < PALETTE.length; i++) {
      expect(runColour(i)).toBe(PALETTE[i]);
      expect(runDash(i)).toEqual(DASHES[i]);
    }
  });
});
