import { LEVERS, type LeverValues, type Scenario } from '../../../engine';

/** The levers shown on the projector when a scenario names none: the guide's four questions. */
export const DEFAULT_FEATURED: readonly string[] = ['leadership.ownership', 'goal.clarity', 'urgency.standing', 'priorities.concurrent'];
/** Most levers on the projector at once; the rest wait in a drawer. */
export const MAX_FEATURED = 6;

/**
 * Return the levers presentation mode shows in full, in the engine's order: those the scenario itself points at
 * (its trainer's suggested what-ifs and the lever limits of its challenges), any the board has moved, and the
 * guide's four questions to make up at least four. At most MAX_FEATURED; moved levers come first when it is full.
 */
export function featuredLevers(scenario: Pick<Scenario, 'trainer' | 'targets'>, overrides: LeverValues): string[] {
  const known = new Set(LEVERS.map((l) => l.id));
  const moved = Object.keys(overrides).filter((id) => known.has(id));
  const named = [
    ...scenario.trainer.whatIfs.flatMap((w) => Object.keys(w.levers)),
    ...scenario.targets.flatMap((t) => (t.maxLever ? [t.maxLever.leverId] : [])),
  ].filter((id) => known.has(id));
  const chosen: string[] = [];
  for (const id of [...moved, ...named, ...DEFAULT_FEATURED]) {
    if (chosen.length >= MAX_FEATURED) break;
    if (!chosen.includes(id) && known.has(id) && (chosen.length < 4 || moved.includes(id) || named.includes(id))) chosen.push(id);
  }
  const order = new Map(LEVERS.map((l, i) => [l.id, i]));
  return chosen.sort((a, b) => order.get(a)! - order.get(b)!);
}
