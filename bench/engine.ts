// Engine benchmarks: one run, the expected run, a 1,000-replication Monte Carlo and a full sensitivity
// analysis, in process on the blank trust (nine reference initiatives, 260 weeks), with the engine bundled
// as the app ships it; and the Monte Carlo once more as the command line loads the engine (through tsx).
import * as viaTsx from '../engine';
import { bundledEngine } from './engine-bundle';
import { measure, type Entry, type Suite } from './measure';

/** The engine's own timings. */
export const ENGINE_SUITE: Suite = {
  id: 'engine',
  summary: 'one replication, the expected run, 1,000-replication Monte Carlo, full sensitivity',
  async run(log) {
    const { blankInput, monteCarlo, sensitivity, simulate, simulateExpected } = await bundledEngine();
    const input = blankInput();
    let seed = 0;
    const entries: Entry[] = [];
    const add = (e: Entry) => {
      entries.push(e);
      log(`${e.name}: median ${e.median.toFixed(3)} ms (CPU ${e.cpuMedian?.toFixed(3)} ms)`);
    };
    // The expected run is what a lever drag recomputes every frame.
    add(measure('engine: expected-value run (260 weeks)', () => simulateExpected(input), { runs: 200, warmup: 50, budget: { limit: 1, on: 'median' } }));
    add(measure('engine: one replication (260 weeks)', () => simulate(input, ++seed), { runs: 200, warmup: 50 }));
    // The budget: 1,000 replications of 260 weeks in at most 50 ms, median.
    add(measure('engine: Monte Carlo, 1,000 replications', () => monteCarlo(input, { replications: 1000, seed: ++seed }), { runs: 15, warmup: 3, budget: { limit: 50, on: 'median' } }));
    add(measure('engine: sensitivity, every lever low/high, 100 replications each', () => sensitivity(input, { kpi: 'maturityAtHorizon', seed: 1, replications: 100 }), { runs: 5, warmup: 1 }));
    const tsxInput = viaTsx.blankInput();
    add(measure('engine: Monte Carlo, 1,000 replications, engine loaded through tsx (as the CLI does)', () => viaTsx.monteCarlo(tsxInput, { replications: 1000, seed: ++seed }), { runs: 9, warmup: 3 }));
    return entries;
  },
};
