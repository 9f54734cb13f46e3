// Speed of Momentum's engine against the same weeks of the team, capability and adoption part of the model
// built in Insight Maker's engine (bench/insight-maker/; tests/perf/insight-maker.test.ts shows they agree).
import { blankInput } from '../engine';
import { bundledEngine } from './engine-bundle';
import { buildInsightMakerModel, driversFrom } from './insight-maker/adoption-capability';
import { entryOf, measure, sample, type Suite } from './measure';

/** Insight Maker against Momentum. */
export const INSIGHT_MAKER_SUITE: Suite = {
  id: 'insight-maker',
  summary: 'the adoption and capability part in Insight Maker vs the whole expected run in Momentum',
  async run(log) {
    const { simulateExpected } = await bundledEngine();
    const input = blankInput();
    const run = simulateExpected(input);
    const drivers = driversFrom(input, run);
    const momentum = measure('insight-maker: Momentum, whole expected run (260 weeks)', () => simulateExpected(input), { runs: 100, warmup: 30 });
    // Building the model (reading its equations) is part of what a run costs in Insight Maker.
    const im = sample(() => buildInsightMakerModel(drivers).model.simulate(), 7, 2);
    const imEntry = entryOf('insight-maker: Insight Maker, team + capability + adoption only (260 weeks)', 'ms', im.wall, undefined, im.cpu);
    // Each Insight Maker run against Momentum's median: how many times longer the same weeks take there.
    const ratio = entryOf('insight-maker: speed ratio, Insight Maker time ÷ Momentum time', '×', im.wall.map((t) => t / momentum.median));
    const out = [momentum, imEntry, ratio];
    for (const e of out) log(`${e.name}: median ${e.median.toFixed(3)} ${e.unit}`);
    return out;
  },
};
