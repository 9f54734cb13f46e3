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
/**
 * Colours that belong to pinned what-ifs alone (Paul Tol's colour-blind-safe "muted" scheme, 2021: indigo, wine,
 * olive, rose): no other series in any chart tab takes them, so a pin's colour always means that pin.
 */
export const TOL_MUTED = { indigo: '#332288', wine: '#882255', olive: '#999933', rose: '#CC6677' } as const;

/** The colours of pinned what-ifs, in pin order (each also gets its own dash pattern). */
export const PIN_COLOURS = [TOL_MUTED.indigo, TOL_MUTED.wine, TOL_MUTED.olive, TOL_MUTED.rose] as const;
/** The dash patterns of pinned what-ifs, in pin order. */
export const PIN_DASHES: readonly (readonly number[])[] = [[10, 4], [2, 3], [12, 4, 2, 4], [6, 6]];
/** The colour of each pillar's line (never the current settings' blue, nor a pin's colour). */
export const PILLAR_COLOURS: Readonly<Record<string, string>> = {
  patients: OKABE_ITO.orange,
  clinicians: OKABE_ITO.skyBlue,
  support: OKABE_ITO.bluishGreen,
};
/** The colour of change fatigue, drawn dotted (Paul Tol's teal). */
export const FATIGUE_COLOUR = '#44AA99';
/** The colour of each status on the portfolio timeline; vermillion means failure and nothing else. */
export const STATUS_COLOURS = { live: '#117733', pilot: '#88CCEE', progress: '#DDCC77', failed: OKABE_ITO.vermillion, replanned: '#AA4499' } as const;
/** The colour of in-house capability. */
export const CAPABILITY_COLOUR = OKABE_ITO.reddishPurple;
/** The colour of the goal, drawn as a long-dashed level. */
export const GOAL_COLOUR = OKABE_ITO.black;

/** Return a colour with an alpha channel, for translucent uncertainty bands. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
