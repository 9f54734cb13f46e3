import type { LeverDef, LeverValues } from './types';

/**
 * Most FTE of one role family a trust's board would plausibly put in its first team. The source guide's first
 * team is small and multidisciplinary, a GDS service team has 8–15 people, and Wachter (2016) asks for at least
 * five clinician-informaticians per trust: five a role gives teams of up to 35 FTE. Judgement; range 4–8.
 */
export const PLAUSIBLE_ROLE_FTE = 5;

/**
 * Every board setting the engine reads. Ids are dotted and stable: scenario files, saved runs
 * and the command line refer to them. Ranges and defaults are documented in docs/MODEL.md.
 */
export const LEVERS: readonly LeverDef[] = [
  {
    id: 'leadership.ownership',
    label: 'Who owns digital',
    group: 'leadership',
    unit: 'level',
    min: 0,
    max: 3,
    step: 1,
    default: 1,
    explanation: 'From nobody, through one executive, to the chief executive and chair in public, to every board member owning the digital part of their portfolio.',
    source: 'Source guide (Milton Keynes); GDE evaluation, Krasuska et al. 2021; multipliers are judgement',
    options: [
      { value: 0, label: 'Nobody' },
      { value: 1, label: 'One executive (e.g. a CIO)' },
      { value: 2, label: 'Chief executive and chair, publicly' },
      { value: 3, label: 'The whole board, each in their own portfolio' },
    ],
  },
  {
    id: 'leadership.boardEngaged',
    label: 'Board members actively engaged',
    group: 'leadership',
    unit: 'share',
    min: 0,
    max: 1,
    step: 0.05,
    default: 0.4,
    explanation: 'Share of the board that actively follows and unblocks digital work.',
    source: 'Source guide (Milton Keynes); judgement on the mapping',
  },
  {
    id: 'leadership.culture',
    label: 'No-blame, test-and-learn culture',
    group: 'leadership',
    unit: 'share',
    min: 0,
    max: 1,
    step: 0.05,
    default: 0.4,
    explanation: 'How far the board encourages trying things, learning from failure and protecting improvement time.',
    source: 'Source guide (Milton Keynes, CNTW); Repenning & Sterman 2001; judgement on the mapping',
  },
  { id: 'team.clinical', label: 'Clinical staff and clinical informaticians', group: 'team', unit: 'FTE', min: 0, max: 20, step: 0.5, plausibleMax: PLAUSIBLE_ROLE_FTE, default: 1, explanation: 'Clinicians working in the first team, including clinical informaticians.', source: 'Wachter 2016 (at least five clinician-informaticians per trust); GDS service-team roles' },
  { id: 'team.product', label: 'Product and delivery', group: 'team', unit: 'FTE', min: 0, max: 20, step: 0.5, plausibleMax: PLAUSIBLE_ROLE_FTE, default: 1, explanation: 'Product and delivery managers who decide what to build next and keep it moving.', source: 'GDS service-team roles' },
  { id: 'team.design', label: 'Design and user research', group: 'team', unit: 'FTE', min: 0, max: 20, step: 0.5, plausibleMax: PLAUSIBLE_ROLE_FTE, default: 0, explanation: 'Service designers and user researchers who make the thing usable by real people.', source: 'GDS service-team roles; source guide' },
  { id: 'team.engineering', label: 'Engineering', group: 'team', unit: 'FTE', min: 0, max: 20, step: 0.5, plausibleMax: PLAUSIBLE_ROLE_FTE, default: 2, explanation: 'Software engineers who build and integrate services.', source: 'GDS service-team roles' },
  { id: 'team.data', label: 'Data', group: 'team', unit: 'FTE', min: 0, max: 20, step: 0.5, plausibleMax: PLAUSIBLE_ROLE_FTE, default: 1, explanation: 'Data analysts, scientists and engineers.', source: 'GDS service-team roles' },
  { id: 'team.infrastructure', label: 'Infrastructure and IT', group: 'team', unit: 'FTE', min: 0, max: 20, step: 0.5, plausibleMax: PLAUSIBLE_ROLE_FTE, default: 3, explanation: 'Infrastructure and IT operations staff; they are already in post and also build foundations.', source: 'GDS service-team roles; judgement' },
  { id: 'team.strategy', label: 'Strategy and policy', group: 'team', unit: 'FTE', min: 0, max: 20, step: 0.5, plausibleMax: PLAUSIBLE_ROLE_FTE, default: 1, explanation: 'Strategy, policy and programme staff.', source: 'Source guide (a first team of only strategy or policy cannot show the thing)' },
  {
    id: 'team.external',
    label: 'Share from consultants and contractors',
    group: 'team',
    unit: 'share',
    min: 0,
    max: 1,
    step: 0.05,
    default: 0.3,
    explanation: 'Share of the team supplied by outside consultants or contractors: capacity at once, little capability left behind.',
    source: 'Kirkpatrick, Sturdy & Veronesi 2019; Ko, Kirsch & King 2005',
  },
  {
    id: 'team.empowerment',
    label: 'Decisions devolved to the team',
    group: 'team',
    unit: 'share',
    min: 0,
    max: 1,
    step: 0.05,
    default: 0.4,
    explanation: 'How far the team can decide for itself rather than wait for approval.',
    source: 'Source guide (CNTW, Covid local empowerment); judgement on the mapping',
  },
  {
    id: 'team.knowledgeTransfer',
    label: 'Knowledge transfer from consultants',
    group: 'team',
    unit: 'share',
    min: 0.1,
    max: 0.5,
    step: 0.05,
    default: 0.3,
    explanation: 'Fraction of consultant time that turns into lasting in-house capability.',
    source: 'Ko, Kirsch & King 2005; range and default are judgement',
  },
  {
    id: 'goal.clarity',
    label: 'Clarity of the goal',
    group: 'goal',
    unit: 'share',
    min: 0,
    max: 1,
    step: 0.05,
    default: 0.4,
    explanation: '0 is a vague ambition; 1 is a single, tangible goal with a date.',
    source: 'Locke & Latham 2002; source guide ("collecting rocks"); throughput mapping is judgement',
  },
  {
    id: 'goal.mission',
    label: 'Alignment with a wider mission',
    group: 'goal',
    unit: 'share',
    min: 0,
    max: 1,
    step: 0.05,
    default: 0.4,
    explanation: 'How far digital is tied to the trust\'s wider strategic mission rather than seen as a side project.',
    source: 'Source guide; judgement on the mapping',
  },
  {
    id: 'urgency.standing',
    label: 'Standing sense of urgency',
    group: 'urgency',
    unit: 'share',
    min: 0,
    max: 1,
    step: 0.05,
    default: 0.2,
    explanation: 'The everyday sense that change cannot wait; shocks such as a pandemic come as scenario events.',
    source: 'Source guide (Covid-19 response); judgement on the mapping',
  },
  {
    id: 'urgency.lockIn',
    label: 'Lock in new ways after a shock',
    group: 'urgency',
    unit: 'share',
    min: 0,
    max: 1,
    step: 0.05,
    default: 0.3,
    explanation: 'How deliberately the board keeps the focus and the new ways of working once a crisis passes.',
    source: 'Source guide ("no going back"); Nuffield Trust QualityWatch 2020; judgement on the mapping',
  },
  {
    id: 'priorities.concurrent',
    label: 'Concurrent priorities',
    group: 'priorities',
    unit: 'priorities',
    min: 1,
    max: 40,
    step: 1,
    default: 8,
    explanation: 'How many priorities the organisation runs at once; the portfolio is some of them, the rest are other demands on the same people.',
    source: 'Weinberg 1992; source guide (30 priorities cut to 2 in the Covid response)',
  },
  { id: 'start.infrastructure', label: 'Infrastructure readiness', group: 'starting-point', unit: 'share', min: 0, max: 1, step: 0.05, default: 0.4, explanation: 'How ready networks, devices, hosting and integration are today.', source: 'Source guide (Milton Keynes, SCAS); judgement on the scale' },
  { id: 'start.maturity.patients', label: 'Starting maturity: patients', group: 'starting-point', unit: 'score 1–5', min: 1, max: 5, step: 0.1, default: 1.5, explanation: 'Self-assessed digital maturity of services for patients today.', source: 'Digital Maturity Assessment (self-assessed, 1–5)' },
  { id: 'start.maturity.clinicians', label: 'Starting maturity: clinicians', group: 'starting-point', unit: 'score 1–5', min: 1, max: 5, step: 0.1, default: 2, explanation: 'Self-assessed digital maturity of clinical systems today.', source: 'Digital Maturity Assessment (self-assessed, 1–5)' },
  { id: 'start.maturity.support', label: 'Starting maturity: support staff', group: 'starting-point', unit: 'score 1–5', min: 1, max: 5, step: 0.1, default: 2, explanation: 'Self-assessed digital maturity of systems for professional support staff today.', source: 'Digital Maturity Assessment (self-assessed, 1–5)' },
  { id: 'start.staffReadiness', label: 'Staff readiness', group: 'starting-point', unit: 'share', min: 0, max: 1, step: 0.05, default: 0.4, explanation: 'Digital skills and openness of frontline staff today.', source: 'Judgement' },
  { id: 'start.boardConfidence', label: 'Board confidence in digital', group: 'starting-point', unit: 'share', min: 0, max: 1, step: 0.05, default: 0.4, explanation: 'How confident the board is today that digital work will deliver.', source: 'Source guide (Milton Keynes, SCAS); judgement on the scale' },
  { id: 'start.legacy', label: 'Legacy systems burden', group: 'starting-point', unit: 'share', min: 0, max: 1, step: 0.05, default: 0.5, explanation: 'How much old, fragile or fragmented technology holds work back.', source: 'Source guide (SCAS integrating four services); judgement' },
];

