import { SCENARIO_LIMITS, type ScenarioEvent } from '../../../../engine';
import { useAppStore } from '../../store';
import type { TrainerScenario } from '../../store/trainer/trainer-slice';
import { AddButton } from './add-button';
import { addEvent, changeEventKind, removeEvent, setOptional } from './draft-ops';
import { EditSubjectContext, FieldMessages, NumberField, SelectField, TextField, useFieldProblems } from './fields';
import { fieldDomId } from './problem-fields';

const EVENT_KINDS: readonly { value: ScenarioEvent['kind']; label: string }[] = [
  { value: 'urgency-shock', label: 'Urgency shock (e.g. a pandemic)' },
  { value: 'people-leave', label: 'People leave the team' },
  { value: 'new-chief-executive', label: 'New chief executive' },
  { value: 'funding-change', label: 'Funding changes' },
];

function EventCard({ draft, index }: { draft: TrainerScenario; index: number }) {
  const update = useAppStore((s) => s.updateDraft);
  const ev = draft.events[index]!;
  const p = `events[${index}]`;
  const own = useFieldProblems(p);
  const title = ev.label || `Event ${index + 1}`;
  const headingId = `${fieldDomId(p)}-heading`;
  const set = (key: string, v: unknown) =>
    update((d) => {
      const e = d.events[index];
      if (e) setOptional(e as Record<string, unknown>, key, v);
    });
  const num = (key: string) => (ev as unknown as Record<string, number | undefined>)[key];
  return (
    <EditSubjectContext.Provider value={`event “${title}”`}>
      <li className="edit-card" id={fieldDomId(p)} tabIndex={-1} aria-labelledby={headingId}>
        <div className="edit-card-head">
          <h3 id={headingId}>
            <span className="muted">Week {String(ev.week)}.</span> {title}
          </h3>
          <button type="button" className="danger" aria-label={`Remove event ${title}`} onClick={() => update((d) => removeEvent(d, index), { step: { label: `remove event “${title}”` } })}>
            Remove
          </button>
        </div>
        <FieldMessages id={`${fieldDomId(p)}-problems`} problems={own} />
        <div className="field-grid">
          <TextField path={`${p}.label`} label="What happens" value={ev.label} className="span-2" onChange={(v) => set('label', v)} />
          <SelectField path={`${p}.kind`} label="Kind" value={ev.kind} options={EVENT_KINDS} onChange={(k) => update((d) => changeEventKind(d, index, k))} />
          <NumberField path={`${p}.week`} label="Week" value={ev.week} onChange={(v) => set('week', v)} />
          {ev.kind === 'urgency-shock' && (
            <>
              <NumberField path={`${p}.size`} label="Size of the shock (0 to 1)" value={num('size')} onChange={(v) => set('size', v)} />
              <NumberField path={`${p}.priorityCap`} label="Priorities cut to" hint="Leave empty for no cap" value={num('priorityCap')} onChange={(v) => set('priorityCap', v)} />
              <NumberField
                path={`${p}.governanceRelief`}
                label="Red tape removed (0 to 1)"
                hint="Leave empty for none"
                value={num('governanceRelief')}
                onChange={(v) => set('governanceRelief', v)}
              />
            </>
          )}
          {ev.kind === 'people-leave' && <NumberField path={`${p}.share`} label="Share of the team leaving (0 to 1)" value={num('share')} onChange={(v) => set('share', v)} />}
          {ev.kind === 'new-chief-executive' && (
            <NumberField path={`${p}.ownership`} label="Leadership ownership from then on" value={num('ownership')} onChange={(v) => set('ownership', v)} />
          )}
          {ev.kind === 'funding-change' && <NumberField path={`${p}.factor`} label="Capacity multiplier (0.8 = a 20% cut)" value={num('factor')} onChange={(v) => set('factor', v)} />}
        </div>
      </li>
    </EditSubjectContext.Provider>
  );
}

/** Render the scenario's timed events (shocks, departures, a new chief executive, funding changes). */
export function EventsEditor({ draft }: { draft: TrainerScenario }) {
  const update = useAppStore((s) => s.updateDraft);
  const listProblems = useFieldProblems('events');
  return (
    <section aria-labelledby="edit-events" className="edit-section">
      <div className="edit-section-head">
        <h2 id="edit-events">Events ({draft.events.length})</h2>
        <AddButton count={draft.events.length} max={SCENARIO_LIMITS.events} noun="events" onAdd={() => update((d) => void addEvent(d), { step: { label: 'add an event' } })}>
          + Add event
        </AddButton>
      </div>
      <FieldMessages id="events-problems" problems={listProblems} />
      {draft.events.length === 0 && <p className="muted">No events: nothing outside the board's control happens.</p>}
      <ol className="edit-cards">
        {draft.events.map((_, i) => (
          <EventCard key={i} draft={draft} index={i} />
        ))}
      </ol>
    </section>
  );
}
