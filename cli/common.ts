/**
 * What several commands share: loading scenario and run files, lever settings from `--set`,
 * sampling options, and number formatting.
 */
import {
  KPIS,
  LEVERS,
  formatProblems,
  isRunFileData,
  leverChoices,
  leverValueFault,
  methodFor,
  parseRunFile,
  RUN_SET,
  parseScenario,
  readJson,
  type LeverDef,
  type RunFile,
  type RunSpec,
  type Scenario,
  type Uncertainty,
} from '../engine';
import { InputError, UsageError, type OptionSpec, type ParsedArgs } from './args';
import { STDIN, checkOutput, readText } from './files';
import type { CliIo } from './io';
import { closeMatches } from './suggest';

/** A file given on the command line: a scenario or a saved run. */
export type LoadedFile =
  | { readonly kind: 'scenario'; readonly file: string; readonly scenario: Scenario }
  | { readonly kind: 'run'; readonly file: string; readonly run: RunFile };

/**
 * The outcome of checking one file: what it is (and notes, such as a migration from an older
 * format), or its problems as `FILE: PATH: MESSAGE` lines.
 */
export type CheckedFile = { ok: true; loaded: LoadedFile; notes: string[] } | { ok: false; lines: string[] };

/** Read and validate a scenario or run file (run files are recognised by their `format` field). */
export function checkFile(cwd: string, path: string): CheckedFile {
  // `-` is standard input; messages name it so.
  const file = path === STDIN ? '(stdin)' : path;
  let text: string;
  try {
    text = readText(cwd, path);
  } catch (err) {
    return { ok: false, lines: [(err as Error).message] };
  }
  const json = readJson(text);
  const asRun = json.ok && isRunFileData(json.value);
  if (asRun) {
    const parsed = parseRunFile(json.value);
    if (!parsed.ok) return { ok: false, lines: formatProblems(parsed.problems).map((l) => `${file}: ${l}`) };
    const notes: string[] = [];
    if (parsed.migratedFrom !== undefined) notes.push(`${file}: read from run format ${parsed.migratedFrom}; saving it again writes today's format.`);
    if (parsed.scenarioMigratedFrom !== undefined) notes.push(`${file}: its scenario was read from scenario format ${parsed.scenarioMigratedFrom}.`);
    return { ok: true, loaded: { kind: 'run', file, run: parsed.run }, notes };
  }
  const parsed = parseScenario(text);
  if (!parsed.ok) return { ok: false, lines: formatProblems(parsed.problems).map((l) => `${file}: ${l}`) };
  const notes = parsed.migratedFrom !== undefined ? [`${file}: read from scenario format ${parsed.migratedFrom}; saving it again writes today's format.`] : [];
  return { ok: true, loaded: { kind: 'scenario', file, scenario: parsed.scenario }, notes };
}

/** Load a scenario or run file, noting any migration on stderr; throw InputError listing every problem when it is not valid. */
export function loadFile(io: CliIo, file: string): LoadedFile {
  const checked = checkFile(io.cwd, file);
  if (!checked.ok) throw new InputError(checked.lines.join('\n'));
  for (const note of checked.notes) io.stderr(`note: ${note}\n`);
  return checked.loaded;
}

/** Return the engine's lever with this id; throw InputError naming close matches when there is none. */
export function leverById(id: string, where: string): LeverDef {
  const def = LEVERS.find((l) => l.id === id);
  if (def) return def;
  const near = closeMatches(id, LEVERS.map((l) => l.id));
  const hint = near.length > 0 ? ` Close matches: ${near.join(', ')}.` : ` Run 'momentum levers' for the list.`;
  throw new InputError(`${where}: unknown lever '${id}'.${hint}`);
}

/** Throw InputError naming close matches when `kpi` is not one of `known` (the KPIs a run reports). */
export function checkKpi(kpi: string, known: readonly string[] = KPIS.map((k) => k.id)): void {
  if (known.includes(kpi)) return;
  const near = closeMatches(kpi, known);
  throw new InputError(`--kpi ${kpi}: no such KPI. ${near.length > 0 ? `Close matches: ${near.join(', ')}. ` : ''}KPIs: ${known.join(', ')}.`);
}

/** Return a lever's range as text, e.g. `1 to 40 priorities`. */
export function rangeText(def: LeverDef): string {
  return `${def.min} to ${def.max}${def.unit ? ` ${def.unit}` : ''}`;
}