/** Lever index by id, for O(1) lookups. */
const LEVER_INDEX: ReadonlyMap<string, LeverDef> = new Map(LEVERS.map((l) => [l.id, l]));

/** Return the definition of a lever, or undefined when the id is unknown. */
export function leverDef(id: string): LeverDef | undefined {
  return LEVER_INDEX.get(id);
}

/** Return the default value of every lever, by id. */
export function defaultLevers(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of LEVERS) out[l.id] = l.default;
  return out;
}

/** Return a lever's value from a partial set: the given value clamped to its range, else its default. */
export function leverValue(levers: LeverValues, id: string): number {
  const def = LEVER_INDEX.get(id);
  if (!def) return 0;
  const v = levers[id];
  if (v === undefined || !Number.isFinite(v)) return def.default;
  return Math.min(def.max, Math.max(def.min, v));
}

/** What is wrong with a value for a lever: not a finite number, outside its range, or not one of its options. */
export type LeverValueFault = 'not-a-number' | 'out-of-range' | 'not-an-option';

/** Check a value against a lever's range and options: what is wrong with it, or undefined when the lever takes it. */
export function leverValueFault(def: LeverDef, value: number): LeverValueFault | undefined {
  if (!Number.isFinite(value)) return 'not-a-number';
  if (value < def.min || value > def.max) return 'out-of-range';
  if (def.options !== undefined && def.options.length > 0 && !def.options.some((o) => o.value === value)) return 'not-an-option';
  return undefined;
}

