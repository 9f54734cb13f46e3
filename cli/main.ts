import { ENGINE_VERSION, LEVERS } from '../engine';
import { EXIT, type CliIo } from './io';

const HELP = `momentum ${ENGINE_VERSION}: simulate how an NHS trust's digital transformation unfolds.

Usage: momentum <command> [options]

Commands:
  levers [--json]     list every board lever with its range and default

Options:
  --help, -h          show help for a command
  --version           print the engine version
`;

/** Run the command line with the given arguments; return the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (command === '--version') {
    io.stdout(`${ENGINE_VERSION}\n`);
    return EXIT.ok;
  }
  if (command === 'levers') {
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout('Usage: momentum levers [--json]\n\nList every board lever: id, label, unit, min, max, default.\n');
      return EXIT.ok;
    }
    const rows = LEVERS.map(({ id, label, unit, min, max, default: def }) => ({ id, label, unit, min, max, default: def }));
    if (rest.includes('--json')) io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    else for (const r of rows) io.stdout(`${r.id}\t${r.label} (${r.unit}) ${r.min}–${r.max}, default ${r.default}\n`);
    return EXIT.ok;
  }
  io.stderr(`momentum: unknown command '${command}'. Run 'momentum --help' for the list.\n`);
  return EXIT.usage;
}
