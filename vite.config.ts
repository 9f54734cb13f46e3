import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { webServerHeaders } from './electron/main/csp';

// The browser build of the renderer (npm run web, end-to-end tests). Electron's build is electron.vite.config.ts.
// Both servers send the headers app:// sends in Electron (one policy, electron/main/csp.ts): a meta tag
// cannot carry frame-ancestors, so only the header stops another site from framing the app.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../out/web', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 5173, headers: webServerHeaders() },
  server: { host: '127.0.0.1', port: 5173, headers: webServerHeaders() },
});
