import type { PredictionQuestion } from '../../../engine';
import { formatNumber, formatSignificant, isShareUnit } from './format';
import { seriesLabel, seriesUnit } from './metadata';
import { orderReveals, type RevealPosition } from './reveal';

/**
 * The room's predictions: before a reveal step the facilitator records what the room expects (a vote between the
 * options the scenario gives, or a figure or a few); when the clock reaches the step, the answers are set against
 * the run at the step's week. Pure: the trainer panel, the store and the debrief read these.
 */

/** What the room answered to one question: votes per option id, or the figures it gave (in the series' own units). */
export type RoomAnswer = { readonly kind: 'vote'; readonly counts: Readonly<Record<string, number>> } | { readonly kind: 'number'; readonly figures: readonly number[] };

/** The room's answers in one session, by question id. */
export type RoomAnswers = Readonly<Record<string, RoomAnswer>>;

/** A reveal step as far as predictions need it (a scenario's `trainer.reveals` entry). */
export interface RevealWithQuestions {
  readonly week: number;
  readonly title: string;
  readonly note: string;
  readonly predictions?: readonly PredictionQuestion[];
}

/** A question together with the reveal step that answers it. */
export interface AskedQuestion {
  readonly question: PredictionQuestion;
  /** The step's index in the order the clock meets the reveals. */
  readonly step: number;
  /** The week the answer is read at. */
  readonly week: number;
  readonly revealTitle: string;
}

/** The most figures one number question keeps: a few voices from the room, not a survey. */
export const MAX_FIGURES = 12;

/** Return every question of the scenario with its step, in the order the clock meets the steps. */
export function askedQuestions(reveals: readonly RevealWithQuestions[]): AskedQuestion[] {
  return orderReveals(reveals).flatMap((r, step) => (r.predictions ?? []).map((question) => ({ question, step, week: r.week, revealTitle: r.title })));
}

/** Return the step whose questions the room answers now: the next one (the first before the reveals start). */
export function stepToAsk(position: RevealPosition): number {
  return position === null ? 0 : position + 1;
}

/** Return the questions to put to the room now, before the next step is revealed. */
export function questionsToAsk(reveals: readonly RevealWithQuestions[], position: RevealPosition): AskedQuestion[] {
  const step = stepToAsk(position);
  return askedQuestions(reveals).filter((q) => q.step === step);
}

/** Return the questions the step the clock stands at answers (none while the whole run shows). */
export function questionsAnsweredNow(reveals: readonly RevealWithQuestions[], position: RevealPosition): AskedQuestion[] {
  if (position === null) return [];
  return askedQuestions(reveals).filter((q) => q.step === position);
}

/**
 * Return whether the charts already show a question's week, so its outcome may be shown: the clock has reached its
 * step, or the whole run shows. Before that the outcome would tell the room what it is about to predict.
 */
export function isAnswerShown(asked: AskedQuestion, position: RevealPosition): boolean {
  return position === null || asked.step <= position;
}

/** Return whether the room has given any answer to a question. */
export function hasAnswer(answer: RoomAnswer | undefined): answer is RoomAnswer {
  if (!answer) return false;
  return answer.kind === 'vote' ? Object.values(answer.counts).some((n) => n > 0) : answer.figures.length > 0;
}

// Units: a share is entered and read as a percentage, a score as a number of the 1–5 scale.

/** How the room writes a figure of a series: the factor from the series' units, and a hint with an example. */
export interface FigureEntry {
  readonly scale: number;
  readonly suffix: string;
  readonly hint: string;
}

/** Return how figures of a series are entered (a share as a percentage). */
export function figureEntry(series: string): FigureEntry {
  const unit = seriesUnit(series);
  if (isShareUnit(unit)) return { scale: 100, suffix: '%', hint: 'As percentages, separated by commas, e.g. 40, 55' };
  if (unit.startsWith('score')) return { scale: 1, suffix: '', hint: 'On the 1–5 scale, separated by commas, e.g. 2.5, 3' };
  return { scale: 1, suffix: '', hint: `In ${unit || 'the series’ units'}, separated by commas, e.g. 4, 6` };
}

/** Return a value of a series as a board reads it: "54%", "2.4 of 5", "3 initiatives live". */
export function formatSeriesValue(series: string, value: number): string {
  if (!Number.isFinite(value)) return '—';
  const unit = seriesUnit(series);
  if (isShareUnit(unit)) return `${Math.round(value * 100)}%`;
  const score = /^score \d+[–-](\d+)$/.exec(unit);
  if (score) return `${formatNumber(value, 1)} of ${score[1]}`;
  const n = Number.isInteger(value) ? String(value) : Math.abs(value) < 100 ? formatNumber(value, 1) : formatSignificant(value);
  return unit ? `${n} ${unit}` : n;
}

