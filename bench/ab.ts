// `npm run bench -- --ab REF [SUITE ...] [--rounds N]`: the same suites of this tree (B) and of git ref REF
// (A) side by side in one run. REF is checked out into a temporary worktree (`git worktree add`, with this
// tree's node_modules linked in), and the two trees' `bench/run.ts` run as alternating processes, A then B
// and B then A in turn, so that a busy machine slows both alike. Each entry's figure is the median of its
// per-round medians; B/A above 1 is slower for times (and below 1 for speed-ups, where higher is better).
// Where an entry also has CPU time, that ratio is given too and judges the entry: a busy machine stretches
// wall-clock time by the wait for a core, while CPU time measures the work.
// The default suites are engine and cli. See docs/PERFORMANCE.md, "A/B against an earlier commit".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quantile, type Entry } from './measure';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** A time more than this much slower (B/A) is flagged. */
export const SLOWER_LIMIT = 1.1;
const DEFAULT_SUITES = ['engine', 'cli'];
const DEFAULT_ROUNDS = 3;

/** One entry side by side: the median of each side's per-round medians, and B over A. */
export interface AbRow {
  readonly name: string;
  readonly unit: string;
  readonly a: number | undefined;
  readonly b: number | undefined;
  readonly ratio: number | undefined;
  /** B over A of the median CPU time, where both sides measured it. */
  readonly cpuRatio: number | undefined;
  /** True when B is more than SLOWER_LIMIT worse than A (slower, or a lower speed-up), by CPU time where there is one. */
  readonly worse: boolean;
}

/** Return the rows of per-round entries of A and B, in B's order then A's entries that B lacks. */
export function abRows(a: readonly (readonly Entry[])[], b: readonly (readonly Entry[])[]): AbRow[] {
  const middle = (values: readonly number[]) => (values.length === 0 ? undefined : quantile([...values].sort((x, y) => x - y), 0.5));
  const medians = (rounds: readonly (readonly Entry[])[]) => {
    const by = new Map<string, { unit: string; values: number[]; cpu: number[] }>();
    for (const round of rounds) {
      for (const e of round) {
        const slot = by.get(e.name) ?? { unit: e.unit, values: [], cpu: [] };
        slot.values.push(e.median);
        if (e.cpuMedian !== undefined) slot.cpu.push(e.cpuMedian);
        by.set(e.name, slot);
      }
    }
    return new Map([...by].map(([name, { unit, values, cpu }]) => [name, { unit, median: middle(values)!, cpu: middle(cpu) }]));
  };
  const ma = medians(a);
  const mb = medians(b);
  const names = [...mb.keys(), ...[...ma.keys()].filter((n) => !mb.has(n))];
  return names.map((name) => {
    const unit = (mb.get(name) ?? ma.get(name))!.unit;
    const av = ma.get(name)?.median;
    const bv = mb.get(name)?.median;
    const over = (x: number | undefined, y: number | undefined) => (x !== undefined && y !== undefined && x !== 0 ? y / x : undefined);
    const ratio = over(av, bv);
    const cpuRatio = over(ma.get(name)?.cpu, mb.get(name)?.cpu);
    const higherIsBetter = unit === '×';
    const judged = cpuRatio ?? ratio;
    const worse = judged !== undefined && (higherIsBetter ? judged < 1 / SLOWER_LIMIT : judged > SLOWER_LIMIT);
    return { name, unit, a: av, b: bv, ratio, cpuRatio, worse };
  });
}

function fmt(v: number | undefined): string {
  if (v === undefined) return '–';
  const abs = Math.abs(v);
  return abs >= 100 ? v.toFixed(0) : abs >= 1 ? v.toFixed(2) : v.toFixed(3);
}

