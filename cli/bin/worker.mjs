// Entry of a `momentum` worker thread: load the TypeScript worker through tsx, as the command does.
import { register } from 'tsx/esm/api';

register();
await import('../worker.ts');
