// Entry of a `momentum` worker thread when the command line runs from its TypeScript sources (tsx or
// the tests); from the bundle, the pool starts the bundled worker instead (cli/pool.ts).
import { register } from 'tsx/esm/api';

register();
await import('../worker.ts');
