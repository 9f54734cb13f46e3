// The app registers chart.js's pieces once (and turns animation off) in components/chart-setup;
// importing it here makes sure that has happened before an analyst chart is drawn.
import { Chart } from '../components/chart-setup';
import { OKABE_ITO } from '../components/palette';

/**
 * The Okabe–Ito colours (components/palette) in the order runs take them. Yellow comes last:
 * it is the hardest to see on white, so only an eighth run gets it (and its own dash pattern).
 */
export const PALETTE = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  OKABE_ITO.black,
  OKABE_ITO.yellow,
] as const;

/** Return the palette colour for the i-th run, cycling when there are more runs than colours. */
export function runColour(i: number): string {
  return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}

/** Line dash patterns that tell runs apart without colour (WCAG 1.4.1: colour is not the only cue). */
export const DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [12, 6], [1, 2], [6, 2, 2, 2]];

/**
 * Return the dash pattern of the i-th run. The first eight runs pair colour k with dash k; from the ninth
 * on, when colours repeat, the dash moves one further along with each round of the palette, so no two of
 * the first 64 runs share both colour and dash (run 8 is blue like run 0, but dashed like run 1).
 */
export function runDash(i: number): readonly number[] {
  const n = DASHES.length;
  const k = i + Math.floor(i / PALETTE.length);
  return DASHES[((k % n) + n) % n]!;
}

export { Chart };
