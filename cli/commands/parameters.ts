/** `momentum parameters`: every model parameter that is not a lever, from the engine's registry. */
import { DRAWN_PARAMETERS, PARAMETERS } from '../../engine';
import { parseArgs, type CommandSpec } from '../args';
import { fmt, table } from '../common';
import { EXIT, type CliIo } from '../io';

/** The interface of `momentum parameters`. */
export const PARAMETERS_COMMAND: CommandSpec = {
  name: 'parameters',
  positional: '',
  minPositional: 0,
  maxPositional: 0,
  summary: 'List the model\'s parameters: default, plausible range, unit, evidence and source.',
  details: [
    'With --json, stdout holds one JSON array of {id, label, default, min, max, unit, evidence,',
    'source, mechanism, rangeStated, drawn}. evidence is "evidence", "mixed" or "judgement";',
    'drawn says whether runs with --uncertainty all draw the parameter from its range.',
  ].join('\n'),
  options: [{ name: 'json', kind: 'flag', help: 'print a JSON array on stdout' }],
};

/** Run `momentum parameters`. */
export async function parametersCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(PARAMETERS_COMMAND, argv);
  const drawn = new Set<string>(DRAWN_PARAMETERS);
  const rows = PARAMETERS.map((p) => ({
    id: p.id,
    label: p.label,
    default: p.default,
    min: p.min,
    max: p.max,
    unit: p.unit,
    evidence: p.evidence,
    source: p.source,
    mechanism: p.mechanism,
    rangeStated: p.rangeStated,
    drawn: drawn.has(p.id),
  }));
  if (args.flags.has('json')) {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.ok;
  }
  io.stdout(table(
    ['id', 'default', 'range', 'unit', 'evidence', 'drawn'],
    rows.map((r) => [r.id, fmt(r.default), `${fmt(r.min)}–${fmt(r.max)}${r.rangeStated ? '' : '*'}`, r.unit, r.evidence, r.drawn ? 'yes' : '']),
  ));
  io.stdout(`\n${rows.length} parameters; * no range stated at the source: the default ±50% (judgement).\n`);
  return EXIT.ok;
}
