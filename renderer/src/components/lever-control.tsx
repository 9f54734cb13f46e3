import { memo, useId, useRef } from 'react';
import type { LeverDef } from '../../../engine';
import { selectBaselineValue, selectIsLocked, selectLeverValue, useAppStore } from '../store';
import { formatLeverValue } from '../model/format';
import { InfoPopover } from './info-popover';

let gestureCounter = 0;

/** Props of LeverControl. */
export interface LeverControlProps {
  readonly def: LeverDef;
  /** Hide the editing chrome (info and reset) for presentation mode. */
  readonly compact?: boolean;
}

/**
 * Render one board setting: a slider (or a select for discrete levers) with its value and unit
 * always visible, an info control, and a reset to the scenario's value. A locked lever is shown
 * but cannot be moved. One slider drag is one undo step.
 */
export const LeverControl = memo(function LeverControl({ def, compact = false }: LeverControlProps) {
  const value = useAppStore((s) => selectLeverValue(s, def.id));
  const baseline = useAppStore((s) => selectBaselineValue(s, def.id));
  const locked = useAppStore((s) => selectIsLocked(s, def.id));
  const setLever = useAppStore((s) => s.setLever);
  const resetLever = useAppStore((s) => s.resetLever);
  const gesture = useRef<number | null>(null);
  const inputId = useId();
  const changed = value !== baseline;
  const shown = formatLeverValue(def, value);

  return (
    <div className={`lever${changed ? ' lever-changed' : ''}${locked ? ' lever-locked' : ''}`} data-lever={def.id}>
      <div className="lever-head">
        <label htmlFor={inputId} className="lever-label">
          {def.label}
        </label>
        {!def.options && (
          <output htmlFor={inputId} className="lever-value">
            {shown}
          </output>
        )}
      </div>
      <div className="lever-body">
        {def.options ? (
          <select
            id={inputId}
            value={value}
            disabled={locked}
            onChange={(e) => setLever(def.id, Number(e.target.value))}
          >
            {def.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={inputId}
            type="range"
            min={def.min}
            max={def.max}
            step={def.step}
            value={value}
            disabled={locked}
            aria-valuetext={shown}
            onPointerDown={() => {
              gesture.current = ++gestureCounter;
            }}
            onPointerUp={() => {
              gesture.current = null;
            }}
            // A held arrow key auto-repeats: the whole hold is one undo step, each separate press its own.
            onKeyDown={(e) => {
              if (!e.repeat) gesture.current = ++gestureCounter;
            }}
            onKeyUp={() => {
              gesture.current = null;
            }}
            onBlur={() => {
              gesture.current = null;
            }}
            onChange={(e) => setLever(def.id, Number(e.target.value), gesture.current === null ? undefined : { gesture: gesture.current })}
          />
        )}
        {locked ? (
          <span className="lever-lock" title="Locked for this workshop">
            <svg aria-hidden="true" width="18" height="20" viewBox="0 0 18 20" focusable="false">
              <rect x="2" y="9" width="14" height="10" rx="2" fill="currentColor" />
              <path d="M5 9V6a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2.2" />
            </svg>
            <span className="sr-only">Locked for this workshop</span>
          </span>
        ) : (
          !compact && (
            <button
              type="button"
              className="icon-button reset-button"
              disabled={!changed}
              aria-label={`Reset ${def.label} to the scenario's value, ${formatLeverValue(def, baseline)}`}
              title={`Back to ${formatLeverValue(def, baseline)}`}
              onClick={() => resetLever(def.id)}
            >
              ↺
            </button>
          )
        )}
        {!compact && (
          <InfoPopover subject={def.label}>
            <p>{def.explanation}</p>
            <p className="info-source">
              <strong>Source:</strong> {def.source}
            </p>
          </InfoPopover>
        )}
      </div>
      {changed && !compact && <div className="lever-was">scenario: {formatLeverValue(def, baseline)}</div>}
    </div>
  );
});
