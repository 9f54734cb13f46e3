import './explore.css';
import { memo, useDeferredValue, useLayoutEffect, useMemo, useRef } from 'react';
import { robustness, type MonteCarloResult, type Uncertainty } from '../../../../engine';
import { KpiTable, type KpiColumn } from '../../components/kpi-table';
import { LeversPanel } from '../../components/levers-panel';
import { featuredLevers } from '../../model/featured-levers';
import { BASELINE_COLOUR, CURRENT_COLOUR, PIN_COLOURS } from '../../components/palette';
import { WhyPanel } from '../../components/why-panel';
import { selectEndingHidden, selectVisibleUntilWeek, useAppStore } from '../../store';
import { LockedLeversNote } from '../../trainer/locked-levers-note';
import { RevealBanner } from '../../trainer/reveal-banner';
import { TrainerPanel } from '../../trainer/trainer-panel';
import { ChartPanel } from './chart-panel';
import { Announcer } from './announcer';
import { ChangesLine } from './changes-line';
import { Headline } from './headline';
import { kpiRun, lineBasis } from './line-sets';
import { describeGoal } from './outputs';
import { PinsPanel } from './pins-panel';
import { ScenarioHead } from './scenario-head';
import { EDITED_JOURNEY, TriedEditNotice } from './tried-edit-notice';
import { UncertaintySwitch } from './uncertainty-switch';
import { useExploreRuns, type ExploreRuns } from './use-explore-runs';

// Panels that read the store themselves: a re-render of the view (every lever step) passes them nothing new.
const Levers = memo(LeversPanel);
const Changes = memo(ChangesLine);
const Pins = memo(PinsPanel);
const Reveal = memo(RevealBanner);
const Trainer = memo(TrainerPanel);

/**
 * Render the KPI table a moment after the charts: during a drag the lever change's own task runs the expected
 * run and draws the charts and the headline, and the table follows in a later, interruptible render (a newer
 * step supersedes it).
 */
function DeferredKpiTable({ columns, caption }: { readonly columns: readonly KpiColumn[]; readonly caption: string }) {
  return <KpiTable columns={useDeferredValue(columns)} caption={useDeferredValue(caption)} />;
}

/** What the deferred "why" panel reads: the live run and its levers, and the scenario as loaded to compare with. */
interface DeferredWhyProps {
  readonly run: ExploreRuns['current'];
  readonly levers: ExploreRuns['currentLevers'];
  readonly baseline: ExploreRuns['baseline'];
  readonly baselineLevers: ExploreRuns['baselineLevers'];
  readonly maxInsights: number;
  readonly revealWeek: number | null;
}

/**
 * Render the "why" panel a moment after the charts, like the KPI table, in a box that never shrinks while the
 * same scenario is explored at the same width. Its insights quote the run's figures, so a lever step can make one
 * wrap onto another line or swap for a shorter one: without the hold, the panels below (and the page's height)
 * would move up and down by a line on every such step, which shows on a projector and costs a layout.
 */
