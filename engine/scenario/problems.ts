/** Problems found in a scenario file, worded for the person who wrote it. */
import type { z } from 'zod';

/** One thing wrong with a scenario file: where (`initiatives[3].effortWeeks`, or `(file)`) and what, in plain words. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** The path used for problems that concern the file as a whole. */
export const FILE_PATH = '(file)';

/** Return a path such as `initiatives[3].effortWeeks` or `levers["team.clinical"]` for a list of keys. */
export function formatPath(keys: readonly PropertyKey[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      out += /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? (out === '' ? name : `.${name}`) : `[${JSON.stringify(name)}]`;
    }
  }
  return out === '' ? FILE_PATH : out;
}

/** Return lines of the form `PATH: MESSAGE`, one per problem. */
export function formatProblems(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.path}: ${p.message}`);
}

/** Return a short, readable rendering of a value found in a file (for "got …"). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
  int: 'a whole number',
};

function listChoices(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

/** Return the edit distance between two short strings (insertions, deletions, substitutions), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}

/** Return the closest of `candidates` to `name`, if one is close enough to be a likely typo. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const a = name.toLowerCase();
    const b = c.toLowerCase();
    // A shortened name ("effort" for "effortWeeks") counts as close as a one-letter typo.
    const d = Math.min(editDistance(a, b), a.length >= 3 ? Math.min(editDistance(a, b.slice(0, a.length)), editDistance(a, b.slice(0, a.length + 1))) + 1 : Infinity);
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(Math.min(best.length, name.length) / 3)) ? best : undefined;
}

function sizeWord(origin: string | undefined, n: number): string {
  if (origin === 'array' || origin === 'set') return n === 1 ? '1 item' : `${n} items`;
  return n === 1 ? '1 character' : `${n} characters`;
}

/** Return the plain-words message for one zod issue, given the keys allowed where it occurred. */
function issueMessage(issue: z.core.$ZodIssue, allowedKeys: (path: readonly PropertyKey[]) => string[]): Problem[] {
  const path = formatPath(issue.path);
  const input = (issue as { input?: unknown }).input;
  const got = describeValue(input);
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return [{ path, message: `is required (${TYPE_WORDS[issue.expected] ?? issue.expected})` }];
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      return [{ path, message: `must be ${expected}, got ${got}` }];
    }
    case 'too_small': {
      if (issue.origin === 'number' || issue.origin === 'bigint') {
        const min = Number(issue.minimum);
        if (min === 0 && !issue.inclusive) return [{ path, message: `must be a positive number, got ${got}` }];
        return [{ path, message: `must be ${issue.inclusive ? 'at least' : 'more than'} ${min}, got ${got}` }];
      }
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return [{ path, message: 'must not be empty' }];
      return [{ path, message: `must have at least ${sizeWord(issue.origin, Number(issue.minimum))}, got ${got}` }];
    }
    case 'too_big': {
      if (issue.origin === 'number' || issue.origin === 'bigint') {
        return [{ path, message: `must be ${issue.inclusive ? 'at most' : 'less than'} ${Number(issue.maximum)}, got ${got}` }];
      }
      const length = typeof input === 'string' || Array.isArray(input) ? input.length : undefined;
      // A list's limit names what it holds ("must have at most 200 initiatives"); see limits.ts.
      if (issue.origin === 'array' && issue.message.startsWith('must')) {
        return [{ path, message: `${issue.message}${length === undefined ? '' : `, got ${length}`}` }];
      }
      return [
        {
          path,
          message: `must have at most ${sizeWord(issue.origin, Number(issue.maximum))}${length === undefined ? '' : `, got ${length}`}`,
        },
      ];
    }
    case 'invalid_format':
      return [{ path, message: `${issue.message.startsWith('must') ? issue.message : `is not in the expected format (${issue.format})`}, got ${got}` }];
    case 'not_multiple_of':
      return [{ path, message: `must be a multiple of ${String(issue.divisor)}, got ${got}` }];
    case 'unrecognized_keys': {
      const allowed = allowedKeys(issue.path);
      return issue.keys.map((key) => {
        const hint = closest(key, allowed);
        const where = formatPath([...issue.path, key]);
        const expected = hint !== undefined ? `did you mean "${hint}"?` : allowed.length > 0 ? `expected one of: ${allowed.join(', ')}` : 'no fields are allowed here';
        return { path: where, message: `unknown field; ${expected}` };
      });
    }
    case 'invalid_value': {
      if (issue.values.length === 1 && issue.path[issue.path.length - 1] === 'schemaVersion') {
        return [{ path, message: `must be ${String(issue.values[0])}, got ${got}` }];
      }
      return [{ path, message: `must be one of ${listChoices(issue.values)}, got ${got}` }];
    }
    case 'invalid_union': {
      const note = (issue as { note?: string; discriminator?: string; options?: unknown[] }).note;
      const disc = (issue as { discriminator?: string }).discriminator;
      const options = (issue as { options?: unknown[] }).options ?? [];
      if (note === 'No matching discriminator' && disc !== undefined) {
        const found = input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[disc] : input;
        const where = issue.path[issue.path.length - 1] === disc ? path : formatPath([...issue.path, disc]);
        if (input === null || typeof input !== 'object' || Array.isArray(input)) {
          return [{ path: formatPath(issue.path.slice(0, issue.path[issue.path.length - 1] === disc ? -1 : undefined)), message: `must be an object with "${disc}" one of ${listChoices(options)}, got ${got}` }];
        }
        return [{ path: where, message: `must be one of ${listChoices(options)}, got ${describeValue(found)}` }];
      }
      return [{ path, message: `does not match any allowed form, got ${got}` }];
    }
    case 'custom':
      return [{ path, message: issue.message }];
    default:
      return [{ path, message: `${issue.message}, got ${got}` }];
  }
}

/** Turn zod issues into problems; `allowedKeys` names the fields allowed at a path, for typo hints. */
export function problemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  allowedKeys: (path: readonly PropertyKey[]) => string[],
): Problem[] {
  return issues.flatMap((issue) => issueMessage(issue, allowedKeys));
}
