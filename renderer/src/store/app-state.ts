import type { StateCreator } from 'zustand';
import type { RunsSlice } from './runs/runs-state';
import type { ScenarioSlice } from './scenario/scenario-state';
import type { TrainerSlice } from './trainer/trainer-state';
import type { UiSlice } from './ui/ui-state';

// The store's types, below the slices: each slice's state is declared in its folder's *-state.ts, so a
// slice, its selectors and the store import these without importing one another.

/** Everything the app store holds: the intersection of every registered slice. */
export interface AppState extends ScenarioSlice, UiSlice, RunsSlice, TrainerSlice {}

/** The type of a slice creator: a function of the whole store's set/get, returning one slice. */
export type SliceCreator<Slice> = StateCreator<AppState, [['zustand/immer', never]], [], Slice>;
