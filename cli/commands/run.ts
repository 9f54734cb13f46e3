/** `momentum run`: simulate a scenario, or re-run a saved run and say whether it reproduces. */
import {
  ENGINE_VERSION,
  LEVERS,
  checkReproduction,
  createInProcessRunner,
  effectiveLevers,
  evaluateTask,
  makeRunFile,
  RUN_SET,
  summarizeMonteCarlo,
  serializeRunFile,
  taskOf,
  typicalKpi,
  type KpiSummary,
  type ReproductionReport,
  type RunSpec,
  uncertaintyOf,
} from '../../engine';
import { parseArgs, type CommandSpec, type ParsedArgs } from '../args';
import { SAMPLING_OPTIONS, WORKERS_OPTION, changesRun, checkWritable, fmt, loadFile, savedAtNow, specFrom, table } from '../common';
import { writeAtomic } from '../files';
import { createProgress } from '../progress';
import { EXIT, type CliIo } from '../io';
import { AUTO_PARALLEL_MIN_REPLICATIONS, workersForReplications } from '../pool';
import { createCliRunner, type CliRunner } from '../runner';

/** The interface of `momentum run`. */
export const RUN_COMMAND: CommandSpec = {
  name: 'run',
  positional: 'FILE',
  minPositional: 1,
  maxPositional: 1,
  summary: 'Simulate a scenario file, or re-run a saved run file and report whether it reproduces.',
  details: [
    'By default a scenario runs as the app does (its run set): a Monte Carlo run of 500 replications,',
    'seed 1, uncertainty all. Each KPI reads as its typical outcome, as in the app: the median across',
    'replications (for goalReached, the share that reached the goal), with P10, P90 and the mean beside',
    'it; in --json, kpis holds the means and distribution each KPI\'s p10, p50, p90 and mean.',
    'With --replications 1 the run is one seeded replication.',
    'FILE - reads the scenario or run file from standard input.',
    'A run file re-runs with its own scenario, levers, seed and replications; given no',
    '--set/--seed/--replications/--expected it is checked against the KPIs it stored.',
    'Exit codes: 0 ok (also when a newer engine changes the numbers: both are shown),',
    '1 invalid file or value, or a run that does not reproduce on the same engine, 2 usage, 3 internal.',
    '',
    'With --json, stdout holds one JSON object: engineVersion, scenario, label, method, seed,',
    'replications, uncertainty, levers (every lever\'s value), kpis, distribution (Monte Carlo only) and',
    'reproduction (run files only). The same arguments give the same bytes.',
    '',
    'A Monte Carlo run splits its replications across --workers threads; the numbers are the',
    'same, bit for bit, whatever the number of workers.',
  ].join('\n'),
  options: [
    ...SAMPLING_OPTIONS,
    WORKERS_OPTION,
    { name: 'json', kind: 'flag', help: 'print one JSON object on stdout' },
    { name: 'out', kind: 'string', value: 'RUNFILE', help: 'save the run as a run file (written atomically)' },
    { name: 'label', kind: 'string', value: 'L', help: 'label of the saved run (default: the scenario\'s title or the run\'s label)' },
    { name: 'notes', kind: 'string', value: 'TEXT', help: 'notes saved with the run' },
  ],
};

/** Return the JSON object `run --json` prints (stable key order). */
export function runJsonObject(spec: RunSpec, summary: KpiSummary, reproduction?: ReproductionReport): Record<string, unknown> {
  const levers = effectiveLevers(taskOf(spec).input.levers, LEVERS);
  return {
    engineVersion: ENGINE_VERSION,
    scenario: spec.scenario.id,
    label: spec.label,
    method: spec.method,
    seed: spec.seed,
    replications: spec.method === 'monte-carlo' ? spec.replications : 1,
    uncertainty: uncertaintyOf(spec),
    levers,
    kpis: summary.kpis,
    ...(summary.distribution ? { distribution: summary.distribution } : {}),
    ...(reproduction
      ? {
          reproduction: {
            status: reproduction.status,
            storedEngineVersion: reproduction.storedEngineVersion,
            currentEngineVersion: reproduction.currentEngineVersion,
            message: reproduction.message,
            differences: reproduction.differences,
          },
        }
      : {}),
  };
}

