// Speed of Momentum's engine against the same weeks of the team, capability and adoption part of the model
// built in Insight Maker's engine (bench/insight-maker/; tests/perf/insight-maker.test.ts shows they agree).
import { blankInput, simulateExpected } from '../engine';
import { buildInsightMakerModel, driversFrom } from './insight-maker/adoption-capability';
import { entryOf, measure, type Suite } from './measure';

/** Insight Maker against Momentum. */
export const INSIGHT_MAKER_SUITE: Suite = {
  id: 'insight-maker',
  summary: 'the adoption and capability part in Insight Maker vs the whole expected run in Momentum',
  async run(log) {
    const input = blankInput();
    const run = simulateExpected(input);
    const drivers = driversFrom(input, run);
    const momentum = measure('insight-maker: Momentum, whole expected run (260 weeks)', () => simulateExpected(input), { runs: 100, warmup: 30 });
    // Building the model (parsing equations) is part of what a run costs in Insight Maker, as simulate() re-reads them.
    const im = measure('insight-maker: Insight Maker, team + capability + adoption only (260 weeks)', () => buildInsightMakerModel(drivers).model.simulate(), { runs: 7, warmup: 2 });
    const ratio = entryOf('insight-maker: speed ratio, Insight Maker time ÷ Momentum time', '×', [im.median / momentum.median]);
    const out = [momentum, im, { ...ratio, p95: im.p95 / momentum.p95, runs: im.runs }];
    for (const e of out) log(`${e.name}: median ${e.median.toFixed(3)} ${e.unit}`);
    return out;
  },
};
