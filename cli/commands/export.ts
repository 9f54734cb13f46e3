/** `momentum export`: the series and KPIs of a run as CSV or JSON. */
import {
  ENGINE_VERSION,
  LEVERS,
  bandsCsv,
  createInProcessRunner,
  effectiveLevers,
  kpisCsv,
  runJson,
  runTask,
  seriesCsv,
  taskOf,
  uncertaintyOf,
} from '../../engine';
import { UsageError, parseArgs, type CommandSpec } from '../args';
import { EXCEL_OPTION, SAMPLING_OPTIONS, checkWritable, loadFile, specFrom } from '../common';
import { BOM, STDOUT, writeAtomic } from '../files';
import { EXIT, type CliIo } from '../io';

/** The interface of `momentum export`. */
export const EXPORT_COMMAND: CommandSpec = {
  name: 'export',
  positional: 'FILE',
  minPositional: 1,
  maxPositional: 1,
  summary: 'Export the weekly series and KPIs of a scenario or saved run as CSV or JSON.',
  details: [
    'CSV holds one table: --table series (default: a week column, then one column per series;',
    'for Monte Carlo SERIES.p10/.p50/.p90/.mean) or --table kpis. JSON holds the settings, KPIs',
    '(with P10/P50/P90 for Monte Carlo) and every series. Without --out it prints to stdout;',
    'with --out the file is written atomically.',
  ].join('\n'),
  options: [
    { name: 'format', kind: 'string', value: 'csv|json', help: 'output format (required)' },
    EXCEL_OPTION,
    { name: 'table', kind: 'string', value: 'series|kpis', help: 'for CSV: which table (default series)' },
    { name: 'out', kind: 'string', value: 'F', help: 'write to this file instead of stdout' },
    ...SAMPLING_OPTIONS,
  ],
};

/** Run `momentum export`. */
export async function exportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(EXPORT_COMMAND, argv);
  const format = args.strings.get('format');
  if (format !== 'csv' && format !== 'json') throw new UsageError(`'momentum export' needs --format csv or --format json${format === undefined ? '' : `, got '${format}'`}.`);
  const which = args.strings.get('table') ?? 'series';
  if (which !== 'series' && which !== 'kpis') throw new UsageError(`--table must be series or kpis, got '${which}'.`);
  if (format === 'json' && args.strings.has('table')) throw new UsageError('--table applies to CSV only; JSON holds both.');
  if (format === 'json' && args.flags.has('excel')) throw new UsageError('--excel applies to CSV only.');
  const loaded = loadFile(io, args.positional[0]!);
  const spec = specFrom(loaded, args);
  const out = args.strings.get('out');
  if (out !== undefined && out !== STDOUT) await checkWritable(io.cwd, out);

  const task = taskOf(spec);
  const result = await runTask(task, createInProcessRunner());
  let text: string;
  if (format === 'json') {
    const meta = {
      scenario: spec.scenario.id,
      label: spec.label,
      engineVersion: ENGINE_VERSION,
      method: spec.method,
      seed: spec.seed,
      replications: task.replications,
      uncertainty: uncertaintyOf(spec),
      levers: effectiveLevers(task.input.levers, LEVERS),
    };
    text = runJson(meta, result.summary, result.method === 'monte-carlo' ? { monteCarlo: result.monteCarlo } : { run: result.run });
  } else if (which === 'kpis') {
    text = kpisCsv(result.summary);
  } else {
    text = result.method === 'monte-carlo' ? bandsCsv(result.monteCarlo) : seriesCsv(result.run);
  }
  if (args.flags.has('excel')) text = `${BOM}${text}`;
  if (out === undefined || out === STDOUT) io.stdout(text);
  else await writeAtomic(io.cwd, out, text);
  return EXIT.ok;
}
