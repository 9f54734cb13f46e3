import { effectiveLevers, pointOf, type LeverDef, type Scenario } from '../../../engine';
import { escapeHtml, isPngDataUrl, packDocument, tableHtml, type BoardPackChart, type BoardPackTable } from './board-pack';
import { formatLeverValue } from './format';
import { formatKpiValue, kpiLabel, orderKpis, typicalKpis } from './metadata';
import { predictionsTable } from './prediction-debrief';
import type { DebriefRow } from './predictions';
import { RANKING_RULE, type RankedTeam, type SetAsideFile } from './team-round';

/**
 * The debrief pack of a multi-team round: one self-contained HTML document the facilitator prints or
 * shares after the round. It lists the teams in their ranking with each challenge's verdict, the levers
 * each team chose, the outcomes of their runs and the files set aside. Pure, like the board pack.
 */

/** Everything the debrief pack shows. */
export interface DebriefData {
  readonly title: string;
  readonly scenarioTitle: string;
  /** When the pack was prepared, already formatted (the builder has no clock). */
  readonly preparedOn: string;
  readonly engineVersion: string;
  /** One sentence per team, best first: "1st: Team Blue, 2 of 2 challenges met". */
  readonly summary: readonly string[];
  readonly ranking: BoardPackTable;
  readonly levers: BoardPackTable;
  readonly outcomes: BoardPackTable;
  readonly setAside: readonly SetAsideFile[];
  readonly charts: readonly BoardPackChart[];
  /** What the room predicted before the reveals, if it was asked (absent otherwise). */
  readonly predictions?: BoardPackTable;
}

/** Return an ordinal place in words: 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** Return a challenge verdict as one word a room reads. */
function verdict(pass: boolean, missing: number): string {
  if (missing > 0) return 'Cannot be checked';
  return pass ? 'Met' : 'Not met';
}

/** Return the ranking table: place, team, run, file, challenges met, then each challenge's verdict. */
export function rankingTable(ranked: readonly RankedTeam[], scenario: Scenario): BoardPackTable {
  const targets = scenario.targets;
  return {
    caption: `Ranking against the challenges of “${scenario.title}”`,
    columns: ['Place', 'Team', 'Run', 'File', 'Challenges met', ...targets.map((t) => t.label)],
    rows: ranked.map((t) => [
      ordinal(t.place),
      t.team,
      t.run.label,
      t.fileName,
      `${t.met} of ${targets.length}`,
      ...t.challenges.map((c) => verdict(c.pass, c.missing.length)),
    ]),
    note: RANKING_RULE,
  };
}

/** Return each team's lever settings; rows where the teams chose differently are highlighted. */
export function leverChoicesTable(ranked: readonly RankedTeam[], defs: readonly LeverDef[]): BoardPackTable {
  const values = ranked.map((t) => effectiveLevers(pointOf(t.run).input.levers, defs));
  const rows: string[][] = [];
  const highlightRows: number[] = [];
  for (const def of defs) {
    const first = values[0]?.[def.id];
    if (values.some((v) => v[def.id] !== first)) highlightRows.push(rows.length);
    rows.push([def.label, ...values.map((v) => formatLeverValue(def, v[def.id]!))]);
  }
  return { caption: 'Lever choices of each team (highlighted rows: the teams chose differently)', columns: ['Lever', ...ranked.map((t) => t.team)], rows, highlightRows };
}

/** Return each team's outcomes: the typical figure (median across replications) of every KPI its run stored. */
export function outcomesTable(ranked: readonly RankedTeam[]): BoardPackTable {
  const kpis = ranked.map((t) => typicalKpis(t.run.summary, t.run.scenario.horizonWeeks));
  const ids = orderKpis([...new Set(kpis.flatMap((k) => Object.keys(k)))]);
  return {
    caption: 'Outcomes of each team’s run (typical outcome: the median across its replications)',
    columns: ['Measure', ...ranked.map((t) => t.team)],
    rows: ids.map((id) => [kpiLabel(id), ...kpis.map((k) => (k[id] === undefined ? '—' : formatKpiValue(id, k[id])))]),
  };
}

/** Return the debrief's data for a ranked round. */
export function debriefData(
  round: { readonly ranked: readonly RankedTeam[]; readonly setAside: readonly SetAsideFile[]; readonly scenario: Scenario },
  meta: {
    readonly title?: string;
    readonly preparedOn: string;
    readonly engineVersion: string;
    readonly charts?: readonly BoardPackChart[];
    /** The room's predictions on the scenario (the trainer panel's debrief rows); none recorded leaves the section out. */
    readonly predictions?: readonly DebriefRow[];
  },
  defs: readonly LeverDef[],
): DebriefData {
  const { ranked, setAside, scenario } = round;
  const of = scenario.targets.length;
  return {
    title: meta.title?.trim() || `Debrief: ${scenario.title}`,
    scenarioTitle: scenario.title,
    preparedOn: meta.preparedOn,
    engineVersion: meta.engineVersion,
    summary: ranked.map((t) => `${ordinal(t.place)}: ${t.team}${of > 0 ? `, ${t.met} of ${of} challenge${of === 1 ? '' : 's'} met` : ''}`),
    ranking: rankingTable(ranked, scenario),
    levers: leverChoicesTable(ranked, defs),
    outcomes: outcomesTable(ranked),
    setAside,
    charts: meta.charts ?? [],
    ...(meta.predictions?.some((r) => r.room !== 'Not recorded.') ? { predictions: predictionsTable(meta.predictions) } : {}),
  };
}

/** Build the debrief pack as one HTML document; like the board pack, it embeds only PNG data URLs (else throws). */
export function buildDebriefPack(data: DebriefData): string {
  for (const c of data.charts) {
    if (!isPngDataUrl(c.pngDataUrl)) throw new Error(`The chart "${c.title}" is not a PNG data URL; the debrief pack embeds only PNG data URLs.`);
  }
  const section = (id: string, heading: string, body: string) => `<section aria-labelledby="${id}-h"><h2 id="${id}-h">${escapeHtml(heading)}</h2>\n${body}</section>`;
  const sections = [
    section('ranking', 'Ranking', `<ol class="summary">\n${data.summary.map((l) => `<li>${escapeHtml(l)}</li>`).join('\n')}\n</ol>\n${tableHtml(data.ranking)}`),
    section('levers', 'Lever choices', tableHtml(data.levers)),
    section('outcomes', 'Outcomes', tableHtml(data.outcomes)),
  ];
  if (data.charts.length > 0) {
    const figs = data.charts.map((c) => `<figure><img src="${c.pngDataUrl}" alt="${escapeHtml(c.description)}"><figcaption>${escapeHtml(c.title)}</figcaption></figure>`).join('\n');
    sections.push(section('charts', 'Charts', figs));
  }
  if (data.predictions) sections.push(section('predictions', 'The room’s predictions', tableHtml(data.predictions)));
  const aside = data.setAside.length === 0 ? '<p>None: every file in the folder took part.</p>' : `<ul>\n${data.setAside.map((s) => `<li>${escapeHtml(s.reason)}</li>`).join('\n')}\n</ul>`;
  sections.push(section('set-aside', 'Files set aside', aside));
  return packDocument(data.title,
    `<p class="meta">A multi-team round on “${escapeHtml(data.scenarioTitle)}”: ${data.summary.length} team${data.summary.length === 1 ? '' : 's'}. Prepared ${escapeHtml(data.preparedOn)} with Momentum engine ${escapeHtml(data.engineVersion)}.</p>`,
    sections, "Each team's figures are those its run file stored.");
}
