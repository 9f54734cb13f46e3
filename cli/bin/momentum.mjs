#!/usr/bin/env node
// Entry point of the `momentum` command: load the TypeScript command line through tsx.
import { register } from 'tsx/esm/api';

register();
// A closed pipe (e.g. `momentum levers | head -1`) is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
let main;
try {
  ({ main } = await import('../main.ts'));
} catch (err) {
  // The command line itself failed to load: an internal error (3), never "invalid input" (1).
  process.stderr.write(`momentum: internal error: could not load the command line: ${err?.stack ?? err}\n`);
  process.exit(3);
}
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
});
