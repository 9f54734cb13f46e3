// `Momentum --cli …`: the installed app runs the command line (the same bundle as `npx momentum`)
// in its own main process, without a window, so no checkout or Node is needed. The runAsNode fuse
// stays off: this runs only the bundled command line, never a script the caller names. Plain Node:
// tested without Electron.
import { join, sep } from 'node:path';

/** The switch, first after the executable, that turns the app into the command line. */
export const CLI_SWITCH = '--cli';

/**
 * Return the command line's arguments when the app was started as `Momentum --cli …` (unpackaged:
 * `electron . --cli …`), or null to start the app. Only the first argument counts, so a document
 * named `--cli` further on is still a document.
 */
export function cliArgsIn(argv: readonly string[], isPackaged: boolean): string[] | null {
  const args = argv.slice(isPackaged ? 1 : 2);
  return args[0] === CLI_SWITCH ? args.slice(1) : null;
}

/**
 * Return the folder of the command line's bundle (main.mjs and worker.mjs) beside the main
 * process's folder. Packaged, it is unpacked from app.asar (electron-builder.yml `asarUnpack`), so
 * the command line and its worker threads load as plain files.
 */
export function cliBundleDir(mainDir: string): string {
  const dir = join(mainDir, '..', 'cli');
  const asar = `${sep}app.asar${sep}`;
  return dir.includes(asar) ? dir.replace(asar, `${sep}app.asar.unpacked${sep}`) : dir;
}

/** The command line's entry (cli/main.ts `main`), as its bundle exports it. */
export type CliMain = (argv: readonly string[], io: { stdout(text: string): void; stderr(text: string): void; readonly isTTY: boolean; readonly cwd: string }) => Promise<number>;

/** Where the command line writes and how the process ends early. */
export interface CliProcess {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly cwd: string;
  readonly isTTY: boolean;
  /** End the process now with this code (output that cannot be written: nothing more is useful). */
  exit(code: number): void;
}

const OUTPUT_FAILURES: Record<string, string> = { ENOSPC: 'disk full', EDQUOT: 'disk full', EIO: 'input/output error', EBADF: 'the output is closed', EAGAIN: 'the output is not ready' };

/**
 * Run the command line with `args` and return its exit code, as cli/bin/momentum.mjs does: a closed
 * pipe (`| head`) ends quietly, any other failure to write the output is exit code 3 with one line on
 * stderr, and a command line that cannot be loaded is an internal error (3), never invalid input (1).
 */
export async function runCli(args: readonly string[], load: () => Promise<{ main: CliMain }>, proc: CliProcess): Promise<number> {
  let code: number | null = null;
  const streams = [['standard output', proc.stdout], ['standard error', proc.stderr]] as const;
  for (const [name, stream] of streams) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') {
        proc.exit(code ?? 0);
        return;
      }
      if (stream !== proc.stderr) {
        try {
          proc.stderr.write(`momentum: cannot write to ${name}: ${OUTPUT_FAILURES[err.code ?? ''] ?? err.code ?? err.message}; the output is incomplete.\n`);
        } catch {
          // stderr is gone too: the exit code still says it.
        }
      }
      proc.exit(3);
    });
  }
  let main: CliMain;
  try {
    ({ main } = await load());
  } catch (err) {
    proc.stderr.write(`momentum: internal error: could not load the command line: ${(err as Error)?.message ?? String(err)}\n`);
    return 3;
  }
  code = await main(args, {
    stdout: (s) => void proc.stdout.write(s),
    stderr: (s) => void proc.stderr.write(s),
    isTTY: proc.isTTY,
    cwd: proc.cwd,
  });
  return code;
}
