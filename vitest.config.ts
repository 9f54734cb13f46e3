import { defineConfig } from 'vitest/config';

// Unit, model, scenario, CLI and lint tests. End-to-end tests in Chromium: vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
  },
});
