import { build, preview, type PreviewServer } from 'vite';

let server: PreviewServer | undefined;

/** Build the browser renderer once and serve it on a free localhost port for every e2e test. */
export async function setup({ provide }: { provide: (key: 'baseUrl', value: string) => void }): Promise<void> {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  server = await preview({ configFile: 'vite.config.ts', preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report a URL.');
  provide('baseUrl', url);
}

/** Stop the preview server. */
export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