/** Return the room's figures as they are written in the entry field ("40, 55" for shares). */
export function figuresText(series: string, figures: readonly number[]): string {
  const { scale } = figureEntry(series);
  return figures.map((f) => formatSignificant(f * scale).replace(/,/g, '')).join(', ');
}

/** The room's figures read from the entry field, or what is wrong with the text. */
export type FiguresRead = { readonly ok: true; readonly figures: number[] } | { readonly ok: false; readonly message: string };

/** Read the room's figures from text such as "2.5, 3" (or "40%, 55%" for a share); an empty text is no figures. */
export function readFigures(series: string, text: string): FiguresRead {
  const { scale } = figureEntry(series);
  const parts = text
    .split(/[,;]|\s+(?=\d|[-−])/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length > MAX_FIGURES) return { ok: false, message: `Give at most ${MAX_FIGURES} figures (there are ${parts.length}).` };
  const figures: number[] = [];
  for (const part of parts) {
    const cleaned = part.replace(/%$/, '').replace(/^−/, '-').trim();
    const n = /^-?\d+(\.\d+)?$|^-?\.\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
    if (!Number.isFinite(n)) return { ok: false, message: `“${part}” is not a number: write figures such as 2.5, separated by commas.` };
    figures.push(n / scale);
  }
  return { ok: true, figures };
}

// What the run gives at a step.

/** The medians of the run set (a MonteCarloResult fits): only the bands' `p50` is read. */
export interface TypicalBands {
  readonly replications: number;
  readonly bands: Readonly<Record<string, { readonly p50: ArrayLike<number> }>>;
}

/** The quick estimate's weekly series (a RunResult fits). */
export interface EstimateSeries {
  readonly series: Readonly<Record<string, ArrayLike<number>>>;
}

/** A series' value at a week: the median of the runs, or the quick estimate where the runs keep no band of it. */
export interface StepOutcome {
  readonly series: string;
  readonly week: number;
  readonly value: number;
  readonly basis: 'typical' | 'estimate';
  /** How many runs the median is of (typical only). */
  readonly replications?: number;
}

function valueAt(values: ArrayLike<number> | undefined, week: number): number | undefined {
  if (!values || values.length === 0) return undefined;
  const v = values[Math.max(0, Math.min(values.length - 1, Math.round(week)))];
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}

/** Return a series' value at a week, from the median of the runs when they are in and keep it, else the quick estimate. */
export function outcomeAt(series: string, week: number, typical: TypicalBands | null, estimate: EstimateSeries | null): StepOutcome | null {
  const median = valueAt(typical?.bands[series]?.p50, week);
  if (median !== undefined && typical) return { series, week, value: median, basis: 'typical', replications: typical.replications };
  const quick = valueAt(estimate?.series[series], week);
  return quick === undefined ? null : { series, week, value: quick, basis: 'estimate' };
}

type VoteQuestion = Extract<PredictionQuestion, { kind: 'vote' }>;
type VoteOption = VoteQuestion['options'][number];

/** Return the option of a vote whose range holds the value (the first, if ranges overlap), or null. */
export function supportedOption(question: VoteQuestion, value: number): VoteOption | null {
  return (
    question.options.find(
      (o) => (o.atLeast !== undefined || o.atMost !== undefined) && (o.atLeast === undefined || value >= o.atLeast) && (o.atMost === undefined || value <= o.atMost),
    ) ?? null
  );
}

/** One option's line of a tally. */
export interface TallyRow {
  readonly id: string;
  readonly label: string;
  readonly votes: number;
  /** Share of the votes cast (0 when none were). */
  readonly share: number;
}

