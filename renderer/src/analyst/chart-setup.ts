import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

// chart.js is tree-shaken: each chart type must be registered once. Registering twice is harmless,
// so the analyst views do it themselves rather than depend on which view loaded first.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Filler, Legend, Tooltip);

/**
 * Colour-blind-safe palette (Okabe & Ito 2008), in the order runs take them; black is last so the
 * reference run can stand out in it if an analyst wants.
 */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

/** Return the palette colour for the i-th run, cycling when there are more runs than colours. */
export function runColour(i: number): string {
  return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}

/** Line dash patterns that tell runs apart without colour (WCAG 1.4.1: colour is not the only cue). */
export const DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [12, 6], [1, 2], [6, 2, 2, 2]];

export { Chart };
