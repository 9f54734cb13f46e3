// Lint rules, including the layer rules of docs/ARCHITECTURE (engine pure, renderer browser-only,
// IPC only where it belongs). A crossing fails `npm test`; tests/lint proves that it does.
import { existsSync, readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'url', 'util', 'stream', 'events', 'process', 'buffer'];

// The engine's doors (ARCHITECTURE.md, Layers): engine/index.ts and the index.ts of each engine folder.
// tests/architecture checks the same rules over the whole import graph.
const ENGINE_DOORS = readdirSync(new URL('./engine', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(new URL(`./engine/${entry.name}/index.ts`, import.meta.url)))
  .map((entry) => entry.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
const THROUGH_DOORS = {
  regex: `(^|/)engine/(?!(index|(${ENGINE_DOORS})(/index)?|.*\\.json)$)`,
  message: 'Outside engine/, import the engine through a door: engine/index.ts or an engine folder\'s index.ts (engine/core loads no zod).',
};
const NO_ENCLOSING_INDEX = [
  { regex: '^\\.{1,2}(/\\.\\.)*(/index)?$', message: 'engine/: import the module you need, not the index of your own or an enclosing folder (an import cycle).' },
  { regex: `^(\\.\\./)+(${ENGINE_DOORS})(/index)?$`, message: 'engine/: import the module you need, not another engine folder\'s index.' },
];
const NO_SUB_INDEX = { regex: `^\\./(${ENGINE_DOORS})(/index)?$`, message: 'engine/: only an index.ts gathers the doors of its folders; import the module you need.' };

const engineImports = {
  patterns: [
    { group: NODE_BUILTINS, message: 'engine/ is pure: no Node modules (ARCHITECTURE.md, Layers).' },
    { group: ['electron', 'electron/*'], message: 'engine/ is pure: no electron.' },
    { group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'react-chartjs-2'], message: 'engine/ is pure: no React.' },
    { group: ['zustand', 'zustand/*', 'immer', 'chart.js', 'chart.js/*'], message: 'engine/ is pure: no UI state or charts.' },
    { group: ['**/renderer/**', '**/electron/**', '**/cli/**'], message: 'engine/ imports only engine/.' },
    ...NO_ENCLOSING_INDEX,
  ],
};

const rendererPatterns = [
  { group: NODE_BUILTINS, message: 'renderer/ runs in a browser: no Node modules; go through Platform.' },
  { regex: '^electron(/.*)?$', message: 'renderer/ never imports electron; use the preload API through Platform.' },
  { group: ['**/electron/main/**', '**/electron/preload/**', '**/cli/**'], message: 'renderer/ may import only the IPC contract types from electron/.' },
  { group: ['**/electron/contract/**'], allowTypeImports: true, message: 'renderer/ imports only types from the IPC contract.' },
  THROUGH_DOORS,
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.tsbuild/**', 'node_modules/**', 'tests/lint/fixtures/**', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Only the preload may touch ipcRenderer, only the main process ipcMain (overridden below).
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', importNames: ['ipcRenderer', 'ipcMain'], message: 'ipcRenderer belongs to electron/preload, ipcMain to electron/main.' }],
        patterns: [THROUGH_DOORS],
      }],
    },
  },
  {
    files: ['engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', engineImports],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'engine/ is pure: no DOM.' },
        { name: 'document', message: 'engine/ is pure: no DOM.' },
        { name: 'navigator', message: 'engine/ is pure: no DOM.' },
        { name: 'self', message: 'engine/ is pure: no worker globals.' },
        { name: 'process', message: 'engine/ is pure: no Node globals.' },
        { name: 'require', message: 'engine/ is pure: no Node globals.' },
        { name: 'performance', message: 'engine/ has no clock.' },
        { name: 'setTimeout', message: 'engine/ has no clock.' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the run\'s seeded generator (engine/random.ts).' },
        { object: 'Date', property: 'now', message: 'engine/ has no clock: a run is a pure function of its inputs.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date']", message: 'engine/ has no clock: a run is a pure function of its inputs.' },
        { selector: "CallExpression[callee.name='Date']", message: 'engine/ has no clock.' },
      ],
    },
  },
  {
    files: ['engine/**/*.ts'],
    ignores: ['engine/**/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...engineImports.patterns, NO_SUB_INDEX] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', { patterns: rendererPatterns }],
    },
  },
  // Inside renderer/src the layers run one way: views/ (screens) and components/ (shared widgets)
  // over store/ over model/ (pure logic) over engine/. Each block repeats rendererPatterns, since a
  // later block's no-restricted-imports replaces the one above for the same files.
  {
    files: ['renderer/src/model/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        ...rendererPatterns,
        { regex: '^[^.]', message: 'model/ is pure logic: no packages (React, zustand, immer, chart.js).' },
        { regex: '^\\.\\./(?!\\.\\./\\.\\./engine$)', message: 'model/ imports only engine/ (through engine/index.ts) and other model/ files.' },
      ] }],
    },
  },
  {
    files: ['renderer/src/store/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        ...rendererPatterns,
        { group: ['**/views', '**/views/**', '**/components', '**/components/**'], message: 'store/ imports model/ and engine/, never views/ or components/.' },
      ] }],
    },
  },
  {
    files: ['renderer/src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        ...rendererPatterns,
        { group: ['**/views', '**/views/**'], message: 'components/ are shared widgets: they never import views/.' },
      ] }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', importNames: ['ipcMain'], message: 'ipcMain belongs to electron/main.' }], patterns: [THROUGH_DOORS] }] },
  },
  {
    files: ['electron/main/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': ['error', {
      paths: [{ name: 'electron', importNames: ['ipcRenderer'], message: 'ipcRenderer belongs to electron/preload.' }],
      patterns: [{ group: ['**/renderer/**', '**/cli/**'], message: 'electron/ must not import renderer/ or cli/ (shared Node code lives in node-shared/).' }, THROUGH_DOORS],
    }] },
  },
  {
    // Node code shared by the command line and the main process (the file writer): Node only, so both may import it.
    files: ['node-shared/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', '**/electron/**', '**/cli/**', '**/engine/**', 'electron'], message: 'node-shared/ imports only Node: the command line and the main process both use it.' }] }] },
  },
  {
    files: ['cli/**/*.{ts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', '**/electron/**', 'electron'], message: 'cli/ imports only engine/, node-shared/ and Node.' }, THROUGH_DOORS] }] },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.{ts,mjs}', 'scripts/**/*.{ts,mjs,js}', '*.config.{ts,js}', '.ci/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['bench/**/*.{ts,mjs}', 'scripts/**/*.{ts,mjs,js}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [THROUGH_DOORS] }] },
  },
);
