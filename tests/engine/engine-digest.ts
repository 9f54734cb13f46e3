// Digests of the engine's outputs, bit for bit: every series, KPI, timeline row, event and explanation of the
// expected run and of seeded runs, and every stochastic series and KPI of raw replications of the weekly loop.
// A speed change to the engine must leave every digest unchanged (tests/engine/digest.test.ts); a deliberate
// change to the model changes them, and the committed digests are then regenerated (see that test's header).
import { createHash, type Hash } from 'node:crypto';
import fc from 'fast-check';
import type { MonteCarloResult, RunResult, SimInput } from '../../engine';
import type { Path } from '../../engine/exogenous';
import type { Settings } from '../../engine/levers';
import type { CompiledInput } from '../../engine/portfolio';
import type { Rng } from '../../engine/random';
import type { Sink, Workspace } from '../../engine/workspace';
import { inputArb } from './arbitraries';
import { concurrency, confidenceLoop, covid, goal, miltonKeynesPhases, modelTeams, ownership, scas, team } from './fixtures';

/** The parts of the engine the digests call: the public runs and the weekly loop's internals. */
export interface DigestEngine {
  simulate(input: SimInput, seed: number): RunResult;
  simulateExpected(input: SimInput): RunResult;
  monteCarlo?(input: SimInput, opts: { replications: number; seed: number }): MonteCarloResult;
  compileInput(input: SimInput): CompiledInput;
  resolveSettings(levers: SimInput['levers']): Settings;
  buildPath(ci: CompiledInput, s: Settings): Path;
  createWorkspace(ci: CompiledInput): Workspace;
  runCore(ci: CompiledInput, s: Settings, path: Path, ws: Workspace, rng: Rng | null, sink: Sink): void;
  createRng(seed: number, stream?: number): Rng;
  reseed(rng: Rng, seed: number, stream?: number): void;
  readonly SERIES_COUNT: number;
  readonly KPI_COUNT: number;
  readonly PATH_SERIES: readonly boolean[];
}

/** Seeds of the single stochastic runs of every case. */
const RUN_SEEDS = [42, 7];
/** Raw replications of the weekly loop per case, and their seed. */
const REPLICATIONS = 24;
const REPLICATION_SEED = 5;

/**
 * Return the inputs the digests cover: the lesson fixtures (stages, gates, pilots, shocks, retries, goals of
 * every kind) and inputs drawn by the property tests' generator with a fixed seed (events, odd horizons,
 * initiatives-live gates and goals, empty portfolios).
 */
export function digestInputs(): { name: string; input: SimInput }[] {
  const cases: { name: string; input: SimInput }[] = [
    { name: 'concurrency-30', input: concurrency(30) },
    { name: 'concurrency-2', input: concurrency(2) },
    { name: 'scas-staged', input: scas(true) },
    { name: 'scas-all-at-once', input: scas(false) },
    { name: 'ownership-1', input: ownership(1) },
    { name: 'ownership-3', input: ownership(3) },
    { name: 'milton-keynes-delayed', input: miltonKeynesPhases(true) },
    { name: 'milton-keynes-no-delay', input: miltonKeynesPhases(false) },
    { name: 'model-teams-pilot', input: modelTeams(true) },
    { name: 'model-teams-big-bang', input: modelTeams(false) },
    { name: 'covid-lock-in-0.9', input: covid(0.9) },
    { name: 'team-multidisciplinary', input: team('multidisciplinary') },
    { name: 'team-it-only', input: team('it-only') },
    { name: 'team-consultants', input: team('consultants') },
    { name: 'goal-clear', input: goal(1) },
    { name: 'goal-vague', input: goal(0) },
    { name: 'quick-win', input: confidenceLoop(true) },
  ];
  fc.sample(inputArb, { seed: 20261126, numRuns: 40 }).forEach((input, i) => cases.push({ name: `generated-${i}`, input }));
  return cases;
}

function addNumbers(h: Hash, values: ArrayLike<number>): void {
  const f = Float64Array.from(values as ArrayLike<number>);
  h.update(new Uint8Array(f.buffer));
}

function addRun(h: Hash, r: RunResult): void {
  for (const id of Object.keys(r.series).sort()) {
    h.update(id);
    addNumbers(h, r.series[id]!);
  }
  for (const id of Object.keys(r.kpis).sort()) {
    h.update(id);
    addNumbers(h, [r.kpis[id]!]);
  }
  // JSON writes every number in its shortest round-trip form, so equal text means equal bits.
  // The timeline's original fields only, so that fields added later (firstStartWeek, attempts) leave the digests
  // of the numbers alone; tests/engine/timeline.test.ts covers those.
  h.update(JSON.stringify(r.timeline.map((o) => ({ id: o.id, startWeek: o.startWeek, goLiveWeek: o.goLiveWeek, failedWeek: o.failedWeek, pilotWeeks: o.pilotWeeks }))));
  h.update(JSON.stringify(r.events));
  // The explanations' original fields only, like the timeline's, so that the absolute losses added later leave
  // the committed digests valid; tests/engine/explain-change.test.ts checks the shares are computed from them.
  h.update(JSON.stringify(r.explanations.map((e) => ({ fromWeek: e.fromWeek, toWeek: e.toWeek, binding: e.binding, shares: e.shares }))));
}

/** Return a SHA-256 digest of everything one input produces: the expected run, seeded runs and raw replications. */
export function digestOf(engine: DigestEngine, input: SimInput, withMonteCarlo = false): string {
  const h = createHash('sha256');
  addRun(h, engine.simulateExpected(input));
  for (const seed of RUN_SEEDS) addRun(h, engine.simulate(input, seed));

  // Raw replications as the Monte Carlo runs them: one workspace and one generator reused, no detail.
  const ci = engine.compileInput(input);
  const settings = engine.resolveSettings(input.levers);
  const path = engine.buildPath(ci, settings);
  const ws = engine.createWorkspace(ci);
  const W = ci.horizon + 1;
  const series: Float64Array[] = [];
  for (let s = 0; s < engine.SERIES_COUNT; s++) series.push(new Float64Array(engine.PATH_SERIES[s] ? 0 : W));
  const kpis: Float64Array[] = [];
  for (let k = 0; k < engine.KPI_COUNT; k++) kpis.push(new Float64Array(REPLICATIONS));
  const sink: Sink = { series, offset: 0, stride: 1, kpis, kpiIndex: 0, detail: null };
  const rng = engine.createRng(REPLICATION_SEED, 0);
  for (let r = 0; r < REPLICATIONS; r++) {
    engine.reseed(rng, REPLICATION_SEED, r);
    sink.kpiIndex = r;
    engine.runCore(ci, settings, path, ws, rng, sink);
    for (const s of series) addNumbers(h, s);
  }
  for (const k of kpis) addNumbers(h, k);

  if (withMonteCarlo && engine.monteCarlo) {
    const mc = engine.monteCarlo(input, { replications: 100, seed: 11 });
    for (const id of Object.keys(mc.bands).sort()) {
      const b = mc.bands[id]!;
      h.update(id);
      addNumbers(h, b.p10); addNumbers(h, b.p50); addNumbers(h, b.p90); addNumbers(h, b.mean);
    }
    for (const id of Object.keys(mc.kpis).sort()) {
      const d = mc.kpis[id]!;
      h.update(id);
      addNumbers(h, [d.p10, d.p50, d.p90, d.mean]);
      addNumbers(h, d.values);
    }
  }
  return h.digest('hex');
}
