import type { SliceCreator } from '../app-state';
import type { UiSlice } from './ui-state';

export type { UiSlice } from './ui-state';

/** Create the ui slice. */
export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  view: 'explore',
  presentation: false,
  audience: false,
  uncertainty: 'all',
  becomeAudience: () =>
    set((s) => {
      s.audience = true;
      s.presentation = true;
      s.view = 'explore';
    }),
  setUncertainty: (u) =>
    set((s) => {
      s.uncertainty = u;
    }),
  setView: (id) =>
    set((s) => {
      s.view = id;
    }),
  // The audience's screen stays in presentation mode: only the presenter's window leaves it.
  setPresentation: (on) =>
    set((s) => {
      s.presentation = on || s.audience;
    }),
  togglePresentation: () =>
    set((s) => {
      s.presentation = !s.presentation || s.audience;
    }),
});
