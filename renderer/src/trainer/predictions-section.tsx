import { useId, useState } from 'react';
import type { MonteCarloResult, PredictionQuestion, RunResult } from '../../../engine';
import { buildPredictionDebrief } from '../model/prediction-debrief';
import { seriesLabel } from '../model/metadata';
import {
  debriefRows,
  figureEntry,
  figuresText,
  outcomeAt,
  questionsAnsweredNow,
  questionsToAsk,
  readFigures,
  stepToAsk,
  type DebriefRow,
  type RoomAnswer,
} from '../model/predictions';
import { orderReveals } from '../model/reveal';
import { getPlatform } from '../platform';
import { printHtml } from '../analyst/print';
import { selectEndingHidden, selectRevealPosition, selectRoomAnswers, useAppStore, type AppState } from '../store';

/** What the run gives, for setting the room's answers against it. */
export interface PredictionOutcomeProps {
  /** The Monte Carlo of the current settings (its medians are the typical outcome), null before it is in. */
  readonly typical?: MonteCarloResult | null;
  /** The current settings' quick estimate, for series the Monte Carlo keeps no band of. */
  readonly run?: RunResult | null;
}

/** Return the debrief's rows for the loaded scenario, reading the run as given. */
function useDebriefRows({ typical = null, run = null }: PredictionOutcomeProps): DebriefRow[] {
  const reveals = useAppStore((s) => s.scenario.trainer.reveals);
  const position = useAppStore(selectRevealPosition);
  const answers = useAppStore(selectRoomAnswers);
  return debriefRows(reveals, answers, position, (series, week) => outcomeAt(series, week, typical, run));
}