/** Return the rows as a Markdown table (for docs/PERFORMANCE.md). */
export function abTable(rows: readonly AbRow[], ref: string): string {
  const ratio = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(2));
  const lines = [`| entry | unit | A (${ref}) | B (this tree) | B/A | B/A, CPU |`, '| --- | --- | ---: | ---: | ---: | ---: |'];
  for (const r of rows) lines.push(`| ${r.name} | ${r.unit} | ${fmt(r.a)} | ${fmt(r.b)} | ${ratio(r.ratio)} | ${ratio(r.cpuRatio)}${r.worse ? ' **worse**' : ''} |`);
  return lines.join('\n');
}

function git(args: readonly string[]): string {
  const out = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${out.stderr.trim()}`);
  return out.stdout.trim();
}

/** Run one tree's bench suites in a child process; return the entries it measured. */
function benchIn(tree: string, suites: readonly string[], resultsFile: string, log: (line: string) => void): Entry[] {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...suites], {
    cwd: tree,
    encoding: 'utf8',
    env: { ...process.env, MOMENTUM_BENCH_RESULTS: resultsFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`The bench in ${tree} exited with ${run.status}: ${run.stderr.trim().slice(-2000)}`);
  for (const line of run.stdout.split('\n')) if (/^ {2}\S/.test(line)) log(`  ${line.trim()}`);
  const all = JSON.parse(readFileSync(resultsFile, 'utf8')) as Entry[];
  return all.filter((e) => suites.some((s) => e.name.startsWith(`${s}: `)));
}

/** Parse `--ab REF [SUITE ...] [--rounds N]`; return undefined when --ab is not given. */
export function abArgs(argv: readonly string[]): { ref: string; suites: string[]; rounds: number } | undefined {
  const at = argv.indexOf('--ab');
  if (at < 0) return undefined;
  const ref = argv[at + 1];
  if (ref === undefined || ref.startsWith('--')) throw new Error('--ab needs a git ref: npm run bench -- --ab REF [SUITE ...] [--rounds N]');
  const rest = argv.filter((_, i) => i !== at && i !== at + 1);
  const r = rest.indexOf('--rounds');
  const rounds = r >= 0 ? Number(rest[r + 1]) : DEFAULT_ROUNDS;
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a whole number from 1, not '${rest[r + 1]}'.`);
  const suites = rest.filter((_, i) => r < 0 || (i !== r && i !== r + 1));
  return { ref, suites: suites.length > 0 ? suites : DEFAULT_SUITES, rounds };
}

/** Run the A/B comparison and print the table; return the process exit code. */
export function runAb(ref: string, suites: readonly string[], rounds: number, log: (line: string) => void = console.log): number {
  const commit = git(['rev-parse', '--verify', `${ref}^{commit}`]);
  const dir = mkdtempSync(join(tmpdir(), 'momentum-ab-'));
  const tree = join(dir, 'a');
  git(['worktree', 'add', '--detach', tree, commit]);
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
    if (!existsSync(join(tree, 'bench/run.ts'))) throw new Error(`${ref} has no bench/run.ts to run.`);
    log(`A/B: A = ${ref} (${commit.slice(0, 10)}) in ${tree}, B = this tree; suites ${suites.join(', ')}; ${rounds} rounds, alternating`);
    const a: Entry[][] = [];
    const b: Entry[][] = [];
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const);
      for (const side of order) {
        log(`round ${round + 1}, ${side}`);
        // A's older bench writes its own bench/results.json (in the temporary tree); B's writes where told.
        if (side === 'A') a.push(benchIn(tree, suites, join(tree, 'bench/results.json'), log));
        else b.push(benchIn(ROOT, suites, join(dir, `b-${round}.json`), log));
      }
    }
    const rows = abRows(a, b);
    log(`\n${abTable(rows, ref)}\n`);
    const worse = rows.filter((r) => r.worse);
    log(`${rows.length} entries; ${worse.length} more than ${Math.round((SLOWER_LIMIT - 1) * 100)}% worse in B${worse.length ? `: ${worse.map((r) => r.name).join('; ')}` : ''}.`);
    return 0;
  } finally {
    git(['worktree', 'remove', '--force', tree]);
    rmSync(dir, { recursive: true, force: true });
  }
}
