import { useEffect, useState } from 'react';
import { blankInput, type RunResult } from '../../../../engine';
import { useRunner } from '../../sim/runner-context';

/** Render the Explore page: board settings on the left, what the engine says on the right. */
export function ExploreView() {
  const runner = useRunner();
  const [result, setResult] = useState<RunResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    runner.expected(blankInput()).then(
      (r) => live && setResult(r),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [runner]);
  return (
    <main>
      <h1>Explore</h1>
      {error && <p role="alert">The simulation failed: {error}</p>}
      {result ? (
        <p data-testid="kpi-maturity">
          Maturity after {Math.round(result.horizonWeeks / 52)} years: {result.kpis.maturityAtHorizon?.toFixed(2)} of 5
        </p>
      ) : (
        <p>Simulating…</p>
      )}
    </main>
  );
}
