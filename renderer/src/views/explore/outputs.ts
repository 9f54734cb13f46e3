import type { Goal, Pillar } from '../../../../engine';

// Where the Explore view finds each output in a run. The engine names its series and KPIs;
// each entry lists the names it may use, first match wins, so a rename shows up as a missing
// chart line rather than a crash.

/** Return the first of `ids` the run has as a series. */
export function pickSeries(series: Readonly<Record<string, Float64Array>>, ids: readonly string[]): Float64Array | undefined {
  for (const id of ids) {
    const s = series[id];
    if (s) return s;
  }
  return undefined;
}

/** Return the id of the first of `ids` the record has. */
export function pickId(record: Readonly<Record<string, unknown>>, ids: readonly string[]): string | undefined {
  return ids.find((id) => record[id] !== undefined);
}

/** The series ids behind each chart. */
export const SERIES_IDS = {
  maturity: ['maturity', 'maturity.overall'],
  pillarMaturity: (p: Pillar) => [`maturity.${p}`, `maturity:${p}`],
  adoption: (p: Pillar) => [`adoption.${p}`, `adoption:${p}`],
  adoptionOverall: ['adoption', 'adoption.overall'],
  fatigue: ['fatigue', 'changeFatigue'],
  confidence: ['confidence', 'boardConfidence'],
  riskAppetite: ['riskAppetite', 'appetite'],
  capability: ['capability', 'internalCapability'],
  benefits: ['benefits', 'benefitsRealised', 'benefit'],
  infrastructure: ['infrastructure'],
  urgency: ['urgency'],
} as const;

/** The display name of each pillar. */
export const PILLAR_LABELS: Readonly<Record<Pillar, string>> = {
  patients: 'Patients',
  clinicians: 'Clinicians',
  support: 'Support staff',
};



/** Return the scenario's goal in a few words, e.g. "maturity 3 of 5" or "2 initiatives live". */
export function describeGoal(goal: Goal, names: ReadonlyMap<string, string> = new Map()): string {
  switch (goal.kind) {
    case 'maturity':
      return `maturity ${goal.atLeast} of 5`;
    case 'initiatives-live':
      return goal.ids.length === 1 ? `${names.get(goal.ids[0]!) ?? goal.ids[0]} live` : `${goal.ids.length} initiatives live`;
    case 'adoption':
      return `${Math.round(goal.atLeast * 100)}% adoption by ${PILLAR_LABELS[goal.pillar].toLowerCase()}`;
  }
}
