import type { SliceCreator } from '../app-state';
import type { UiSlice } from './ui-state';

export type { UiSlice } from './ui-state';

/** Create the ui slice. */
export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  view: 'explore',
  presentation: false,
  uncertainty: 'all',
  setUncertainty: (u) =>
    set((s) => {
      s.uncertainty = u;
    }),
  setView: (id) =>
    set((s) => {
      s.view = id;
    }),
  setPresentation: (on) =>
    set((s) => {
      s.presentation = on;
    }),
  togglePresentation: () =>
    set((s) => {
      s.presentation = !s.presentation;
    }),
});
