import type { Uncertainty } from '../../../../engine';

/** The ui slice: which view is showing and whether the app is in presentation mode. */
export interface UiSlice {
  /** Id of the current view (an id from views/registry.tsx). */
  view: string;
  /** Presentation mode: large type, high contrast, editing chrome hidden. */
  presentation: boolean;
  /**
   * This window is the audience's screen (on the projector): it shows what the presenter's window sends, in
   * presentation mode, and takes no input of its own (platform/audience-sync.ts).
   */
  audience: boolean;
  /** Make this window the audience's screen. */
  becomeAudience(): void;
  /**
   * Which uncertainty the bands and typical outcomes show: 'all' (the default, the honest choice: luck and the
   * model's own assumptions) or 'noise' (luck alone).
   */
  uncertainty: Uncertainty;
  /** Choose the uncertainty the bands show. */
  setUncertainty(u: Uncertainty): void;
  /** Show a view by id. */
  setView(id: string): void;
  /** Turn presentation mode on or off. */
  setPresentation(on: boolean): void;
  /** Flip presentation mode. */
  togglePresentation(): void;
}