/** A lever's options as text, e.g. `0 (Pilot), 1 (Big bang)`. */
export function leverChoices(def: LeverDef): string {
  return (def.options ?? []).map((o) => `${o.value} (${o.label})`).join(', ');
}

/** The board settings resolved to numbers, read once per run. */
export interface Settings {
  ownership: number;
  boardEngaged: number;
  culture: number;
  /** FTE by role family, in ROLE_FAMILIES order. */
  fte: Float64Array;
  external: number;
  empowerment: number;
  knowledgeTransfer: number;
  clarity: number;
  mission: number;
  urgency: number;
  lockIn: number;
  priorities: number;
  infrastructure: number;
  maturity: Float64Array;
  readiness: number;
  confidence: number;
  legacy: number;
}

/** The role families of the team, in the order of Settings.fte. */
export const ROLE_FAMILIES = ['clinical', 'product', 'design', 'engineering', 'data', 'infrastructure', 'strategy'] as const;
/** Index of the infrastructure family in Settings.fte. */
export const ROLE_INFRASTRUCTURE = 5;

/** Resolve partial lever values into numeric settings (defaults filled, values clamped). */
export function resolveSettings(levers: LeverValues): Settings {
  const fte = new Float64Array(ROLE_FAMILIES.length);
  for (let i = 0; i < ROLE_FAMILIES.length; i++) fte[i] = leverValue(levers, `team.${ROLE_FAMILIES[i]}`);
  const maturity = new Float64Array([
    leverValue(levers, 'start.maturity.patients'),
    leverValue(levers, 'start.maturity.clinicians'),
    leverValue(levers, 'start.maturity.support'),
  ]);
  // Every field starts as a fractional constant and is then assigned, so that V8 stores these fields as
  // floating point from the first run on. Built directly from the lever values, the first run of a sweep
  // whose levers start at 0 gave them an integer layout; the first fractional value then changed the
  // object's hidden class and discarded the optimised code of every function reading the settings
  // (the weekly loop among them), which each thread then compiled again (docs/PERFORMANCE.md). The
  // values are the same either way.
  const s: Settings = {
    ownership: 0.5, boardEngaged: 0.5, culture: 0.5, fte, external: 0.5, empowerment: 0.5, knowledgeTransfer: 0.5,
    clarity: 0.5, mission: 0.5, urgency: 0.5, lockIn: 0.5, priorities: 0.5, infrastructure: 0.5, maturity,
    readiness: 0.5, confidence: 0.5, legacy: 0.5,
  };
  s.ownership = leverValue(levers, 'leadership.ownership');
  s.boardEngaged = leverValue(levers, 'leadership.boardEngaged');
  s.culture = leverValue(levers, 'leadership.culture');
  s.external = leverValue(levers, 'team.external');
  s.empowerment = leverValue(levers, 'team.empowerment');
  s.knowledgeTransfer = leverValue(levers, 'team.knowledgeTransfer');
  s.clarity = leverValue(levers, 'goal.clarity');
  s.mission = leverValue(levers, 'goal.mission');
  s.urgency = leverValue(levers, 'urgency.standing');
  s.lockIn = leverValue(levers, 'urgency.lockIn');
  s.priorities = leverValue(levers, 'priorities.concurrent');
  s.infrastructure = leverValue(levers, 'start.infrastructure');
  s.readiness = leverValue(levers, 'start.staffReadiness');
  s.confidence = leverValue(levers, 'start.boardConfidence');
  s.legacy = leverValue(levers, 'start.legacy');
  return s;
}

/** Return the part of a lever's range a board would plausibly choose: [min, plausibleMax or max]. */
export function plausibleRange(def: LeverDef): readonly [number, number] {
  return [def.min, def.plausibleMax !== undefined && def.plausibleMax < def.max ? def.plausibleMax : def.max];
}
