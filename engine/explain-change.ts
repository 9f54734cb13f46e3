/**
 * What changed against the baseline (SPEC X3): each constraint's loss in the baseline and in a what-if, the moves
 * a board should hear about, the what-if's binding constraint, and the changed levers behind each move.
 *
 * The shares of PeriodExplanation are relative to one run's total loss, so a constraint the board has halved can
 * keep its share, and still be named, when everything else shrank too. The absolute losses compare across runs.
 */
import { LEVERS, leverValue } from './levers';
import { CONSTRAINTS, LEVER_CONSTRAINTS, type Constraint, type LeverDef, type LeverValues, type RunResult, type Share } from './types';

/** What a constraint's loss takes from the work: the team's time, the pace of work, or the effort spent. */
export type LossKind = 'time' | 'pace' | 'effort';

/** How one constraint's loss reads in a sentence. */
export interface ConstraintLossWords {
  /** The constraint as a noun phrase, e.g. "switching between priorities". */
  readonly name: string;
  /** Its loss as the subject of a sentence, e.g. "time lost to switching between priorities". */
  readonly measure: string;
  readonly kind: LossKind;
}

/**
 * The words for each constraint's loss. Switching and governance multiply the team's working time (Weinberg's
 * real-work share, 1 − friction), scope the share of effort that was the original work, the rest the pace.
 */
export const CONSTRAINT_LOSS_WORDS: Readonly<Record<Constraint, ConstraintLossWords>> = {
  switching: { name: 'switching between priorities', measure: 'time lost to switching between priorities', kind: 'time' },
  governance: { name: 'waiting for decisions', measure: 'time lost waiting for decisions', kind: 'time' },
  fatigue: { name: 'change fatigue', measure: 'the slowdown from change fatigue', kind: 'pace' },
  capability: { name: 'thin in-house capability', measure: 'the slowdown from thin in-house capability', kind: 'pace' },
  infrastructure: { name: 'foundations not being ready', measure: 'the slowdown from foundations not being ready', kind: 'pace' },
  scope: { name: 'scope growth', measure: 'the share of effort spent on added scope', kind: 'effort' },
  team: { name: "the team's size and mix", measure: "the slowdown from the team's size and mix", kind: 'pace' },
};

/** How a constraint moved from the baseline to the what-if, as the board reads it (whole percentage points). */
export type ConstraintMove = 'eased' | 'tightened' | 'unchanged';

/** One constraint in the baseline and in the what-if. */
export interface ConstraintChange {
  readonly constraint: Constraint;
  /** Its loss over the baseline run: −ln of its weekly multiplier, summed over the weeks. */
  readonly baselineLoss: number;
  readonly whatIfLoss: number;
  /** whatIfLoss − baselineLoss: negative when it eased. */
  readonly change: number;
  /** The share of time, pace or effort it took in the baseline: 1 − exp(−mean weekly loss). */
  readonly baselineShare: Share;
  readonly whatIfShare: Share;
  /** Unchanged when both shares round to the same whole percentage, so no sentence says "from 12% to 12%". */
  readonly move: ConstraintMove;
  /**
   * Ids of the changed levers behind the move: levers acting on it moved the way that eases it when it eased, the
   * other way when it tightened. A lever moved the easing way is never named behind a tightening.
   */
  readonly levers: readonly string[];
  /** How it moved, in one sentence; empty when unchanged. */
  readonly text: string;
}

/** One lever that differs between the baseline and the what-if. */
export interface LeverChange {
  readonly id: string;
  readonly from: number;
  readonly to: number;
  /** The constraints it acts on (LEVER_CONSTRAINTS). */
  readonly constraints: readonly Constraint[];
  /** Of those, the ones it was moved the easing way for. */
  readonly eases: readonly Constraint[];
  /** Of those, the ones it was moved the tightening way for. */
  readonly tightens: readonly Constraint[];
  /** The change in words, e.g. "concurrent priorities down from 8 to 2". */
  readonly text: string;
}

/** What changed against the baseline, for the "why" panel and the board pack. */
export interface ChangeExplanation {
  /** Whether any lever differs; false for the scenario as loaded. */
  readonly changed: boolean;
  /** Every constraint, in CONSTRAINTS order. */
  readonly constraints: readonly ConstraintChange[];
  /** The constraints that moved, largest change of share first. */
  readonly moves: readonly ConstraintChange[];
  /** The what-if's binding constraint: the largest total loss over the run. */
  readonly binding: Constraint;
  readonly bindingShare: Share;
  /** The baseline's binding constraint. */
  readonly baselineBinding: Constraint;
  readonly levers: readonly LeverChange[];
  /** Whether the board moved a lever the way that eases the binding constraint, and it binds most all the same. */
  readonly bindsDespiteChange: boolean;
  /** What binds most and how much it takes, worded against the baseline when something changed. */
  readonly headline: string;
  /** The binding constraint's size alone, e.g. "Switching between priorities takes 62% of the team's time." */
  readonly size: string;
}

