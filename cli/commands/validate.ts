/** `momentum validate`: check scenario and run files; one line per problem. */
import { parseArgs, type CommandSpec } from '../args';
import { checkFile } from '../common';
import { EXIT, type CliIo } from '../io';

/** The interface of `momentum validate`. */
export const VALIDATE_COMMAND: CommandSpec = {
  name: 'validate',
  positional: 'FILE...',
  minPositional: 1,
  maxPositional: Number.POSITIVE_INFINITY,
  summary: 'Check scenario and run files against their formats, the engine\'s levers and each other\'s references.',
  details: [
    'Prints one line per problem on stdout, `FILE: PATH: MESSAGE` (PATH is like',
    '`initiatives[3].effortWeeks`, or `(file)` for the file as a whole), and exits 1;',
    'prints nothing on stdout and exits 0 when every file is valid.',
  ].join('\n'),
  options: [{ name: 'quiet', kind: 'flag', help: 'no summary line on stderr' }],
};

/** Run `momentum validate`. */
export async function validateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(VALIDATE_COMMAND, argv);
  let bad = 0;
  let lines = 0;
  for (const file of args.positional) {
    const checked = checkFile(io.cwd, file);
    if (checked.ok) continue;
    bad++;
    lines += checked.lines.length;
    for (const line of checked.lines) io.stdout(`${line.replace(/[\r\n]+/g, ' ')}\n`);
  }
  const n = args.positional.length;
  if (!args.flags.has('quiet')) {
    io.stderr(bad === 0 ? `${n} file${n === 1 ? '' : 's'} valid\n` : `${bad} of ${n} file${n === 1 ? '' : 's'} invalid (${lines} problem${lines === 1 ? '' : 's'})\n`);
  }
  return bad === 0 ? EXIT.ok : EXIT.invalid;
}
