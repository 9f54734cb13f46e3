import { PILLARS, SCENARIO_LIMITS, type Pillar, type RolloutMode } from '../../../../engine';
import { useAppStore } from '../../store';
import type { TrainerScenario } from '../../store/trainer/trainer-slice';
import { AddButton } from './add-button';
import { addInitiative, moveInitiative, removeInitiative, renameInitiative, setOptional, setPrerequisite } from './draft-ops';
import { CheckboxField, CheckboxGroupField, EditSubjectContext, FieldMessages, NumberField, SelectField, TextField, useFieldProblems } from './fields';
import { fieldDomId } from './problem-fields';

const PILLAR_LABELS: Readonly<Record<Pillar, string>> = { patients: 'Patients', clinicians: 'Clinicians', support: 'Support staff' };
const ROLLOUTS: readonly { value: RolloutMode; label: string }[] = [
  { value: 'big-bang', label: 'Big bang: everywhere at once' },
  { value: 'pilot-then-scale', label: 'Pilot, then scale' },
];

function InitiativeCard({ draft, index }: { draft: TrainerScenario; index: number }) {
  const update = useAppStore((s) => s.updateDraft);
  const ini = draft.initiatives[index]!;
  const p = `initiatives[${index}]`;
  const cardProblems = useFieldProblems(p);
  const title = ini.name || ini.id || `Initiative ${index + 1}`;
  const headingId = `${fieldDomId(p)}-heading`;
  // Keyboard users keep their place: after a move the focus follows the initiative, after a
  // removal it goes to the card that took its place (or the section heading).
  const move = (by: -1 | 1) => {
    update((d) => moveInitiative(d, index, by), { step: { label: `move initiative “${title}” ${by < 0 ? 'up' : 'down'}` } });
    requestAnimationFrame(() => {
      const card = document.getElementById(fieldDomId(`initiatives[${index + by}]`));
      const same = card?.querySelector<HTMLButtonElement>(`[data-move="${by < 0 ? 'up' : 'down'}"]:not(:disabled)`);
      (same ?? card)?.focus();
    });
  };
  const remove = () => {
    // One step takes the initiative and its place in others' prerequisites, so one undo puts both back.
    update((d) => removeInitiative(d, index), { step: { label: `remove initiative “${title}”` } });
    requestAnimationFrame(() => {
      const next = document.getElementById(fieldDomId(`initiatives[${Math.min(index, draft.initiatives.length - 2)}]`));
      (next ?? document.getElementById('edit-initiatives'))?.focus();
    });
  };
  const set = (recipe: (i: (typeof draft.initiatives)[number]) => void) =>
    update((d) => {
      const target = d.initiatives[index];
      if (target) recipe(target as (typeof draft.initiatives)[number]);
    });
  return (
    <EditSubjectContext.Provider value={`initiative “${title}”`}>
      <li className="edit-card" id={fieldDomId(p)} tabIndex={-1} aria-labelledby={headingId}>
        <div className="edit-card-head">
          <h3 id={headingId}>
            <span className="muted">{index + 1}.</span> {title}
            {ini.businessCritical && <span className="tag">business-critical</span>}
          </h3>
          <div className="button-row compact">
            <button type="button" data-move="up" disabled={index === 0} aria-label={`Move ${title} up`} onClick={() => move(-1)}>
              ↑
            </button>
            <button type="button" data-move="down" disabled={index === draft.initiatives.length - 1} aria-label={`Move ${title} down`} onClick={() => move(1)}>
              ↓
            </button>
            <button type="button" className="danger" aria-label={`Remove ${title}`} onClick={remove}>
              Remove
            </button>
          </div>
        </div>
        <FieldMessages id={`${fieldDomId(p)}-problems`} problems={cardProblems} />
        <div className="field-grid">
          <TextField path={`${p}.name`} label="Name" value={ini.name} onChange={(v) => set((i) => void (i.name = v))} className="span-2" />
          <TextField path={`${p}.id`} label="Id" hint="Short, lower-case; other items refer to it" value={ini.id} onChange={(v) => update((d) => renameInitiative(d, index, v))} />
          <SelectField
            path={`${p}.pillar`}
            label="Pillar"
            value={ini.pillar}
            options={PILLARS.map((x) => ({ value: x, label: PILLAR_LABELS[x] }))}
            onChange={(v) => set((i) => void (i.pillar = v))}
          />
          <NumberField path={`${p}.effortWeeks`} label="Effort" unit="weeks" value={ini.effortWeeks} onChange={(v) => set((i) => setOptional(i, 'effortWeeks', v as number))} />
          <SelectField path={`${p}.rollout`} label="Rollout" value={ini.rollout} options={ROLLOUTS} onChange={(v) => set((i) => void (i.rollout = v))} />
          <SelectField
            path={`${p}.stage`}
            label="Stage"
            value={ini.stage ?? ''}
            options={[{ value: '', label: 'No stage: any time' }, ...draft.stages.map((s) => ({ value: s.id, label: s.name || s.id }))]}
            onChange={(v) => set((i) => setOptional(i, 'stage', v === '' ? undefined : v))}
          />
          <NumberField
            path={`${p}.earliestStartWeek`}
            label="Earliest start"
            unit="week"
            hint="Leave empty for no delay"
            value={ini.earliestStartWeek}
            onChange={(v) => set((i) => setOptional(i, 'earliestStartWeek', v))}
          />
          <NumberField path={`${p}.benefit`} label="Benefit size" hint="1 = a typical initiative" value={ini.benefit} onChange={(v) => set((i) => setOptional(i, 'benefit', v as number))} />
          <NumberField
            path={`${p}.infrastructureNeed`}
            label="Infrastructure needed"
            hint="0 to 1"
            value={ini.infrastructureNeed}
            onChange={(v) => set((i) => setOptional(i, 'infrastructureNeed', v as number))}
          />
          <CheckboxField path={`${p}.businessCritical`} label="Business-critical" checked={ini.businessCritical} onChange={(v) => set((i) => void (i.businessCritical = v))} />
          <CheckboxField
            path={`${p}.buildsInfrastructure`}
            label="Builds infrastructure"
            checked={ini.buildsInfrastructure ?? false}
            onChange={(v) => set((i) => setOptional(i, 'buildsInfrastructure', v ? true : undefined))}
          />
          <CheckboxGroupField
            className="span-3"
            path={`${p}.prerequisites`}
            label="Must be live first (prerequisites)"
            options={draft.initiatives.filter((_, k) => k !== index).map((o) => ({ value: o.id, label: o.name || o.id }))}
            selected={ini.prerequisites}
            onToggle={(id, on) => update((d) => setPrerequisite(d, index, id, on))}
            empty="Add another initiative to make it a prerequisite."
          />
        </div>
      </li>
    </EditSubjectContext.Provider>
  );
}

/** Render the portfolio's initiatives as editable cards, with add, remove and reorder. */
export function InitiativesEditor({ draft }: { draft: TrainerScenario }) {
  const update = useAppStore((s) => s.updateDraft);
  const listProblems = useFieldProblems('initiatives');
  return (
    <section aria-labelledby="edit-initiatives" className="edit-section">
      <div className="edit-section-head">
        <h2 id="edit-initiatives" tabIndex={-1}>Initiatives ({draft.initiatives.length})</h2>
        <AddButton
          count={draft.initiatives.length}
          max={SCENARIO_LIMITS.initiatives}
          noun="initiatives"
          onAdd={() => {
            let at = -1;
            update(
              (d) => {
                at = addInitiative(d);
              },
              { step: { label: 'add an initiative' } },
            );
            // Take the person to what they just added.
            requestAnimationFrame(() => document.getElementById(fieldDomId(`initiatives[${at}].name`))?.focus());
          }}
        >
          + Add initiative
        </AddButton>
      </div>
      <FieldMessages id="initiatives-problems" problems={listProblems} />
      <ol className="edit-cards">
        {draft.initiatives.map((_, i) => (
          <InitiativeCard key={i} draft={draft} index={i} />
        ))}
      </ol>
    </section>
  );
}
