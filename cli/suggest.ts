/** "Did you mean" suggestions for mistyped lever ids, KPI names and options. */
import { editDistance } from '../engine';

/**
 * Return up to `limit` candidates close to `wanted`: those containing it (or contained in it)
 * first, then those within an edit distance of about a third of the longer name.
 */
export function closeMatches(wanted: string, candidates: readonly string[], limit = 5): string[] {
  const w = wanted.toLowerCase();
  if (w.length === 0) return [];
  const scored = candidates.map((c) => {
    const lc = c.toLowerCase();
    const last = lc.split('.').pop() ?? lc;
    const contains = lc.includes(w) || (w.length >= 4 && w.includes(last));
    const distance = Math.min(editDistance(w, lc), editDistance(w, last));
    return { c, score: contains ? 0 : distance, near: contains || distance <= Math.max(2, Math.ceil(Math.max(w.length, last.length) / 3)) };
  });
  return scored
    .filter((s) => s.near)
    .sort((a, b) => a.score - b.score || a.c.localeCompare(b.c))
    .slice(0, limit)
    .map((s) => s.c);
}
