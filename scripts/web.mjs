// Build the renderer for the browser and serve it on localhost (the app without Electron).
import { build, preview } from 'vite';

/** Build and serve the browser app; print its URL. Returns the server. */
export async function serveWeb({ port = Number(process.env.PORT ?? 5173) } = {}) {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  const server = await preview({ configFile: 'vite.config.ts', preview: { port, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  console.log(`Momentum is running in browser mode at ${url}  (Ctrl+C to stop)`);
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) await serveWeb();
