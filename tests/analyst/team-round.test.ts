// A multi-team round: collecting the teams' run files, setting aside the ones that cannot take part (with
// the reason in words), ranking the rest against the scenario's challenges, and the debrief pack.
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION, LEVERS, makeRunFile, serializeRunFile, serializeScenario, type KpiSummary, type RunFile, type Scenario } from '../../engine';
import { buildDebriefPack, debriefData, ordinal } from '../../renderer/src/model/debrief-pack';
import { debriefRows } from '../../renderer/src/model/predictions';
import { collectRound, rankRound, teamNameOf, type TeamFile, type TeamRun } from '../../renderer/src/model/team-round';
import { loadScenario, makeRun } from './run-fixtures';

let scas: Scenario;
let mk: Scenario;
beforeAll(() => {
  scas = loadScenario('scas-staged-journey');
  mk = loadScenario('milton-keynes');
});

const file = (name: string, run: RunFile, modified = 1): TeamFile => ({ name, modified, text: serializeRunFile(run) });

/** A run on SCAS whose stored figures are given outright (an expected run stores values, no distribution). */
function runWith(team: string, priorities: number, kpis: Record<string, number>, savedAt = '2026-11-20T10:00:00.000Z'): RunFile {
  const summary: KpiSummary = { kpis: { maturityAtHorizon: 3, ...kpis } };
  return makeRunFile({ label: `${team} plan`, scenario: scas, overrides: { 'priorities.concurrent': priorities }, method: 'expected', seed: 1, replications: 1 }, summary, {
    engineVersion: ENGINE_VERSION,
    savedAt,
    team,
  });
}

describe('collecting a round', () => {
  it('takes each saved run of the scenario under its team name, and sets aside every other file with its reason', async () => {
    const blue = await makeRun('Two priorities', scas, { 'priorities.concurrent': 2 });
    const green = await makeRun('Green team', scas, { 'priorities.concurrent': 5 });
    const other = await makeRun('MK plan', mk, {});
    const edited: RunFile = { ...blue, team: 'Team Edit', scenario: { ...scas, initiatives: scas.initiatives.map((x, i) => (i === 0 ? { ...x, effortWeeks: x.effortWeeks + 10 } : x)) } };
    const files: TeamFile[] = [
      file('team-a.momentum-run', { ...blue, team: 'Team Blue' }),
      // No team name given: the run's label names the team.
      file('team-b.momentum-run', green),
      { name: 'team-c.momentum-run', modified: 1, text: serializeRunFile(blue).slice(0, 200) },
      file('team-d.momentum-run', { ...other, team: 'Team Keynes' }),
      file('team-e.momentum-run', edited),
      { name: 'team-f.momentum-run', modified: 1, text: serializeScenario(scas) },
      { name: 'team-g.momentum-run', modified: 1, problem: { code: 'not-json', message: 'team-g.momentum-run is damaged or not a run file: it is not valid JSON (Unexpected end of JSON input).' } },
      { name: 'team-h.momentum-run', modified: 1, problem: { code: 'too-large', message: 'team-h.momentum-run is 3.0 MB' } },
      file('team-i.momentum-run', { ...blue, team: 'Team Blue', overrides: { 'priorities.concurrent': 7 } }),
    ];
    const round = collectRound(files, scas);
    expect(round.teams.map((t) => [t.fileName, t.team])).toEqual([
      ['team-a.momentum-run', 'Team Blue'],
      ['team-b.momentum-run', 'Green team'],
    ]);
    const reasons = Object.fromEntries(round.setAside.map((s) => [s.fileName, s.reason]));
    expect(Object.keys(reasons)).toEqual(['team-c.momentum-run', 'team-d.momentum-run', 'team-e.momentum-run', 'team-f.momentum-run', 'team-g.momentum-run', 'team-h.momentum-run', 'team-i.momentum-run']);
    expect(reasons['team-c.momentum-run']).toMatch(/^team-c\.momentum-run: not a saved run: invalid JSON at line \d+, column \d+/);
    expect(reasons['team-d.momentum-run']).toBe(`team-d.momentum-run: belongs to “${mk.title}”, not to this round's “${scas.title}”`);
    expect(reasons['team-e.momentum-run']).toBe(`team-e.momentum-run: was run on an edited copy of “${scas.title}” (its journey, goal or challenges differ), so it cannot be ranked with the others`);
    expect(reasons['team-f.momentum-run']).toMatch(/^team-f\.momentum-run: a scenario, not a saved run/);
    expect(reasons['team-g.momentum-run']).toBe('team-g.momentum-run: not a saved run: it is not valid JSON (Unexpected end of JSON input)');
    expect(reasons['team-h.momentum-run']).toBe("team-h.momentum-run: too large to be a saved run (a team's run file is at most 2 MB)");
    // Both files say "Team Blue" and were saved at the same time: the later file counts as the newer run.
    expect(reasons['team-i.momentum-run']).toBe('team-i.momentum-run: an older run of team “Team Blue”; its newer run, team-a.momentum-run, takes part');
  });

  it('keeps the newer run when a team saves twice, whatever the file names', () => {
    const older = runWith('Team Red', 3, { initiativesFailed: 0 }, '2026-11-20T10:00:00.000Z');
    const newer = runWith('team red ', 2, { initiativesFailed: 0 }, '2026-11-20T10:20:00.000Z');
    const round = collectRound([file('a.momentum-run', newer), file('b.momentum-run', older)], scas);
    expect(round.teams.map((t) => t.fileName)).toEqual(['a.momentum-run']);
    expect(round.setAside).toEqual([{ fileName: 'b.momentum-run', reason: 'b.momentum-run: an older run of team “Team Red”; its newer run, a.momentum-run, takes part' }]);
  });

  it('words a problem in the run itself the way the app words file problems', () => {
    const bad = JSON.parse(serializeRunFile(runWith('Team Blue', 3, {}))) as Record<string, unknown>;
    bad.overrides = { 'priorities.concurrent': 'four' };
    const round = collectRound([{ name: 'x.momentum-run', modified: 1, text: JSON.stringify(bad) }], scas);
    expect(round.teams).toEqual([]);
    expect(round.setAside[0]!.reason).toMatch(/^x\.momentum-run: not a saved run: Board setting “Concurrent priorities”/);
  });

  it('sets aside the teams beyond the most Compare can show, by file name', () => {
    const files = ['d', 'a', 'c', 'b'].map((n) => file(`${n}.momentum-run`, runWith(`Team ${n}`, 3, {})));
    const round = collectRound(files, scas, 3);
    expect(round.teams.map((t) => t.fileName)).toEqual(['a.momentum-run', 'b.momentum-run', 'c.momentum-run']);
    expect(round.setAside).toEqual([{ fileName: 'd.momentum-run', reason: 'd.momentum-run: Compare shows at most 3 teams at once; close another run to make room' }]);
  });

  it('names a run by its team, else by its label', () => {
    expect(teamNameOf(runWith('Team Blue', 3, {}))).toBe('Team Blue');
    const { team: _t, ...unnamed } = runWith('Team Blue', 3, {});
    expect(teamNameOf(unnamed)).toBe('Team Blue plan');
  });
});