function DeferredWhyPanel({ run, levers, baseline, baselineLevers, maxInsights, revealWeek }: DeferredWhyProps) {
  const deferred = useDeferredValue(run);
  // Deferred with the run it describes (a run cut to that week), so the two change in the same render; so are the
  // levers the run was made with and the baseline it is compared against.
  const deferredWeek = useDeferredValue(revealWeek);
  const deferredLevers = useDeferredValue(levers);
  const deferredBaseline = useDeferredValue(baseline);
  const deferredBaselineLevers = useDeferredValue(baselineLevers);
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    // The box is at least its held height already, so its height is the larger of that and the new content's.
    const el = box.current;
    if (el) el.style.minHeight = `${el.getBoundingClientRect().height}px`;
  }, [deferred, maxInsights]);
  useLayoutEffect(() => {
    // A new width re-wraps every line: start the hold again from what is shown now.
    const el = box.current;
    if (!el) return;
    let width = el.getBoundingClientRect().width;
    const observer = new ResizeObserver(() => {
      const now = el.getBoundingClientRect().width;
      if (now === width) return;
      width = now;
      el.style.minHeight = '';
      el.style.minHeight = `${el.getBoundingClientRect().height}px`;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className="why-hold" data-testid="why-hold" id="why" tabIndex={-1} aria-label="Why">
      <WhyPanel run={deferred} levers={deferredLevers} baseline={deferredBaseline} baselineLevers={deferredBaselineLevers} maxInsights={maxInsights} revealWeek={deferredWeek} />
    </div>
  );
}

/**
 * Render the trainer's panel a moment after the charts too: it re-renders its whole kit (lock toggles and all,
 * even while closed) whenever its run changes, and its verdicts need not beat the chart to the screen.
 */
function DeferredTrainerPanel({ run, typical }: { readonly run: ExploreRuns['current']; readonly typical: ExploreRuns['bands'] }) {
  return <Trainer run={useDeferredValue(run)} typical={useDeferredValue(typical)} />;
}

const DeferredKpis = memo(DeferredKpiTable);
const DeferredTrainer = memo(DeferredTrainerPanel);
const DeferredWhy = memo(DeferredWhyPanel);

/** Return the line under the charts that says what the lines and the shading are. */
function statusLine(runs: ExploreRuns): string {
  const { bands, shown } = runs;
  if (shown.kind === 'typical') return `Lines: the typical outcome (median of ${shown.replications} runs); dashed: the scenario as loaded. Shaded: ${rangeWords(shown.uncertainty ?? 'noise')}.`;
  const estimate = 'Lines: the quick estimate (noise off), a favourable path';
  if (!bands) return `${estimate}. Working out the typical outcome and the likely range…`;
  if (runs.bandsStale) return `${estimate}. Shaded, faded: the likely range of the earlier settings, until the runs for these finish…`;
  return `${estimate}. Shaded: a first likely range (P10–P90 of ${bands.replications} runs); the typical outcome follows…`;
}

/** The KPI a pin's robustness is judged on: maturity at the horizon, the goal's own scale. */
const ROBUSTNESS_KPI = 'maturityAtHorizon';

/** Return, per pin id, a sentence saying in what share of paired futures the pin beats the scenario as loaded. */
function pinRobustness(pinned: ExploreRuns['pinned'], baseline: MonteCarloResult | null, revealing: boolean): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  if (!baseline || revealing) return out;
  for (const { pin, bands } of pinned) {
    if (!bands || bands.replications !== baseline.replications || bands.seed !== baseline.seed || bands.uncertainty !== baseline.uncertainty) continue;
    const r = robustness(baseline, bands, ROBUSTNESS_KPI);
    const futures = r.uncertainty === 'all' ? 'plausible futures' : 'runs (luck alone)';
    out.set(pin.id, `Higher maturity than the scenario as loaded in ${Math.round(100 * r.share)}% of ${futures}`);
  }
  return out;
}

/** Return the likely range in words, saying what uncertainty it includes. */
function rangeWords(uncertainty: Uncertainty): string {
  return uncertainty === 'all' ? "the likely range (P10–P90), including uncertainty in the model's assumptions" : 'the likely range from luck alone (P10–P90)';
}

/** Render the Explore view: the board's levers, what the engine says will happen, why, and how it compares. */
export function ExploreView() {
  const scenario = useAppStore((s) => s.scenario);
  const presentation = useAppStore((s) => s.presentation);
  // Fixed when presenting starts (and when the scenario changes), so no lever jumps out of the drawer under a hand.
  const featured = useMemo(() => (presentation ? featuredLevers(scenario, useAppStore.getState().overrides) : undefined), [presentation, scenario]);
  const changed = useAppStore((s) => Object.keys(s.overrides).length);
  const resetAll = useAppStore((s) => s.resetAll);
  const setView = useAppStore((s) => s.setView);
  const runs = useExploreRuns();
  const revealWeek = useAppStore(selectVisibleUntilWeek);
  const endingHidden = useAppStore(selectEndingHidden);
  const trying = useAppStore((s) => s.loadedScenario !== null);
  const goal = describeGoal(scenario.goal, new Map(scenario.initiatives.map((i) => [i.id, i.name])));
  const { shown } = runs;
  // The numbers follow the lines: medians of the replications once they are in, else the quick estimate.
  const baselineKpis = kpiRun(shown, runs.baseline, runs.baselineBands);
  const currentKpis = kpiRun(shown, runs.current, runs.bands);
  // The pins' list keeps its identity while its runs do, so the columns are rebuilt only when a figure may have changed.
  const columns = useMemo<KpiColumn[]>(
    () => [
      { key: 'baseline', name: 'Scenario as loaded', colour: BASELINE_COLOUR, run: baselineKpis },
      { key: 'current', name: trying ? EDITED_JOURNEY : 'Your settings', colour: CURRENT_COLOUR, run: currentKpis },
      ...runs.pinned.map(({ pin, run, bands }, i) => ({ key: pin.id, name: pin.name, colour: PIN_COLOURS[i % PIN_COLOURS.length]!, run: kpiRun(shown, run, bands) })),
    ],
    [baselineKpis, currentKpis, runs.pinned, shown, trying],
  );
  // The charts see only what they draw, so a render that changes nothing of it (a key press, a pending flag) skips them.
  const { current, bands, bandsStale, baseline, baselineBands, pinned, revealing } = runs;
  // How robust each pin is against the scenario as loaded: their runs are paired (same seed, replications and
  // uncertainty), so replication r of both met the same luck and assumptions. Hidden while a reveal is under way.
  const pinOdds = useMemo(() => pinRobustness(pinned, baselineBands, revealing), [pinned, baselineBands, revealing]);
  const chartRuns = useMemo(
    () => ({ current, bands, bandsStale, baseline, baselineBands, pinned, shown, revealing }),
    [current, bands, bandsStale, baseline, baselineBands, pinned, shown, revealing],
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
        <LockedLeversNote />
        <Levers compact={presentation} featured={featured} />
      </aside>
      <div className="explore-main">
        <ScenarioHead title={scenario.title} lesson={scenario.lesson} goal={goal} endingHidden={endingHidden} />
        <TriedEditNotice />
        <Changes />
        <Reveal />
        {runs.error && <p role="alert">The simulation failed: {runs.error}</p>}
        <Headline current={currentKpis} baseline={baselineKpis} goal={goal} shown={shown} />
        <ChartPanel runs={chartRuns} fontSize={presentation ? 20 : 14} />
        <Announcer current={currentKpis} baseline={baselineKpis} basis={lineBasis(shown)} settling={runs.currentPending || (runs.bandsPending && !runs.error)} />
        <div className="lines-status-row">
          <p className="status muted" data-testid="lines-status">
            {statusLine(runs)}
          </p>
          {!presentation && <UncertaintySwitch />}
        </div>
        <DeferredKpis columns={columns} caption={`How your settings and pinned what-ifs compare with the scenario as loaded: ${lineBasis(shown).replace(/^./, (c) => c.toLowerCase())}`} />
      </div>
      <aside className="explore-side" aria-label="Explanation and comparison">
        {/* Challenges are judged on the figures the headline shows: the medians once the runs are in. */}
        <DeferredTrainer run={runs.current} typical={shown.kind === 'typical' ? runs.bands : null} />
        <section aria-labelledby="why-heading">
          <h2 id="why-heading">Why</h2>
          <p className="muted why-basis">Read from the quick estimate (noise off), which shows the mechanisms at work; the numbers to plan on are the typical outcome.</p>
          {/* Keyed so another scenario, the presentation's shorter list, or starting and ending reveals (the panel is
              far shorter while the whole-run lessons wait) starts the height hold afresh. */}
          <DeferredWhy
            key={`${scenario.id}:${presentation}:${runs.revealing}`}
            run={runs.current}
            levers={runs.currentLevers}
            baseline={runs.baseline}
            baselineLevers={runs.baselineLevers}
            maxInsights={presentation ? 2 : 3}
            revealWeek={runs.revealing ? revealWeek : null}
          />
          {!presentation && (
            <button type="button" className="link-button" onClick={() => setView('model')}>
              How the model works →
            </button>
          )}
        </section>
        {!presentation && (
          <section aria-labelledby="pins-heading">
            <h2 id="pins-heading">Compare what-ifs</h2>
            <Pins odds={pinOdds} />
          </section>
        )}
      </aside>
    </main>
  );
}
