/**
 * Reading JSON text with errors a person can act on. JSON.parse says what broke but not in
 * terms of lines and columns on every runtime, so when it fails we scan the text ourselves to
 * find the first error and say where it is.
 */

/** The outcome of reading JSON text. */
export type JsonReadResult = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

interface Failure {
  offset: number;
  message: string;
}

function describeChar(text: string, i: number): string {
  if (i >= text.length) return 'the end of the file';
  const c = text[i]!;
  if (c === '\n' || c === '\r') return 'a line break';
  if (c === '\t') return 'a tab';
  return `'${c}'`;
}

/** Return the first syntax error in `text` (offset and plain message), or undefined if none is found. */
function findSyntaxError(text: string): Failure | undefined {
  let i = 0;
  const fail = (message: string): Failure => ({ offset: i, message });
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  // An explicit stack instead of recursion, so deeply nested input cannot overflow.
  type Frame = { kind: 'object' | 'array'; expectValue: boolean; first: boolean };
  const stack: Frame[] = [];
  const scanString = (): Failure | undefined => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i++;
            return fail('a \\u escape needs four hex digits');
          }
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          i++;
          return fail(`unknown escape in text: \\${e ?? ''}`);
        }
        i += 2;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) return fail('text cannot contain a raw line break or control character; use \\n');
      i++;
    }
    return fail('text is not closed with a double quote');
  };
  const scanScalar = (): Failure | undefined => {
    const c = text[i];
    if (c === '"') return scanString();
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (c !== undefined && (c === '-' || (c >= '0' && c <= '9'))) {
      if (m === null) return fail(`expected a number, found ${describeChar(text, i)}`);
      i += m[0].length;
      return undefined;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return undefined;
      }
    }
    if (c === "'") return fail("text must use double quotes, found '");
    return fail(`expected a value, found ${describeChar(text, i)}`);
  };
  // Parse a value (which may open a container); returns a failure or undefined.
  const value = (): Failure | undefined => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      stack.push({ kind: 'object', expectValue: false, first: true });
      return undefined;
    }
    if (c === '[') {
      i++;
      stack.push({ kind: 'array', expectValue: true, first: true });
      return undefined;
    }
    return scanScalar();
  };
  let f = value();
  if (f) return f;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    ws();
    if (top.kind === 'array') {
      if (top.first) {
        top.first = false;
        if (text[i] === ']') {
          i++;
          stack.pop();
          continue;
        }
        f = value();
        if (f) return f;
        continue;
      }
      if (text[i] === ',') {
        i++;
        ws();
        if (text[i] === ']') return fail('a list cannot end with a comma');
        f = value();
        if (f) return f;
        continue;
      }
      if (text[i] === ']') {
        i++;
        stack.pop();
        continue;
      }
      return fail(`expected ',' or ']' in a list, found ${describeChar(text, i)}`);
    }
    // object
    if (!top.first) {
      if (text[i] === '}') {
        i++;
        stack.pop();
        continue;
      }
      if (text[i] !== ',') return fail(`expected ',' or '}' after a field, found ${describeChar(text, i)}`);
      i++;
      ws();
      if (text[i] === '}') return fail('an object cannot end with a comma');
    } else {
      top.first = false;
      if (text[i] === '}') {
        i++;
        stack.pop();
        continue;
      }
    }
    if (text[i] !== '"') return fail(`expected a field name in double quotes, found ${describeChar(text, i)}`);
    f = scanString();
    if (f) return f;
    ws();
    if (text[i] !== ':') return fail(`expected ':' after a field name, found ${describeChar(text, i)}`);
    i++;
    f = value();
    if (f) return f;
  }
  ws();
  if (i < text.length) return fail(`expected the end of the file after the top-level value, found ${describeChar(text, i)}`);
  return undefined;
}

/** Return the 1-based line and column of an offset in text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

/** Parse JSON text; on failure, say at which line and column and what was expected there. */
export function readJson(text: string): JsonReadResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (err) {
    let found: Failure | undefined;
    try {
      found = findSyntaxError(body);
    } catch {
      found = undefined;
    }
    if (found === undefined) {
      const detail = err instanceof Error ? err.message : String(err);
      return { ok: false, line: 1, column: 1, message: `is not valid JSON (${detail})` };
    }
    const { line, column } = lineColumn(body, found.offset);
    return { ok: false, line, column, message: found.message };
  }
}

/** A field name that appears twice in one object of valid JSON text (JSON.parse silently keeps the last). */
export interface DuplicateKey {
  /** Keys from the root to the object holding the duplicate (array positions as numbers). */
  readonly path: readonly (string | number)[];
  readonly key: string;
  readonly line: number;
  readonly column: number;
}

/** Return the duplicated field names in `text`, which must be valid JSON. Scans without recursion. */
export function findDuplicateKeys(text: string): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  type Frame = { kind: 'object'; keys: Set<string>; key: string | undefined } | { kind: 'array'; index: number };
  const stack: Frame[] = [];
  const pathOf = (): (string | number)[] =>
    stack.slice(0, -1).map((f) => (f.kind === 'object' ? (f.key ?? '') : f.index));
  let i = 0;
  let expectKey = false;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      // Read the whole string (valid JSON, so escapes are well formed).
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.kind === 'object') {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, j + 1)) as string;
        } catch {
          key = text.slice(i + 1, j);
        }
        if (top.keys.has(key)) {
          const { line, column } = lineColumn(text, i);
          out.push({ path: pathOf(), key, line, column });
        }
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = j + 1;
      continue;
    }
    if (c === '{') {
      stack.push({ kind: 'object', keys: new Set(), key: undefined });
      expectKey = true;
    } else if (c === '[') {
      stack.push({ kind: 'array', index: 0 });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'object') expectKey = true;
      else if (top?.kind === 'array') top.index++;
    }
    i++;
  }
  return out;
}
