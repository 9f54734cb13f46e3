import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine';
import { pathKeys, placeInWords, problemInWords } from '../../renderer/src/model/problem-words';

describe('file problems in words', () => {
  const doc = {
    schemaVersion: 3,
    id: 'x',
    title: 'X',
    levers: { 'priorities.concurrent': 'four' },
    initiatives: [
      { id: 'a', name: 'Network', pillar: 'infrastructure', effortWeeks: 3 },
      { id: 'b', name: 'Devices', pillar: 'infrastructure', effortWeeks: 3 },
      { id: 'c', name: 'e-CARE EPR phase 1', pillar: 'clinicians', effortWeeks: 'twelve' },
    ],
    trainer: { reveals: [{ week: 'soon', title: 'Go-live', note: 'Ask.' }] },
  };

  it('splits paths into keys', () => {
    expect(pathKeys('initiatives[2].effortWeeks')).toEqual(['initiatives', 2, 'effortWeeks']);
    expect(pathKeys('levers["team.clinical"]')).toEqual(['levers', 'team.clinical']);
  });

  it('names the initiative, the board setting and the reveal step in words, never by path', () => {
    const r = parseScenario(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.problems.map((p) => problemInWords(p, doc));
    expect(lines).toContain('Initiative 3 “e-CARE EPR phase 1”: effort (weeks) must be a number, got "twelve"');
    expect(lines.some((l) => l.startsWith('Board setting “Concurrent priorities”:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Reveal step 1 “Go-live”: week must'))).toBe(true);
    for (const l of lines) expect(l).not.toMatch(/\[\d+\]|effortWeeks/);
  });

  it('says a list’s length of what holds it', () => {
    expect(problemInWords({ path: 'initiatives', message: 'must have at most 200 initiatives, got 201' }, {})).toBe('The scenario must have at most 200 initiatives, got 201');
    expect(problemInWords({ path: 'initiatives[0].prerequisites', message: 'must have at most 40 prerequisites, got 41' }, doc)).toBe('Initiative 1 “Network” must have at most 40 prerequisites, got 41');
  });

  it('calls the file as a whole "The file"', () => {
    expect(placeInWords('(file)', null)).toBe('The file');
    expect(placeInWords('horizonWeeks', {})).toBe('Horizon (weeks)');
  });
});
