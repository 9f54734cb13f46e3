import { memo } from 'react';
import { UNCERTAINTY_MODES, type Uncertainty } from '../../../../engine';
import { useAppStore } from '../../store';

/** The words for each uncertainty mode, as the switch offers them. */
const MODE_LABELS: Readonly<Record<Uncertainty, string>> = {
  all: "Luck and the model's assumptions",
  noise: 'Luck alone',
};

/**
 * Let the board choose what the likely range includes: the model's own uncertain assumptions as well as luck
 * (the default), or luck alone. The bands, the typical outcome and the pins follow the choice.
 */
export const UncertaintySwitch = memo(function UncertaintySwitch() {
  const uncertainty = useAppStore((s) => s.uncertainty);
  const setUncertainty = useAppStore((s) => s.setUncertainty);
  return (
    <fieldset className="uncertainty-switch" data-testid="uncertainty-switch">
      <legend>The likely range includes</legend>
      {UNCERTAINTY_MODES.map((mode) => (
        <label key={mode}>
          <input type="radio" name="uncertainty" value={mode} checked={uncertainty === mode} onChange={() => setUncertainty(mode)} />
          {MODE_LABELS[mode]}
        </label>
      ))}
    </fieldset>
  );
});
