/** `momentum compare`: settings diff, KPI deltas and attribution of the gap, against the first run. */
import {
  DEFAULT_MAX_EXACT_PLAYERS,
  ENGINE_VERSION,
  LEVERS,
  checkReproduction,
  completeComparison,
  planComparison,
  type ReproductionReport,
  uncertaintyOf,
} from '../../engine';
import { parseArgs, type CommandSpec } from '../args';
import { checkKpi, SAMPLING_OPTIONS, WORKERS_OPTION, changesRun, fmt, loadFile, pct, specFrom, table } from '../common';
import { EXIT, type CliIo } from '../io';
import { evaluateAll } from '../pool';
import { createProgress } from '../progress';

/** The interface of `momentum compare`. */
export const COMPARE_COMMAND: CommandSpec = {
  name: 'compare',
  positional: 'RUN_OR_SCENARIO...',
  minPositional: 2,
  maxPositional: Number.POSITIVE_INFINITY,
  summary: 'Compare runs against the first: what settings differ, how the KPIs differ, and which settings explain the gap.',
  details: [
    'Each file is a run file (re-simulated with its own settings and sampling, and checked',
    'against its stored KPIs) or a scenario (default: one replication, seed 1). --seed,',
    '--replications, --expected and --set apply to every file (run files are then not checked).',
    'Attribution: every coalition of the differing settings is simulated with the first run\'s',
    `sampling. With up to ${DEFAULT_MAX_EXACT_PLAYERS} differing settings (--shapley-max), each one's effect is its`,
    'Shapley value (its swap averaged over every order of swapping, so interactions are shared',
    'out and effects add up to the gap); with more, the average of swapping it alone in and',
    'alone out, the rest shown as interaction. A different seed or replication count shows',
    'up as sampling.',
  ].join('\n'),
  options: [
    { name: 'json', kind: 'flag', help: 'print one JSON object on stdout' },
    { name: 'kpi', kind: 'list', value: 'K', help: 'show only this KPI (repeatable; default all)' },
    { name: 'shapley-max', kind: 'int', value: 'N', help: `exact Shapley values up to N differing settings (2^N runs; default ${DEFAULT_MAX_EXACT_PLAYERS}), both-orders above`, min: 0, max: 12 },
    ...SAMPLING_OPTIONS,
    WORKERS_OPTION,
  ],
};

interface RunEntry {
  readonly file: string;
  readonly kind: 'scenario' | 'run';
  readonly label: string;
  readonly scenario: string;
  readonly method: string;
  readonly seed: number;
  readonly replications: number;
  readonly kpis: Readonly<Record<string, number>>;
  readonly reproduction?: ReproductionReport;
}

/** Run `momentum compare`. */
export async function compareCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(COMPARE_COMMAND, argv);
  const files = args.positional.map((f) => loadFile(io, f));
  const specs = files.map((f) => specFrom(f, args));
  const shapleyMax = args.ints.get('shapley-max');
  const plan = planComparison(specs, LEVERS, shapleyMax === undefined ? {} : { maxExactPlayers: shapleyMax });

  const progress = createProgress(io, 'compare');
  const results = await evaluateAll(plan.tasks, { workers: args.ints.get('workers'), onProgress: (d, t) => progress.update(d, t) });
  progress.end();
  const outcome = completeComparison(plan, results, LEVERS);

  const runs: RunEntry[] = files.map((f, i) => {
    const spec = specs[i]!;
    const summary = outcome.runs[i]!.summary;
    const reproduction = f.kind === 'run' && !changesRun(args) ? checkReproduction(f.run, summary, ENGINE_VERSION) : undefined;
    return {
      file: f.file,
      kind: f.kind,
      label: spec.label,
      scenario: spec.scenario.id,
      method: spec.method,
      seed: spec.seed,
      replications: spec.replications,
      uncertainty: uncertaintyOf(spec),
      kpis: summary.kpis,
      ...(reproduction ? { reproduction } : {}),
    };
  });

  const wanted = args.lists.get('kpi');
  const known = Object.keys(runs[0]!.kpis);
  for (const k of wanted ?? []) checkKpi(k, known);
  const keep = (kpi: string) => wanted === undefined || wanted.includes(kpi);
  const comparisons = outcome.comparisons.map((c) => ({
    ...c,
    kpis: c.kpis.filter((d) => keep(d.kpi)),
    attribution: { ...c.attribution, kpis: c.attribution.kpis.filter((a) => keep(a.kpi)) },
  }));

  const failed = runs.some((r) => r.reproduction?.status === 'not-reproduced');
  if (args.flags.has('json')) {
    const doc = {
      engineVersion: ENGINE_VERSION,
      runs: runs.map((r) => ({
        ...r,
        kpis: Object.fromEntries(Object.entries(r.kpis).filter(([k]) => keep(k))),
        ...(r.reproduction ? { reproduction: { status: r.reproduction.status, message: r.reproduction.message, differences: r.reproduction.differences } } : {}),
      })),
      comparisons,
    };
    io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
    return failed ? EXIT.invalid : EXIT.ok;
  }

  io.stdout(`Engine ${ENGINE_VERSION}. Baseline: ${runs[0]!.label} (${runs[0]!.file})\n`);
  for (const r of runs) if (r.reproduction && r.reproduction.status !== 'reproduced') io.stdout(`${r.file}: ${r.reproduction.message}\n`);
  for (const c of comparisons) {
    io.stdout(`\n== ${c.other} vs ${c.baseline} ==\n\nSettings that differ:\n`);
    io.stdout(c.settings.length === 0 ? '  none\n' : table(['setting', c.baseline, c.other], c.settings.map((s) => [s.key, s.baseline, s.other])));
    io.stdout('\nKPIs:\n');
    io.stdout(table(['KPI', c.baseline, c.other, 'delta', 'relative'], c.kpis.map((d) => [d.kpi, fmt(d.baseline), fmt(d.other), fmt(d.delta), pct(d.relative)])));
    io.stdout(`\nAttribution of each KPI gap (${c.attribution.method}). ${c.attribution.interactionNote}\n`);
    for (const a of c.attribution.kpis) {
      if (a.gap === 0 && a.rows.every((r) => r.effect === 0)) continue;
      const rows = a.rows.map((r) => [r.player, fmt(r.effect), pct(r.share)]);
      if (c.attribution.method === 'both-orders') rows.push(['(interaction)', fmt(a.interaction), pct(a.gap === 0 ? null : a.interaction / a.gap)]);
      if (a.sampling !== 0) rows.push(['(sampling)', fmt(a.sampling), pct(a.gap === 0 ? null : a.sampling / a.gap)]);
      io.stdout(`\n${a.kpi}: ${fmt(a.a)} → ${fmt(a.b)} (gap ${fmt(a.gap)})\n`);
      io.stdout(table(['explained by', 'effect', 'share'], rows));
    }
  }
  return failed ? EXIT.invalid : EXIT.ok;
}