describe('ranking a round', () => {
  const teamRun = (name: string, run: RunFile): TeamRun => ({ fileName: `${name}.momentum-run`, team: name, run, modified: 1 });

  it("ranks by challenges met, then by how far each challenge's measure is beaten, in the scenario's order; ties share a place", () => {
    // SCAS: no failed initiative while running at most 4 priorities; the goal within 156 weeks.
    expect(scas.targets.map((t) => t.kpi)).toEqual(['initiativesFailed', 'weeksToGoal']);
    const teams = [
      teamRun('Slow', runWith('Slow', 3, { initiativesFailed: 0, weeksToGoal: 150 })),
      teamRun('Crowded', runWith('Crowded', 6, { initiativesFailed: 0, weeksToGoal: 100 })),
      teamRun('Fast', runWith('Fast', 3, { initiativesFailed: 0, weeksToGoal: 120 })),
      teamRun('Late', runWith('Late', 4, { initiativesFailed: 0, weeksToGoal: 200 })),
      teamRun('Also slow', runWith('Also slow', 3, { initiativesFailed: 0, weeksToGoal: 150 })),
      teamRun('Failing', runWith('Failing', 3, { initiativesFailed: 2, weeksToGoal: 200 })),
    ];
    const ranked = rankRound(teams, scas);
    expect(ranked.map((t) => [t.place, t.team, t.met])).toEqual([
      [1, 'Fast', 2],
      [2, 'Also slow', 2],
      [2, 'Slow', 2],
      // One challenge met each, level on the first challenge's measure (no failed initiative; Crowded breaks its
      // lever limit, which is no measure): Crowded reaches the goal in time, Late does not.
      [4, 'Crowded', 1],
      [5, 'Late', 1],
      [6, 'Failing', 0],
    ]);
    expect(ranked.find((t) => t.team === 'Crowded')!.challenges.map((c) => c.pass)).toEqual([false, true]);
  });

  it('orders by typical maturity at the end when the scenario sets no challenge', () => {
    const plain: Scenario = { ...scas, targets: [] };
    const teams = [1.5, 3.2, 2.4].map((m, i) => teamRun(`T${i}`, { ...runWith(`T${i}`, 3, { maturityAtHorizon: m }), scenario: plain }));
    expect(rankRound(teams, plain).map((t) => [t.place, t.team])).toEqual([
      [1, 'T1'],
      [2, 'T2'],
      [3, 'T0'],
    ]);
  });

  it('judges a Monte Carlo run on the medians of its replications', async () => {
    const run = await makeRun('Blue', scas, { 'priorities.concurrent': 2 });
    const [ranked] = rankRound([teamRun('Blue', run)], scas);
    const failed = run.summary.distribution!.initiativesFailed!.p50;
    expect(ranked!.challenges[0]!.checks.find((c) => c.subject === 'initiativesFailed')!.actual).toBe(failed);
    expect(ranked!.challenges[0]!.basis).toBe('typical');
  });
});

