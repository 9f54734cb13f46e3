import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// The desktop build: main process, sandboxed preload (CommonJS) and the renderer.
export default defineConfig({
  // zod is bundled into main (not externalised) so the packaged app needs no node_modules at all.
  // index.js is entry.ts, which runs `--cli` or loads the app (index.ts, a chunk of its own);
  // document-worker.js is the worker thread that checks opened files (electron/main/files/document-checker.ts).
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: { index: 'electron/main/entry.ts', 'document-worker': 'electron/main/files/document-worker.ts' } },
      externalizeDeps: { exclude: ['zod'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: 'electron/preload/index.ts' },
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'index.cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react()],
    build: { outDir: 'out/renderer', rollupOptions: { input: 'renderer/index.html' } },
    worker: { format: 'es' },
  },
});
