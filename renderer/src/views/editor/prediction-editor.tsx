import { SCENARIO_LIMITS, SERIES, type PredictionQuestion } from '../../../../engine';
import { useAppStore } from '../../store';
import type { TrainerScenario } from '../../store/trainer/trainer-slice';
import { AddButton } from './add-button';
import { freshId, setOptional, type ScenarioDraft } from './draft-ops';
import { EditSubjectContext, FieldMessages, NumberField, SelectField, TextField, useFieldProblems } from './fields';
import { fieldDomId } from './problem-fields';

/** The most options a vote may offer (the file format's limit). */
const MAX_OPTIONS = SCENARIO_LIMITS.predictionOptions;

function questionIds(d: TrainerScenario | ScenarioDraft): string[] {
  return d.trainer.reveals.flatMap((r) => (r.predictions ?? []).map((q) => q.id));
}

/** Append a question to a reveal step: a vote between two answers, or a number compared with maturity; return its index. */
export function addPrediction(d: ScenarioDraft, revealIndex: number, kind: PredictionQuestion['kind']): number {
  const reveal = d.trainer.reveals[revealIndex];
  if (!reveal) return -1;
  const id = freshId(kind === 'vote' ? 'vote' : 'figure', questionIds(d));
  const question: PredictionQuestion =
    kind === 'vote'
      ? { kind, id, question: 'What does the room expect by this step?', options: [{ id: 'option-1', label: 'Yes' }, { id: 'option-2', label: 'No' }] }
      : { kind, id, question: 'Where will digital maturity stand by this step?', series: 'maturity' };
  (reveal.predictions ??= []).push(question);
  return reveal.predictions.length - 1;
}

/** Remove a question from a reveal step (a step left with none drops the list, as files without questions have). */
export function removePrediction(d: ScenarioDraft, revealIndex: number, index: number): void {
  const reveal = d.trainer.reveals[revealIndex];
  if (!reveal?.predictions) return;
  reveal.predictions.splice(index, 1);
  if (reveal.predictions.length === 0) delete reveal.predictions;
}

/** Append an answer to a vote; return its index. */
export function addOption(d: ScenarioDraft, revealIndex: number, index: number): number {
  const q = d.trainer.reveals[revealIndex]?.predictions?.[index];
  if (q?.kind !== 'vote') return -1;
  q.options.push({ id: freshId('option', q.options.map((o) => o.id)), label: `Answer ${q.options.length + 1}` });
  return q.options.length - 1;
}

/** Remove an answer from a vote. */
export function removeOption(d: ScenarioDraft, revealIndex: number, index: number, option: number): void {
  const q = d.trainer.reveals[revealIndex]?.predictions?.[index];
  if (q?.kind === 'vote') q.options.splice(option, 1);
}

const SERIES_OPTIONS = SERIES.map((s) => ({ value: s.id, label: s.label }));

