/** `momentum sensitivity`: a tornado table of one KPI over every lever, low and high. */
import {
  assumptionSensitivity, ENGINE_VERSION, LEVERS, RUN_SET, sensitivityEnds, taskOf, typicalKpi, uncertaintyOf,
  type SensitivityRange,
  type AssumptionSensitivity, type KpiSummary, type RunSpec, type SensitivityResult, type SensitivityRow, type SimTask,
} from '../../engine';
import { UsageError, parseArgs, type CommandSpec } from '../args';
import { checkKpi, SAMPLING_OPTIONS, WORKERS_OPTION, fmt, loadFile, specFrom, table } from '../common';
import { EXIT, type CliIo } from '../io';
import { evaluateJob, startPool, workersFor } from '../pool';
import { createProgress } from '../progress';

/** Replications a sensitivity analysis uses unless told otherwise (or the run file says): the run set's. */
export const DEFAULT_SENSITIVITY_REPLICATIONS = RUN_SET.replications;
/**
 * Replications behind each point of an assumption screening (--over parameters) unless told otherwise, and its
 * Morris trajectories: 4 × (153 + 1) points × 10 replications, a few seconds on one core. The points share
 * their random numbers, so the elementary effects need few replications; --replications buys more.
 */
export const DEFAULT_SCREENING_REPLICATIONS = 10;
export const SCREENING_TRAJECTORIES = 4;

/** The interface of `momentum sensitivity`. */
export const SENSITIVITY_COMMAND: CommandSpec = {
  name: 'sensitivity',
  positional: 'FILE',
  minPositional: 1,
  maxPositional: 1,
  summary: 'Show how far one KPI swings as each lever moves across its plausible range, or which assumptions matter.',
  details: [
    'Every lever is moved on its own, the others kept at the run\'s values, between the ends a board',
    'would plausibly choose (a role\'s FTE up to 5; --range full: the whole range). All runs share one',
    'seed (common random numbers), so a swing is the lever\'s effect, not noise. With more than',
    `one replication (default ${DEFAULT_SENSITIVITY_REPLICATIONS} for a scenario, the app's run set) the KPI is its typical`,
    'outcome, as every view shows it: the median across replications, or for goalReached the share',
    'of replications that reached the goal.',
    'Rows are sorted by swing, largest first. --json prints one object: engineVersion, kpi,',
    'method, seed, replications, baseline and rows (leverId, lowValue, highValue, kpiAtLow,',
    'kpiAtHigh, swing).',
    '',
    "With --over parameters it screens the model's uncertain assumptions instead (Morris",
    'elementary effects over the parameters --uncertainty all draws, each across its plausible',
    'range): --json then holds rows of {id, label, evidence, index}, largest first, where index',
    "(mu*) is how far the KPI's mean moves, in its own unit, across that assumption's range.",
    `It runs ${SCREENING_TRAJECTORIES} trajectories of every drawn parameter with ${DEFAULT_SCREENING_REPLICATIONS} replications a point`,
    'unless --replications says otherwise (a few seconds on one core).',
  ].join('\n'),
  options: [
    { name: 'kpi', kind: 'string', value: 'K', help: 'the KPI to analyse (required); see `momentum run FILE`' },
    { name: 'json', kind: 'flag', help: 'print one JSON object on stdout' },
    { name: 'range', kind: 'string', value: 'plausible|full', help: 'move each lever over the range a board would plausibly choose (default; a role\'s FTE up to 5) or its full range' },
    { name: 'over', kind: 'string', value: 'levers|parameters', help: "what to move: the board's levers (default) or the model's uncertain assumptions" },
    ...SAMPLING_OPTIONS,
    WORKERS_OPTION,
  ],
};

/** Return the tasks of a one-at-a-time analysis: the base run, then each lever at its min and max. */
export function sensitivityTasks(base: SimTask, range: SensitivityRange = 'plausible'): SimTask[] {
  const tasks = [base];
  for (const def of LEVERS) {
    for (const value of sensitivityEnds(def, range)) tasks.push({ ...base, input: { ...base.input, levers: { ...base.input.levers, [def.id]: value } } });
  }
  return tasks;
}

