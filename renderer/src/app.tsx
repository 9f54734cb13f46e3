import { useEffect, useState } from 'react';
import type { SimRunner } from '../../engine';
import { RunnerContext } from './sim/runner-context';
import { createWorkerRunner } from './sim/worker-runner';
import { useAppStore } from './store';
import { VIEWS } from './views/registry';

/** Render the Momentum application: a tab bar over the views of views/registry.tsx. */
export function App() {
  const [runner, setRunner] = useState<SimRunner | null>(null);
  const viewId = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  useEffect(() => {
    const r = createWorkerRunner();
    setRunner(r);
    return () => r.dispose();
  }, []);
  if (!runner) return null;
  const current = VIEWS.find((v) => v.id === viewId) ?? VIEWS[0]!;
  const View = current.component;
  return (
    <RunnerContext.Provider value={runner}>
      <div className="app">
        <header className="app-header">
          <span className="app-name">Momentum</span>
          <nav aria-label="Views">
            {VIEWS.map((v) => (
              <button key={v.id} type="button" aria-current={v.id === current.id ? 'page' : undefined} onClick={() => setView(v.id)}>
                {v.label}
              </button>
            ))}
          </nav>
        </header>
        <View />
      </div>
    </RunnerContext.Provider>
  );
}
