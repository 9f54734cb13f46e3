import { KPIS, LEVERS, SCENARIO_LIMITS } from '../../../../engine';
import { useAppStore } from '../../store';
import type { TrainerScenario } from '../../store/trainer/trainer-slice';
import { AddButton } from './add-button';
import { addReveal, addTarget, removeReveal, removeTarget, setOptional } from './draft-ops';
import { FieldMessages, NumberField, SelectField, TextAreaField, TextField, useFieldProblems } from './fields';
import { PredictionQuestions } from './prediction-editor';
import { fieldDomId } from './problem-fields';

function RevealCard({ draft, index }: { draft: TrainerScenario; index: number }) {
  const update = useAppStore((s) => s.updateDraft);
  const r = draft.trainer.reveals[index]!;
  const p = `trainer.reveals[${index}]`;
  const own = useFieldProblems(p);
  const title = r.title || `Reveal ${index + 1}`;
  const set = (key: 'week' | 'title' | 'note', v: unknown) =>
    update((d) => {
      const x = d.trainer.reveals[index];
      if (x) setOptional(x as Record<string, unknown>, key, v);
    });
  return (
    <li className="edit-card" id={fieldDomId(p)} tabIndex={-1} aria-labelledby={`${fieldDomId(p)}-heading`}>
      <div className="edit-card-head">
        <h3 id={`${fieldDomId(p)}-heading`}>
          <span className="muted">Week {String(r.week)}.</span> {title}
        </h3>
        <button type="button" className="danger" aria-label={`Remove reveal ${title}`} onClick={() => update((d) => removeReveal(d, index), { step: { label: `remove reveal “${title}”` } })}>
          Remove
        </button>
      </div>
      <FieldMessages id={`${fieldDomId(p)}-problems`} problems={own} />
      <div className="field-grid">
        <TextField path={`${p}.title`} label="What the room is told" value={r.title} className="span-2" onChange={(v) => set('title', v)} />
        <NumberField path={`${p}.week`} label="At week" value={r.week} onChange={(v) => set('week', v)} />
        <TextAreaField path={`${p}.note`} label="Trainer’s note" rows={2} value={r.note} className="span-3" onChange={(v) => set('note', v)} />
      </div>
      <PredictionQuestions draft={draft} revealIndex={index} />
    </li>
  );
}

function TargetCard({ draft, index }: { draft: TrainerScenario; index: number }) {
  const update = useAppStore((s) => s.updateDraft);
  const t = draft.targets[index]!;
  const p = `targets[${index}]`;
  const own = useFieldProblems(p);
  const title = t.label || `Challenge ${index + 1}`;
  const set = (recipe: (x: Record<string, unknown>) => void) =>
    update((d) => {
      const x = d.targets[index];
      if (x) recipe(x as Record<string, unknown>);
    });
  const kpiOptions = [...KPIS.map((k) => ({ value: k.id, label: k.label })), ...(KPIS.some((k) => k.id === t.kpi) ? [] : [{ value: t.kpi, label: `${t.kpi} (unknown)` }])];
  return (
    <li className="edit-card" id={fieldDomId(p)} tabIndex={-1} aria-labelledby={`${fieldDomId(p)}-heading`}>
      <div className="edit-card-head">
        <h3 id={`${fieldDomId(p)}-heading`}>{title}</h3>
        <button type="button" className="danger" aria-label={`Remove challenge ${title}`} onClick={() => update((d) => removeTarget(d, index), { step: { label: `remove challenge “${title}”` } })}>
          Remove
        </button>
      </div>
      <FieldMessages id={`${fieldDomId(p)}-problems`} problems={own} />
      <div className="field-grid">
        <TextField path={`${p}.label`} label="The challenge as the room reads it" value={t.label} className="span-3" onChange={(v) => set((x) => void (x.label = v))} />
        <SelectField path={`${p}.kpi`} label="Measure" value={t.kpi} options={kpiOptions} onChange={(v) => set((x) => void (x.kpi = v))} />
        <NumberField path={`${p}.atLeast`} label="At least" hint="Leave empty for no lower bound" value={t.atLeast} onChange={(v) => set((x) => setOptional(x, 'atLeast', v))} />
        <NumberField path={`${p}.atMost`} label="At most" hint="Leave empty for no upper bound" value={t.atMost} onChange={(v) => set((x) => setOptional(x, 'atMost', v))} />
        <SelectField
          path={`${p}.maxLever.leverId`}
          label="While keeping a lever at most"
          value={t.maxLever?.leverId ?? ''}
          options={[{ value: '', label: 'No lever limit' }, ...LEVERS.map((l) => ({ value: l.id, label: l.label }))]}
          onChange={(v) =>
            set((x) => {
              if (v === '') delete x.maxLever;
              else {
                const def = LEVERS.find((l) => l.id === v);
                x.maxLever = { leverId: v, atMost: t.maxLever?.leverId === v ? t.maxLever.atMost : (def?.default ?? 0) };
              }
            })
          }
        />
        {t.maxLever && (
          <NumberField
            path={`${p}.maxLever.atMost`}
            label="Lever limit"
            value={t.maxLever.atMost}
            onChange={(v) =>
              set((x) => {
                const m = x.maxLever as Record<string, unknown> | undefined;
                if (m) setOptional(m, 'atMost', v);
              })
            }
          />
        )}
      </div>
    </li>
  );
}

/** Render the workshop material the facilitator kit uses: reveal moments (with the room's prediction questions) and challenges. */
export function WorkshopEditor({ draft }: { draft: TrainerScenario }) {
  const update = useAppStore((s) => s.updateDraft);
  const revealProblems = useFieldProblems('trainer.reveals');
  const targetProblems = useFieldProblems('targets');
  return (
    <>
      <section aria-labelledby="edit-reveals" className="edit-section">
        <div className="edit-section-head">
          <h2 id="edit-reveals">Reveal moments ({draft.trainer.reveals.length})</h2>
          <AddButton count={draft.trainer.reveals.length} max={SCENARIO_LIMITS.reveals} noun="reveal moments" onAdd={() => update((d) => void addReveal(d), { step: { label: 'add a reveal' } })}>
            + Add reveal
          </AddButton>
        </div>
        <FieldMessages id="reveals-problems" problems={revealProblems} />
        <ol className="edit-cards">
          {draft.trainer.reveals.map((_, i) => (
            <RevealCard key={i} draft={draft} index={i} />
          ))}
        </ol>
      </section>
      <section aria-labelledby="edit-targets" className="edit-section">
        <div className="edit-section-head">
          <h2 id="edit-targets">Challenges ({draft.targets.length})</h2>
          <AddButton count={draft.targets.length} max={SCENARIO_LIMITS.targets} noun="challenges" onAdd={() => update((d) => void addTarget(d), { step: { label: 'add a challenge' } })}>
            + Add challenge
          </AddButton>
        </div>
        <FieldMessages id="targets-problems" problems={targetProblems} />
        <ol className="edit-cards">
          {draft.targets.map((_, i) => (
            <TargetCard key={i} draft={draft} index={i} />
          ))}
        </ol>
      </section>
    </>
  );
}