/** Throw InputError when a value is not allowed for a lever (outside its range, or not one of its options). */
export function checkLeverValue(def: LeverDef, value: number, where: string): void {
  const fault = leverValueFault(def, value);
  if (fault === 'not-a-number') throw new InputError(`${where}: ${def.id} needs a number.`);
  if (fault === 'out-of-range') throw new InputError(`${where}: ${def.id} = ${value} is out of range; ${def.label} takes ${rangeText(def)}.`);
  if (fault === 'not-an-option') throw new InputError(`${where}: ${def.id} = ${value} is not one of its values: ${leverChoices(def)}.`);
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Return a number parsed strictly from text (no hex, no blanks, no trailing junk), or NaN. */
export function strictNumber(text: string): number {
  return NUMBER.test(text.trim()) ? Number(text) : Number.NaN;
}

/** Parse `--set LEVER_ID=VALUE` options into lever values, checking ids and ranges. */
export function parseSets(sets: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of sets) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set needs LEVER_ID=VALUE, got '${item}'.`);
    const id = item.slice(0, eq).trim();
    const raw = item.slice(eq + 1);
    const def = leverById(id, `--set ${item}`);
    const value = strictNumber(raw);
    if (Number.isNaN(value)) throw new InputError(`--set ${item}: '${raw}' is not a number; ${def.label} takes ${rangeText(def)}.`);
    checkLeverValue(def, value, `--set ${item}`);
    out[id] = value;
  }
  return out;
}

/**
 * The uncertainty option: which uncertainty the replications draw. 'all' (the default) includes the model's own
 * assumptions, the honest choice; 'noise' gives luck-only bands.
 */
export const UNCERTAINTY_OPTION: OptionSpec = {
  name: 'uncertainty', kind: 'string', value: 'all|noise',
  help: "'all' (default, or the run file's): luck and the model's assumptions; 'noise': luck alone",
};

/** Return the --uncertainty value, or undefined when not given; throw UsageError on anything but all or noise. */
export function uncertaintyArg(args: ParsedArgs): Uncertainty | undefined {
  const u = args.strings.get('uncertainty');
  if (u === undefined) return undefined;
  if (u !== 'all' && u !== 'noise') throw new UsageError(`--uncertainty must be 'all' (luck and the model's assumptions) or 'noise' (luck alone), not '${u}'.`);
  return u;
}

/** Default uncertainty of a run from a scenario file: the model's assumptions as well as luck. */
export const DEFAULT_UNCERTAINTY: Uncertainty = RUN_SET.uncertainty;

/** Options every simulating command takes. */
export const SAMPLING_OPTIONS: readonly OptionSpec[] = [
  { name: 'seed', kind: 'int', value: 'N', help: 'seed of the random generator (default 1, or the run file\'s)', min: 0, max: 0xffffffff },
  { name: 'replications', kind: 'int', value: 'N', help: 'Monte Carlo replications; 1 = one seeded run (default: the app\'s run set of 500, or the run file\'s; sweep: 1 per combination)', min: 1, max: 100_000 },
  { name: 'expected', kind: 'flag', help: 'noise off: the expected-value run (ignores --seed and --replications)' },
  { name: 'set', kind: 'list', value: 'LEVER_ID=VALUE', help: 'set a lever (repeatable); see `momentum levers`' },
  UNCERTAINTY_OPTION,
];

/** The worker-count option of commands that fan out. */
export const WORKERS_OPTION: OptionSpec = { name: 'workers', kind: 'int', value: 'N', help: 'worker threads (default: every core for 5,000+ replications in all, else 1, which runs on the main thread); results never depend on it', min: 1, max: 256 };

/** The option that starts a CSV with a UTF-8 byte order mark (cli/files.ts BOM). */
export const EXCEL_OPTION: OptionSpec = { name: 'excel', kind: 'flag', help: 'start the CSV with a UTF-8 byte order mark, so Excel on Windows reads its text as UTF-8' };

/** Default seed when neither the command line nor a run file gives one: the run set's, as in the app. */
export const DEFAULT_SEED = RUN_SET.seed;

/**
 * Return the run a file and the sampling options describe: a scenario with defaults, or a run
 * file's own settings, with any `--set`, `--seed`, `--replications` or `--expected` on top.
 */
export function specFrom(loaded: LoadedFile, args: ParsedArgs, defaults: { replications?: number } = {}): RunSpec {
  const fallback = defaults.replications ?? RUN_SET.replications;
  const sets = parseSets(args.lists.get('set') ?? []);
  const label = args.strings.get('label');
  const base =
    loaded.kind === 'run'
      ? { label: loaded.run.label, scenario: loaded.run.scenario, overrides: loaded.run.overrides, seed: loaded.run.seed, replications: loaded.run.replications, method: loaded.run.method, uncertainty: loaded.run.uncertainty }
      : { label: loaded.scenario.title, scenario: loaded.scenario, overrides: {}, seed: DEFAULT_SEED, replications: fallback, method: methodFor(fallback), uncertainty: DEFAULT_UNCERTAINTY };
  const replications = args.ints.get('replications') ?? base.replications;
  const expected = args.flags.has('expected');
  const method = expected ? 'expected' : args.ints.has('replications') ? methodFor(replications) : base.method;
  return {
    label: label ?? base.label,
    scenario: base.scenario,
    overrides: { ...base.overrides, ...sets },
    method,
    seed: args.ints.get('seed') ?? base.seed,
    replications: method === 'monte-carlo' ? replications : 1,
    uncertainty: method === 'expected' ? 'noise' : uncertaintyArg(args) ?? base.uncertainty,
  };
}

/** Return true when the options change what a run file would simulate. */
export function changesRun(args: ParsedArgs): boolean {
  return args.ints.has('seed') || args.ints.has('replications') || args.flags.has('expected') || args.strings.has('uncertainty') || (args.lists.get('set') ?? []).length > 0;
}

/**
 * Throw InputError before any work when an output file could not be written: a missing folder, a
 * folder, device or read-only file in the way (the checks of the writer itself, cli/files.ts).
 */
export async function checkWritable(cwd: string, file: string): Promise<void> {
  await checkOutput(cwd, file);
}

/** Return the time a run is saved: SOURCE_DATE_EPOCH (seconds) when set, for reproducible files, else now. */
export function savedAtNow(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return new Date().toISOString();
}

/** Return a number for a table: up to 4 significant decimals, no exponent for everyday sizes. */
export function fmt(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '-∞';
  if (Number.isInteger(n)) return String(n);
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 1 : abs >= 1 ? 3 : 4;
  return n.toFixed(digits).replace(/\.?0+$/, '');
}

/** Return a percentage for a table, e.g. `42.5%`. */
export function pct(share: number | null): string {
  return share === null ? '–' : `${(share * 100).toFixed(1)}%`;
}

/** Return rows laid out as an aligned text table: numeric columns right-aligned, text left-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^(-?[\d.]+%?|–|∞|-∞|)$/.test(r[i] ?? '')));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