/** A run's total loss per constraint and the weeks its explanations cover. */
export interface RunLosses {
  readonly totals: Readonly<Record<Constraint, number>>;
  readonly weeks: number;
}

/** Return each constraint's loss summed over a run's periods, or null when the run has no periods or predates losses. */
export function runLosses(run: Pick<RunResult, 'explanations'>): RunLosses | null {
  if (run.explanations.length === 0) return null;
  const totals = Object.fromEntries(CONSTRAINTS.map((c) => [c, 0])) as Record<Constraint, number>;
  let weeks = 0;
  for (const p of run.explanations) {
    if (!p.losses) return null;
    for (const c of CONSTRAINTS) totals[c] += p.losses[c] ?? 0;
    weeks += p.toWeek - p.fromWeek + 1;
  }
  return { totals, weeks };
}

/** Return the share a loss summed over `weeks` weeks takes: 1 − exp(−mean weekly loss), the factor's geometric mean. */
export function shareLost(total: number, weeks: number): Share {
  return weeks > 0 && total > 0 ? 1 - Math.exp(-total / weeks) : 0;
}

function percent(x: number): string {
  return `${Math.round(100 * x)}%`;
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function lowerFirst(s: string): string {
  // Leave acronyms ("IT") alone; lower only a capital followed by a small letter.
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** Return "a", "a and b", "a, b and c"; past three, the first two and a count of the rest. */
function joinWords(items: readonly string[]): string {
  if (items.length > 3) return `${items.slice(0, 2).join(', ')} and ${items.length - 2} other changes`;
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

function decimalsOf(step: number): number {
  return step >= 1 || step <= 0 ? 0 : Math.min(3, Math.ceil(-Math.log10(step) - 1e-9));
}

/** Return a lever value as the Explore view's lever shows it, less any unit the lever's name already says. */
function leverWords(def: LeverDef, value: number): string {
  const option = def.options?.find((o) => o.value === value);
  if (option) return lowerFirst(option.label);
  if (def.unit === 'share' && def.max <= 1) return percent(value);
  const n = value.toFixed(decimalsOf(def.step));
  const score = /^score \d+[–-](\d+)$/.exec(def.unit);
  if (score) return `${n} of ${score[1]}`;
  return def.unit === 'FTE' ? `${n} FTE` : n;
}

function sizeClause(c: Constraint, share: Share): string {
  const kind = CONSTRAINT_LOSS_WORDS[c].kind;
  if (kind === 'pace') return `slows work by ${percent(share)}`;
  return `takes ${percent(share)} of ${kind === 'time' ? "the team's time" : 'the effort'}`;
}

function ofWhat(c: Constraint): string {
  const kind = CONSTRAINT_LOSS_WORDS[c].kind;
  // The scope's measure already says "share of effort"; the pace's slowdown is a share of full speed.
  return kind === 'time' ? " of the team's time" : '';
}

function trend(ch: Pick<ConstraintChange, 'constraint' | 'baselineShare' | 'whatIfShare' | 'move'>): string {
  const c = ch.constraint;
  if (ch.move === 'unchanged') return `stayed at ${percent(ch.whatIfShare)}${ofWhat(c)}`;
  return `${ch.move === 'eased' ? 'fell' : 'rose'} from ${percent(ch.baselineShare)} to ${percent(ch.whatIfShare)}${ofWhat(c)}`;
}

function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

/**
 * Return whether a changed lever sits behind a constraint's move: moved the easing way when it eased, the other
 * way when it tightened; a lever whose effect turns with the rest of the settings (direction 0) goes with the move.
 */
function behind(l: LeverChange, c: Constraint, move: ConstraintMove): boolean {
  const d = LEVER_CONSTRAINTS[l.id]?.[c];
  if (d === undefined || move === 'unchanged') return false;
  if (d === 0) return true;
  return d * sign(l.to - l.from) === (move === 'eased' ? 1 : -1);
}

function leverChanges(baseline: LeverValues, whatIf: LeverValues): LeverChange[] {
  const out: LeverChange[] = [];
  for (const def of LEVERS) {
    const from = leverValue(baseline, def.id);
    const to = leverValue(whatIf, def.id);
    if (Math.abs(to - from) < 1e-12) continue;
    const acts = LEVER_CONSTRAINTS[def.id] ?? {};
    const constraints = CONSTRAINTS.filter((c) => acts[c] !== undefined);
    out.push({
      id: def.id,
      from,
      to,
      constraints,
      eases: constraints.filter((c) => acts[c]! * sign(to - from) > 0),
      tightens: constraints.filter((c) => acts[c]! * sign(to - from) < 0),
      text: `${lowerFirst(def.label)} ${to > from ? 'up' : 'down'} from ${leverWords(def, from)} to ${leverWords(def, to)}`,
    });
  }
  return out;
}

function largest(totals: Readonly<Record<Constraint, number>>): Constraint {
  // Ties go to the earlier constraint in CONSTRAINTS order, as the period explanations do.
  return CONSTRAINTS.reduce((best, c) => (totals[c] > totals[best] ? c : best));
}

/**
 * Explain what changed between a baseline run and a what-if run (SPEC X3): each constraint's loss in both, the
 * moves in words a board reads sorted by size, the what-if's binding constraint and the changed levers behind
 * each move. Lever values are resolved with their defaults (leverValue). It never names a lever the board moved
 * the easing way as the cause of a constraint, unless that constraint still binds most, and then it says so.
 * Returns null when either run has no explained period or predates the absolute losses (old saved runs).
 */
export function explainChange(
  baseline: Pick<RunResult, 'explanations'>,
  whatIf: Pick<RunResult, 'explanations'>,
  baselineLevers: LeverValues,
  whatIfLevers: LeverValues,
): ChangeExplanation | null {
  const before = runLosses(baseline);
  const after = runLosses(whatIf);
  if (!before || !after) return null;
  const levers = leverChanges(baselineLevers, whatIfLevers);
  const changed = levers.length > 0;

  const constraints: ConstraintChange[] = CONSTRAINTS.map((c) => {
    const baselineShare = shareLost(before.totals[c], before.weeks);
    const whatIfShare = shareLost(after.totals[c], after.weeks);
    const a = Math.round(100 * baselineShare);
    const b = Math.round(100 * whatIfShare);
    const move: ConstraintMove = !changed || a === b ? 'unchanged' : b < a ? 'eased' : 'tightened';
    const causes = levers.filter((l) => behind(l, c, move));
    const text = move === 'unchanged'
      ? ''
      : `${upperFirst(CONSTRAINT_LOSS_WORDS[c].measure)} ${trend({ constraint: c, baselineShare, whatIfShare, move })}${causes.length > 0 ? `, with ${joinWords(causes.map((l) => l.text))}` : ''}.`;
    return {
      constraint: c,
      baselineLoss: before.totals[c],
      whatIfLoss: after.totals[c],
      change: after.totals[c] - before.totals[c],
      baselineShare,
      whatIfShare,
      move,
      levers: causes.map((l) => l.id),
      text,
    };
  });
  const moves = constraints
    .filter((ch) => ch.move !== 'unchanged')
    .sort((x, y) => Math.abs(y.whatIfShare - y.baselineShare) - Math.abs(x.whatIfShare - x.baselineShare));

  const binding = largest(after.totals);
  const baselineBinding = largest(before.totals);
  const bc = constraints[CONSTRAINTS.indexOf(binding)]!;
  const words = CONSTRAINT_LOSS_WORDS[binding];
  const nothingLost = after.totals[binding] <= 0;
  const size = nothingLost ? '' : `${upperFirst(words.name)} ${sizeClause(binding, bc.whatIfShare)}.`;

  // Levers moved the easing way for the binding constraint: it may be named only with "still" (or "now").
  const eased = levers.filter((l) => {
    const d = LEVER_CONSTRAINTS[l.id]?.[binding];
    return d !== undefined && (d !== 0 ? d * sign(l.to - l.from) > 0 : bc.move === 'eased');
  });
  const worsened = bc.move === 'tightened' ? levers.filter((l) => behind(l, binding, 'tightened')) : [];
  const still = binding === baselineBinding ? 'still' : 'now';

  let headline: string;
  if (nothingLost) headline = 'No constraint held progress back.';
  else if (!changed) headline = `${upperFirst(words.name)} is the largest loss: it ${sizeClause(binding, bc.whatIfShare)}.`;
  else if (eased.length > 0) {
    const connector = bc.move === 'eased' ? 'but' : 'and';
    headline = `With ${joinWords(eased.map((l) => l.text))}, ${words.measure} ${trend(bc)}, ${connector} it is ${still} the largest loss.`;
  } else if (worsened.length > 0) {
    headline = `${upperFirst(words.name)} is ${still} the largest loss: ${words.measure} ${trend(bc)}, with ${joinWords(worsened.map((l) => l.text))}.`;
  } else {
    const was = bc.move === 'unchanged' ? '' : ` (was ${percent(bc.baselineShare)})`;
    headline = `${upperFirst(words.name)} is ${still} the largest loss: it ${sizeClause(binding, bc.whatIfShare)}${was}.`;
  }

  return {
    changed,
    constraints,
    moves,
    binding,
    bindingShare: bc.whatIfShare,
    baselineBinding,
    levers,
    bindsDespiteChange: changed && !nothingLost && eased.length > 0,
    headline,
    size,
  };
}
