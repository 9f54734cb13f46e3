import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The browser build of the renderer (npm run web, end-to-end tests). Electron's build is electron.vite.config.ts.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../out/web', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 5173 },
  server: { host: '127.0.0.1', port: 5173 },
});
