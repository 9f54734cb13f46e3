import { produce, type Draft } from 'immer';
import { describe, expect, it } from 'vitest';
import { parseScenario, serializeScenario, type Scenario } from '../../engine';
import {
  addEvent,
  addGate,
  addInitiative,
  addReveal,
  addTarget,
  addStage,
  changeEventKind,
  changeGateKind,
  removeInitiative,
  removeStage,
  renameInitiative,
  renameStage,
  setPrerequisite,
} from '../../renderer/src/views/editor/draft-ops';
import { assignProblems } from '../../renderer/src/views/editor/problem-fields';
import { editorFieldPaths } from '../../renderer/src/views/editor/editor-paths';
import { libraryFiles } from '../scenarios/library-files';

function prepared(): { file: string; scenario: Scenario }[] {
  return libraryFiles().map(({ file, text }) => {
    const r = parseScenario(text);
    if (!r.ok) throw new Error(`${file}: ${r.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    return { file, scenario: r.scenario };
  });
}

function edit(s: Scenario, recipe: (d: Draft<Scenario>) => void): Scenario {
  return produce(s, recipe);
}

/** A trainer's typical session in the editor: each step is something the editor's controls do. */
function typicalEdits(d: Draft<Scenario>): void {
  const at = addInitiative(d);
  d.initiatives[at]!.name = 'Remote consultations';
  d.initiatives[at]!.effortWeeks = 30;
  d.initiatives[at]!.businessCritical = true;
  d.initiatives[at]!.rollout = 'pilot-then-scale';
  if (at > 0) setPrerequisite(d, at, d.initiatives[0]!.id, true);
  renameInitiative(d, at, 'remote-consultations');
  const st = addStage(d);
  d.stages[st]!.name = 'Scale what works';
  d.initiatives[at]!.stage = d.stages[st]!.id;
  addGate(d, st, 'week');
  // Gate on another initiative going live, where there is one outside the new stage.
  if (at > 0) changeGateKind(d, st, d.stages[st]!.gate.length - 1, 'initiatives-live');
  const ev = addEvent(d);
  changeEventKind(d, ev, 'people-leave');
  d.events[ev]!.label = 'Two engineers leave';
  if (!d.lockedLevers.includes('priorities.concurrent')) d.lockedLevers.push('priorities.concurrent');
  const rv = addReveal(d);
  d.trainer.reveals[rv]!.title = 'Two engineers leave';
  const tg = addTarget(d);
  d.targets[tg]!.maxLever = { leverId: 'priorities.concurrent', atMost: 6 };
}

describe('staged-journey editor: save reloads identical', () => {
  const files = prepared();

  it('has prepared scenarios to edit', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const { file, scenario } of files) {
    it(`${file}: edits serialize, parse back deep-equal and re-serialize to the same bytes`, () => {
      const edited = edit(scenario, typicalEdits);
      const first = parseScenario(edited);
      expect(first.ok ? [] : first.problems).toEqual([]);
      if (!first.ok) return;
      const text = serializeScenario(first.scenario);
      const again = parseScenario(text);
      expect(again.ok).toBe(true);
      if (!again.ok) return;
      expect(again.scenario).toEqual(edited);
      expect(serializeScenario(again.scenario)).toBe(text);
    });
  }
});

describe('editor draft operations', () => {
  const base = prepared().find((p) => p.scenario.initiatives.length >= 2 && p.scenario.stages.length >= 1)!.scenario;

  it('renames an initiative together with every reference to it', () => {
    const target = base.initiatives.find((i) => base.initiatives.some((o) => o.prerequisites.includes(i.id)))!;
    const index = base.initiatives.indexOf(target);
    const renamed = edit(base, (d) => renameInitiative(d, index, 'renamed-one'));
    expect(renamed.initiatives[index]!.id).toBe('renamed-one');
    const refs = (s: Scenario, id: string) => s.initiatives.filter((i) => i.prerequisites.includes(id)).length;
    expect(refs(renamed, 'renamed-one')).toBe(refs(base, target.id));
    expect(refs(renamed, target.id)).toBe(0);
    expect(parseScenario(renamed).ok).toBe(true);
  });

  it('does not rewrite references when the new id is already taken (the validator flags the duplicate)', () => {
    const taken = base.initiatives[1]!.id;
    const clash = edit(base, (d) => renameInitiative(d, 0, taken));
    const r = parseScenario(clash);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.some((p) => p.path.startsWith('initiatives[') && p.message.includes('duplicate'))).toBe(true);
  });

  it('removes an initiative from the prerequisites of the others', () => {
    const index = base.initiatives.findIndex((i) => base.initiatives.some((o) => o.prerequisites.includes(i.id)));
    const id = base.initiatives[index]!.id;
    const removed = edit(base, (d) => removeInitiative(d, index));
    expect(removed.initiatives.some((i) => i.id === id)).toBe(false);
    expect(removed.initiatives.some((i) => i.prerequisites.includes(id))).toBe(false);
  });

  it('renames and removes stages along with the initiatives that belong to them', () => {
    const stageId = base.stages[0]!.id;
    const members = base.initiatives.filter((i) => i.stage === stageId).length;
    const renamed = edit(base, (d) => renameStage(d, 0, 'first-stage'));
    expect(renamed.initiatives.filter((i) => i.stage === 'first-stage').length).toBe(members);
    const removed = edit(base, (d) => removeStage(d, 0));
    expect(removed.initiatives.some((i) => i.stage === stageId)).toBe(false);
  });

  it('maps every problem of a bad edit onto a field the editor shows, in the validator’s words', () => {
    // The validator checks the form first, then references; the editor shows whichever it reports.
    const bad = edit(base, (d) => {
      d.initiatives[0]!.effortWeeks = 0;
      d.stages[0]!.maxConcurrentCritical = 0;
    });
    const r = parseScenario(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const { byField, unassigned } = assignProblems(r.problems, editorFieldPaths(bad));
    expect(unassigned).toEqual([]);
    expect(byField.get('initiatives[0].effortWeeks')?.map((p) => p.message)).toEqual(['must be a positive number, got 0']);
    expect(byField.get('stages[0].maxConcurrentCritical')?.map((p) => p.message)).toEqual(['must be at least 1, got 0']);

    const dangling = edit(base, (d) => void d.initiatives[1]!.prerequisites.push('no-such-initiative'));
    const r2 = parseScenario(dangling);
    expect(r2.ok).toBe(false);
    if (r2.ok) return;
    const second = assignProblems(r2.problems, editorFieldPaths(dangling));
    expect(second.unassigned).toEqual([]);
    expect(second.byField.get('initiatives[1].prerequisites')?.[0]?.message).toContain('no-such-initiative');

    const badGoal = edit(base, (d) => void (d.goal = { kind: 'initiatives-live', ids: ['no-such-initiative'] }));
    const r3 = parseScenario(badGoal);
    expect(r3.ok).toBe(false);
    if (r3.ok) return;
    const third = assignProblems(r3.problems, editorFieldPaths(badGoal));
    expect(third.unassigned).toEqual([]);
    expect(third.byField.get('goal.ids')?.[0]?.message).toContain('no-such-initiative');
  });
});
