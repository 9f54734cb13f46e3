// Benchmarks (not tests): `npm run bench` runs every suite, prints a table and writes bench/results.json.
// `npm run bench -- engine scaling` runs only the named suites and replaces only their entries in
// bench/results.json; `npm run bench -- --list` lists the suites; `npm run bench -- --ab REF [SUITE ...]`
// runs them side by side with git ref REF (bench/ab.ts). MOMENTUM_BENCH_RESULTS names another results file.
// See docs/PERFORMANCE.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { abArgs, runAb } from './ab';
import { CLI_SUITE } from './cli';
import { DESKTOP_SUITE } from './desktop';
import { ENGINE_SUITE } from './engine';
import { INSIGHT_MAKER_SUITE } from './insight-maker';
import type { Entry, Suite } from './measure';
import { SCALING_SUITE } from './scaling';
import { UI_SUITE } from './ui';

const SUITES: readonly Suite[] = [ENGINE_SUITE, SCALING_SUITE, INSIGHT_MAKER_SUITE, CLI_SUITE, DESKTOP_SUITE, UI_SUITE];
const RESULTS = process.env.MOMENTUM_BENCH_RESULTS ?? new URL('./results.json', import.meta.url);

function fmt(v: number | undefined): string {
  if (v === undefined) return '';
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(0) : a >= 1 ? v.toFixed(2) : v.toFixed(3);
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--list') || argv.includes('--help')) {
    console.log('npm run bench [-- SUITE ...]\nnpm run bench -- --ab REF [SUITE ...] [--rounds N]   (side by side with git ref REF)\n\nSuites:');
    for (const s of SUITES) console.log(`  ${s.id.padEnd(14)} ${s.summary}`);
    return 0;
  }
  const ab = abArgs(argv);
  if (ab) {
    const bad = ab.suites.filter((a) => !SUITES.some((s) => s.id === a));
    if (bad.length > 0) {
      console.error(`Unknown suite ${bad.map((u) => `'${u}'`).join(', ')}; known: ${SUITES.map((s) => s.id).join(', ')}.`);
      return 2;
    }
    return runAb(ab.ref, ab.suites, ab.rounds);
  }
  const unknown = argv.filter((a) => !SUITES.some((s) => s.id === a));
  if (unknown.length > 0) {
    console.error(`Unknown suite ${unknown.map((u) => `'${u}'`).join(', ')}; known: ${SUITES.map((s) => s.id).join(', ')}.`);
    return 2;
  }
  const chosen = argv.length > 0 ? SUITES.filter((s) => argv.includes(s.id)) : SUITES;
  const [load1] = loadavg();
  console.log(`Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), load average ${load1!.toFixed(1)} at the start`);

  const fresh: Entry[] = [];
  const started = performance.now();
  for (const suite of chosen) {
    console.log(`\n== ${suite.id}: ${suite.summary}`);
    const t0 = performance.now();
    fresh.push(...(await suite.run((line) => console.log(`  ${line}`))));
    console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }

  // A subset replaces only its own entries: those whose names start with its suite's id, and the probes of
  // the machine it took ('machine: …', which several suites take) by name.
  const previous: Entry[] = argv.length > 0 && existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Entry[]) : [];
  const kept = previous.filter((e) => !chosen.some((s) => e.name.startsWith(`${s.id}: `)) && !fresh.some((f) => f.name === e.name));
  const order = (e: Entry) => SUITES.findIndex((s) => e.name.startsWith(`${s.id}: `));
  const all = [...kept, ...fresh].sort((a, b) => order(a) - order(b));
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);

  console.log('');
  console.table(fresh.map((e) => ({ name: e.name, unit: e.unit, median: fmt(e.median), p95: fmt(e.p95), budget: fmt(e.budget), pass: e.pass ?? '' })));
  const failed = fresh.filter((e) => e.pass === false);
  console.log(`${fresh.length} entries in ${((performance.now() - started) / 1000).toFixed(0)} s; ${failed.length} over budget${failed.length ? `: ${failed.map((e) => e.name).join('; ')}` : ''}. Written to bench/results.json.`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
