import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblems, parseScenario } from '../../engine';
import { libraryFiles } from './library-files';

const doc = (name: string): string => readFileSync(fileURLToPath(new URL(`../../docs/${name}`, import.meta.url)), 'utf8');

describe('docs/SCENARIO-FORMAT.md', () => {
  const text = doc('SCENARIO-FORMAT.md');

  it('has a full example that parses without problems and uses every event kind', () => {
    const section = text.slice(text.indexOf('## A full example'));
    const json = /```json\n([\s\S]*?)\n```/.exec(section)?.[1] ?? '';
    const r = parseScenario(json);
    expect(r.ok ? [] : formatProblems(r.problems)).toEqual([]);
    if (!r.ok) return;
    expect(new Set(r.scenario.events.map((e) => e.kind)).size).toBe(4);
    expect(r.scenario.trainer.reveals.length).toBeGreaterThan(0);
  });

  it('documents every top-level field', () => {
    for (const field of ['$schema', 'schemaVersion', 'id', 'title', 'summary', 'lesson', 'source', 'judgement', 'levers', 'horizonWeeks', 'goal', 'initiatives', 'stages', 'events', 'targets', 'lockedLevers', 'trainer']) {
      expect(text, field).toContain(`| \`${field}\` |`);
    }
  });
});

describe('docs/TRAINER-GUIDE.md', () => {
  it('covers every prepared scenario by id', () => {
    const text = doc('TRAINER-GUIDE.md');
    for (const { file } of libraryFiles()) expect(text, file).toContain(`\`${file.replace(/\.momentum$/, '')}\``);
  });
});
