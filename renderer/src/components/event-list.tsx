import { AXIS_START, yearsTickLabel } from '../model/calendar';
import { useId, useState } from 'react';
import type { EventMark } from './event-lines';

/** How many events the list under a chart shows before the reader asks for the rest. */
export const EVENT_LIST_SHOWN = 12;

/**
 * Render what each numbered event line on a chart means, in order: the first EVENT_LIST_SHOWN,
 * and a button that shows the rest (numbers stay those of the chart's markers).
 */
export function EventList({ events }: { events: readonly EventMark[] }) {
  const [showAll, setShowAll] = useState(false);
  const listId = useId();
  if (events.length === 0) return null;
  const more = events.length > EVENT_LIST_SHOWN;
  const shown = more && !showAll ? events.slice(0, EVENT_LIST_SHOWN) : events;
  return (
    <>
      <ol className="event-list" id={listId} aria-label="Events on the chart">
        {shown.map((e, i) => (
          <li key={i}>
            <span className="event-number" aria-hidden="true">
              {i + 1}
            </span>
            {e.label} <span className="muted">({yearsTickLabel(AXIS_START, Math.round(e.x * 52) / 52)})</span>
          </li>
        ))}
      </ol>
      {more && (
        <button type="button" className="link-button" aria-expanded={showAll} aria-controls={listId} onClick={() => setShowAll((v) => !v)}>
          {showAll ? `Show the first ${EVENT_LIST_SHOWN} events only` : `Show all ${events.length} events`}
        </button>
      )}
    </>
  );
}
