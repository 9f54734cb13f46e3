import { escapeHtml, packDocument, tableHtml, type BoardPackTable } from './board-pack';
import type { DebriefRow } from './predictions';

/**
 * The debrief of a workshop's predictions: one self-contained HTML page a trainer saves or prints after the session,
 * with what the room predicted at each reveal against what the run gave, the objectives and the questions to close
 * on. It is built on the board pack's document shell; pure, like the packs.
 */

/** Everything the predictions debrief shows. */
export interface PredictionDebriefData {
  /** The scenario's title. */
  readonly scenario: string;
  /** When it was prepared, already formatted (the builder has no clock). */
  readonly preparedOn: string;
  /** The scenario's lesson, or '' while a reveal still stops short of the end (it would give the ending away). */
  readonly lesson: string;
  readonly objectives: readonly string[];
  readonly questions: readonly string[];
  readonly rows: readonly DebriefRow[];
}

/** Return the room's predictions as a table: each question, the room's answer, the run's figure and the comparison. */
export function predictionsTable(rows: readonly DebriefRow[]): BoardPackTable {
  return {
    caption: 'What the room predicted before each reveal, against the run at that week',
    columns: ['Question', 'Reveal', 'The room', 'The run', 'Compared'],
    rows: rows.map((r) => [r.question, r.step, r.room, r.model, r.verdict || '—']),
  };
}

function section(id: string, heading: string, body: string): string {
  return `<section aria-labelledby="${id}-h"><h2 id="${id}-h">${escapeHtml(heading)}</h2>\n${body}</section>`;
}

function list(items: readonly string[]): string {
  return `<ul>\n${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;
}

/** Build the predictions debrief as one HTML document; every text is escaped and nothing is fetched. */
export function buildPredictionDebrief(data: PredictionDebriefData): string {
  const sections: string[] = [];
  if (data.lesson) sections.push(section('lesson', 'The lesson', `<p class="lesson">${escapeHtml(data.lesson)}</p>`));
  sections.push(section('predictions', 'The room’s predictions', data.rows.length === 0 ? '<p>This scenario asks the room no prediction questions.</p>' : tableHtml(predictionsTable(data.rows))));
  if (data.objectives.length > 0) sections.push(section('objectives', 'What the session set out to show', list(data.objectives)));
  if (data.questions.length > 0) sections.push(section('questions', 'Questions to close on', list(data.questions)));
  return packDocument(
    `Debrief: ${data.scenario}`,
    `<p class="meta">Prepared ${escapeHtml(data.preparedOn)}. The run’s figures are the typical outcome with the settings on screen at each reveal.</p>`,
    sections,
    'Maturity scores follow the self-assessed Digital Maturity Assessment scale (1–5).',
  );
}
