// Names, titles and labels from a file must not carry control characters or direction overrides
// (issue 21): ESC sequences would steer a terminal, NUL and U+202E would garble the app's heading.
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, escapeUnsafeText, formatProblems, parseScenario } from '../../engine';

const base = () => ({
  schemaVersion: SCHEMA_VERSION,
  id: 'hygiene',
  title: 'Hygiene',
  summary: 'Two lines,\n\tindented.',
  initiatives: [{ id: 'work', name: 'Work', pillar: 'support', effortWeeks: 4 }],
  events: [{ kind: 'people-leave', week: 3, label: 'Departures', share: 0.1 }],
});

const problemsOf = (doc: unknown): string[] => {
  const r = parseScenario(doc);
  return r.ok ? [] : formatProblems(r.problems);
};

describe('scenario text hygiene', () => {
  it('accepts tabs and new lines where text may span lines', () => {
    expect(problemsOf(base())).toEqual([]);
  });

  const cases: [string, (d: ReturnType<typeof base>) => void, string][] = [
    ['an ESC sequence in the title', (d) => (d.title = 'Plan\u001b]0;pwned\u0007'), 'title'],
    ['NUL in an initiative name', (d) => (d.initiatives[0]!.name = 'Wo\u0000rk'), 'initiatives[0].name'],
    ['a right-to-left override in an event label', (d) => (d.events[0]!.label = 'Departures \u202Egnp.exe'), 'events[0].label'],
    ['a carriage return in the summary', (d) => (d.summary = 'Line one\rover-written'), 'summary'],
    ['a C1 control in the title', (d) => (d.title = 'Plan\u009b2J'), 'title'],
  ];
  for (const [what, spoil, path] of cases) {
    it(`refuses ${what}, naming where`, () => {
      const doc = base();
      spoil(doc);
      const lines = problemsOf(doc);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}: must not contain control characters or text-direction overrides`));
    });
  }

  it('escapes unsafe characters visibly for output, keeping tabs and new lines (and returns only when asked)', () => {
    expect(escapeUnsafeText('a\u001b[2Jb\u0000c\u202Ed\te\nf\rg')).toBe('a\\u001b[2Jb\\u0000c\\u202ed\te\nf\\u000dg');
    expect(escapeUnsafeText('bar\r', true)).toBe('bar\r');
    // Inside JSON strings the escape means the same character.
    const json = JSON.stringify({ title: 'x\u202Ey\u009b' });
    expect(JSON.parse(escapeUnsafeText(json))).toEqual({ title: 'x\u202Ey\u009b' });
  });
});
