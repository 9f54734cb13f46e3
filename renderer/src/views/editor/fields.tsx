import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { withDraftStep } from '../../store/trainer/trainer-slice';
import { fieldDomId, type PathProblem } from './problem-fields';

/** The validator's problems by field path, for the fields below to show beside themselves. */
export const FieldProblemsContext = createContext<ReadonlyMap<string, readonly PathProblem[]>>(new Map());

/** Return the problems the validator reports for one field path. */
export function useFieldProblems(path: string): readonly PathProblem[] {
  return useContext(FieldProblemsContext).get(path) ?? [];
}

/** Render the validator's messages for a field (nothing when it has none). */
export function FieldMessages({ id, problems }: { id: string; problems: readonly PathProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="field-problems" id={id}>
      {problems.map((p, i) => (
        <li key={i}>
          <span aria-hidden="true">⚠ </span>
          {p.message}
        </li>
      ))}
    </ul>
  );
}

/** What the fields inside belong to (e.g. `initiative “e-CARE EPR phase 1”`), to name their undo steps. */
export const EditSubjectContext = createContext<string | null>(null);

let visits = 0;

/**
 * Return how a field's edits enter the editor's undo history: named after the field and what it
 * belongs to; what is typed during one visit to the field (focus to blur) is one step, and each
 * choice (a select, a checkbox) a step of its own.
 */
function useEditStep(label: string, path: string) {
  const subject = useContext(EditSubjectContext);
  const visit = useRef(0);
  const name = `change “${label}”${subject ? ` of ${subject}` : ''}`;
  return {
    onFocus: () => {
      visit.current = ++visits;
    },
    typed: (edit: () => void) => withDraftStep({ label: name, merge: `${path}#${visit.current}` }, edit),
    chose: (edit: () => void) => withDraftStep({ label: name }, edit),
  };
}

interface FieldProps {
  /** The value's path in the scenario file, e.g. `initiatives[2].effortWeeks`. */
  readonly path: string;
  readonly label: string;
  /** A short hint shown under the label. */
  readonly hint?: string;
  readonly className?: string;
}

function FieldShell({ path, label, hint, className, children }: FieldProps & { children: (a11y: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode }) {
  const problems = useFieldProblems(path);
  const id = fieldDomId(path);
  const errorId = `${id}-problems`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', problems.length ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${problems.length ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(problems.length ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {hint && (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      )}
      <FieldMessages id={errorId} problems={problems} />
    </div>
  );
}

/** Render a one-line text field. */
export function TextField(props: FieldProps & { readonly value: string; readonly onChange: (value: string) => void }) {
  const step = useEditStep(props.label, props.path);
  return (
    <FieldShell {...props}>
      {(a) => <input type="text" {...a} value={props.value} onFocus={step.onFocus} onChange={(e) => step.typed(() => props.onChange(e.target.value))} />}
    </FieldShell>
  );
}

/** Render a multi-line text field. */
export function TextAreaField(props: FieldProps & { readonly value: string; readonly rows?: number; readonly onChange: (value: string) => void }) {
  const step = useEditStep(props.label, props.path);
  return (
    <FieldShell {...props}>
      {(a) => <textarea {...a} rows={props.rows ?? 3} value={props.value} onFocus={step.onFocus} onChange={(e) => step.typed(() => props.onChange(e.target.value))} />}
    </FieldShell>
  );
}

function showNumber(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value);
}

/**
 * Render a number field. What the person types goes into the draft as a number when it reads
 * as one, as the typed text when it does not, and as nothing when the box is empty, so the
 * file validator judges it and its message appears here.
 */
