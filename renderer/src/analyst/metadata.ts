/**
 * Labels for KPI and series ids. The engine's metadata is the source of truth; ids it does not
 * describe are turned into words ("maturityAtHorizon" → "Maturity at horizon") rather than shown raw.
 */

/** Turn a camelCase or dotted id into a sentence-case label. */
export function humanise(id: string): string {
  const words = id
    .replace(/[._-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Return the label of a KPI. */
export function kpiLabel(id: string): string {
  return humanise(id);
}

/** Return the label of a series. */
export function seriesLabel(id: string): string {
  return humanise(id);
}