function VoteQuestion({ question }: { question: Extract<PredictionQuestion, { kind: 'vote' }> }) {
  const answer = useAppStore((s) => selectRoomAnswers(s)[question.id]);
  const record = useAppStore((s) => s.recordVotes);
  const counts = answer?.kind === 'vote' ? answer.counts : {};
  return (
    <fieldset className="prediction" data-prediction={question.id}>
      <legend>{question.question}</legend>
      <div className="prediction-options">
        {question.options.map((o) => (
          <label key={o.id} className="prediction-option">
            <span>
              <span className="sr-only">Votes for </span>
              {o.label}
            </span>
            <input
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              placeholder="0"
              value={counts[o.id] ? String(counts[o.id]) : ''}
              onChange={(e) => record(question.id, o.id, e.target.value === '' ? 0 : Number(e.target.value))}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function sameFigures(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) < 1e-9);
}

function NumberQuestion({ question }: { question: Extract<PredictionQuestion, { kind: 'number' }> }) {
  const answer = useAppStore((s) => selectRoomAnswers(s)[question.id]);
  const record = useAppStore((s) => s.recordFigures);
  const figures = answer?.kind === 'number' ? answer.figures : [];
  const [text, setText] = useState(() => figuresText(question.series, figures));
  const [problem, setProblem] = useState<string | null>(null);
  const [seen, setSeen] = useState<RoomAnswer | undefined>(answer);
  if (seen !== answer) {
    // Answers changed elsewhere (cleared, or put back from an earlier session): show them unless the text says the same.
    setSeen(answer);
    const typed = readFigures(question.series, text);
    if (!typed.ok || !sameFigures(typed.figures, figures)) {
      setText(figuresText(question.series, figures));
      setProblem(null);
    }
  }
  const id = useId();
  const entry = figureEntry(question.series);
  return (
    <div className="prediction" data-prediction={question.id}>
      <label htmlFor={`${id}-figures`} className="prediction-question">
        {question.question}
      </label>
      <p id={`${id}-hint`} className="muted prediction-hint">
        {entry.hint}. Compared with {seriesLabel(question.series).toLowerCase()} at the reveal.
      </p>
      <input
        id={`${id}-figures`}
        type="text"
        inputMode="decimal"
        value={text}
        aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
        aria-invalid={problem !== null}
        onChange={(e) => {
          setText(e.target.value);
          const read = readFigures(question.series, e.target.value);
          setProblem(read.ok ? null : read.message);
          if (read.ok) record(question.id, read.figures);
        }}
      />
      {problem && (
        <p id={`${id}-problem`} className="prediction-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/**
 * Render the questions the room answers before the next reveal, with fields to record its votes or figures. Only
 * the questions show: what the run gives at that week waits for the reveal.
 */
export function AskPredictions() {
  const reveals = useAppStore((s) => s.scenario.trainer.reveals);
  const position = useAppStore(selectRevealPosition);
  const asked = questionsToAsk(reveals, position);
  const headingId = useId();
  if (asked.length === 0) return null;
  const next = orderReveals(reveals)[stepToAsk(position)];
  return (
    <section className="predictions-ask" aria-labelledby={headingId} data-testid="predictions-ask">
      <h4 id={headingId}>Ask the room before the {position === null ? 'first reveal' : 'next reveal'}</h4>
      <p className="muted">Record what the room predicts; it is set against the run at week {next?.week ?? '—'} when that step is revealed.</p>
      {asked.map(({ question }) => (question.kind === 'vote' ? <VoteQuestion key={question.id} question={question} /> : <NumberQuestion key={question.id} question={question} />))}
    </section>
  );
}

/** Render, at a reveal step, what the room predicted for it against what the run gives at its week. */
export function StepPredictions(props: PredictionOutcomeProps) {
  const reveals = useAppStore((s) => s.scenario.trainer.reveals);
  const position = useAppStore(selectRevealPosition);
  const rows = useDebriefRows(props);
  const now = new Set(questionsAnsweredNow(reveals, position).map((q) => q.question.id));
  return <StepPredictionsList rows={rows.filter((r) => now.has(r.id))} />;
}

/** Render one question with the room's answer, the run's figure and how they compare. */
function PredictionAgainstRun({ row }: { readonly row: DebriefRow }) {
  return (
    <>
      <p className="prediction-question">{row.question}</p>
      <dl>
        <dt>The room</dt>
        <dd>{row.room}</dd>
        <dt>The run</dt>
        <dd>{row.model}</dd>
      </dl>
      {row.verdict && <p className="prediction-verdict">{row.verdict}</p>}
    </>
  );
}

/** Render the questions of the step the clock stands at, each with the room's answer, the run's figure and how they compare. */
export function StepPredictionsList({ rows }: { readonly rows: readonly DebriefRow[] }) {
  const headingId = useId();
  if (rows.length === 0) return null;
  return (
    <section className="predictions-shown" aria-labelledby={headingId} data-testid="predictions-shown">
      <h4 id={headingId}>The room’s predictions against the run</h4>
      <ul>
        {rows.map((r) => (
          <li key={r.id} data-prediction-result={r.id}>
            <PredictionAgainstRun row={r} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Render the debrief's rows in the panel: every question with the room's answer, the run's figure (once its step is
 * reached) and the comparison; a list rather than a table, as the panel is narrow (the saved page has the table).
 */
export function DebriefList({ rows }: { readonly rows: readonly DebriefRow[] }) {
  if (rows.length === 0) return <p className="muted">This scenario asks the room no prediction questions; the debrief lists its objectives and closing questions.</p>;
  return (
    <ol className="debrief-list" aria-label="What the room predicted before each reveal, against the run at that week">
      {rows.map((r) => (
        <li key={r.id} data-debrief={r.id}>
          <p className="debrief-step muted">{r.step}</p>
          <PredictionAgainstRun row={r} />
        </li>
      ))}
    </ol>
  );
}

function debriefHtml(s: AppState, rows: readonly DebriefRow[]): string {
  return buildPredictionDebrief({
    scenario: s.scenario.title,
    preparedOn: new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
    lesson: selectEndingHidden(s) ? '' : s.scenario.lesson,
    objectives: s.scenario.trainer.objectives,
    questions: s.scenario.trainer.questions,
    rows,
  });
}

/**
 * Render the debrief: every prediction question with the room's answer and, once the reveal has reached its step,
 * the run's figure; it saves or prints as a page of its own, and a new session starts by clearing the answers.
 */
export function DebriefSection(props: PredictionOutcomeProps) {
  const rows = useDebriefRows(props);
  const id = useAppStore((s) => s.scenario.id);
  const recorded = useAppStore((s) => Object.keys(selectRoomAnswers(s)).length);
  const clear = useAppStore((s) => s.clearPredictions);
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const html = () => debriefHtml(useAppStore.getState(), rows);
  async function save() {
    try {
      const saved = await getPlatform().exportFile(`${id}-debrief.html`, new Blob([html()], { type: 'text/html;charset=utf-8' }));
      setStatus(saved ? 'Debrief saved.' : null);
    } catch (e) {
      setStatus(`Could not save the debrief: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  async function print() {
    try {
      await printHtml(html(), { id: 'predictions-debrief', title: 'Debrief print view' });
      setStatus('Print view opened: choose "Save as PDF" as the printer to make a PDF.');
    } catch (e) {
      setStatus(`Could not print the debrief: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return (
    <div className="debrief" data-testid="debrief">
      <DebriefList rows={rows} />
      <div className="button-row">
        <button type="button" onClick={() => void save()}>
          Save the debrief…
        </button>
        <button type="button" onClick={() => void print()}>
          Print the debrief…
        </button>
        {recorded > 0 &&
          (confirming ? (
            <>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  clear();
                  setConfirming(false);
                  setStatus('The room’s predictions are cleared for a new session.');
                }}
              >
                Yes, clear {recorded} {recorded === 1 ? 'answer' : 'answers'}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Keep them
              </button>
            </>
          ) : (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              Clear the room’s predictions…
            </button>
          ))}
      </div>
      <p role="status" className="muted">
        {status}
      </p>
    </div>
  );
}
