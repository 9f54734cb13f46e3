import { readFileSync } from 'node:fs';
import {
  createInProcessRunner,
  evaluateTask,
  ENGINE_VERSION,
  LEVERS,
  makeRunFile,
  parseScenario,
  serializeRunFile,
  taskOf,
  type LeverValues,
  type RunFile,
  type RunSpec,
  type Scenario,
} from '../../engine';

/** Load a prepared scenario from scenarios/. */
export function loadScenario(name: string): Scenario {
  const parsed = parseScenario(readFileSync(new URL(`../../scenarios/${name}.momentum`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`scenarios/${name}.momentum does not parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.scenario;
}

/** Simulate a run with the in-process engine and return it as a run file (a real one, as the app saves them). */
export async function makeRun(label: string, scenario: Scenario, overrides: LeverValues, opts: { seed?: number; replications?: number; notes?: string } = {}): Promise<RunFile> {
  const replications = opts.replications ?? 40;
  const spec: RunSpec = { label, scenario, overrides, method: replications > 1 ? 'monte-carlo' : 'single', seed: opts.seed ?? 7, replications };
  const summary = await evaluateTask(taskOf(spec), createInProcessRunner());
  return makeRunFile(spec, summary, { engineVersion: ENGINE_VERSION, savedAt: '2026-11-20T10:00:00.000Z', notes: opts.notes ?? '' });
}

/** Return the lever's low end, high end, or a value between, rounded to its step. */
export function leverAt(id: string, fraction: number): number {
  const def = LEVERS.find((l) => l.id === id);
  if (!def) throw new Error(`no lever ${id}`);
  const raw = def.min + (def.max - def.min) * fraction;
  const v = Math.round((raw - def.min) / def.step) * def.step + def.min;
  return Math.min(def.max, Math.max(def.min, Number(v.toFixed(6))));
}

/** The id of the concurrent-priorities lever (the lever every version of the engine has). */
export const PRIORITIES = LEVERS.find((l) => /priorit/i.test(l.id))?.id ?? LEVERS[0]!.id;

/** Return five run files on one scenario: a baseline and four what-ifs, the last saved "by an older engine". */
export async function fiveRuns(): Promise<{ name: string; text: string; run: RunFile }[]> {
  const scenario = loadScenario('blank-trust');
  const other = LEVERS.find((l) => l.id !== PRIORITIES && !l.options)?.id;
  const specs: [string, LeverValues][] = [
    ['Baseline', {}],
    ['Two priorities', { [PRIORITIES]: 2 }],
    ['Thirty priorities', { [PRIORITIES]: 30 }],
    ['Two priorities and more', other ? { [PRIORITIES]: 2, [other]: leverAt(other, 0.9) } : { [PRIORITIES]: 3 }],
  ];
  const out: { name: string; text: string; run: RunFile }[] = [];
  for (const [i, [label, overrides]] of specs.entries()) {
    const run = await makeRun(label, scenario, overrides, { notes: i === 0 ? 'The plan the board approved in October.' : '' });
    out.push({ name: `run-${i + 1}.run.json`, text: serializeRunFile(run), run });
  }
  // A run "saved by an older engine": same settings, but the stored numbers are what that engine gave.
  const old = await makeRun('Saved last year', scenario, { [PRIORITIES]: 6 });
  const kpis = Object.fromEntries(Object.entries(old.summary.kpis).map(([k, v]) => [k, v + 0.5]));
  const distribution = old.summary.distribution
    ? Object.fromEntries(Object.entries(old.summary.distribution).map(([k, d]) => [k, { p10: d.p10 + 0.5, p50: d.p50 + 0.5, p90: d.p90 + 0.5, mean: d.mean + 0.5 }]))
    : undefined;
  const stale: RunFile = { ...old, engineVersion: '0.0.1', summary: distribution ? { kpis, distribution } : { kpis } };
  out.push({ name: 'run-5.run.json', text: serializeRunFile(stale), run: stale });
  return out;
}
