/**
 * Maps the file validator's problems (paths like `initiatives[3].effortWeeks`) onto the
 * editor's fields, so the editor flags each problem beside the field it is about, in the
 * validator's own words.
 */

/** One validation problem, as parseScenario reports it. */
export interface PathProblem {
  readonly path: string;
  readonly message: string;
}

/** The problems of a document, split into those a field shows and those no field can. */
export interface AssignedProblems {
  /** Field path → its problems (the field's own and those of anything inside it). */
  readonly byField: ReadonlyMap<string, readonly PathProblem[]>;
  /** Problems about something the editor has no field for; shown in the summary. */
  readonly unassigned: readonly PathProblem[];
}

/** Return whether `path` is `field` itself or something inside it (`field.x`, `field[2]`). */
export function isWithin(path: string, field: string): boolean {
  if (field === '') return true;
  if (path === field) return true;
  if (!path.startsWith(field)) return false;
  const next = path[field.length];
  return next === '.' || next === '[';
}

/**
 * Give each problem to the most specific field path that contains it. A problem at
 * `initiatives[3].prerequisites[0]` goes to the field `initiatives[3].prerequisites` when
 * there is one, else to `initiatives[3]`, else it is unassigned.
 */
export function assignProblems(problems: readonly PathProblem[], fieldPaths: Iterable<string>): AssignedProblems {
  const fields = [...new Set(fieldPaths)].sort((a, b) => b.length - a.length);
  const byField = new Map<string, PathProblem[]>();
  const unassigned: PathProblem[] = [];
  for (const p of problems) {
    const field = fields.find((f) => isWithin(p.path, f));
    if (field === undefined) unassigned.push(p);
    else byField.set(field, [...(byField.get(field) ?? []), p]);
  }
  return { byField, unassigned };
}

/** Return a DOM id for a field path (ids may not hold brackets or dots portably). */
export function fieldDomId(path: string): string {
  return `field-${path.replace(/\[(\d+)\]/g, '-$1').replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}
