import { describe, expect, it } from 'vitest';
import { assignProblems, fieldDomId, isWithin } from '../../renderer/src/views/editor/problem-fields';

describe('editor problem mapping', () => {
  it('recognises a path inside a field only at a path boundary', () => {
    expect(isWithin('initiatives[3].effortWeeks', 'initiatives[3]')).toBe(true);
    expect(isWithin('initiatives[31].name', 'initiatives[3]')).toBe(false);
    expect(isWithin('stages[0].gate[1].week', 'stages[0].gate')).toBe(true);
    expect(isWithin('title', 'title')).toBe(true);
  });

  it('gives each problem to the most specific field and keeps the validator message', () => {
    const problems = [
      { path: 'initiatives[0].effortWeeks', message: 'must be positive' },
      { path: 'initiatives[0].prerequisites[1]', message: 'unknown initiative "x"' },
      { path: 'initiatives[0]', message: 'duplicate id' },
      { path: 'trainer.reveals[0].week', message: 'beyond the horizon' },
    ];
    const fields = ['initiatives[0]', 'initiatives[0].effortWeeks', 'initiatives[0].prerequisites', 'initiatives[0].name'];
    const { byField, unassigned } = assignProblems(problems, fields);
    expect(byField.get('initiatives[0].effortWeeks')).toEqual([problems[0]]);
    expect(byField.get('initiatives[0].prerequisites')).toEqual([problems[1]]);
    expect(byField.get('initiatives[0]')).toEqual([problems[2]]);
    expect(byField.has('initiatives[0].name')).toBe(false);
    expect(unassigned).toEqual([problems[3]]);
  });

  it('makes DOM ids without brackets or dots', () => {
    expect(fieldDomId('initiatives[3].effortWeeks')).toBe('field-initiatives-3-effortWeeks');
  });
});
