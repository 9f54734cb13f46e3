// Okabe & Ito's colour-blind-safe palette (2008): distinguishable under the common forms of
// colour blindness and in greyscale by line style, which the charts also vary.

/** The Okabe–Ito colours by name. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** The colour of the board's current settings in every chart. */
export const CURRENT_COLOUR = OKABE_ITO.blue;
/** The colour of the scenario as loaded (drawn dashed). */
export const BASELINE_COLOUR = '#555555';
/** The colours of pinned what-ifs, in pin order (each also gets its own dash pattern). */
export const PIN_COLOURS = [OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple, OKABE_ITO.vermillion] as const;
/** The dash patterns of pinned what-ifs, in pin order. */
export const PIN_DASHES: readonly (readonly number[])[] = [[10, 4], [2, 3], [12, 4, 2, 4], [6, 6]];
/** The colour of each pillar's line. */
export const PILLAR_COLOURS: Readonly<Record<string, string>> = {
  patients: OKABE_ITO.orange,
  clinicians: OKABE_ITO.blue,
  support: OKABE_ITO.bluishGreen,
};

/** Return a colour with an alpha channel, for translucent uncertainty bands. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
