import { create, type StateCreator } from 'zustand';
import { immer } from 'zustand/middleware/immer';
import { createScenarioSlice, type ScenarioSlice } from './scenario/scenario-slice';
import { createUiSlice, type UiSlice } from './ui/ui-slice';
import { createRunsSlice, type RunsSlice } from './runs/runs-slice';
import { createTrainerSlice, type TrainerSlice } from './trainer/trainer-slice';

/*
 * The app's single store. Each slice lives in its own folder (store/<slice>/) with its state,
 * actions and selectors, and is written against the whole AppState so that an action can read
 * other slices. The immer middleware is applied once, here, where the slices combine.
 *
 * To register a slice (e.g. `trainer`, `runs`):
 *   1. add its interface to the `extends` list of AppState below, and
 *   2. spread its creator into the object passed to immer: `...createTrainerSlice(...a),`.
 * Slice creators are typed `SliceCreator<TrainerSlice>`.
 *
 * Large simulation series (Float64Array) never enter the store: immer would freeze them and
 * chart.js mutates its datasets. Results live in the runner's caches (renderer/src/sim/).
 */

/** Everything the app store holds: the intersection of every registered slice. */
export interface AppState extends ScenarioSlice, UiSlice, RunsSlice, TrainerSlice {}

/** The type of a slice creator: a function of the whole store's set/get, returning one slice. */
export type SliceCreator<Slice> = StateCreator<AppState, [['zustand/immer', never]], [], Slice>;

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

export type { ScenarioSlice, PinnedWhatIf } from './scenario/scenario-slice';
export type { UiSlice } from './ui/ui-slice';
export * from './scenario/selectors';
export type { TrainerSlice } from './trainer/trainer-slice';
export * from './trainer/selectors';
