import { parseScenario, type Problem, type Scenario } from '../../../engine';

/** A prepared scenario shipped with the app (a file in scenarios/): parsed, or with the problems that stop it loading. */
export type PreparedScenario =
  | { readonly file: string; readonly ok: true; readonly scenario: Scenario }
  | { readonly file: string; readonly ok: false; readonly problems: readonly Problem[] };

// The prepared files are bundled as text at build time, so the library works offline and the
// same validator that checks a file from disk checks them. The folder holds scenarios only.
const FILES = import.meta.glob('../../../scenarios/*.momentum', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

let cache: readonly PreparedScenario[] | null = null;

/** Return every prepared scenario (scenarios/*.momentum), parsed, in library order (see libraryOrderKey). */
export function preparedScenarios(): readonly PreparedScenario[] {
  if (cache) return cache;
  const all = Object.entries(FILES).map(([path, text]): PreparedScenario => {
    const file = path.slice(path.lastIndexOf('/') + 1);
    const parsed = parseScenario(text);
    return parsed.ok ? { file, ok: true, scenario: parsed.scenario } : { file, ok: false, problems: parsed.problems };
  });
  cache = inLibraryOrder(all);
  return cache;
}

/**
 * Return prepared scenarios in library order: by case, each variant (its `variantOf`) right after the case it
 * varies, so a trainer sees the pair together and opens the case first. A scenario without `variantOf` falls back
 * to its title (see libraryOrderKey).
 */
export function inLibraryOrder(list: readonly PreparedScenario[]): PreparedScenario[] {
  const titles = new Map(list.flatMap((p) => (p.ok ? [[p.scenario.id, p.scenario.title] as const] : [])));
  // Sorted by the case's title, then the case before its variants, then by the scenario's own title.
  const key = (p: PreparedScenario): [string, number, string] => {
    const own = libraryOrderKey(p.ok ? p.scenario.title : p.file);
    const caseTitle = p.ok && p.scenario.variantOf !== undefined ? titles.get(p.scenario.variantOf) : undefined;
    return caseTitle === undefined ? [own, 0, own] : [libraryOrderKey(caseTitle), 1, own];
  };
  return [...list].sort((a, b) => {
    const [ga, ra, oa] = key(a);
    const [gb, rb, ob] = key(b);
    return ga.localeCompare(gb) || ra - rb || oa.localeCompare(ob);
  });
}

/** Return how long a session with the scenario takes ("45–60 min", "60 min"), or null when the file does not say. */
export function describeSessionMinutes(minutes: { readonly min: number; readonly max: number } | undefined): string | null {
  if (!minutes) return null;
  return minutes.min === minutes.max ? `${minutes.min} min session` : `${minutes.min}–${minutes.max} min session`;
}

/**
 * Return the key the library sorts a title by: by case (the words before the colon), the case
 * itself before its variants, ignoring leading quotes ("'Collecting rocks'" sorts under C).
 */
export function libraryOrderKey(title: string): string {
  const plain = title.replace(/^[^A-Za-z0-9]+/, '').toLowerCase();
  const colon = plain.indexOf(':');
  const head = colon < 0 ? plain : plain.slice(0, colon);
  const isVariant = /\bvariant\b/.test(head);
  const family = head.replace(/\bvariant\b/, '').trim();
  return `${family}\u0000${isVariant ? 1 : 0}\u0000${plain}`;
}

/** Return a scenario's length in words ("5 years", "18 months", "2.5 years"). */
export function describeLength(weeks: number): string {
  if (weeks % 52 === 0) return `${weeks / 52} year${weeks === 52 ? '' : 's'}`;
  if (weeks < 104) {
    const months = Math.max(1, Math.round(weeks / 4.345));
    return `${months} month${months === 1 ? '' : 's'}`;
  }
  return `${(weeks / 52).toFixed(1)} years`;
}

/** Ids of the scenarios the app opens with, in order of preference. */
const STARTUP_IDS = ['milton-keynes', 'blank-trust'];

/** Return the scenario the app opens with: Milton Keynes if it is prepared, else the blank trust, else the first that parses. */
export function startupScenario(): Extract<PreparedScenario, { ok: true }> | undefined {
  const usable = preparedScenarios().filter((p): p is Extract<PreparedScenario, { ok: true }> => p.ok);
  for (const id of STARTUP_IDS) {
    const found = usable.find((p) => p.scenario.id === id);
    if (found) return found;
  }
  return usable[0];
}

/**
 * Return the prepared scenarios paired with `scenario` in the library: the variants of a case, or the case a
 * variant varies and that case's other variants. Explore offers to pin them beside it ("Compare with variant").
 */
export function pairedScenarios(scenario: Pick<Scenario, 'id' | 'variantOf'>): Scenario[] {
  const caseId = scenario.variantOf ?? scenario.id;
  return preparedScenarios()
    .flatMap((p) => (p.ok ? [p.scenario] : []))
    .filter((s) => s.id !== scenario.id && (s.id === caseId || s.variantOf === caseId));
}
