import { create } from 'zustand';
import { immer } from 'zustand/middleware/immer';
import type { AppState } from './app-state';
import { createScenarioSlice } from './scenario/scenario-slice';
import { createUiSlice } from './ui/ui-slice';
import { createRunsSlice } from './runs/runs-slice';
import { createTrainerSlice } from './trainer/trainer-slice';

/*
 * The app's single store. Each slice lives in its own folder (store/<slice>/) with its state,
 * actions and selectors, and is written against the whole AppState so that an action can read
 * other slices. The immer middleware is applied once, here, where the slices combine.
 *
 * To register a slice (e.g. `trainer`, `runs`):
 *   1. declare its state in store/<slice>/<slice>-state.ts and add it to AppState's `extends` list
 *      in app-state.ts, and
 *   2. spread its creator into the object passed to immer: `...createTrainerSlice(...a),`.
 * Slice creators are typed `SliceCreator<TrainerSlice>`.
 *
 * Large simulation series (Float64Array) never enter the store: immer would freeze them and
 * chart.js mutates its datasets. Results live in the runner's caches (renderer/src/sim/).
 */

export type { AppState, SliceCreator } from './app-state';

/** Create a fresh store (tests use this to start from a clean state; the app uses `useAppStore`). */
export function createAppStore() {
  return create<AppState>()(
    immer((...a) => ({
      ...createScenarioSlice(...a),
      ...createUiSlice(...a),
      ...createRunsSlice(...a),
      ...createTrainerSlice(...a),
    })),
  );
}

/** The app's store hook: `useAppStore((s) => s.scenario)`, `useAppStore.getState().setLever(...)`. */
export const useAppStore = createAppStore();

export type { ScenarioSlice, PinnedWhatIf } from './scenario/scenario-state';
export type { UiSlice } from './ui/ui-state';
export * from './scenario/selectors';
export type { TrainerSlice } from './trainer/trainer-state';
export * from './trainer/selectors';
