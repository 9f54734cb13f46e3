import { SCENARIO_LIMITS, type StageGate } from '../../../../engine';
import { useAppStore } from '../../store';
import type { TrainerScenario } from '../../store/trainer/trainer-slice';
import { AddButton } from './add-button';
import { addGate, addStage, changeGateKind, removeGate, removeStage, renameStage } from './draft-ops';
import { CheckboxGroupField, EditSubjectContext, FieldMessages, NumberField, SelectField, TextField, useFieldProblems } from './fields';
import { fieldDomId } from './problem-fields';

const GATE_KINDS: readonly { value: StageGate['kind']; label: string }[] = [
  { value: 'week', label: 'From a week' },
  { value: 'initiatives-live', label: 'Once initiatives are live' },
  { value: 'infrastructure', label: 'Once infrastructure is ready' },
  { value: 'confidence', label: 'Once board confidence reaches' },
  { value: 'maturity', label: 'Once digital maturity reaches' },
];

function GateEditor({ draft, stageIndex, gateIndex, stageTitle }: { draft: TrainerScenario; stageIndex: number; gateIndex: number; stageTitle: string }) {
  const update = useAppStore((s) => s.updateDraft);
  const gate = draft.stages[stageIndex]!.gate[gateIndex]!;
  const p = `stages[${stageIndex}].gate[${gateIndex}]`;
  const own = useFieldProblems(p);
  const setGate = (recipe: (g: Record<string, unknown>) => void) =>
    update((d) => {
      const g = d.stages[stageIndex]?.gate[gateIndex];
      if (g) recipe(g as Record<string, unknown>);
    });
  const n = gateIndex + 1;
  return (
    <li className="gate" id={fieldDomId(p)} tabIndex={-1}>
      <SelectField path={`${p}.kind`} label={`Condition ${n}`} value={gate.kind} options={GATE_KINDS} onChange={(k) => update((d) => changeGateKind(d, stageIndex, gateIndex, k))} />
      {gate.kind === 'week' && <NumberField path={`${p}.week`} label="Week" value={gate.week} onChange={(v) => setGate((g) => void (g.week = v))} />}
      {gate.kind === 'initiatives-live' && (
        <CheckboxGroupField
          path={`${p}.ids`}
          label="These initiatives are live"
          options={draft.initiatives.map((i) => ({ value: i.id, label: i.name || i.id }))}
          selected={gate.ids}
          onToggle={(id, on) =>
            setGate((g) => {
              const ids = (g.ids as string[]).filter((x) => x !== id);
              g.ids = on ? [...ids, id] : ids;
            })
          }
        />
      )}
      {(gate.kind === 'infrastructure' || gate.kind === 'confidence') && (
        <NumberField path={`${p}.atLeast`} label="At least (0 to 1)" value={gate.atLeast} onChange={(v) => setGate((g) => void (g.atLeast = v))} />
      )}
      {gate.kind === 'maturity' && <NumberField path={`${p}.atLeast`} label="At least (1 to 5)" value={gate.atLeast} onChange={(v) => setGate((g) => void (g.atLeast = v))} />}
      <button type="button" className="danger" aria-label={`Remove condition ${n}`} onClick={() => update((d) => removeGate(d, stageIndex, gateIndex), { step: { label: `remove condition ${n} of stage “${stageTitle}”` } })}>
        Remove
      </button>
      <FieldMessages id={`${fieldDomId(p)}-problems`} problems={own} />
    </li>
  );
}

function StageCard({ draft, index }: { draft: TrainerScenario; index: number }) {
  const update = useAppStore((s) => s.updateDraft);
  const stage = draft.stages[index]!;
  const p = `stages[${index}]`;
  const own = useFieldProblems(p);
  const gateProblems = useFieldProblems(`${p}.gate`);
  const title = stage.name || stage.id || `Stage ${index + 1}`;
  const headingId = `${fieldDomId(p)}-heading`;
  const members = draft.initiatives.filter((i) => i.stage === stage.id);
  return (
    <EditSubjectContext.Provider value={`stage “${title}”`}>
      <li className="edit-card" id={fieldDomId(p)} tabIndex={-1} aria-labelledby={headingId}>
        <div className="edit-card-head">
          <h3 id={headingId}>
            <span className="muted">Stage {index + 1}.</span> {title}
          </h3>
          <button type="button" className="danger" aria-label={`Remove stage ${title}`} onClick={() => update((d) => removeStage(d, index), { step: { label: `remove stage “${title}”` } })}>
            Remove
          </button>
        </div>
        <FieldMessages id={`${fieldDomId(p)}-problems`} problems={own} />
        <div className="field-grid">
          <TextField
            path={`${p}.name`}
            label="Name"
            value={stage.name}
            className="span-2"
            onChange={(v) =>
              update((d) => {
                const s = d.stages[index];
                if (s) s.name = v;
              })
            }
          />
          <TextField path={`${p}.id`} label="Id" value={stage.id} onChange={(v) => update((d) => renameStage(d, index, v))} />
          <NumberField
            path={`${p}.maxConcurrentCritical`}
            label="Cap: business-critical changes at once"
            value={stage.maxConcurrentCritical}
            onChange={(v) =>
              update((d) => {
                const s = d.stages[index];
                if (s) (s as Record<string, unknown>).maxConcurrentCritical = v;
              })
            }
          />
        </div>
        <fieldset className="gate-set" id={fieldDomId(`${p}.gate`)} tabIndex={-1}>
          <legend>Opens when (all of these hold)</legend>
          {stage.gate.length === 0 && <p className="muted">No conditions: the stage is open from the start.</p>}
          <FieldMessages id={`${fieldDomId(`${p}.gate`)}-problems`} problems={gateProblems} />
          <ul className="gate-list">
            {stage.gate.map((_, k) => (
              <GateEditor key={k} draft={draft} stageIndex={index} gateIndex={k} stageTitle={title} />
            ))}
          </ul>
          <AddButton count={stage.gate.length} max={SCENARIO_LIMITS.gateConditions} noun="conditions in a stage's gate" onAdd={() => update((d) => addGate(d, index, 'week'), { step: { label: `add a condition to stage “${title}”` } })}>
            + Add condition
          </AddButton>
        </fieldset>
        <p className="muted">
          {members.length === 0 ? 'No initiatives belong to this stage yet (choose the stage on an initiative).' : `Initiatives in this stage: ${members.map((m) => m.name || m.id).join(', ')}.`}
        </p>
      </li>
    </EditSubjectContext.Provider>
  );
}

/** Render the stages of the journey, each with its entry gate and cap on business-critical changes. */
export function StagesEditor({ draft }: { draft: TrainerScenario }) {
  const update = useAppStore((s) => s.updateDraft);
  const listProblems = useFieldProblems('stages');
  return (
    <section aria-labelledby="edit-stages" className="edit-section">
      <div className="edit-section-head">
        <h2 id="edit-stages">Stages ({draft.stages.length})</h2>
        <AddButton count={draft.stages.length} max={SCENARIO_LIMITS.stages} noun="stages" onAdd={() => update((d) => void addStage(d), { step: { label: 'add a stage' } })}>
          + Add stage
        </AddButton>
      </div>
      <FieldMessages id="stages-problems" problems={listProblems} />
      {draft.stages.length === 0 && <p className="muted">No stages: every initiative may start from week 0.</p>}
      <ol className="edit-cards">
        {draft.stages.map((_, i) => (
          <StageCard key={i} draft={draft} index={i} />
        ))}
      </ol>
    </section>
  );
}
