import { useMemo, useState } from 'react';
import { pairedScenarios } from '../../library/prepared';
import { PIN_COLOURS } from '../../components/palette';
import { MAX_PINS } from '../../store/scenario/scenario-slice';
import { useAppStore } from '../../store';

/** Props of PinsPanel. */
export interface PinsPanelProps {
  /** Per pin id, how robust the pin is against the scenario as loaded, in words (absent while its runs compute). */
  readonly odds?: ReadonlyMap<string, string>;
}

/**
 * Render the pinned what-ifs: pin the current settings under a name, pin a prepared variant (or the case it
 * varies) in one step, rename, apply or remove a pin.
 */
export function PinsPanel({ odds }: PinsPanelProps = {}) {
  const pins = useAppStore((s) => s.pins);
  const pin = useAppStore((s) => s.pin);
  const unpin = useAppStore((s) => s.unpin);
  const renamePin = useAppStore((s) => s.renamePin);
  const applyPin = useAppStore((s) => s.applyPin);
  const pinScenario = useAppStore((s) => s.pinScenario);
  const scenario = useAppStore((s) => s.scenario);
  const paired = useMemo(() => pairedScenarios(scenario), [scenario]);
  const [name, setName] = useState('');
  const full = pins.length >= MAX_PINS;
  return (
    <div className="pins">
      <form
        className="pin-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (pin(name || `What-if ${pins.length + 1}`)) setName('');
        }}
      >
        <label htmlFor="pin-name" className="sr-only">
          Name for this what-if
        </label>
        <input
          id="pin-name"
          type="text"
          value={name}
          maxLength={40}
          placeholder={`What-if ${pins.length + 1}`}
          disabled={full}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={full}>
          Pin what-if
        </button>
      </form>
      {paired.map((other) => {
        const pinned = pins.some((p) => p.scenario?.id === other.id);
        return (
          <button key={other.id} type="button" className="pin-variant" disabled={full || pinned} onClick={() => pinScenario(other.title, other)}>
            {pinned ? 'Pinned: ' : other.variantOf === scenario.id ? 'Compare with the variant: ' : 'Compare with the case: '}
            {other.title}
          </button>
        );
      })}
      {full && <p className="muted">Four what-ifs are pinned; remove one to pin another.</p>}
      {pins.length > 0 && (
        <ul className="pin-list" aria-label="Pinned what-ifs">
          {pins.map((p, i) => (
            <li key={p.id}>
              <span className="swatch" style={{ background: PIN_COLOURS[i % PIN_COLOURS.length] }} aria-hidden="true" />
              <input
                type="text"
                aria-label={`Name of pinned what-if ${i + 1}`}
                defaultValue={p.name}
                maxLength={40}
                onBlur={(e) => renamePin(p.id, e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') e.currentTarget.blur();
                }}
              />
              {p.scenario ? (
                <span className="muted pin-scenario" title={p.scenario.title}>
                  another scenario
                </span>
              ) : (
                <button type="button" onClick={() => applyPin(p.id)} aria-label={`Use the levers of ${p.name}`}>
                  Use
                </button>
              )}
              <button type="button" className="icon-button" onClick={() => unpin(p.id)} aria-label={`Remove ${p.name}`}>
                ×
              </button>
              {odds?.get(p.id) && (
                <span className="pin-odds muted" data-testid="pin-odds">
                  {odds.get(p.id)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
