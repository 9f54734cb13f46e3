// What package.json declares matches what the code relies on.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Return the tracked source files that import `name` (as a package or a subpath of it). */
function importersOf(name: string): string[] {
  const out = execFileSync('git', ['grep', '-l', '-E', `from '${name}(/[^']*)?'|import\\('${name}(/[^']*)?'\\)|require\\('${name}(/[^']*)?'\\)`, '--', '*.ts', '*.tsx', '*.mjs', '*.js'], {
    cwd: root,
    encoding: 'utf8',
  }).trim();
  return out === '' ? [] : out.split('\n');
}

describe('package.json dependencies', () => {
  it('declares no runtime dependency that no source file imports', () => {
    // tsx runs the scripts and the CLI's fallback loader; it is used as a command, not imported.
    const unused = Object.keys(pkg.dependencies).filter((name) => name !== 'tsx').filter((name) => {
      try {
        return importersOf(name).length === 0;
      } catch {
        return true;
      }
    });
    expect(unused).toEqual([]);
  });

  it('pins chart.js to 4.6.x, the minor whose private _updateDatasets ChartCanvas calls', () => {
    expect(readFileSync(new URL('renderer/src/components/chart-canvas.tsx', root), 'utf8')).toContain('_updateDatasets');
    expect(pkg.dependencies['chart.js']).toMatch(/^~4\.6\.\d+$/);
  });
});
