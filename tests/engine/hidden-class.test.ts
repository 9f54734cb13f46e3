// The weekly loop is fast only while V8 keeps its optimised code. A sweep starting at lever value 0 once
// gave the settings object an integer field layout, and the first fractional value changed its hidden
// class and threw that code away in every worker thread (docs/PERFORMANCE.md, "One hidden class for the settings").
// V8's own check (%HaveSameMap) needs --allow-natives-syntax, so it runs in a child Node process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LEVERS, resolveSettings } from '../../engine/levers';

const LEVERS_TS = pathToFileURL(fileURLToPath(new URL('../../engine/levers.ts', import.meta.url))).href;

/** Return whether V8 gives the settings of each pair of lever sets the same hidden class. */
function sameHiddenClass(pairs: readonly [Record<string, number>, Record<string, number>][]): boolean[] {
  const dir = mkdtempSync(join(tmpdir(), 'momentum-map-'));
  try {
    const script = join(dir, 'check.mts');
    writeFileSync(
      script,
      `import { resolveSettings } from ${JSON.stringify(LEVERS_TS)};\n` +
        `const pairs = ${JSON.stringify(pairs)};\n` +
        // Built with eval so that the natives syntax is parsed only in this child process.
        `const same = new Function('a', 'b', 'return %HaveSameMap(a, b)');\n` +
        `console.log(JSON.stringify(pairs.map(([x, y]) => same(resolveSettings(x), resolveSettings(y)))));\n`,
    );
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', script], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`the check failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim()) as boolean[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('settings keep one hidden class', () => {
  it('whether the first run has whole-number or fractional lever values', () => {
    const atZero = Object.fromEntries(LEVERS.map((l) => [l.id, l.min]));
    const fractional = Object.fromEntries(LEVERS.map((l) => [l.id, l.min + (l.max - l.min) * 0.37]));
    expect(sameHiddenClass([[atZero, fractional], [{}, fractional], [atZero, {}]])).toEqual([true, true, true]);
  });

  it('holds the clamped lever values', () => {
    const s = resolveSettings({ 'goal.clarity': 0, 'leadership.culture': 2, 'priorities.concurrent': 7 });
    expect(s.clarity).toBe(0);
    expect(s.culture).toBe(LEVERS.find((l) => l.id === 'leadership.culture')!.max);
    expect(s.priorities).toBe(7);
  });
});
