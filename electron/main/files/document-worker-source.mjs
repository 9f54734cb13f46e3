// Entry of the document worker when the main process runs from its TypeScript sources (the tests):
// it compiles the worker through tsx. The built app starts out/main/document-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./document-worker.ts');