describe('the debrief pack', () => {
  it('lists the teams in their places, their lever choices, their outcomes and the files set aside', () => {
    const teams = [runWith('Team <Blue>', 2, { initiativesFailed: 0, weeksToGoal: 120 }), runWith('Team Green', 6, { initiativesFailed: 1, weeksToGoal: 140 })].map((run) => ({
      fileName: `${teamNameOf(run).toLowerCase().replace(/\W+/g, '-')}.momentum-run`,
      team: teamNameOf(run),
      run,
      modified: 1,
    }));
    const ranked = rankRound(teams, scas);
    const setAside = [{ fileName: 'team-c.momentum-run', reason: 'team-c.momentum-run: not a saved run: it is not valid JSON' }];
    const data = debriefData({ ranked, setAside, scenario: scas }, { preparedOn: '3 March 2027', engineVersion: ENGINE_VERSION }, LEVERS);
    expect(data.title).toBe(`Debrief: ${scas.title}`);
    expect(data.summary).toEqual(['1st: Team <Blue>, 2 of 2 challenges met', '2nd: Team Green, 1 of 2 challenges met']);
    expect(data.ranking.rows.map((r) => r.slice(0, 5))).toEqual([
      ['1st', 'Team <Blue>', 'Team <Blue> plan', 'team-blue-.momentum-run', '2 of 2'],
      ['2nd', 'Team Green', 'Team Green plan', 'team-green.momentum-run', '1 of 2'],
    ]);
    expect(data.ranking.rows[1]!.slice(5)).toEqual(['Not met', 'Met']);
    const priorities = data.levers.rows.findIndex((r) => r[0] === 'Concurrent priorities');
    expect(data.levers.rows[priorities]).toEqual(['Concurrent priorities', '2 priorities', '6 priorities']);
    expect(data.levers.highlightRows).toEqual([priorities]);
    expect(data.outcomes.rows.find((r) => r[0] === 'Time to reach the goal')).toEqual(['Time to reach the goal', expect.stringMatching(/^2 years/), expect.stringMatching(/^2 years/)]);
    const html = buildDebriefPack(data);
    expect(html).toContain('<h2 id="ranking-h">Ranking</h2>');
    expect(html).toContain('<li>1st: Team &lt;Blue&gt;, 2 of 2 challenges met</li>');
    expect(html).not.toContain('<Blue>');
    expect(html).toContain('<li>team-c.momentum-run: not a saved run: it is not valid JSON</li>');
    expect(html).toContain("default-src 'none'");
    expect(() => buildDebriefPack({ ...data, charts: [{ title: 'x', description: 'x', pngDataUrl: 'https://example.com/x.png' }] })).toThrow(/PNG data URL/);
    // The room was asked nothing, so the pack has no predictions section.
    expect(html).not.toContain('predictions-h');
  });

  it('adds the room’s predictions on the scenario when any were recorded', () => {
    const ranked = rankRound([{ fileName: 'blue.momentum-run', team: 'Blue', run: runWith('Blue', 2, { initiativesFailed: 0, weeksToGoal: 120 }), modified: 1 }], scas);
    const outcomeOf = (series: string, week: number) => ({ series, week, value: series === 'maturity' ? 2.3 : 2, basis: 'estimate' as const });
    const unanswered = debriefRows(scas.trainer.reveals, {}, null, outcomeOf);
    expect(debriefData({ ranked, setAside: [], scenario: scas }, { preparedOn: 'today', engineVersion: ENGINE_VERSION, predictions: unanswered }, LEVERS).predictions).toBeUndefined();
    const answered = debriefRows(scas.trainer.reveals, { 'live-week-60': { kind: 'vote', counts: { 'one-or-two': 6 } } }, null, outcomeOf);
    const data = debriefData({ ranked, setAside: [], scenario: scas }, { preparedOn: 'today', engineVersion: ENGINE_VERSION, predictions: answered }, LEVERS);
    const row = data.predictions!.rows.find((r) => r[0] === 'How many initiatives will be live by week 60?');
    expect(row).toEqual([
      'How many initiatives will be live by week 60?',
      'Week 60 · Renew and replace',
      'None yet: 0; One or two: 6; Three or more: 0 (6 votes)',
      'Initiatives live at week 60: 2 initiatives (quick estimate, noise off)',
      'The run supports “One or two”, which 6 votes of 6 chose.',
    ]);
    expect(buildDebriefPack(data)).toContain('<h2 id="predictions-h">The room’s predictions</h2>');
  });

  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
  ])('writes place %i as %s', (n, word) => {
    expect(ordinal(n)).toBe(word);
  });
});
