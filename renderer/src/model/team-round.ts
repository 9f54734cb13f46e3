import {
  FILE_PATH,
  judgeChallenges,
  LEVERS,
  parseRunFile,
  SCENARIO_NOT_RUN,
  serializeScenario,
  typicalKpi,
  type JudgedChallenge,
  type Problem,
  type RunFile,
  type Scenario,
} from '../../../engine';
import { problemInWords } from './problem-words';

// A multi-team round: teams on several laptops save their what-if runs into one shared folder; the
// facilitator's app collects the files, sets aside any that cannot take part (with the reason in words),
// and ranks the others against the scenario's challenges. Pure: the files come from the platform.

/** The extension of the files a round reads: saved runs only. */
export const TEAM_FILE_EXTENSION = '.momentum-run';

/** The largest team file a round reads: a saved run of a prepared scenario is under 100 KB. */
export const MAX_TEAM_FILE_BYTES = 2 * 1024 * 1024;

/** A problem the platform found with a file's bytes before it was read as a run. */
export interface TeamFileProblem {
  readonly code: string;
  readonly message: string;
  readonly problems?: readonly { readonly path: string; readonly message: string }[];
}

/** One file of the round's folder as the platform read it: its text, or why its bytes could not be read. */
export interface TeamFile {
  readonly name: string;
  /** When the file last changed (milliseconds since 1970). */
  readonly modified: number;
  readonly text?: string;
  readonly problem?: TeamFileProblem;
}

/** A team's run that takes part in the round. */
export interface TeamRun {
  readonly fileName: string;
  /** The name the run shows under: the team it was saved for, else its label. */
  readonly team: string;
  readonly run: RunFile;
  readonly modified: number;
}

/** A file that cannot take part, and why, in words a facilitator reads. */
export interface SetAsideFile {
  readonly fileName: string;
  readonly reason: string;
}

/** The files of a round, sorted into the runs that take part and those set aside. */
export interface CollectedRound {
  readonly teams: readonly TeamRun[];
  readonly setAside: readonly SetAsideFile[];
}

/** A team's place in the round and what it was judged on. */
export interface RankedTeam extends TeamRun {
  /** 1 for the best; teams that cannot be told apart share a place. */
  readonly place: number;
  /** How many of the scenario's challenges the run meets. */
  readonly met: number;
  /** Each challenge's verdict, in the scenario's order. */
  readonly challenges: readonly JudgedChallenge[];
  /** The figure the teams are ordered by after the challenges: typical maturity at the end of the run. */
  readonly maturity: number;
}

/** How the round is ranked, in one sentence for the screen and the debrief pack. */
export const RANKING_RULE =
  "Teams are ranked by how many of the scenario's challenges their run meets; teams level on that are ordered by how far each beats or misses the challenges' measures, in the scenario's order, then by typical maturity at the end of the run.";

/** Return the name a run shows under in a round: the team's name, else the run's label. */
export function teamNameOf(run: RunFile): string {
  return run.team ?? run.label;
}

/**
 * Return the part of a scenario that makes two runs comparable: the journey (initiatives, stages, events),
 * the horizon, the goal and the challenges. Titles, notes, trainer material, locks and starting settings may
 * differ between laptops without changing what the teams were asked to do.
 */
export function roundFingerprint(scenario: Scenario): string {
  const canonical = JSON.parse(serializeScenario(scenario)) as Record<string, unknown>;
  const { initiatives, stages, events, horizonWeeks, goal, targets } = canonical;
  return JSON.stringify({ initiatives, stages, events, horizonWeeks, goal, targets });
}

function withoutFullStop(text: string): string {
  return text.replace(/\.\s*$/, '');
}

/** Return what is wrong with a file's bytes, without the file name the platform's message starts with. */
function bytesProblem(name: string, problem: TeamFileProblem): string {
  const first = problem.problems?.[0];
  if (first) return problemDetail([first as Problem], problem.problems!.length, undefined);
  let m = problem.message.startsWith(`${name} `) ? problem.message.slice(name.length + 1) : problem.message;
  m = m.includes(': ') ? m.slice(m.indexOf(': ') + 2) : `it ${m}`;
  return withoutFullStop(m);
}

function problemDetail(problems: readonly Problem[], count: number, doc: unknown): string {
  const first = problems[0]!;
  const words = first.path === FILE_PATH ? first.message : problemInWords(first, doc);
  const more = count > 1 ? ` (and ${count - 1} more problem${count > 2 ? 's' : ''})` : '';
  return `${withoutFullStop(words)}${more}`;
}

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Read one file as a team's run, or say why it is set aside. */
function readTeamFile(file: TeamFile, scenario: Scenario, fingerprint: string): TeamRun | SetAsideFile {
  const set = (reason: string): SetAsideFile => ({ fileName: file.name, reason: `${file.name}: ${reason}` });
  if (file.problem) {
    if (file.problem.code === 'too-large') return set(`too large to be a saved run (a team's run file is at most ${MAX_TEAM_FILE_BYTES / 1048576} MB)`);
    return set(`not a saved run: ${bytesProblem(file.name, file.problem)}`);
  }
  const parsed = parseRunFile(file.text ?? '');
  if (!parsed.ok) {
    if (parsed.problems[0]?.message === SCENARIO_NOT_RUN) return set('a scenario, not a saved run; each team saves its what-if from Compare, with "Save the current what-if as a run"');
    return set(`not a saved run: ${problemDetail(parsed.problems, parsed.problems.length, jsonOf(file.text ?? ''))}`);
  }
  const run = parsed.run;
  if (run.scenario.id !== scenario.id) return set(`belongs to “${run.scenario.title}”, not to this round's “${scenario.title}”`);
  if (roundFingerprint(run.scenario) !== fingerprint) {
    return set(`was run on an edited copy of “${scenario.title}” (its journey, goal or challenges differ), so it cannot be ranked with the others`);
  }
  return { fileName: file.name, team: teamNameOf(run), run, modified: file.modified };
}

