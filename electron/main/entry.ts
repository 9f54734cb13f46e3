// The main process's entry (built as out/main/index.js): `Momentum --cli …` runs the command line
// and exits without a window (cli-mode.ts); anything else starts the app (index.ts). The choice is
// made before the app takes its single-instance lock, so a command never hands its arguments to a
// running window.
import { app } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliArgsIn, cliBundleDir, runCli, type CliMain } from './cli-mode';

/** Resolve once everything written to `stream` so far has been handed to the OS. */
function flushed(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    if (!stream.write('', () => resolve())) stream.once('drain', () => resolve());
  });
}

const cliArgs = cliArgsIn(process.argv, app.isPackaged);
if (cliArgs === null) {
  await import('./index');
} else {
  app.dock?.hide();
  const dir = cliBundleDir(import.meta.dirname);
  const code = await runCli(cliArgs, () => import(pathToFileURL(join(dir, 'main.mjs')).href) as Promise<{ main: CliMain }>, {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    isTTY: Boolean(process.stderr.isTTY),
    exit: (c) => app.exit(c),
  });
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  app.exit(code);
}
