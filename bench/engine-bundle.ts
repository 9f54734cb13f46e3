// The engine as the app ships it. The desktop app (`npm run build`, `npm run dist`: electron-vite, with
// electron.vite.config.ts) bundles the engine into its simulation workers with vite (rolldown), and this
// file builds it the same way: same vite, one ES module, calls between the engine's files plain function
// calls, and NOT minified, because electron-vite's renderer preset sets `build.minify: false` (worker
// bundles inherit it) and electron.vite.config.ts leaves it alone; no other optimisation option either.
// The preset's `build.target` (chrome152 for Electron 45) is left at vite's default here: for the engine
// both give byte-identical code (checked), and it would otherwise have to copy electron-vite's private
// Electron-to-Chrome table. (Only the browser build, vite.config.ts, minifies; an A/B of the two bundles in
// one process found the minified one no faster: docs/PERFORMANCE.md.) Loaded through tsx instead (as the CLI
// loads it), every imported name becomes a property read through a getter of a CommonJS wrapper, which shows
// in CPU profiles of the Monte Carlo loop, so the bench times the bundle and reports the tsx-loaded engine
// as a separate entry.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import type * as Engine from '../engine';

/** The engine's public API, whichever way it was loaded. */
export type EngineModule = typeof Engine;

/**
 * Bundle `entry` (a path from the repository root, e.g. 'engine/index.ts') into one ES module in `outDir`
 * with the options of the app's production build, and return the module's file URL.
 */
export async function bundleAsApp(entry: string, outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: { entry: fileURLToPath(new URL(`../${entry}`, import.meta.url)), formats: ['es'], fileName: 'bundle' },
    },
  });
  const file = readdirSync(outDir).find((f) => f.endsWith('.js') || f.endsWith('.mjs'));
  if (!file) throw new Error(`The bundle of ${entry} was not written.`);
  return pathToFileURL(join(outDir, file)).href;
}

let bundled: Promise<EngineModule> | undefined;

/** Return the engine bundled into one ES module (built once per process into a temporary folder). */
export function bundledEngine(): Promise<EngineModule> {
  bundled ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'momentum-bench-engine-'));
    try {
      return (await import(await bundleAsApp('engine/index.ts', outDir))) as EngineModule;
    } finally {
      // The module is loaded; the file is no longer needed.
      rmSync(outDir, { recursive: true, force: true });
    }
  })();
  return bundled;
}
