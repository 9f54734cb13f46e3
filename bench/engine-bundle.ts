// The engine as the app ships it: one ES module bundled by vite (rolldown), where calls between the engine's
// files are plain function calls. Loaded through tsx instead (as the CLI and a plain import in this process
// load it), every imported name becomes a property read through a getter of a CommonJS wrapper; those
// getters show up in CPU profiles of the Monte Carlo loop, so the bench times the bundle and reports the
// tsx-loaded engine as a separate entry (docs/PERFORMANCE.md).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import type * as Engine from '../engine';

/** The engine's public API, whichever way it was loaded. */
export type EngineModule = typeof Engine;

let bundled: Promise<EngineModule> | undefined;

/** Return the engine bundled into one ES module (built once per process into a temporary folder). */
export function bundledEngine(): Promise<EngineModule> {
  bundled ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'momentum-bench-engine-'));
    try {
      await build({
        configFile: false,
        logLevel: 'error',
        build: {
          outDir,
          emptyOutDir: true,
          minify: false,
          lib: { entry: fileURLToPath(new URL('../engine/index.ts', import.meta.url)), formats: ['es'], fileName: 'engine' },
        },
      });
      const file = readdirSync(outDir).find((f) => f.endsWith('.js') || f.endsWith('.mjs'));
      if (!file) throw new Error('The engine bundle was not written.');
      return (await import(pathToFileURL(join(outDir, file)).href)) as EngineModule;
    } finally {
      // The module is loaded; the file is no longer needed.
      rmSync(outDir, { recursive: true, force: true });
    }
  })();
  return bundled;
}