/** Run `momentum sensitivity`. */
export async function sensitivityCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(SENSITIVITY_COMMAND, argv);
  const kpi = args.strings.get('kpi');
  if (kpi === undefined) throw new UsageError(`'momentum sensitivity' needs --kpi K.`);
  const over = args.strings.get('over') ?? 'levers';
  if (over !== 'levers' && over !== 'parameters') throw new UsageError(`--over must be 'levers' or 'parameters', not '${over}'.`);
  const loaded = loadFile(io, args.positional[0]!);
  const spec = specFrom(loaded, args, { replications: over === 'parameters' ? DEFAULT_SCREENING_REPLICATIONS : DEFAULT_SENSITIVITY_REPLICATIONS });
  if (over === 'parameters') return screenAssumptions(spec, kpi, args.flags.has('json'), io);
  const range = args.strings.get('range') ?? 'plausible';
  if (range !== 'plausible' && range !== 'full') throw new UsageError(`--range must be 'plausible' or 'full', not '${range}'.`);
  const tasks = sensitivityTasks(taskOf(spec), range);

  // The workers load while the base run is simulated here.
  const rest = tasks.slice(1);
  const pool = startPool(Math.min(workersFor(rest, args.ints.get('workers')), rest.length));
  let baseSummary: KpiSummary;
  let results: KpiSummary[];
  try {
    // Check the KPI on the base run first, so a typo fails at once rather than after the work.
    [baseSummary] = (await evaluateJob({ kind: 'tasks', tasks: [tasks[0]!] }, undefined)) as [KpiSummary];
    checkKpi(kpi, Object.keys(baseSummary.kpis));
    const progress = createProgress(io, 'sensitivity');
    try {
      results = await evaluateJob({ kind: 'tasks', tasks: rest }, pool, (d, t) => progress.update(d, t));
    } finally {
      progress.end();
    }
  } finally {
    pool?.close();
  }

  const rows: SensitivityRow[] = LEVERS.map((def, i) => {
    const kpiAtLow = typicalKpi(results[2 * i]!, kpi)!;
    const kpiAtHigh = typicalKpi(results[2 * i + 1]!, kpi)!;
    const [lowValue, highValue] = sensitivityEnds(def, range);
    return { leverId: def.id, lowValue, highValue, kpiAtLow, kpiAtHigh, swing: Math.abs(kpiAtHigh - kpiAtLow) };
  });
  // The engine's own order (swing, then lever id), so the CLI and the app list rows alike.
  rows.sort((a, b) => b.swing - a.swing || a.leverId.localeCompare(b.leverId));
  const result: SensitivityResult = { kpi, baseline: typicalKpi(baseSummary, kpi)!, rows };

  if (args.flags.has('json')) {
    const doc = { engineVersion: ENGINE_VERSION, scenario: spec.scenario.id, label: spec.label, method: spec.method, seed: spec.seed, replications: spec.replications, uncertainty: uncertaintyOf(spec), ...result };
    io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
    return EXIT.ok;
  }
  const widest = Math.max(...rows.map((r) => r.swing), 0);
  const bar = (swing: number) => '#'.repeat(widest > 0 ? Math.round((swing / widest) * 20) : 0);
  io.stdout(`${spec.scenario.title} · ${kpi} (baseline ${fmt(result.baseline)}) · engine ${ENGINE_VERSION}\n\n`);
  io.stdout(table(
    ['lever', 'low', 'high', `${kpi} at low`, `${kpi} at high`, 'swing', ''],
    rows.map((r) => [r.leverId, fmt(r.lowValue), fmt(r.highValue), fmt(r.kpiAtLow), fmt(r.kpiAtHigh), fmt(r.swing), bar(r.swing).padEnd(20)]),
  ));
  return EXIT.ok;
}

/** Run `momentum sensitivity --over parameters`: which of the model's assumptions move the KPI most. */
function screenAssumptions(spec: RunSpec, kpi: string, json: boolean, io: CliIo): number {
  checkKpi(kpi);
  const task = taskOf(spec);
  const progress = createProgress(io, 'runs');
  let result: AssumptionSensitivity;
  try {
    result = assumptionSensitivity(task.input, { kpi, seed: task.seed, replications: task.replications, trajectories: SCREENING_TRAJECTORIES, onProgress: (d, t) => progress.update(d, t) });
  } finally {
    progress.end();
  }
  if (json) {
    const doc = {
      engineVersion: ENGINE_VERSION, scenario: spec.scenario.id, label: spec.label, over: 'parameters', kpi, seed: task.seed,
      replications: result.replications, trajectories: result.trajectories,
      rows: result.rows.map((r) => ({ id: r.id, label: r.label, evidence: r.evidence, index: r.index, meanEffect: r.meanEffect })),
    };
    io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
    return EXIT.ok;
  }
  io.stdout(`${spec.scenario.title} · which assumptions move ${kpi} most · engine ${ENGINE_VERSION}\n\n`);
  io.stdout(table(['assumption', 'evidence', `${kpi} across its range`], result.rows.map((r) => [r.id, r.evidence, fmt(r.index)])));
  const top = result.rows[0];
  if (top && top.evidence === 'judgement') io.stdout(`\nThe assumption that moves ${kpi} most, ${top.id}, rests on judgement alone.\n`);
  return EXIT.ok;
}
