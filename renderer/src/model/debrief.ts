import { escapeHtml } from './board-pack';
import type { DebriefRow } from './predictions';

/**
 * The workshop's debrief: one self-contained HTML page a trainer saves or prints after the session, with what the
 * room predicted at each reveal against what the run gave, the objectives and the questions to close on. Building
 * it is a pure function of its data.
 */

/** Everything the debrief shows. */
export interface DebriefData {
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

/** The debrief table's columns, as the page and the trainer panel head them. */
export const DEBRIEF_COLUMNS = ['Reveal', 'Question', 'The room', 'The run', 'Compared'] as const;

function list(items: readonly string[]): string {
  return `<ul>\n${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;
}

const STYLE = `
:root { color: #1b1f24; font-family: 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem; line-height: 1.45; }
header { border-bottom: 3px solid #005eb8; margin-bottom: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 0.5rem; color: #003087; }
.meta { color: #4c5560; margin: 0.25rem 0 1rem; }
.lesson { font-weight: 600; color: #003087; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #c8ccd0; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #eef1f4; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** Build the debrief as one HTML document; every text is escaped and nothing is fetched. */
export function buildDebrief(data: DebriefData): string {
  const sections: string[] = [];
  if (data.lesson) sections.push(`<section aria-labelledby="lesson-h"><h2 id="lesson-h">The lesson</h2>\n<p class="lesson">${escapeHtml(data.lesson)}</p></section>`);
  const body =
    data.rows.length === 0
      ? '<p>This scenario asks the room no prediction questions.</p>'
      : `<table>\n<caption>What the room predicted before each reveal, against the run at that week</caption>\n<thead><tr>${DEBRIEF_COLUMNS.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>\n<tbody>\n${data.rows
          .map((r) => `<tr><td>${escapeHtml(r.step)}</td><th scope="row">${escapeHtml(r.question)}</th><td>${escapeHtml(r.room)}</td><td>${escapeHtml(r.model)}</td><td>${escapeHtml(r.verdict || '—')}</td></tr>`)
          .join('\n')}\n</tbody>\n</table>`;
  sections.push(`<section aria-labelledby="predictions-h"><h2 id="predictions-h">The room’s predictions</h2>\n${body}</section>`);
  if (data.objectives.length > 0) sections.push(`<section aria-labelledby="objectives-h"><h2 id="objectives-h">What the session set out to show</h2>\n${list(data.objectives)}</section>`);
  if (data.questions.length > 0) sections.push(`<section aria-labelledby="questions-h"><h2 id="questions-h">Questions to close on</h2>\n${list(data.questions)}</section>`);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Debrief: ${escapeHtml(data.scenario)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Debrief: ${escapeHtml(data.scenario)}</h1>
<p class="meta">Prepared ${escapeHtml(data.preparedOn)}. The run's figures are the typical outcome of the model with the settings on screen; they are estimates from a model, not forecasts.</p>
</header>
<main>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
