import { PILLARS, type Goal, type Pillar } from '../../../../engine';
import { useAppStore } from '../../store';
import type { TrainerScenario } from '../../store/trainer/trainer-slice';
import { CheckboxGroupField, EditSubjectContext, FieldMessages, NumberField, SelectField, useFieldProblems } from './fields';

const GOAL_KINDS: readonly { value: Goal['kind']; label: string }[] = [
  { value: 'maturity', label: 'Digital maturity reaches' },
  { value: 'initiatives-live', label: 'These initiatives are live' },
  { value: 'adoption', label: 'Adoption in a pillar reaches' },
];
const PILLAR_LABELS: Readonly<Record<Pillar, string>> = { patients: 'Patients', clinicians: 'Clinicians', support: 'Support staff' };

/** Return a goal of `kind` with plain starting values. */
export function defaultGoal(kind: Goal['kind'], draft: TrainerScenario): Goal {
  if (kind === 'maturity') return { kind, atLeast: 3 };
  if (kind === 'adoption') return { kind, pillar: 'clinicians', atLeast: 0.5 };
  return { kind, ids: draft.initiatives.slice(0, 1).map((i) => i.id) };
}

/** Render the goal that "time to reach the goal" is measured against. */
export function GoalEditor({ draft }: { draft: TrainerScenario }) {
  const update = useAppStore((s) => s.updateDraft);
  const goal = draft.goal;
  const own = useFieldProblems('goal');
  const set = (recipe: (g: Record<string, unknown>) => void) => update((d) => recipe(d.goal as Record<string, unknown>));
  return (
    <EditSubjectContext.Provider value="the goal">
      <fieldset className="goal-set span-3" id="field-goal" tabIndex={-1}>
        <legend>The goal (what “time to reach the goal” measures)</legend>
        <FieldMessages id="field-goal-problems" problems={own} />
        <div className="field-grid">
          <SelectField
            path="goal.kind"
            label="The goal is reached when"
            value={goal.kind}
            options={GOAL_KINDS}
            onChange={(k) =>
              update((d) => {
                if (d.goal.kind !== k) d.goal = defaultGoal(k, draft) as typeof d.goal;
              })
            }
          />
          {goal.kind === 'maturity' && <NumberField path="goal.atLeast" label="Maturity at least (1 to 5)" value={goal.atLeast} onChange={(v) => set((g) => void (g.atLeast = v))} />}
          {goal.kind === 'adoption' && (
            <>
              <SelectField
                path="goal.pillar"
                label="Pillar"
                value={goal.pillar}
                options={PILLARS.map((p) => ({ value: p, label: PILLAR_LABELS[p] }))}
                onChange={(v) => set((g) => void (g.pillar = v))}
              />
              <NumberField path="goal.atLeast" label="Adoption at least (0 to 1)" value={goal.atLeast} onChange={(v) => set((g) => void (g.atLeast = v))} />
            </>
          )}
          {goal.kind === 'initiatives-live' && (
            <CheckboxGroupField
              className="span-3"
              path="goal.ids"
              label="Initiatives that must be live"
              options={draft.initiatives.map((i) => ({ value: i.id, label: i.name || i.id }))}
              selected={goal.ids}
              onToggle={(id, on) =>
                set((g) => {
                  const ids = (g.ids as string[]).filter((x) => x !== id);
                  g.ids = on ? [...ids, id] : ids;
                })
              }
            />
          )}
        </div>
      </fieldset>
    </EditSubjectContext.Provider>
  );
}
