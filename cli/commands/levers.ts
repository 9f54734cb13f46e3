/** `momentum levers`: every board lever with its range and default. */
import { LEVERS } from '../../engine';
import { parseArgs, type CommandSpec } from '../args';
import { table } from '../common';
import { EXIT, type CliIo } from '../io';

/** The interface of `momentum levers`. */
export const LEVERS_COMMAND: CommandSpec = {
  name: 'levers',
  positional: '',
  minPositional: 0,
  maxPositional: 0,
  summary: 'List every board lever: id, label, unit, min, max and default.',
  details: 'With --json, stdout holds one JSON array of {id, label, unit, min, max, default, step, group, options?}.',
  options: [{ name: 'json', kind: 'flag', help: 'print a JSON array on stdout' }],
};

/** Run `momentum levers`. */
export async function leversCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(LEVERS_COMMAND, argv);
  if (args.flags.has('json')) {
    const rows = LEVERS.map((l) => ({
      id: l.id,
      label: l.label,
      unit: l.unit,
      min: l.min,
      max: l.max,
      default: l.default,
      step: l.step,
      group: l.group,
      ...(l.options ? { options: l.options.map((o) => ({ value: o.value, label: o.label })) } : {}),
    }));
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.ok;
  }
  io.stdout(table(['id', 'label', 'unit', 'min', 'max', 'default'], LEVERS.map((l) => [l.id, l.label, l.unit, String(l.min), String(l.max), String(l.default)])));
  return EXIT.ok;
}
