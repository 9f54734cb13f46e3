import { useEffect, useState } from 'react';
import type { SimRunner } from '../../engine';
import { RunnerContext } from './sim/runner-context';
import { createWorkerRunner } from './sim/worker-runner';
import { ExploreView } from './views/explore-view';

/** Render the Momentum application. */
export function App() {
  const [runner, setRunner] = useState<SimRunner | null>(null);
  useEffect(() => {
    const r = createWorkerRunner();
    setRunner(r);
    return () => r.dispose();
  }, []);
  if (!runner) return null;
  return (
    <RunnerContext.Provider value={runner}>
      <ExploreView />
    </RunnerContext.Provider>
  );
}
