import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';

let server: PreviewServer | undefined;
// Each e2e run builds into its own folder, so runs started at the same time (or a `npm run build:web`)
// never serve each other's half-written files.
let outDir: string | undefined;

/** Build the browser renderer once and serve it on a free localhost port for every e2e test. */
export async function setup({ provide }: { provide: (key: 'baseUrl', value: string) => void }): Promise<void> {
  outDir = mkdtempSync(join(tmpdir(), 'momentum-e2e-'));
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({ configFile: 'vite.config.ts', build: { outDir }, preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report a URL.');
  provide('baseUrl', url);
}

/** Stop the preview server. */
export async function teardown(): Promise<void> {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
