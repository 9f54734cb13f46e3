import type { EventMark } from './event-lines';

/** Render what each numbered event line on a chart means, in order. */
export function EventList({ events }: { events: readonly EventMark[] }) {
  if (events.length === 0) return null;
  return (
    <ol className="event-list" aria-label="Events on the chart">
      {events.map((e, i) => (
        <li key={i}>
          <span className="event-number" aria-hidden="true">
            {i + 1}
          </span>
          {e.label} <span className="muted">(year {e.x.toFixed(1)})</span>
        </li>
      ))}
    </ol>
  );
}
