import { formatWeeks } from '../model/format';
import { selectCurrentReveal, selectRevealPosition, useAppStore } from '../store';
import { orderReveals } from '../model/reveal';
import { AskPredictions, StepPredictions, type PredictionOutcomeProps } from './predictions-section';

/**
 * Render the reveal stepper: the simulation clock moves from one scripted moment of the
 * scenario to the next; the charts show only the weeks so far; the trainer's note for that
 * moment is shown (and announced) here, with the room's predictions for it against the run
 * (`typical` and `run`), and (with `asking`) the fields that record the room's answers to the
 * next step's questions.
 */
export function RevealStepper({ typical = null, run = null, asking = true }: PredictionOutcomeProps & { readonly asking?: boolean }) {
  const reveals = useAppStore((s) => s.scenario.trainer.reveals);
  const position = useAppStore(selectRevealPosition);
  const current = useAppStore(selectCurrentReveal);
  const start = useAppStore((s) => s.startReveals);
  const next = useAppStore((s) => s.nextReveal);
  const previous = useAppStore((s) => s.previousReveal);
  const end = useAppStore((s) => s.endReveals);
  const ordered = orderReveals(reveals);
  if (ordered.length === 0) return <p className="muted">This scenario has no scripted reveals.</p>;
  const atLast = position !== null && position >= ordered.length - 1;
  return (
    <div className="reveal-stepper">
      <div className="button-row">
        {position === null ? (
          <button type="button" className="primary" onClick={start}>
            Start reveals ({ordered.length} steps)
          </button>
        ) : (
          <>
            <button type="button" onClick={previous} disabled={position === 0}>
              ◀ Previous
            </button>
            <button type="button" className="primary" onClick={next} disabled={atLast}>
              Next reveal ▶
            </button>
            <button type="button" onClick={end}>
              Show whole run
            </button>
          </>
        )}
      </div>
      <div aria-live="polite" className="reveal-now">
        {current && position !== null ? (
          <>
            <p className="reveal-where">
              Step {position + 1} of {ordered.length} · week {current.week} ({current.week === 0 ? 'the start' : `after ${formatWeeks(current.week)}`}) · charts stop here
            </p>
            <h4 className="reveal-title">{current.title}</h4>
            <p className="reveal-note">
              <span className="sr-only">Trainer's note: </span>
              {current.note}
            </p>
          </>
        ) : (
          <p className="muted">The charts show the whole run. Start the reveals to hide the future and uncover it step by step.</p>
        )}
      </div>
      <StepPredictions typical={typical} run={run} />
      {asking && <AskPredictions />}
    </div>
  );
}
