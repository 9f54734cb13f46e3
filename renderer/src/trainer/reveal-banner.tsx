import './trainer.css';
import { formatWeeks } from '../model/format';
import { revealBannerNote } from '../model/reveal';
import { selectCurrentReveal, selectRevealPosition, useAppStore } from '../store';

/**
 * Render, above the charts, where the clock stands while a trainer reveals the scenario step
 * by step, so the room knows why the lines stop and the end-of-run figures read "—" (or, at a step at the
 * horizon, that the whole run is on screen).
 */
export function RevealBanner() {
  const position = useAppStore(selectRevealPosition);
  const reveal = useAppStore(selectCurrentReveal);
  const horizon = useAppStore((s) => s.scenario.horizonWeeks);
  const count = useAppStore((s) => s.scenario.trainer.reveals.length);
  const next = useAppStore((s) => s.nextReveal);
  const end = useAppStore((s) => s.endReveals);
  if (position === null || !reveal) return null;
  const atLast = position >= count - 1;
  return (
    <div className="reveal-banner" role="status">
      <p>
        <strong>
          Week {reveal.week} of {horizon}
          {reveal.week > 0 ? ` (${formatWeeks(reveal.week)} in)` : ''}: {reveal.title}.
        </strong>{' '}
        {revealBannerNote(reveal.week, horizon)}
      </p>
      <div className="reveal-banner-actions">
        {!atLast && (
          <button type="button" onClick={next}>
            Next reveal ▶
          </button>
        )}
        <button type="button" onClick={end}>
          Show whole run
        </button>
      </div>
    </div>
  );
}
