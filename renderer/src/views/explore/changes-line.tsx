import { LEVERS } from '../../../../engine';
import { formatLeverValue } from '../../model/format';
import { leverDefault, useAppStore } from '../../store';

/** Render, in one line, which levers differ from the scenario as loaded and how, so the room knows what the lines compare. */
export function ChangesLine() {
  const overrides = useAppStore((s) => s.overrides);
  const scenarioLevers = useAppStore((s) => s.scenario.levers);
  const baselineOf = (id: string) => scenarioLevers[id] ?? leverDefault(id);
  const changed = LEVERS.filter((l) => overrides[l.id] !== undefined);
  if (changed.length === 0) {
    return (
      <p className="changes muted" data-testid="changes">
        Showing the scenario as loaded. Move a lever to see a what-if.
      </p>
    );
  }
  return (
    <p className="changes" data-testid="changes">
      <strong>Your what-if:</strong>{' '}
      {changed.map((l, i) => (
        <span key={l.id}>
          {i > 0 && ' · '}
          {l.label} <strong>{formatLeverValue(l, overrides[l.id]!)}</strong>{' '}
          <span className="muted">(was {formatLeverValue(l, baselineOf(l.id))})</span>
        </span>
      ))}
    </p>
  );
}
