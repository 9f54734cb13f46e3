import { useState, type ReactNode } from 'react';
import { evaluateChallenge, LEVERS, type RunResult } from '../../../engine';
import { useExpectedRun } from '../sim/use-live-run';
import { selectCurrentInput, selectEffectiveLevers, useAppStore } from '../store';
import { challengeVerdict, describeCheck } from './kpi-labels';

function LiveRun({ children }: { children: (run: RunResult | null) => ReactNode }) {
  const input = useAppStore(selectCurrentInput);
  return <>{children(useExpectedRun(input).result)}</>;
}

/**
 * Render the scenario's challenges. Each stays closed until the room asks for a check, so the
 * room can commit to a guess first; once checked it follows the current what-if live, with a
 * clear pass or fail and by how much. Without a `run` from the host view, the panel simulates
 * the current settings itself, and only once a challenge has been checked.
 */
export function ChallengePanel({ run }: { run?: RunResult | null }) {
  const scenarioId = useAppStore((s) => s.scenario.id);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [checkedFor, setCheckedFor] = useState(scenarioId);
  if (checkedFor !== scenarioId) {
    // Another scenario: its challenges start unchecked.
    setCheckedFor(scenarioId);
    setChecked(new Set());
  }
  const check = (id: string) => setChecked(new Set([...checked, id]));
  if (run !== undefined || checked.size === 0) return <ChallengeList run={run ?? null} checked={checked} onCheck={check} />;
  return <LiveRun>{(live) => <ChallengeList run={live} checked={checked} onCheck={check} />}</LiveRun>;
}

function ChallengeList({ run, checked, onCheck }: { run: RunResult | null; checked: ReadonlySet<string>; onCheck: (id: string) => void }) {
  const targets = useAppStore((s) => s.scenario.targets);
  const levers = useAppStore(selectEffectiveLevers);
  if (targets.length === 0) return <p className="muted">This scenario sets no challenges.</p>;
  return (
    <ol className="challenge-list">
      {targets.map((t) => {
        const isChecked = checked.has(t.id);
        const result = run && isChecked ? evaluateChallenge(t, { kpis: run.kpis, levers, leverDefs: LEVERS, series: run.series }) : null;
        const verdictId = `challenge-${t.id}-verdict`;
        return (
          <li key={t.id} className={`challenge${result ? (result.pass ? ' challenge-pass' : ' challenge-fail') : ''}`} data-challenge={t.id}>
            <p className="challenge-label">{t.label}</p>
            {!isChecked ? (
              <button type="button" onClick={() => onCheck(t.id)}>
                Check this challenge
              </button>
            ) : !result ? (
              <p className="muted" id={verdictId}>
                Waiting for the simulation…
              </p>
            ) : (
              <div id={verdictId} aria-live="polite">
                <p className="challenge-verdict">
                  <span className={`badge ${result.pass ? 'badge-pass' : 'badge-fail'}`}>{result.pass ? '✓ Passed' : '✗ Not met'}</span>{' '}
                  {challengeVerdict(result)}
                </p>
                <ul className="challenge-checks">
                  {result.checks.map((c, i) => (
                    <li key={i} className={c.pass ? 'check-pass' : 'check-fail'}>
                      <span aria-hidden="true">{c.pass ? '✓ ' : '✗ '}</span>
                      {describeCheck(c, LEVERS, run?.horizonWeeks)}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