/** Return the votes per option of a vote, in the scenario's order, with each option's share of the votes. */
export function tally(question: VoteQuestion, counts: Readonly<Record<string, number>>): { rows: TallyRow[]; total: number } {
  const votes = question.options.map((o) => Math.max(0, Math.round(counts[o.id] ?? 0)));
  const total = votes.reduce((a, b) => a + b, 0);
  return { rows: question.options.map((o, i) => ({ id: o.id, label: o.label, votes: votes[i]!, share: total === 0 ? 0 : votes[i]! / total })), total };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Return what the room said, in words: "Yes 7, No 12 (19 votes)" or "2.5 and 3 (average 2.8 of 5)". */
export function describeAnswer(question: PredictionQuestion, answer: RoomAnswer | undefined): string {
  if (!hasAnswer(answer)) return 'Not recorded.';
  if (question.kind === 'vote' && answer.kind === 'vote') {
    const { rows, total } = tally(question, answer.counts);
    return `${rows.map((r) => `${r.label}: ${r.votes}`).join('; ')} (${plural(total, 'vote', 'votes')})`;
  }
  if (question.kind === 'number' && answer.kind === 'number') {
    const shown = answer.figures.map((f) => formatSeriesValue(question.series, f));
    if (answer.figures.length === 1) return shown[0]!;
    const mean = answer.figures.reduce((a, b) => a + b, 0) / answer.figures.length;
    return `${listing(shown)} (average ${formatSeriesValue(question.series, mean)})`;
  }
  return 'Not recorded.';
}

/** Return a difference of a series in words ("6 points", "0.3", "1.5 initiatives"), or null when it rounds to nothing. */
function formatGap(series: string, gap: number): string | null {
  const unit = seriesUnit(series);
  if (isShareUnit(unit)) return Math.round(gap * 100) === 0 ? null : plural(Math.round(gap * 100), 'point', 'points');
  if (Math.round(gap * 10) === 0) return null;
  const n = formatNumber(gap, 1);
  return unit && !unit.startsWith('score') ? `${n} ${unit}` : n;
}

/** Return what the model gives at the step, in words, naming the series and the basis. */
export function describeOutcome(outcome: StepOutcome): string {
  const basis = outcome.basis === 'typical' ? `typical outcome, the median of ${outcome.replications ?? 'the'} runs` : 'quick estimate, noise off';
  return `${seriesLabel(outcome.series)} at week ${outcome.week}: ${formatSeriesValue(outcome.series, outcome.value)} (${basis})`;
}

/** Return how the room's answer compares with the outcome, in one sentence, or null when there is nothing to compare. */
export function compareWithOutcome(question: PredictionQuestion, answer: RoomAnswer | undefined, outcome: StepOutcome | null): string | null {
  if (!outcome || !hasAnswer(answer)) return null;
  if (question.kind === 'vote' && answer.kind === 'vote') {
    if (question.series === undefined) return null;
    const option = supportedOption(question, outcome.value);
    if (!option) return 'The run supports none of the options.';
    const { rows, total } = tally(question, answer.counts);
    const votes = rows.find((r) => r.id === option.id)?.votes ?? 0;
    return `The run supports “${option.label}”, which ${plural(votes, 'vote', 'votes')} of ${total} chose.`;
  }
  if (question.kind === 'number' && answer.kind === 'number') {
    const closest = answer.figures.reduce((best, f) => (Math.abs(f - outcome.value) < Math.abs(best - outcome.value) ? f : best), answer.figures[0]!);
    const gap = closest - outcome.value;
    const shownGap = formatGap(question.series, Math.abs(gap));
    const side = shownGap === null ? 'on the mark' : `${shownGap} ${gap > 0 ? 'above' : 'below'} the run`;
    return answer.figures.length === 1 ? `The room’s figure is ${side}.` : `The closest figure, ${formatSeriesValue(question.series, closest)}, is ${side}.`;
  }
  return null;
}

/** One question as the debrief lists it. */
export interface DebriefRow {
  readonly id: string;
  /** "Week 60 · Renew and replace". */
  readonly step: string;
  readonly question: string;
  readonly room: string;
  /** What the run gives at the step, or why it is not shown. */
  readonly model: string;
  /** How the room's answer compares, or ''. */
  readonly verdict: string;
}

/**
 * Return the debrief's rows: every question with the room's answer and, once the charts show its week, what the run
 * gives there and how the answer compares. `outcomeOf` reads the run (see {@link outcomeAt}).
 */
export function debriefRows(
  reveals: readonly RevealWithQuestions[],
  answers: RoomAnswers,
  position: RevealPosition,
  outcomeOf: (series: string, week: number) => StepOutcome | null,
): DebriefRow[] {
  return askedQuestions(reveals).map((asked) => {
    const q = asked.question;
    const answer = answers[q.id];
    const shown = isAnswerShown(asked, position);
    const outcome = shown && q.series !== undefined ? outcomeOf(q.series, asked.week) : null;
    const model = !shown
      ? 'Shown once the reveal reaches this step.'
      : q.series === undefined
        ? 'No measure is set for this vote: read it against the charts.'
        : outcome
          ? describeOutcome(outcome)
          : 'Waiting for the simulation.';
    return {
      id: q.id,
      step: `Week ${asked.week} · ${asked.revealTitle}`,
      question: q.question,
      room: describeAnswer(q, answer),
      model,
      verdict: shown ? (compareWithOutcome(q, answer, outcome) ?? '') : '',
    };
  });
}
