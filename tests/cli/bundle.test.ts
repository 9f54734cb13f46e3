// The command line's bundle (cli/bin/bundle.mjs) is used only when it was built from exactly the sources
// on disk: any edit, deleted file or other package version makes it stale, and it is built again.
// Exercised on a small project in a temporary folder, bundled with the same code as the real one.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JavaScript module without type declarations (it must run before any TypeScript loader).
import { buildBundle, currentBundle, ensureBundle } from '../../cli/bin/bundle.mjs';
import { momentum, tempDir } from './helpers';

interface Bundle {
  readonly key: string;
  readonly dir: string;
  readonly main: string;
  readonly worker: string;
  readonly built?: boolean;
}

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const root = join(tmp.dir, 'project');
const cache = join(root, 'node_modules', '.cache', 'momentum-cli');

function write(file: string, text: string): void {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), text);
}

function setUp(): void {
  write('cli/main.ts', "import { value } from './dep';\nimport { word } from 'fakepkg';\nexport const main = (): string => `${value} ${word}`;\n");
  write('cli/dep.ts', 'export const value: number = 1;\n');
  write('cli/worker.ts', 'export const worker = true;\n');
  write('node_modules/fakepkg/package.json', JSON.stringify({ name: 'fakepkg', version: '1.0.0', type: 'module', main: 'index.js' }));
  write('node_modules/fakepkg/index.js', "export const word = 'one';\n");
}

/** Return what the bundle's main() gives (each build has its own file, so no module cache gets in the way). */
async function output(bundle: Bundle): Promise<string> {
  const mod = (await import(pathToFileURL(bundle.main).href)) as { main: () => string };
  return mod.main();
}

describe('the command line bundle', () => {
  it('is used only while its sources and packages are unchanged, and rebuilt otherwise', async () => {
    setUp();
    expect(currentBundle(root, cache)).toBeNull();
    const first = (await buildBundle(root, cache)) as Bundle;
    expect(await output(first)).toBe('1 one');
    expect((currentBundle(root, cache) as Bundle).key).toBe(first.key);

    // An edited source file: stale; the rebuild has another key and the new code.
    write('cli/dep.ts', 'export const value: number = 2;\n');
    expect(currentBundle(root, cache)).toBeNull();
    const second = (await ensureBundle(root, cache)) as Bundle;
    expect(second.built).toBe(true);
    expect(second.key).not.toBe(first.key);
    expect(await output(second)).toBe('2 one');
    expect((await ensureBundle(root, cache)) as Bundle).toMatchObject({ key: second.key, built: false });

    // Back to the first text: the first key again (its folder is reused).
    write('cli/dep.ts', 'export const value: number = 1;\n');
    expect(currentBundle(root, cache)).toBeNull();
    expect(((await ensureBundle(root, cache)) as Bundle).key).toBe(first.key);

    // Another version of a bundled package: stale.
    write('node_modules/fakepkg/package.json', JSON.stringify({ name: 'fakepkg', version: '1.0.1', type: 'module', main: 'index.js' }));
    write('node_modules/fakepkg/index.js', "export const word = 'two';\n");
    expect(currentBundle(root, cache)).toBeNull();
    expect(await output((await ensureBundle(root, cache)) as Bundle)).toBe('1 two');

    // A new import (a file the bundle has never seen): the importing file changed, so stale.
    write('cli/extra.ts', 'export const extra = 3;\n');
    write('cli/main.ts', "import { value } from './dep';\nimport { extra } from './extra';\nexport const main = (): string => `${value + extra}`;\n");
    expect(currentBundle(root, cache)).toBeNull();
    expect(await output((await ensureBundle(root, cache)) as Bundle)).toBe('4');

    // A deleted input: stale (and the rebuild fails, as the sources do not compile).
    rmSync(join(root, 'cli/extra.ts'));
    expect(currentBundle(root, cache)).toBeNull();
    await expect(buildBundle(root, cache)).rejects.toThrow();
  });

  it('survives several processes building at once: one key, a complete bundle', async () => {
    setUp();
    const built = (await Promise.all([buildBundle(root, cache), buildBundle(root, cache), buildBundle(root, cache)])) as Bundle[];
    expect(new Set(built.map((b) => b.key)).size).toBe(1);
    expect(await output(built[0]!)).toBe('1 one');
    expect((currentBundle(root, cache) as Bundle).key).toBe(built[0]!.key);
  });

  it('is what the momentum command runs from (the path users get), and gives the same output as tsx', async () => {
    const [bundled, tsx] = await Promise.all([
      momentum(['levers', '--json'], { env: { MOMENTUM_TIMINGS: '1' } }),
      momentum(['levers', '--json'], { env: { MOMENTUM_TIMINGS: '1', MOMENTUM_CLI_LOADER: 'tsx' } }),
    ]);
    expect(bundled.code).toBe(0);
    expect(bundled.stderr).toMatch(/timings: loaded from the bundle [0-9a-f]{20}/);
    expect(tsx.stderr).toContain('timings: loaded from the TypeScript sources through tsx');
    expect(bundled.stdout).toBe(tsx.stdout);
  });
});
