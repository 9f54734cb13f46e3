import { useMemo } from 'react';
import { KpiTable, type KpiColumn } from '../../components/kpi-table';
import { LeversPanel } from '../../components/levers-panel';
import { BASELINE_COLOUR, CURRENT_COLOUR, PIN_COLOURS } from '../../components/palette';
import { WhyPanel } from '../../components/why-panel';
import { useAppStore } from '../../store';
import { RevealBanner } from '../../trainer/reveal-banner';
import { TrainerPanel } from '../../trainer/trainer-panel';
import { ChartPanel } from './chart-panel';
import { Announcer } from './announcer';
import { ChangesLine } from './changes-line';
import { Headline } from './headline';
import { describeGoal } from './outputs';
import { PinsPanel } from './pins-panel';
import { useExploreRuns } from './use-explore-runs';

/** Render the Explore view: the board's levers, what the engine says will happen, why, and how it compares. */
export function ExploreView() {
  const scenario = useAppStore((s) => s.scenario);
  const presentation = useAppStore((s) => s.presentation);
  const changed = useAppStore((s) => Object.keys(s.overrides).length);
  const resetAll = useAppStore((s) => s.resetAll);
  const setView = useAppStore((s) => s.setView);
  const runs = useExploreRuns();
  const goal = describeGoal(scenario.goal, new Map(scenario.initiatives.map((i) => [i.id, i.name])));
  const { baseline, current, pinned } = runs;
  const columns = useMemo<KpiColumn[]>(
    () => [
      { key: 'baseline', name: 'Scenario as loaded', colour: BASELINE_COLOUR, run: baseline },
      { key: 'current', name: 'Your settings', colour: CURRENT_COLOUR, run: current },
      ...pinned.map(({ pin, run }, i) => ({ key: pin.id, name: pin.name, colour: PIN_COLOURS[i % PIN_COLOURS.length]!, run })),
    ],
    [baseline, current, pinned],
  );
  return (
    <main className={`explore${presentation ? ' explore-presenting' : ''}`}>
      <aside className="explore-levers" aria-labelledby="levers-heading">
        <div className="panel-head">
          <h2 id="levers-heading">Board settings</h2>
          {!presentation && (
            <button type="button" onClick={resetAll} disabled={changed === 0}>
              Reset all
            </button>
          )}
        </div>
        <LeversPanel compact={presentation} />
      </aside>
      <div className="explore-main">
        <div className="scenario-head">
          <h1>
            <span className="sr-only">Explore: </span>
            {scenario.title}
          </h1>
          {scenario.lesson && <p className="lesson">{scenario.lesson}</p>}
          <p className="goal">
            <strong>Goal:</strong> {goal}
          </p>
        </div>
        <ChangesLine />
        <RevealBanner />
        {runs.error && <p role="alert">The simulation failed: {runs.error}</p>}
        <Headline current={runs.current} baseline={runs.baseline} goal={goal} />
        <ChartPanel runs={runs} fontSize={presentation ? 20 : 14} />
        <Announcer current={runs.current} baseline={runs.baseline} settling={runs.currentPending} />
        <p className="status muted">
          {runs.bands ? `Shaded: the likely range (P10–P90 of ${runs.bands.replications} runs)${runs.bandsPending ? ', refining…' : '.'}` : 'Working out the likely range…'}
        </p>
        <KpiTable columns={columns} caption="How your settings and pinned what-ifs compare with the scenario as loaded" />
      </div>
      <aside className="explore-side" aria-label="Explanation and comparison">
        <TrainerPanel />
        <section aria-labelledby="why-heading">
          <h2 id="why-heading">Why</h2>
          <WhyPanel run={runs.current} maxInsights={presentation ? 2 : 3} />
          {!presentation && (
            <button type="button" className="link-button" onClick={() => setView('model')}>
              How the model works →
            </button>
          )}
        </section>
        {!presentation && (
          <section aria-labelledby="pins-heading">
            <h2 id="pins-heading">Compare what-ifs</h2>
            <PinsPanel />
          </section>
        )}
      </aside>
    </main>
  );
}
