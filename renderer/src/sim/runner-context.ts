import { createContext, useContext } from 'react';
import type { SimRunner } from '../../../engine';

/** The simulation runner the views use; the app provides the Web Worker runner. */
export const RunnerContext = createContext<SimRunner | null>(null);

/** Return the app's simulation runner. */
export function useRunner(): SimRunner {
  const runner = useContext(RunnerContext);
  if (!runner) throw new Error('useRunner must be used inside <RunnerContext.Provider>.');
  return runner;
}
