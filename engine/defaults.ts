import type { SimInput } from './types';

/** The default horizon: five years of weekly steps. */
export const DEFAULT_HORIZON_WEEKS = 260;
/** The longest horizon the engine accepts: ten years. */
export const MAX_HORIZON_WEEKS = 520;

/** Return a blank trust's input: default levers, no portfolio, goal of maturity 3. */
export function blankInput(): SimInput {
  return {
    horizonWeeks: DEFAULT_HORIZON_WEEKS,
    levers: {},
    initiatives: [],
    stages: [],
    events: [],
    goal: { kind: 'maturity', atLeast: 3 },
  };
}
