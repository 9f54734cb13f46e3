/** `momentum merge`: join the parts of a sharded sweep into the CSV the unsharded sweep writes. */
import { InputError, UsageError, parseArgs, type CommandSpec } from '../args';
import { EXCEL_OPTION, checkWritable } from '../common';
import { BOM, STDOUT, writeAtomic } from '../files';
import { EXIT, type CliIo } from '../io';
import { mergeParts, readPart, type Merged } from '../parts';

/** The interface of `momentum merge`. */
export const MERGE_COMMAND: CommandSpec = {
  name: 'merge',
  positional: 'PART...',
  minPositional: 1,
  maxPositional: Number.POSITIVE_INFINITY,
  summary: 'Join the parts of a sharded sweep (sweep --shard) into the CSV the whole sweep writes.',
  details: [
    'Each PART is a part\'s CSV (or its manifest, CSV.manifest.json), in any order. merge checks that',
    'the parts come from the same sweep (engine version, scenario, uncertainty and arguments), that',
    'each CSV is the one its manifest describes, and that together they cover every combination once,',
    'with no gap and no overlap; it then writes the header once and every part\'s rows in order: the',
    'same bytes as the sweep run whole. Anything else is refused (exit 1) naming the part and the',
    'problem, and nothing is written. stderr reports the coverage found, e.g. "3 of 3 parts, 60 of 60',
    'combinations".',
  ].join('\n'),
  options: [
    { name: 'out', kind: 'string', value: 'CSV', help: "where to write the merged CSV (required; written atomically); '-' for standard output" },
    EXCEL_OPTION,
  ],
};

/** Run `momentum merge`. */
export async function mergeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(MERGE_COMMAND, argv);
  const out = args.strings.get('out');
  if (out === undefined) throw new UsageError(`'momentum merge' needs --out CSV (or --out - for standard output).`);
  if (out !== STDOUT) await checkWritable(io.cwd, out);
  let merged: Merged;
  try {
    merged = mergeParts(args.positional.map((name) => readPart(io.cwd, name)));
  } catch (err) {
    if (err instanceof InputError) throw new InputError(`momentum merge: refused, nothing written: ${err.message}`);
    throw err;
  }
  const text = `${args.flags.has('excel') ? BOM : ''}${merged.text}`;
  if (out === STDOUT) io.stdout(text);
  else await writeAtomic(io.cwd, out, text);
  const of = merged.shards === undefined ? '' : ` of ${merged.shards}`;
  io.stderr(`Merged ${merged.parts}${of} part${merged.parts === 1 ? '' : 's'}, ${merged.rows} of ${merged.rows} combinations, into ${out === STDOUT ? 'standard output' : out}\n`);
  return EXIT.ok;
}
