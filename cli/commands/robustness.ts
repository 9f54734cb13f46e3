/** `momentum robustness`: in how many plausible futures a what-if beats the scenario, and by how much. */
import { ENGINE_VERSION, robustness, taskOf, uncertaintyOf, type Robustness } from '../../engine';
import { UsageError, parseArgs, type CommandSpec } from '../args';
import { checkKpi, SAMPLING_OPTIONS, WORKERS_OPTION, fmt, loadFile, specFrom } from '../common';
import { EXIT, type CliIo } from '../io';
import { workersForReplications } from '../pool';
import { createCliRunner } from '../runner';
import { createProgress } from '../progress';

/** Paired replications a robustness check uses unless told otherwise. */
export const DEFAULT_ROBUSTNESS_REPLICATIONS = 500;

/** The interface of `momentum robustness`. */
export const ROBUSTNESS_COMMAND: CommandSpec = {
  name: 'robustness',
  positional: 'FILE',
  minPositional: 1,
  maxPositional: 1,
  summary: 'Say in what share of plausible futures a what-if (--set) beats the scenario on a KPI.',
  details: [
    'The scenario (or run file) is run as it is and with the --set levers, over the same',
    `replications (default ${DEFAULT_ROBUSTNESS_REPLICATIONS}) and seed: replication r of both meets the same luck and, with`,
    "--uncertainty all (the default), the same draw of the model's assumptions. share is the",
    'fraction of those paired futures in which the what-if is better (a tie counts as half);',
    'medianGain is the typical gain in the KPI\'s unit, positive when better.',
    '--json prints one object: kpi, share, ties, medianGain, replications, uncertainty, seed,',
    'engineVersion.',
  ].join('\n'),
  options: [
    { name: 'kpi', kind: 'string', value: 'K', help: 'the KPI to compare on (required); see `momentum run FILE`' },
    { name: 'json', kind: 'flag', help: 'print one JSON object on stdout' },
    ...SAMPLING_OPTIONS.filter((o) => o.name !== 'expected'),
    WORKERS_OPTION,
  ],
};

/** Run `momentum robustness`. */
export async function robustnessCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(ROBUSTNESS_COMMAND, argv);
  const kpi = args.strings.get('kpi');
  if (kpi === undefined) throw new UsageError(`'momentum robustness' needs --kpi K.`);
  checkKpi(kpi);
  if ((args.lists.get('set') ?? []).length === 0) throw new UsageError(`'momentum robustness' needs the what-if: one or more --set LEVER_ID=VALUE.`);
  const loaded = loadFile(io, args.positional[0]!);
  const whatIf = specFrom(loaded, args, { replications: DEFAULT_ROBUSTNESS_REPLICATIONS });
  if (whatIf.method !== 'monte-carlo') throw new UsageError('A robustness check compares replications: use --replications 2 or more.');
  const scenario = { ...whatIf, overrides: loaded.kind === 'run' ? loaded.run.overrides : {} };
  const [a, b] = [taskOf(scenario), taskOf(whatIf)];
  const runner = createCliRunner(Math.min(a.replications, workersForReplications(2 * a.replications, args.ints.get('workers'))));
  const progress = createProgress(io, 'replications');
  let result: Robustness;
  try {
    // KPIs only (no series), as the comparison needs no bands.
    const opts = { replications: a.replications, seed: a.seed, series: [], uncertainty: uncertaintyOf(whatIf) };
    const base = await runner.monteCarlo(a.input, { ...opts, onProgress: (d, t) => progress.update(d, 2 * t) });
    const other = await runner.monteCarlo(b.input, { ...opts, onProgress: (d, t) => progress.update(t + d, 2 * t) });
    result = robustness(base, other, kpi);
  } finally {
    progress.end();
    runner.dispose();
  }
  if (args.flags.has('json')) {
    const doc = { kpi: result.kpi, share: result.share, ties: result.ties, medianGain: result.medianGain, replications: result.replications, uncertainty: result.uncertainty, seed: a.seed, engineVersion: ENGINE_VERSION };
    io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
    return EXIT.ok;
  }
  const futures = result.uncertainty === 'all' ? 'plausible futures (luck and the model\'s assumptions)' : 'replications (luck alone)';
  const sets = (args.lists.get('set') ?? []).join(', ');
  io.stdout(`${scenario.label} with ${sets}: better on ${kpi} in ${fmt(100 * result.share)}% of ${result.replications} paired ${futures}; typical gain ${fmt(result.medianGain)}.\n`);
  return EXIT.ok;
}
