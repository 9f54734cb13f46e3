/**
 * The board pack: one self-contained HTML document an analyst attaches to a board paper. It holds
 * the settings of every run, the KPI table, the charts (as PNG data URLs, so the file needs nothing
 * else), the engine's insights and the analyst's notes. Its print stylesheet lays it out on A4 so
 * that "Print to PDF" gives a clean paper. Building it is a pure function of its data, so the same
 * runs and notes always give the same document.
 */

/** One chart, already rendered to a PNG data URL. */
export interface BoardPackChart {
  readonly title: string;
  /** Text alternative for the image: what the chart shows, in words. */
  readonly description: string;
  /** A `data:image/png;base64,…` URL; anything else is refused so the pack stays self-contained. */
  readonly pngDataUrl: string;
}

/** A simple table: a header row and body rows, every cell already formatted as text. */
export interface BoardPackTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Row indices to emphasise (e.g. settings that differ between runs). */
  readonly highlightRows?: readonly number[];
  /** A sentence under the table (e.g. how interactions were treated). */
  readonly note?: string;
  /** The section heading when the table is a section of its own (extra tables). */
  readonly heading?: string;
}

/** One run as the pack describes it. */
export interface BoardPackRun {
  readonly label: string;
  readonly seed: number;
  readonly replications: number;
  readonly engineVersion: string;
  /** The analyst's notes stored with the run, if any. */
  readonly notes?: string;
  /** What re-simulating the run showed (e.g. "Reproduced"), if it was checked. */
  readonly check?: string;
}

/** One insight from the engine, tied to a lesson of the guide. */
export interface BoardPackInsight {
  readonly lesson: string;
  readonly text: string;
}

/** Everything the board pack shows. */
export interface BoardPackData {
  readonly title: string;
  /** The scenario the runs come from, or another one-line context. */
  readonly subtitle?: string;
  /** When the pack was prepared, already formatted (the builder has no clock). */
  readonly preparedOn: string;
  readonly engineVersion: string;
  readonly runs: readonly BoardPackRun[];
  /** The answer in a sentence per run, read first: typical maturity, the chance of the goal and when. */
  readonly summary?: readonly string[];
  readonly settings: BoardPackTable;
  readonly kpis: BoardPackTable;
  readonly charts: readonly BoardPackChart[];
  readonly insights: readonly BoardPackInsight[];
  /** The analyst's notes for the board; blank lines separate paragraphs. */
  readonly notes: string;
  /** Optional extra sections (the attribution of a gap, a sensitivity analysis), each a table with its heading. */
  readonly extraTables?: readonly BoardPackTable[];
}

const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/;

/** Escape text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Return true when a string is a base64 PNG data URL (the only image form a pack embeds). */
export function isPngDataUrl(url: string): boolean {
  return PNG_DATA_URL.test(url);
}

function paragraphs(text: string): string {
  const parts = text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return parts.map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`).join('\n');
}

/** Return a pack table as HTML: a caption, a header row, body rows (first cell a row header), and its note. */
export function tableHtml(t: BoardPackTable): string {
  const highlight = new Set(t.highlightRows ?? []);
  const head = t.columns.map((c, i) => `<th scope="col"${i === 0 ? ' class="row-head"' : ''}>${escapeHtml(c)}</th>`).join('');
  const body = t.rows
    .map((row, r) => {
      const cells = row
        .map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`))
        .join('');
      return `<tr${highlight.has(r) ? ' class="differs"' : ''}>${cells}</tr>`;
    })
    .join('\n');
  const note = t.note ? `\n<p class="meta">${escapeHtml(t.note)}</p>` : '';
  return `<table>\n<caption>${escapeHtml(t.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>${note}`;
}

