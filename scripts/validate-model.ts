/**
 * Run the model validation suite (engine/validation) over every prepared scenario, print a table, and write
 * docs/VALIDATION.md and engine/validation/results.json. `npm run validate:model`; exits 1 when a case fails
 * (after writing both files), 2 when the scenarios cannot be read.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENGINE_VERSION, formatProblems, parseScenario, scenarioToInput, type SimInput } from '../engine/index';
import {
  buildValidationReport, createValidationContext, figureText, renderValidationMarkdown, runValidation, type PreparedInputs, type ValidationResult,
} from '../engine/validation/index';

/** The folder of prepared scenarios. */
export const SCENARIOS_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));
/** Where the machine-readable results go (the renderer's Model view imports them). */
export const RESULTS_FILE = fileURLToPath(new URL('../engine/validation/results.json', import.meta.url));
/** Where the readable report goes. */
export const REPORT_FILE = fileURLToPath(new URL('../docs/VALIDATION.md', import.meta.url));

/** Return every prepared scenario's input by scenario id; throws on a file that does not parse. */
export function loadPreparedInputs(dir = SCENARIOS_DIR): PreparedInputs {
  const out: Record<string, SimInput> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.momentum')).sort()) {
    const parsed = parseScenario(readFileSync(`${dir}${file}`, 'utf8'));
    if (!parsed.ok) throw new Error(`scenarios/${file} does not parse:\n${formatProblems(parsed.problems).join('\n')}`);
    if (out[parsed.scenario.id] !== undefined) throw new Error(`scenarios/${file}: a second scenario with id '${parsed.scenario.id}'`);
    out[parsed.scenario.id] = scenarioToInput(parsed.scenario);
  }
  return out;
}

/** Return `text` cut to `width` characters (with an ellipsis) and padded to it. */
function col(text: string, width: number): string {
  const t = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return t.padEnd(width);
}

/** Return the results as a plain-text table. */
export function resultTable(results: readonly ValidationResult[]): string {
  const idWidth = Math.max(2, ...results.map((r) => r.id.length));
  const rows = results.map((r) => `${col(r.id, idWidth)}  ${r.pass ? 'pass' : 'FAIL'}  ${col(figureText(r.figure), 60)}  ${r.title}`);
  return [`${col('id', idWidth)}  res   ${col('figure', 60)}  test`, ...rows].join('\n');
}

function main(): number {
  const started = performance.now();
  let scenarios: PreparedInputs;
  try {
    scenarios = loadPreparedInputs();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 2;
  }
  let runs = 0, replications = 0, current = '';
  const tty = process.stderr.isTTY === true;
  const progress = (line: string) => {
    if (tty) process.stderr.write(`\r${line.slice(0, (process.stderr.columns || 100) - 1).padEnd((process.stderr.columns || 100) - 1)}`);
    else process.stderr.write(`${line}\n`);
  };
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const ctx = createValidationContext(scenarios, {
    onRun: (reps) => {
      runs++;
      replications += reps;
      if (tty) progress(`${current} · ${runs} runs, ${replications.toLocaleString('en-GB')} replications, ${seconds()} s`);
    },
  });
  const results = runValidation(ctx, {
    onCase: (i, total, c) => {
      current = `[${String(i + 1).padStart(String(total).length)}/${total}] ${c.id}`;
      progress(`${current} · ${runs} runs, ${replications.toLocaleString('en-GB')} replications, ${seconds()} s`);
    },
  });
  if (tty) process.stderr.write('\n');
  const report = buildValidationReport(results, { engineVersion: ENGINE_VERSION, replications: ctx.replications, seed: ctx.seed });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(REPORT_FILE, renderValidationMarkdown(report));
  console.log(resultTable(results));
  console.log(`\n${report.passed} of ${results.length} cases pass (engine ${ENGINE_VERSION}; ${runs} runs, ${replications.toLocaleString('en-GB')} replications, ${seconds()} s).`);
  console.log('Wrote docs/VALIDATION.md and engine/validation/results.json.');
  return report.failed > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
