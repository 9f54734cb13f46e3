/**
 * `npm run uncertainty:sweep`: maturity at the horizon for the blank trust as one lever moves at a time
 * (priorities, the FTE of every role, standing urgency, goal clarity), with uncertainty 'noise' and 'all':
 * median and P10–P90, as the Markdown table in docs/MODEL.md §1 ("What it does to the bands").
 */
import { blankInput, monteCarlo, type SimInput } from '../engine';

const REPLICATIONS = 300;
const SEED = 1;
const KPI = 'maturityAtHorizon';
const ROLES = ['team.clinical', 'team.product', 'team.design', 'team.engineering', 'team.data', 'team.infrastructure', 'team.strategy'];

/** The sweeps: a label, the values, and the levers each value sets. */
const SWEEPS: readonly (readonly [string, readonly number[], (v: number) => Record<string, number>])[] = [
  ['priorities.concurrent', [1, 3, 5, 8, 12, 20, 30], (v) => ({ 'priorities.concurrent': v })],
  ['FTE per role (all seven)', [0.25, 0.5, 1, 2, 3], (v) => Object.fromEntries(ROLES.map((r) => [r, v]))],
  ['urgency.standing', [0, 0.25, 0.5, 0.75, 1], (v) => ({ 'urgency.standing': v })],
  ['goal.clarity', [0, 0.25, 0.5, 0.75, 1], (v) => ({ 'goal.clarity': v })],
];

function main(): void {
  const base = blankInput();
  const f = (x: number) => x.toFixed(2);
  console.log('| lever | value | noise P50 (P10–P90) | all P50 (P10–P90) | band width noise → all |');
  console.log('|---|---|---|---|---|');
  for (const [name, values, set] of SWEEPS) {
    for (const v of values) {
      const input: SimInput = { ...base, levers: { ...base.levers, ...set(v) } };
      const n = monteCarlo(input, { replications: REPLICATIONS, seed: SEED, uncertainty: 'noise', series: [] }).kpis[KPI]!;
      const a = monteCarlo(input, { replications: REPLICATIONS, seed: SEED, uncertainty: 'all', series: [] }).kpis[KPI]!;
      console.log(`| ${name} | ${v} | ${f(n.p50)} (${f(n.p10)}–${f(n.p90)}) | ${f(a.p50)} (${f(a.p10)}–${f(a.p90)}) | ${f(n.p90 - n.p10)} → ${f(a.p90 - a.p10)} |`);
    }
  }
}

main();
