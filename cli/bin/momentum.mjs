#!/usr/bin/env node
// Entry point of the `momentum` command. It runs the command line from its bundle (plain JavaScript,
// see ./bundle.mjs), building the bundle first when the sources changed since, and falls back to
// compiling the TypeScript sources through tsx when no bundle can be had (or MOMENTUM_CLI_LOADER=tsx).
import { pathToFileURL } from 'node:url';

// A closed pipe (e.g. `momentum levers | head -1`) is not an error: stop quietly. Any other failure to
// write the output (a full disk, `> /dev/full`, an I/O error) is exit code 3 with one line on stderr
// and no stack trace: the output is incomplete, so a script must not take it as a success.
const OUTPUT_FAILURES = { ENOSPC: 'disk full', EDQUOT: 'disk full', EIO: 'input/output error', EBADF: 'the output is closed', EAGAIN: 'the output is not ready' };
for (const [name, stream] of [['standard output', process.stdout], ['standard error', process.stderr]]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (stream !== process.stderr) {
      try {
        process.stderr.write(`momentum: cannot write to ${name}: ${OUTPUT_FAILURES[err.code] ?? err.code ?? err.message}; the output is incomplete.\n`);
      } catch {
        // stderr is gone too: the exit code still says it.
      }
    }
    process.exit(3);
  });
}

/** Return the command line's main function and where it was loaded from. */
async function loadMain() {
  let why = 'MOMENTUM_CLI_LOADER=tsx';
  if (process.env.MOMENTUM_CLI_LOADER !== 'tsx') {
    try {
      const { ensureBundle } = await import('./bundle.mjs');
      const bundle = await ensureBundle();
      if (bundle) {
        const { main } = await import(pathToFileURL(bundle.main).href);
        return { main, from: `the bundle ${bundle.key}${bundle.built ? ', built now' : ''}` };
      }
      why = 'no bundle';
    } catch (err) {
      why = `no bundle: ${String(err?.message ?? err).split('\n')[0]}`;
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../main.ts');
  return { main, from: `the TypeScript sources through tsx (${why})` };
}

let loaded;
try {
  loaded = await loadMain();
} catch (err) {
  // The command line itself failed to load: an internal error (3), never "invalid input" (1).
  process.stderr.write(`momentum: internal error: could not load the command line: ${err?.stack ?? err}\n`);
  process.exit(3);
}
if (process.env.MOMENTUM_TIMINGS === '1') {
  process.stderr.write(`timings: loaded from ${loaded.from} at ${performance.now().toFixed(1)} ms\n`);
}
process.exitCode = await loaded.main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
});
