import { useAppStore } from '../../store';

/**
 * Render, while an edited journey is tried from Edit journey, what the charts compare (the edit against the
 * scenario as loaded) and the two ways out: keep the edit as the scenario, or go back to the scenario as loaded.
 */
export function TriedEditNotice() {
  const loaded = useAppStore((s) => s.loadedScenario);
  const keep = useAppStore((s) => s.keepTriedScenario);
  const back = useAppStore((s) => s.backToLoadedScenario);
  if (!loaded) return null;
  return (
    <div className="notice tried-edit" role="status" data-testid="tried-edit">
      <p>
        <strong>Before and after:</strong> “{EDITED_JOURNEY}” is your edit from Edit journey; “Scenario as loaded” is “{loaded.title}” as it was
        before the edit.
      </p>
      <div className="button-row">
        <button type="button" onClick={keep}>
          Keep the edit as the scenario
        </button>
        <button type="button" onClick={back}>
          Back to the scenario as loaded
        </button>
      </div>
    </div>
  );
}

/** What the current settings' column and lines are called while an edited journey is tried. */
export const EDITED_JOURNEY = 'Edited journey';
