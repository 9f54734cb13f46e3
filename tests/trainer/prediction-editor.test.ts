import { readFileSync } from 'node:fs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { formatProblems, parseScenario, serializeScenario, type Scenario } from '../../engine';
import { editorFieldPaths } from '../../renderer/src/views/editor/editor-paths';
import { addOption, addPrediction, removeOption, removePrediction } from '../../renderer/src/views/editor/prediction-editor';

const loaded = (file: string): Scenario => {
  const r = parseScenario(readFileSync(`scenarios/${file}`, 'utf8'));
  if (!r.ok) throw new Error(`${file} does not parse`);
  return r.scenario;
};

/** Save the edited scenario and open it again, as the editor's "Save" and the Library would. */
function reopened(s: Scenario): Scenario {
  const r = parseScenario(serializeScenario(s));
  if (!r.ok) throw new Error(formatProblems(r.problems).join('\n'));
  return r.scenario;
}

describe('editing the room’s prediction questions', () => {
  it('adds a vote and a figure to a step with none, each valid as added, with ids no other question uses', () => {
    const scas = loaded('scas-staged-journey.momentum');
    const first = scas.trainer.reveals.findIndex((r) => r.predictions === undefined);
    const edited = produce(scas, (d) => {
      expect(addPrediction(d, first, 'vote')).toBe(0);
      expect(addPrediction(d, first, 'number')).toBe(1);
      expect(addPrediction(d, first, 'number')).toBe(2);
    });
    const questions = reopened(edited).trainer.reveals[first]!.predictions!;
    expect(questions.map((q) => [q.kind, q.id])).toEqual([
      ['vote', 'vote-1'],
      ['number', 'figure-1'],
      ['number', 'figure-2'],
    ]);
  });

  it('adds and removes a vote’s answers, and removing a step’s last question leaves the step as files without questions have it', () => {
    const scas = loaded('scas-staged-journey.momentum');
    const step = scas.trainer.reveals.findIndex((r) => r.predictions === undefined);
    const withVote = produce(scas, (d) => void addPrediction(d, step, 'vote'));
    const threeAnswers = produce(withVote, (d) => void addOption(d, step, 0));
    const vote = reopened(threeAnswers).trainer.reveals[step]!.predictions![0]!;
    expect(vote.kind === 'vote' && vote.options.map((o) => [o.id, o.label])).toEqual([
      ['option-1', 'Yes'],
      ['option-2', 'No'],
      ['option-3', 'Answer 3'],
    ]);
    const twoAnswers = produce(threeAnswers, (d) => removeOption(d, step, 0, 0));
    const again = reopened(twoAnswers).trainer.reveals[step]!.predictions![0]!;
    expect(again.kind === 'vote' && again.options.map((o) => o.id)).toEqual(['option-2', 'option-3']);
    const none = produce(twoAnswers, (d) => removePrediction(d, step, 0));
    expect(none.trainer.reveals[step]).not.toHaveProperty('predictions');
    expect(serializeScenario(none)).toBe(serializeScenario(scas));
  });

  it('shows the validator’s problems beside the question they belong to', () => {
    const scas = loaded('scas-staged-journey.momentum');
    const paths = editorFieldPaths(scas);
    const week60 = scas.trainer.reveals.findIndex((r) => r.week === 60);
    for (const p of ['.question', '.series', '.options', '.options[2].atLeast']) expect(paths).toContain(`trainer.reveals[${week60}].predictions[1]${p}`);
  });
});
