// The Node versions README.md states are true: package.json's engines say the same minimum, and
// the packages that need more than that (from package-lock.json) are exactly the ones README names.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/helpers';

const require = createRequire(import.meta.url);
// semver comes with npm's own tool chain (electron-builder and others); name the one function used.
const { satisfies } = require('semver') as { satisfies: (version: string, range: string) => boolean };
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[] }> };
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const requirements = readme.slice(readme.indexOf('## Requirements'), readme.indexOf('\n## ', readme.indexOf('## Requirements') + 1));

describe('Node versions', () => {
  it('package.json engines and README state the same minimum for running and testing', () => {
    expect(pkg.engines.node).toBe('>=20.19');
    expect(requirements).toMatch(/^Node\.js 20\.19 or later with npm, .* runs the command line, the app in\na browser \(`npm run web`\) and every test/m);
  });

  it('the packages that need a newer Node are exactly those README names, and each accepts the version README gives', () => {
    const needMore = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && p.engines && !Array.isArray(p.engines) && p.engines.node && !satisfies('20.19.0', p.engines.node))
      .map(([path, p]) => [path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), (p.engines as { node: string }).node] as const);
    const named = [...requirements.slice(requirements.indexOf('need Node.js\n22.12')).matchAll(/`(@?[\w.-]+(?:\/[\w.-]+)?)`/g)].map((m) => m[1]!).filter((n) => !n.startsWith('npm') && n !== 'EBADENGINE');
    expect(new Set(needMore.map(([name]) => name))).toEqual(new Set(named));
    for (const [name, range] of needMore) expect(satisfies('22.12.0', range), `${name} ${range}`).toBe(true);
    expect(requirements).toContain(`warns about exactly these ${['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven'][needMore.length]}`);
  });
});