/** Return the human-readable KPI table of a summary. */
export function kpiTable(summary: KpiSummary): string {
  const names = Object.keys(summary.kpis);
  if (summary.distribution) {
    const d = summary.distribution;
    return table(['KPI', 'typical', 'P10', 'P90', 'mean'], names.map((k) => [k, fmt(typicalKpi(summary, k)), fmt(d[k]?.p10), fmt(d[k]?.p90), fmt(summary.kpis[k])]));
  }
  return table(['KPI', 'value'], names.map((k) => [k, fmt(summary.kpis[k])]));
}

function reproductionText(r: ReproductionReport): string {
  const lines = [r.message];
  if (r.differences.length > 0) {
    lines.push(
      table(
        ['KPI', 'statistic', 'stored', 'now', 'difference'],
        r.differences.map((d) => [d.kpi, d.statistic, fmt(d.stored), fmt(d.current), d.stored === null || d.current === null ? '–' : fmt(d.current - d.stored)]),
      ).trimEnd(),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Run `momentum run`. */
export async function runCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(RUN_COMMAND, argv);
  // Start the runner's threads now when the command line already asks for a Monte Carlo large enough, so
  // that they load while the file is read and checked.
  const requested = args.ints.get('workers');
  const asked = args.flags.has('expected') ? 1 : (args.ints.get('replications') ?? RUN_SET.replications);
  const workers: { runner?: CliRunner } = {};
  if (asked > 1 && (requested !== undefined || asked >= AUTO_PARALLEL_MIN_REPLICATIONS)) workers.runner = createCliRunner(workersForReplications(asked, requested));
  try {
    return await runWith(args, io, workers);
  } finally {
    workers.runner?.dispose();
  }
}

async function runWith(args: ParsedArgs, io: CliIo, workers: { runner?: CliRunner }): Promise<number> {
  const loaded = loadFile(io, args.positional[0]!);
  const spec = specFrom(loaded, args);
  const out = args.strings.get('out');
  if (out !== undefined) await checkWritable(io.cwd, out);

  const task = taskOf(spec);
  let summary: KpiSummary;
  if (task.method === 'monte-carlo') {
    // The runner splits the replications into parts across its threads (or runs them in parts on this
    // one) and merges them: the same numbers, bit for bit, as one monteCarlo call with this seed. No
    // series: the command line reports KPIs only, and the parts stay small to send.
    const runner = (workers.runner ??= createCliRunner(Math.min(task.replications, workersForReplications(task.replications, args.ints.get('workers')))));
    const progress = createProgress(io, 'replications');
    try {
      const opts = { replications: task.replications, seed: task.seed, series: [], uncertainty: task.uncertainty ?? 'noise', onProgress: (d: number, t: number) => progress.update(d, t) };
      summary = summarizeMonteCarlo(await runner.monteCarlo(task.input, opts));
    } finally {
      progress.end();
      runner.dispose();
    }
  } else {
    workers.runner?.dispose();
    summary = await evaluateTask(task, createInProcessRunner());
  }
  const reproduction = loaded.kind === 'run' && !changesRun(args) ? checkReproduction(loaded.run, summary, ENGINE_VERSION) : undefined;

  if (out !== undefined) {
    const notes = args.strings.get('notes') ?? (loaded.kind === 'run' ? loaded.run.notes : '');
    const file = makeRunFile(spec, summary, { engineVersion: ENGINE_VERSION, savedAt: savedAtNow(), notes });
    await writeAtomic(io.cwd, out, serializeRunFile(file));
  }

  if (args.flags.has('json')) {
    io.stdout(`${JSON.stringify(runJsonObject(spec, summary, reproduction), null, 2)}\n`);
    if (reproduction && reproduction.status !== 'reproduced') io.stderr(`momentum run: ${reproduction.message}\n`);
  } else {
    const sampling =
      spec.method === 'expected' ? 'expected value (noise off)' : spec.method === 'single' ? `one replication, seed ${spec.seed}` : `${spec.replications} replications, seed ${spec.seed}`;
    const title = spec.label === spec.scenario.title ? spec.scenario.title : `${spec.scenario.title} · ${spec.label}`;
    io.stdout(`${title} (${spec.scenario.id})\nEngine ${ENGINE_VERSION} · ${sampling}\n\n${kpiTable(summary)}`);
    if (reproduction) io.stdout(`\n${reproductionText(reproduction)}`);
    if (out !== undefined) io.stderr(`Saved the run to ${out}\n`);
  }
  return reproduction?.status === 'not-reproduced' ? EXIT.invalid : EXIT.ok;
}
