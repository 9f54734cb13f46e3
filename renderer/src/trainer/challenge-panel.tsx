import { useState, type ReactNode } from 'react';
import { judgeChallenges, LEVERS, type JudgedChallenge, type MonteCarloResult, type RunResult } from '../../../engine';
import { useExpectedRun } from '../sim/use-live-run';
import { selectCurrentInput, selectEffectiveLevers, selectEndingHidden, useAppStore } from '../store';
import { challengeVerdict, describeCheck } from './kpi-labels';

function LiveRun({ children }: { children: (run: RunResult | null) => ReactNode }) {
  const input = useAppStore(selectCurrentInput);
  return <>{children(useExpectedRun(input).result)}</>;
}

/** Props of ChallengePanel. */
export interface ChallengePanelProps {
  /** The current settings' expected run (the quick estimate), when the host view has it. */
  readonly run?: RunResult | null;
  /**
   * The full Monte Carlo of the current settings once it is in (null before): challenges are then judged on
   * its medians, the figures the headline shows. Without it every verdict is provisional.
   */
  readonly typical?: MonteCarloResult | null;
}

/**
 * Render the scenario's challenges. Each stays closed until the room asks for a check, so the
 * room can commit to a guess first; once checked it follows the current what-if live, with a
 * clear pass or fail and by how much, judged on the typical outcome of the replications when it is
 * in and marked provisional while only the quick estimate is. Without a `run` from the host view,
 * the panel simulates the current settings itself, and only once a challenge has been checked.
 */
export function ChallengePanel({ run, typical = null }: ChallengePanelProps) {
  const scenarioId = useAppStore((s) => s.scenario.id);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [checkedFor, setCheckedFor] = useState(scenarioId);
  if (checkedFor !== scenarioId) {
    // Another scenario: its challenges start unchecked.
    setCheckedFor(scenarioId);
    setChecked(new Set());
  }
  const check = (id: string) => setChecked(new Set([...checked, id]));
  if (run !== undefined || checked.size === 0) return <ChallengeList run={run ?? null} typical={typical} checked={checked} onCheck={check} />;
  return <LiveRun>{(live) => <ChallengeList run={live} typical={typical} checked={checked} onCheck={check} />}</LiveRun>;
}

/** Say what a verdict was judged on, so the room knows whether it matches the headline or may still change. */
function basisNote(result: JudgedChallenge, typicalIn: boolean): string {
  if (result.basis === 'typical') return `Judged on the typical outcome of ${result.replications} runs (their medians), as the headline shows it.`;
  if (typicalIn) return 'Quick estimate (noise off): the runs keep no week-by-week figure of this measure, so this verdict stays provisional.';
  return 'Provisional: quick estimate (noise off), favourable; the typical outcome of the runs follows.';
}

function ChallengeList({ run, typical, checked, onCheck }: { run: RunResult | null; typical: MonteCarloResult | null; checked: ReadonlySet<string>; onCheck: (id: string) => void }) {
  const targets = useAppStore((s) => s.scenario.targets);
  const levers = useAppStore(selectEffectiveLevers);
  const horizon = useAppStore((s) => s.scenario.horizonWeeks);
  // During a reveal the end of the run is hidden, and a verdict on a figure would give it away.
  const revealing = useAppStore(selectEndingHidden);
  if (targets.length === 0) return <p className="muted">This scenario sets no challenges.</p>;
  const judged = checked.size === 0 || revealing ? null : judgeChallenges(targets, { typical, estimate: run, levers, leverDefs: LEVERS });
  return (
    <ol className="challenge-list">
      {targets.map((t, i) => {
        const isChecked = checked.has(t.id);
        const result = isChecked ? (judged?.[i] ?? null) : null;
        const provisional = result?.basis === 'estimate';
        const verdictId = `challenge-${t.id}-verdict`;
        return (
          <li key={t.id} className={`challenge${result ? (result.pass ? ' challenge-pass' : ' challenge-fail') : ''}${provisional ? ' challenge-provisional' : ''}`} data-challenge={t.id} data-basis={result?.basis}>
            <p className="challenge-label">{t.label}</p>
            {!isChecked ? (
              <button type="button" onClick={() => onCheck(t.id)}>
                Check this challenge
              </button>
            ) : revealing ? (
              <p className="muted" id={verdictId}>
                The verdict shows once the whole run is revealed.
              </p>
            ) : !result ? (
              <p className="muted" id={verdictId}>
                Waiting for the simulation…
              </p>
            ) : (
              <div id={verdictId} aria-live="polite">
                <p className="challenge-verdict">
                  <span className={`badge ${result.pass ? 'badge-pass' : 'badge-fail'}`}>
                    {result.pass ? '✓ Passed' : '✗ Not met'}
                    {provisional ? ' (provisional)' : ''}
                  </span>{' '}
                  {challengeVerdict(result)}
                </p>
                <ul className="challenge-checks">
                  {result.checks.map((c, k) => (
                    <li key={k} className={c.pass ? 'check-pass' : 'check-fail'}>
                      <span aria-hidden="true">{c.pass ? '✓ ' : '✗ '}</span>
                      {describeCheck(c, LEVERS, horizon)}
                    </li>
                  ))}
                </ul>
                <p className="challenge-basis muted">{basisNote(result, typical !== null)}</p>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
