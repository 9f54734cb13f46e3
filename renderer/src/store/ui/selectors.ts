import type { UiSlice } from './ui-slice';

/** Return the id of the current view. */
export const selectView = (s: UiSlice): string => s.view;

/** Return whether presentation mode is on. */
export const selectPresentation = (s: UiSlice): boolean => s.presentation;
