import { describe, expect, it } from 'vitest';
import { LEVERS, formatProblems, parseScenario, scenarioToInput, serializeScenario, simulateExpected } from '../../engine';
import { libraryFiles } from './library-files';

const files = libraryFiles();

describe('prepared scenario library', () => {
  it('holds the blank trust and at least three case scenarios', () => {
    expect(files.map((f) => f.file)).toContain('blank-trust.momentum');
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(files)('$file', ({ file, text }) => {
    const result = parseScenario(text);

    it('parses without problems', () => {
      expect(result.ok ? [] : formatProblems(result.problems)).toEqual([]);
    });

    it('starts with "$schema" and is at the current schema version without migration', () => {
      expect(text.trimStart().startsWith('{\n  "$schema": "../schemas/scenario.schema.json"')).toBe(true);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.migratedFrom).toBeUndefined();
    });

    it('is named after its id', () => {
      if (!result.ok) return expect.fail('does not parse');
      expect(`${result.scenario.id}.momentum`).toBe(file);
    });

    it('has a one-line lesson, a summary, a source and judgement notes ', () => {
      if (!result.ok) return expect.fail('does not parse');
      const s = result.scenario;
      expect(s.lesson.length).toBeGreaterThan(10);
      expect(s.summary.length).toBeGreaterThan(40);
      expect(s.source.length).toBeGreaterThan(20);
      expect(s.judgement.length).toBeGreaterThan(20);
      expect(s.trainer.briefing.length).toBeGreaterThan(40);
      expect(s.trainer.objectives.length).toBeGreaterThanOrEqual(2);
      expect(s.trainer.questions.length).toBeGreaterThanOrEqual(2);
    });

    it('round-trips through serializeScenario unchanged', () => {
      if (!result.ok) return expect.fail('does not parse');
      const once = serializeScenario(result.scenario);
      const again = parseScenario(once);
      expect(again.ok).toBe(true);
      if (again.ok) expect(serializeScenario(again.scenario)).toBe(once);
    });

    it('runs in the engine with finite KPIs, and every target names a KPI the run produces', () => {
      if (!result.ok) return expect.fail('does not parse');
      const run = simulateExpected(scenarioToInput(result.scenario));
      for (const [k, v] of Object.entries(run.kpis)) expect(Number.isFinite(v), k).toBe(true);
      for (const t of result.scenario.targets) {
        if (t.byWeek !== undefined) expect(Object.keys(run.series), t.id).toContain(t.kpi);
        else expect(Object.keys(run.kpis), t.id).toContain(t.kpi);
      }
    });

    it('says how long a session takes, and why each locked lever is locked', () => {
      if (!result.ok) return expect.fail('does not parse');
      const s = result.scenario;
      expect(s.trainer.sessionMinutes, 'trainer.sessionMinutes').toBeDefined();
      for (const id of s.lockedLevers) expect(s.trainer.lockReasons[id], `trainer.lockReasons["${id}"]`).toBeTruthy();
    });

    it('locks only levers the engine has', () => {
      if (!result.ok) return expect.fail('does not parse');
      const ids = LEVERS.map((l) => l.id);
      for (const id of result.scenario.lockedLevers) expect(ids).toContain(id);
    });
  });
});
