import { describe, expect, it } from 'vitest';
import { assumptionSensitivity, blankInput, PARAMETERS, type AssumptionRow, type AssumptionSensitivity, type EvidenceClass } from '../../engine';
import {
  assumptionRanking, directionWords, EVIDENCE_WORDS, formatKpiMove, shortLabel, TOP_ASSUMPTIONS,
} from '../../renderer/src/model/assumption-ranking';

/** A screening result of made-up rows (ids of the registry, so labels and mechanisms resolve), largest first. */
function screening(kpi: string, rows: readonly [id: string, evidence: EvidenceClass, index: number, meanEffect: number][]): AssumptionSensitivity {
  const out: AssumptionRow[] = rows.map(([id, evidence, index, meanEffect]) => ({ id, label: id, evidence, index, meanEffect }));
  return { kpi, replications: 10, trajectories: 4, rows: out };
}

const registry = (id: string) => PARAMETERS.find((p) => p.id === id)!;

describe('which assumptions matter: the view model', () => {
  it('keeps the engine\'s order and labels every row from the registry, never with its id', () => {
    const result = assumptionSensitivity(blankInput(), { kpi: 'maturityAtHorizon', seed: 3, replications: 4, trajectories: 2 });
    const view = assumptionRanking(result, PARAMETERS);
    expect(view.rows.map((r) => r.id)).toEqual(result.rows.slice(0, TOP_ASSUMPTIONS).map((r) => r.id));
    expect(view.rows.map((r) => r.rank)).toEqual(view.rows.map((_, i) => i + 1));
    for (const row of view.rows) {
      const def = registry(row.id);
      expect(row.label).toBe(shortLabel(def.label));
      expect(row.label).not.toContain(row.id);
      expect(row.mechanism).toBe(def.mechanism);
      expect(row.evidenceClass).toBe(EVIDENCE_WORDS[def.evidence].className);
    }
    // The bars: the largest is full length, the others in proportion.
    expect(view.rows[0]!.share).toBe(1);
    for (const row of view.rows) expect(row.share).toBeCloseTo(row.index / view.rows[0]!.index, 12);
  });

  it('shows the top few, and every row when asked', () => {
    const ids = PARAMETERS.slice(0, 14).map((p) => p.id);
    const result = screening('maturityAtHorizon', ids.map((id, i) => [id, 'judgement', 14 - i, 14 - i]));
    const top = assumptionRanking(result, PARAMETERS);
    expect(top.rows).toHaveLength(TOP_ASSUMPTIONS);
    expect(top.more).toBe(14 - TOP_ASSUMPTIONS);
    expect(top.total).toBe(14);
    const all = assumptionRanking(result, PARAMETERS, true);
    expect(all.rows.map((r) => r.id)).toEqual(ids);
    expect(all.more).toBe(0);
  });

  it.each([
    ['judgement', /^The top assumption here, '.+', rests on judgement alone \(.+\): treat conclusions that depend on it with care\./],
    ['mixed', /^The top assumption here, '.+', mixes a published source with judgement \(.+\): check what it assumes/],
    ['evidence', /^The top assumption here, '.+', rests on a published source \(.+\)\.$/],
  ] as const)('says plainly what the top assumption rests on: %s', (evidence, sentence) => {
    const result = screening('maturityAtHorizon', [
      ['REFERENCE_TEAM_OUTPUT', evidence, 0.8, 0.8],
      ['OVERHEAD_PER_PATH', 'evidence', 0.2, -0.2],
    ]);
    const view = assumptionRanking(result, PARAMETERS);
    expect(view.summary).toMatch(sentence);
    expect(view.summary).toContain(`'${shortLabel(registry('REFERENCE_TEAM_OUTPUT').label)}'`);
    expect(view.summary).not.toContain('REFERENCE_TEAM_OUTPUT');
  });

  it('counts the other judgement calls among the top five, and says when nothing moves the KPI', () => {
    const judged = assumptionRanking(
      screening('maturityAtHorizon', [
        ['OVERHEAD_PER_PATH', 'evidence', 1, 1],
        ['SWITCHING_FLOOR', 'judgement', 0.5, 0.5],
        ['SWITCHING_DECAY', 'judgement', 0.4, 0.4],
        ['SUB_TEAM_FTE', 'mixed', 0.3, 0.3],
      ]),
      PARAMETERS,
    );
    expect(judged.summary).toMatch(/ 2 more of the top five rest on judgement alone\.$/);
    const flat = assumptionRanking(screening('maturityAtHorizon', [['SWITCHING_FLOOR', 'judgement', 0, 0]]), PARAMETERS);
    expect(flat.summary).toMatch(/^None of the model's assumptions moved Maturity/);
    expect(flat.rows[0]!.share).toBe(0);
  });

  it.each([
    ['maturityAtHorizon', 0.4567, '0.46'],
    ['benefitsRealised', 123.4, '123'],
    ['goalReached', 0.123, '12 pts'],
    ['goalReached', 0.004, '0.4 pts'],
    ['weeksToGoal', 26.07, '6 months'],
    ['weeksToGoal', 2, 'under a month'],
  ])('gives the size of a move in %s of %s as %s', (kpi, size, shown) => {
    expect(formatKpiMove(kpi, size)).toBe(shown);
  });

  it.each([
    [1, 1, 'raises it'],
    [-0.9, 1, 'lowers it'],
    [0.1, 1, 'either way'],
    [0, 0, 'no effect'],
  ])('reads μ = %s with μ* = %s as "%s"', (mean, index, words) => {
    expect(directionWords(mean, index)).toBe(words);
  });

  it('shortens a label that goes on to explain, and keeps one that does not', () => {
    expect(shortLabel('Effort-weeks done in a week. Scenario effort is relative')).toBe('Effort-weeks done in a week');
    expect(shortLabel('Weeks for a newcomer to become fully productive (assimilation time constant)')).toBe('Weeks for a newcomer to become fully productive (assimilation time constant)');
  });
});