/**
 * Sort the files of a round's folder: every saved run of the round's scenario takes part, under its team's
 * name; a file that is broken, belongs to another scenario or to an edited copy of this one, or repeats a
 * team (the newer run counts), is set aside with the reason. Beyond `maxTeams`, later teams by file name
 * are set aside too. Both lists come in file-name order.
 */
export function collectRound(files: readonly TeamFile[], scenario: Scenario, maxTeams = Infinity): CollectedRound {
  const fingerprint = roundFingerprint(scenario);
  const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name));
  const setAside: SetAsideFile[] = [];
  const byTeam = new Map<string, TeamRun>();
  for (const file of sorted) {
    const read = readTeamFile(file, scenario, fingerprint);
    if (!('run' in read)) {
      setAside.push(read);
      continue;
    }
    const key = read.team.trim().toLocaleLowerCase('en-GB');
    const other = byTeam.get(key);
    if (!other) {
      byTeam.set(key, read);
      continue;
    }
    // A team that saved twice: its newer run counts.
    const newer = read.run.savedAt > other.run.savedAt || (read.run.savedAt === other.run.savedAt && read.modified > other.modified) ? read : other;
    const older = newer === read ? other : read;
    byTeam.set(key, newer);
    setAside.push({ fileName: older.fileName, reason: `${older.fileName}: an older run of team “${older.team}”; its newer run, ${newer.fileName}, takes part` });
  }
  const teams = [...byTeam.values()].sort((a, b) => a.fileName.localeCompare(b.fileName));
  for (const late of teams.slice(maxTeams)) {
    setAside.push({ fileName: late.fileName, reason: `${late.fileName}: Compare shows at most ${maxTeams} team${maxTeams === 1 ? '' : 's'} at once; close another run to make room` });
  }
  setAside.sort((a, b) => a.fileName.localeCompare(b.fileName));
  return { teams: teams.slice(0, maxTeams), setAside };
}

/** Judge a saved run's challenges on its stored figures: the medians of its replications, or its one run's values. */
export function judgeTeamRun(run: RunFile, scenario: Scenario): JudgedChallenge[] {
  const d = run.summary.distribution;
  const judged = judgeChallenges(scenario.targets, {
    typical: d ? { replications: run.replications, kpis: d, bands: {} } : null,
    estimate: d ? null : { kpis: run.summary.kpis, series: {} },
    levers: { ...scenario.levers, ...run.overrides },
    leverDefs: LEVERS,
  });
  return judged ?? [];
}

/** Return the margin of a challenge's measure (positive: beaten by that much; negative: missed), or -Infinity when it cannot be read. */
function measureMargin(result: JudgedChallenge): number {
  const kpiChecks = result.checks.filter((c) => c.kind !== 'lever-at-most');
  if (kpiChecks.length === 0) return result.missing.length > 0 ? -Infinity : 0;
  return kpiChecks.reduce((sum, c) => sum + c.margin, 0);
}

/** Order two teams: negative when `a` ranks higher. */
function compareTeams(a: RankedTeam, b: RankedTeam): number {
  if (a.met !== b.met) return b.met - a.met;
  for (let i = 0; i < a.challenges.length; i++) {
    const ma = measureMargin(a.challenges[i]!);
    const mb = measureMargin(b.challenges[i]!);
    if (ma !== mb) return mb > ma ? 1 : -1;
  }
  return b.maturity - a.maturity;
}

/** Rank the teams of a round against the scenario's challenges ({@link RANKING_RULE}); teams that tie share a place. */
export function rankRound(teams: readonly TeamRun[], scenario: Scenario): RankedTeam[] {
  const judged: RankedTeam[] = teams.map((t) => {
    const challenges = judgeTeamRun(t.run, scenario);
    return { ...t, place: 0, met: challenges.filter((c) => c.pass).length, challenges, maturity: typicalKpi(t.run.summary, 'maturityAtHorizon') ?? -Infinity };
  });
  const ordered = [...judged].sort((a, b) => compareTeams(a, b) || a.team.localeCompare(b.team));
  return ordered.map((t, i) => {
    let place = i + 1;
    // A team level with the one above it shares that team's place ("1, 2, 2, 4").
    for (let j = i - 1; j >= 0 && compareTeams(ordered[j]!, t) === 0; j--) place = j + 1;
    return { ...t, place };
  });
}
