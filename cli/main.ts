/**
 * The `momentum` command line: dispatch to a command, and turn errors into the exit codes
 * scripts rely on (cli/io.ts EXIT): 0 ok, 1 invalid input or file, 2 usage, 3 internal, 130 interrupted,
 * 143 stopped by SIGTERM.
 */
import PACKAGE from '../package.json' with { type: 'json' };
import { ENGINE_VERSION, escapeUnsafeText } from '../engine';
import { InputError, UsageError, helpText, type CommandSpec } from './args';
import { COMPARE_COMMAND, compareCommand } from './commands/compare';
import { EXPORT_COMMAND, exportCommand } from './commands/export';
import { LEVERS_COMMAND, leversCommand } from './commands/levers';
import { MERGE_COMMAND, mergeCommand } from './commands/merge';
import { PARAMETERS_COMMAND, parametersCommand } from './commands/parameters';
import { ROBUSTNESS_COMMAND, robustnessCommand } from './commands/robustness';
import { RUN_COMMAND, runCommand } from './commands/run';
import { SENSITIVITY_COMMAND, sensitivityCommand } from './commands/sensitivity';
import { SWEEP_COMMAND, sweepCommand } from './commands/sweep';
import { VALIDATE_COMMAND, validateCommand } from './commands/validate';
import { EXIT, type CliIo } from './io';
import { Interrupted } from './signals';
import { closeMatches } from './suggest';
import { mark, reportTimings, resetMarks } from './timings';

interface Command {
  readonly spec: CommandSpec;
  readonly run: (argv: readonly string[], io: CliIo) => Promise<number>;
}

const COMMANDS: readonly Command[] = [
  { spec: LEVERS_COMMAND, run: leversCommand },
  { spec: RUN_COMMAND, run: runCommand },
  { spec: VALIDATE_COMMAND, run: validateCommand },
  { spec: SWEEP_COMMAND, run: sweepCommand },
  { spec: MERGE_COMMAND, run: mergeCommand },
  { spec: COMPARE_COMMAND, run: compareCommand },
  { spec: SENSITIVITY_COMMAND, run: sensitivityCommand },
  { spec: ROBUSTNESS_COMMAND, run: robustnessCommand },
  { spec: PARAMETERS_COMMAND, run: parametersCommand },
  { spec: EXPORT_COMMAND, run: exportCommand },
];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.spec.name.length)) + 2;
  return [
    `momentum ${versionText()}: simulate how an NHS trust's digital transformation unfolds.`,
    '',
    'Usage: momentum <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}${c.spec.summary}`),
    '',
    'Options:',
    '  --help, -h    show help (also after a command: momentum run --help)',
    '  --version     print the version of momentum and of its engine',
    '',
    'Exit codes: 0 ok, 1 invalid input or file, 2 usage, 3 internal error or output that could not be written,',
    '130 interrupted (Ctrl+C), 143 stopped by SIGTERM. Stopped, a command writes no output file;',
    'a sweep keeps its finished rows for --resume.',
    '',
  ].join('\n');
}

/** Return the versions `--version` prints: the package's, then the engine's (which run files record). */
export function versionText(): string {
  return `${PACKAGE.version} (engine ${ENGINE_VERSION})`;
}

/**
 * Return io whose output never carries raw control bytes or direction overrides: text from a file
 * (a title with ESC sequences, a label with U+202E) is printed as visible `\uXXXX` escapes, so it
 * cannot retitle the terminal or rewrite lines. stderr keeps carriage returns for the progress bar.
 */
export function safeOutput(io: CliIo): CliIo {
  return { isTTY: io.isTTY, cwd: io.cwd, stdout: (text) => io.stdout(escapeUnsafeText(text)), stderr: (text) => io.stderr(escapeUnsafeText(text, true)) };
}

/** Run the command line with the given arguments; return the exit code. */
export async function main(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io = safeOutput(rawIo);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${versionText()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) {
    const near = closeMatches(name, COMMANDS.map((c) => c.spec.name));
    io.stderr(`momentum: unknown command '${name}'.${near.length > 0 ? ` Did you mean '${near[0]}'?` : ''} Run 'momentum --help' for the list.\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(helpText(command.spec));
    return EXIT.ok;
  }
  resetMarks(io);
  mark('command started');
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof Interrupted) {
      const how = err.signal === 'SIGTERM' ? 'terminated (SIGTERM)' : 'interrupted';
      io.stderr(`momentum ${name}: ${how}; stopped the workers, wrote nothing.${err.note === undefined ? '' : ` ${err.note}`}\n`);
      return err.signal === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
    }
    if (err instanceof UsageError) {
      io.stderr(`momentum ${name}: ${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof InputError) {
      io.stderr(`${err.message}\n`);
      return EXIT.invalid;
    }
    io.stderr(`momentum ${name}: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT.internal;
  } finally {
    reportTimings(io);
  }
}
