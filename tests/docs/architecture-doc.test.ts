import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineDoors } from '../../scripts/api-report';

const root = new URL('../../', import.meta.url);
const doc = readFileSync(new URL('docs/ARCHITECTURE.md', root), 'utf8');

/** Return the text of every inline code span (`…`) outside fenced blocks. */
function codeSpans(markdown: string): string[] {
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
  return [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
}

/**
 * Return the spans that name a file or folder of the repository: relative, with no spaces, quotes, colons
 * or globs, and either a slash or a file extension (`engine/index.ts`, `cli/`, `eslint.config.js`, `.ci/run`).
 * Absolute paths name the machine, not the repository, and are left alone.
 */
function repoPaths(spans: readonly string[]): string[] {
  return spans.filter((s) => !s.startsWith('/') && !/[\s'":*<>()]/.test(s) && (s.includes('/') || /\.(ts|tsx|mjs|js|json|md|yml)$/.test(s)));
}

describe('docs/ARCHITECTURE.md stays true to the code', () => {
  const paths = repoPaths(codeSpans(doc));

  it('names real files: every backticked path exists', () => {
    expect(paths.length).toBeGreaterThan(40);
    const missing = paths.filter((p) => !existsSync(new URL(p, root)));
    expect(missing, 'paths named in docs/ARCHITECTURE.md that do not exist: fix the document or the path').toEqual([]);
  });

  it('names every engine door', () => {
    const missing = engineDoors().filter((door) => !doc.includes(`\`${door}\``));
    expect(missing, 'engine doors (engine/**/index.ts) that docs/ARCHITECTURE.md does not describe').toEqual([]);
  });

  it('stays a reference, not a diary: at most 250 lines', () => {
    expect(doc.split('\n').length).toBeLessThanOrEqual(250);
  });

  it('tells paths from other code spans', () => {
    expect(repoPaths(['engine/index.ts', 'cli/', '.ci/run', 'eslint.config.js', "'noise' | 'all'", 'Math.random', 'npm run schema', 'engine/**/index.ts', 'node:fs', '/usr/bin/chromium'])).toEqual([
      'engine/index.ts', 'cli/', '.ci/run', 'eslint.config.js',
    ]);
  });
});