function PredictionCard({ draft, revealIndex, index }: { draft: TrainerScenario; revealIndex: number; index: number }) {
  const update = useAppStore((s) => s.updateDraft);
  const q = draft.trainer.reveals[revealIndex]!.predictions![index]!;
  const p = `trainer.reveals[${revealIndex}].predictions[${index}]`;
  const own = useFieldProblems(p);
  const optionProblems = useFieldProblems(`${p}.options`);
  const edit = (recipe: (x: Record<string, unknown>) => void) =>
    update((d) => {
      const x = d.trainer.reveals[revealIndex]?.predictions?.[index];
      if (x) recipe(x as Record<string, unknown>);
    });
  const name = q.question || `Question ${index + 1}`;
  const known = SERIES.some((s) => s.id === q.series);
  const seriesOptions = [
    ...(q.kind === 'vote' ? [{ value: '', label: 'None: show the tally beside the charts' }] : []),
    ...SERIES_OPTIONS,
    ...(q.series !== undefined && !known ? [{ value: q.series, label: `${q.series} (unknown)` }] : []),
  ];
  return (
    <EditSubjectContext.Provider value={`question “${name}”`}>
      <li className="edit-card prediction-card" id={fieldDomId(p)} tabIndex={-1} aria-labelledby={`${fieldDomId(p)}-heading`}>
        <div className="edit-card-head">
          <h4 id={`${fieldDomId(p)}-heading`}>
            <span className="muted">{q.kind === 'vote' ? 'Vote:' : 'Figure:'}</span> {name}
          </h4>
          <button type="button" className="danger" aria-label={`Remove question ${name}`} onClick={() => update((d) => removePrediction(d, revealIndex, index), { step: { label: `remove question “${name}”` } })}>
            Remove
          </button>
        </div>
        <FieldMessages id={`${fieldDomId(p)}-problems`} problems={own} />
        <div className="field-grid">
          <TextField path={`${p}.question`} label="What the room is asked" value={q.question} className="span-2" onChange={(v) => edit((x) => void (x.question = v))} />
          <SelectField
            path={`${p}.series`}
            label={q.kind === 'vote' ? 'Judged by (read at this step’s week)' : 'Compared with (read at this step’s week)'}
            value={q.series ?? ''}
            options={seriesOptions}
            onChange={(v) =>
              edit((x) => {
                setOptional(x, 'series', v === '' ? undefined : v);
                // Without a measure the answers' ranges mean nothing: drop them rather than leave the file refused.
                if (v !== '' || !Array.isArray(x.options)) return;
                for (const o of x.options as Record<string, unknown>[]) {
                  delete o.atLeast;
                  delete o.atMost;
                }
              })
            }
          />
        </div>
        {q.kind === 'vote' && (
          <fieldset className="prediction-options-edit">
            <legend>Answers ({q.options.length})</legend>
            {q.series !== undefined && (
              <p className="muted field-hint">
                The run supports the answer whose range holds the measure at this step’s week (the first, if ranges overlap). Leave a bound empty for none; shares go from 0 to 1.
              </p>
            )}
            <FieldMessages id={`${fieldDomId(`${p}.options`)}-problems`} problems={optionProblems} />
            <ol>
              {q.options.map((o, k) => {
                const op = `${p}.options[${k}]`;
                const set = (key: 'label' | 'atLeast' | 'atMost', v: unknown) =>
                  edit((x) => {
                    const opt = (x.options as Record<string, unknown>[])[k];
                    if (opt) setOptional(opt, key, v);
                  });
                return (
                  <li key={k} className="field-grid" id={fieldDomId(op)}>
                    <TextField path={`${op}.label`} label={`Answer ${k + 1}`} value={o.label} onChange={(v) => set('label', v)} />
                    {q.series !== undefined && (
                      <>
                        <NumberField path={`${op}.atLeast`} label="Supported from" value={o.atLeast} onChange={(v) => set('atLeast', v)} />
                        <NumberField path={`${op}.atMost`} label="Supported up to" value={o.atMost} onChange={(v) => set('atMost', v)} />
                      </>
                    )}
                    <button type="button" className="danger" aria-label={`Remove answer ${o.label || k + 1}`} disabled={q.options.length <= 2} onClick={() => update((d) => removeOption(d, revealIndex, index, k), { step: { label: `remove answer “${o.label || k + 1}” of question “${name}”` } })}>
                      Remove
                    </button>
                  </li>
                );
              })}
            </ol>
            <AddButton count={q.options.length} max={MAX_OPTIONS} noun="answers" onAdd={() => update((d) => void addOption(d, revealIndex, index), { step: { label: `add an answer to question “${name}”` } })}>
              + Add answer
            </AddButton>
          </fieldset>
        )}
      </li>
    </EditSubjectContext.Provider>
  );
}

/**
 * Render a reveal step's questions for the room: each is asked before the step and set against the run at its week.
 * A vote's answers can each give the range of the chosen measure that supports them (shares as 0–1).
 */
export function PredictionQuestions({ draft, revealIndex }: { draft: TrainerScenario; revealIndex: number }) {
  const update = useAppStore((s) => s.updateDraft);
  const questions = draft.trainer.reveals[revealIndex]?.predictions ?? [];
  const headingId = fieldDomId(`trainer.reveals[${revealIndex}].predictions`);
  return (
    <section className="prediction-questions span-3" aria-labelledby={`${headingId}-heading`}>
      <div className="edit-section-head">
        <h4 id={`${headingId}-heading`}>Questions for the room before this step ({questions.length})</h4>
        <div className="button-row">
          <button type="button" disabled={questions.length >= SCENARIO_LIMITS.predictions} onClick={() => update((d) => void addPrediction(d, revealIndex, 'number'), { step: { label: 'add a figure to predict' } })}>
            + Add a figure to predict
          </button>
          <AddButton count={questions.length} max={SCENARIO_LIMITS.predictions} noun="questions for one step" onAdd={() => update((d) => void addPrediction(d, revealIndex, 'vote'), { step: { label: 'add a vote' } })}>
            + Add a vote
          </AddButton>
        </div>
      </div>
      {questions.length > 0 && (
        <ol className="edit-cards">
          {questions.map((_, k) => (
            <PredictionCard key={k} draft={draft} revealIndex={revealIndex} index={k} />
          ))}
        </ol>
      )}
    </section>
  );
}