/** The packs' stylesheet: screen and A4 print. */
export const PACK_STYLE = `
:root { color: #1b1f24; font-family: 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem; line-height: 1.45; }
header { border-bottom: 3px solid #005eb8; margin-bottom: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; color: #003087; }
.meta { color: #4c5560; margin: 0.25rem 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #c8ccd0; padding: 0.3rem 0.5rem; text-align: right; vertical-align: top; }
th[scope="row"], th.row-head { text-align: left; }
thead th { background: #eef1f4; }
tr.differs th, tr.differs td { background: #fff4d6; }
figure { margin: 1rem 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #e1e4e8; }
figcaption { font-size: 0.9rem; color: #4c5560; }
ul.insights li { margin-bottom: 0.35rem; }
ul.summary { font-size: 1.1rem; }
.lesson { font-weight: 600; color: #003087; }
.notes { border-left: 4px solid #005eb8; padding-left: 1rem; }
footer { margin-top: 2rem; font-size: 0.8rem; color: #4c5560; border-top: 1px solid #c8ccd0; padding-top: 0.5rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  table, figure, .notes, ul.insights li { break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * Build the board pack as one HTML document. Every text is escaped; images other than PNG data
 * URLs are refused (throws), so the document can never reach out to the network.
 */
export function buildBoardPack(data: BoardPackData): string {
  for (const c of data.charts) {
    if (!isPngDataUrl(c.pngDataUrl)) throw new Error(`The chart "${c.title}" is not a PNG data URL; the board pack embeds only PNG data URLs.`);
  }
  const runsTable: BoardPackTable = {
    caption: 'Runs in this pack',
    columns: ['Run', 'Seed', 'Replications', 'Engine version', 'Reproduction check'],
    rows: data.runs.map((r) => [r.label, String(r.seed), String(r.replications), r.engineVersion, r.check ?? '—']),
  };
  const runNotes = data.runs.filter((r) => r.notes && r.notes.trim().length > 0);
  // The answer first (summary, key results, charts, what the model says, notes); settings and reproducibility last.
  const sections: string[] = [];
  const summary = (data.summary ?? []).map((l) => `<li>${escapeHtml(l)}</li>`).join('\n');
  sections.push(
    `<section aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>\n${summary ? `<ul class="summary">\n${summary}\n</ul>\n` : ''}${tableHtml(data.kpis)}</section>`,
  );
  if (data.charts.length > 0) {
    const figs = data.charts
      .map(
        (c) =>
          `<figure><img src="${c.pngDataUrl}" alt="${escapeHtml(c.description)}"><figcaption>${escapeHtml(c.title)}</figcaption></figure>`,
      )
      .join('\n');
    sections.push(`<section aria-labelledby="charts-h"><h2 id="charts-h">Charts</h2>\n${figs}</section>`);
  }
  if (data.insights.length > 0) {
    const items = data.insights
      .map((i) => `<li><span class="lesson">${escapeHtml(i.lesson)}</span> ${escapeHtml(i.text)}</li>`)
      .join('\n');
    sections.push(`<section aria-labelledby="insights-h"><h2 id="insights-h">What the model says</h2>\n<ul class="insights">\n${items}\n</ul></section>`);
  }
  for (const [i, t] of (data.extraTables ?? []).entries()) {
    sections.push(`<section aria-labelledby="extra-${i}-h"><h2 id="extra-${i}-h">${escapeHtml(t.heading ?? t.caption)}</h2>\n${tableHtml(t)}</section>`);
  }
  const notesBody = [
    data.notes.trim() ? paragraphs(data.notes) : '',
    ...runNotes.map((r) => `<h3>${escapeHtml(r.label)}</h3>\n${paragraphs(r.notes ?? '')}`),
  ]
    .filter((s) => s.length > 0)
    .join('\n');
  sections.push(
    `<section aria-labelledby="notes-h"><h2 id="notes-h">Analyst's notes</h2>\n<div class="notes">${notesBody || '<p>No notes.</p>'}</div></section>`,
  );
  sections.push(
    `<section aria-labelledby="appendix-h"><h2 id="appendix-h">Appendix: settings and reproducibility</h2>\n<h3>Board settings</h3>\n${tableHtml(data.settings)}\n<h3>Runs</h3>\n${tableHtml(runsTable)}</section>`,
  );
  const subtitle = data.subtitle ? `<p class="meta">${escapeHtml(data.subtitle)}</p>\n` : '';
  return packDocument(data.title, `${subtitle}<p class="meta">Prepared ${escapeHtml(data.preparedOn)} with Momentum engine ${escapeHtml(data.engineVersion)}. Each run can be simulated again from its settings, seed and engine version, and gives the same numbers.</p>`,
    sections, 'Maturity scores follow the self-assessed Digital Maturity Assessment scale (1–5).');
}

/**
 * Return a pack as one self-contained HTML document (no scripts, images only as data URLs): the title, the
 * header's lines under it (HTML), the sections, and a footer that says the figures are a model's estimates
 * followed by `footnote` (plain text).
 */
export function packDocument(title: string, headerHtml: string, sections: readonly string[], footnote: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PACK_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
${headerHtml}
</header>
<main>
${sections.join('\n')}
</main>
<footer>Momentum simulates how a trust's digital transformation may unfold; the results are estimates from a model, not forecasts. ${escapeHtml(footnote)}</footer>
</body>
</html>
`;
}