export function NumberField(
  props: FieldProps & {
    readonly value: number | undefined;
    readonly onChange: (value: number | undefined) => void;
    readonly min?: number;
    readonly max?: number;
    readonly step?: number | 'any';
    readonly unit?: string;
  },
) {
  const [text, setText] = useState(showNumber(props.value));
  const step = useEditStep(props.label, props.path);
  // Follow the draft when it changes from elsewhere (undo, another field's rename), but not
  // while the typed text already means the same value (e.g. "1." while typing "1.5").
  useEffect(() => {
    setText((t) => (t.trim() !== '' && Number(t) === props.value ? t : showNumber(props.value)));
  }, [props.value]);
  return (
    <FieldShell {...props}>
      {(a) => (
        <span className="number-input">
          <input
            type="text"
            inputMode="decimal"
            {...a}
            value={text}
            onFocus={step.onFocus}
            onChange={(e) => {
              const t = e.target.value;
              setText(t);
              const trimmed = t.trim();
              step.typed(() => {
                if (trimmed === '') props.onChange(undefined);
                else if (Number.isFinite(Number(trimmed))) props.onChange(Number(trimmed));
                else props.onChange(trimmed as unknown as number);
              });
            }}
          />
          {props.unit && <span className="unit">{props.unit}</span>}
        </span>
      )}
    </FieldShell>
  );
}

/** Render a choice from a short list. */
export function SelectField<V extends string>(
  props: FieldProps & { readonly value: V; readonly options: readonly { value: V; label: string }[]; readonly onChange: (value: V) => void },
) {
  const step = useEditStep(props.label, props.path);
  return (
    <FieldShell {...props}>
      {(a) => (
        <select {...a} value={props.value} onChange={(e) => step.chose(() => props.onChange(e.target.value as V))}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** Render a yes/no field as a checkbox with its label beside it. */
export function CheckboxField(props: FieldProps & { readonly checked: boolean; readonly onChange: (checked: boolean) => void }) {
  const problems = useFieldProblems(props.path);
  const step = useEditStep(props.label, props.path);
  const id = fieldDomId(props.path);
  const errorId = `${id}-problems`;
  return (
    <div className={`field field-checkbox${problems.length ? ' field-invalid' : ''}`}>
      <input
        type="checkbox"
        id={id}
        checked={props.checked}
        onChange={(e) => step.chose(() => props.onChange(e.target.checked))}
        {...(problems.length ? { 'aria-invalid': true, 'aria-describedby': errorId } : {})}
      />
      <label htmlFor={id}>{props.label}</label>
      <FieldMessages id={errorId} problems={problems} />
    </div>
  );
}

/**
 * Render a set of checkboxes (e.g. prerequisites) as one labelled group whose problems, such as
 * a cycle or an unknown id, show under the group.
 */
export function CheckboxGroupField(
  props: FieldProps & {
    readonly options: readonly { value: string; label: string }[];
    readonly selected: readonly string[];
    readonly onToggle: (value: string, on: boolean) => void;
    readonly empty?: string;
  },
) {
  const problems = useFieldProblems(props.path);
  const step = useEditStep(props.label, props.path);
  const id = fieldDomId(props.path);
  const errorId = `${id}-problems`;
  const uid = useId();
  const unknown = props.selected.filter((s) => !props.options.some((o) => o.value === s));
  return (
    <fieldset
      className={`field field-group${problems.length ? ' field-invalid' : ''}${props.className ? ` ${props.className}` : ''}`}
      id={id}
      tabIndex={-1}
      {...(problems.length ? { 'aria-invalid': true, 'aria-describedby': errorId } : {})}
    >
      <legend>{props.label}</legend>
      {props.options.length === 0 && unknown.length === 0 && <span className="field-hint">{props.empty ?? 'None to choose from.'}</span>}
      {[...props.options, ...unknown.map((u) => ({ value: u, label: `${u} (unknown)` }))].map((o) => (
        <span className="check" key={o.value}>
          <input
            type="checkbox"
            id={`${uid}-${o.value}`}
            checked={props.selected.includes(o.value)}
            onChange={(e) => step.chose(() => props.onToggle(o.value, e.target.checked))}
          />
          <label htmlFor={`${uid}-${o.value}`}>{o.label}</label>
        </span>
      ))}
      <FieldMessages id={errorId} problems={problems} />
    </fieldset>
  );
}
