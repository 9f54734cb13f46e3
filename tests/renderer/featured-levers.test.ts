import { describe, expect, it } from 'vitest';
import { blankScenario, LEVERS } from '../../engine';
import { DEFAULT_FEATURED, featuredLevers, MAX_FEATURED } from '../../renderer/src/model/featured-levers';
import { preparedScenarios } from '../../renderer/src/library/prepared';

const order = (ids: readonly string[]) => [...ids].sort((a, b) => LEVERS.findIndex((l) => l.id === a) - LEVERS.findIndex((l) => l.id === b));

describe('the levers on the projector', () => {
  it('shows the guide\'s four questions for a scenario that names none', () => {
    expect(featuredLevers(blankScenario(), {})).toEqual(order(DEFAULT_FEATURED));
    for (const id of DEFAULT_FEATURED) expect(LEVERS.some((l) => l.id === id), id).toBe(true);
  });

  it('puts the levers a scenario\'s what-ifs and challenges name, and those moved, first, at most six', () => {
    const team = LEVERS.filter((l) => l.group === 'team').map((l) => l.id);
    const s = { ...blankScenario(), trainer: { ...blankScenario().trainer, whatIfs: [{ label: 'Bigger team', levers: Object.fromEntries(team.map((id) => [id, 2])) }] } };
    const got = featuredLevers(s, { 'urgency.lockIn': 1 });
    expect(got.length).toBe(MAX_FEATURED);
    expect(got).toContain('urgency.lockIn');
    expect(got).toEqual(order(got));
    expect(featuredLevers(s, { nonsense: 1 })).not.toContain('nonsense');
  });

  it('gives every prepared scenario four to six levers', () => {
    for (const p of preparedScenarios()) {
      if (!p.ok) continue;
      const n = featuredLevers(p.scenario, {}).length;
      expect(n, p.file).toBeGreaterThanOrEqual(4);
      expect(n, p.file).toBeLessThanOrEqual(MAX_FEATURED);
    }
  });
});
