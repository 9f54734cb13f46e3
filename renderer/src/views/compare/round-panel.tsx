import { useEffect, useMemo, useState } from 'react';
import { ENGINE_VERSION, LEVERS, scenarioToInput, simulateExpected } from '../../../../engine';
import { fileStem } from '../../analyst/chart-image';
import { exportThroughPlatform } from '../../analyst/export-file';
import { lineChartPng } from '../../analyst/offscreen-chart';
import { printHtml } from '../../analyst/print';
import { getRunResult } from '../../analyst/run-results';
import { runSeries } from '../../analyst/run-series';
import { buildDebriefPack, debriefData, ordinal } from '../../model/debrief-pack';
import { debriefRows, outcomeAt } from '../../model/predictions';
import { collectRound, rankRound, RANKING_RULE, type RankedTeam } from '../../model/team-round';
import { selectRoomAnswers, useAppStore } from '../../store';
import { MAX_OPEN_RUNS } from '../../store/runs/runs-slice';
import { chooseRoundFolder, roundRunIds, stopRoundFolder, syncTeamRuns, useRoundFolder } from '../../trainer/team-round-watch';

/** Return what the round's status line says: where it reads from, how many teams take part and how many files are set aside. */
function roundStatus(folder: string, live: boolean, teams: number, setAside: number, skipped: number): string {
  const where = live ? `Watching “${folder}”: new and changed run files appear here as teams save them.` : `Read ${folder} once: choose them again to read new ones.`;
  const took = `${teams} team${teams === 1 ? '' : 's'} in the round${setAside > 0 ? `, ${setAside} file${setAside === 1 ? '' : 's'} set aside` : ''}.`;
  const left = skipped > 0 ? ` ${skipped} more file${skipped === 1 ? ' was' : 's were'} not read: a round reads at most 40 run files.` : '';
  return `${where} ${took}${left}`;
}

/** Return the maturity chart of the teams' runs for the debrief, once their simulations are in. */
function maturityChart(ranked: readonly RankedTeam[]) {
  const ids = new Map([...roundRunIds()].map((id) => [useAppStore.getState().openRuns.find((r) => r.id === id)?.fileName, id]));
  const lines = ranked.flatMap((t) => {
    const id = ids.get(t.fileName);
    const result = id ? getRunResult(id) : undefined;
    const s = result && runSeries(result, 'maturity');
    return s ? [{ label: t.team, values: s.values }] : [];
  });
  if (lines.length === 0) return [];
  return [{ title: 'Maturity over time (median of each team’s run)', description: `Line chart of maturity over the horizon for ${lines.map((l) => l.label).join(', ')}.`, pngDataUrl: lineChartPng(lines, 'Maturity') }];
}

/**
 * Render the multi-team round: choose the folder the teams save their runs into, see each team's run
 * overlaid in Compare under its name, the ranking against the scenario's challenges, the files set aside
 * with the reason, and the debrief pack.
 */
export function RoundPanel() {
  const round = useRoundFolder();
  const scenario = useAppStore((s) => s.scenario);
  const openRuns = useAppStore((s) => s.openRuns);
  const [status, setStatus] = useState('');
  const [packStatus, setPackStatus] = useState('');
  // Teams fill the room Compare has left beside the runs opened otherwise.
  const ours = roundRunIds();
  const room = MAX_OPEN_RUNS - openRuns.filter((r) => !ours.has(r.id)).length;
  const collected = useMemo(() => (round.snapshot ? collectRound(round.snapshot.files, scenario, room) : null), [round.snapshot, scenario, room]);
  const ranked = useMemo(() => (collected ? rankRound(collected.teams, scenario) : []), [collected, scenario]);
  useEffect(() => {
    if (collected) syncTeamRuns(collected.teams);
  }, [collected]);

  async function choose() {
    setStatus('');
    try {
      if (!(await chooseRoundFolder())) setStatus('No folder chosen.');
    } catch (e) {
      setStatus(`Could not read the folder: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  function pack() {
    // The room's predictions on the scenario, against its quick estimate as loaded (Compare has no typical run of it).
    const answers = selectRoomAnswers(useAppStore.getState());
    const asLoaded = Object.keys(answers).length > 0 ? simulateExpected(scenarioToInput(scenario)) : null;
    const predictions = debriefRows(scenario.trainer.reveals, answers, null, (series, week) => outcomeAt(series, week, null, asLoaded));
    const data = debriefData(
      { ranked, setAside: collected?.setAside ?? [], scenario },
      { preparedOn: new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }), engineVersion: ENGINE_VERSION, charts: maturityChart(ranked), predictions },
      LEVERS,
    );
    return { html: buildDebriefPack(data), name: `${fileStem(data.title)}.html` };
  }

  async function exportPack() {
    try {
      const { html, name } = pack();
      setPackStatus(await exportThroughPlatform(name, html));
    } catch (e) {
      setPackStatus(`Could not build the debrief pack: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function printPack() {
    try {
      await printHtml(pack().html, { id: 'debrief-pack', title: 'Debrief pack print view' });
      setPackStatus('Print view opened: choose "Save as PDF" as the printer to make a PDF.');
    } catch (e) {
      setPackStatus(`Could not print the debrief pack: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const targets = scenario.targets;
  return (
    <section aria-labelledby="round-h" className="analyst-panel round-panel">
      <h2 id="round-h">Multi-team round</h2>
      <p className="lede">
        Each team saves its what-if with a team name into one shared folder (a USB stick or a network share). Choose that folder
        here: every team’s run on “{scenario.title}” appears in Compare under the team’s name, ranked against the scenario’s
        challenges. Only files, no server.
      </p>
      <div className="toolbar">
        <button type="button" onClick={() => void choose()}>
          {round.folder ? 'Choose another folder…' : 'Choose the round’s folder…'}
        </button>
        {round.folder && (
          <button type="button" onClick={stopRoundFolder}>
            Stop watching
          </button>
        )}
      </div>
      <p role="status" aria-live="polite" className="status" data-testid="round-status">
        {round.folder && collected && round.snapshot ? roundStatus(round.folder, round.live, collected.teams.length, collected.setAside.length, round.snapshot.skipped) : status}
      </p>
      {round.snapshot?.problem && (
        <p role="alert" className="problems">
          {round.snapshot.problem}
        </p>
      )}
      {ranked.length > 0 && (
        <table className="runs-table" aria-label="Round ranking">
          <caption>{RANKING_RULE}</caption>
          <thead>
            <tr>
              <th scope="col">Place</th>
              <th scope="col">Team</th>
              <th scope="col">Run</th>
              <th scope="col">Challenges met</th>
              {targets.map((t) => (
                <th scope="col" key={t.id}>
                  {t.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ranked.map((t) => (
              <tr key={t.fileName} data-team={t.team}>
                <td>{ordinal(t.place)}</td>
                <th scope="row">{t.team}</th>
                <td>{t.run.label}</td>
                <td>
                  {t.met} of {targets.length}
                </td>
                {t.challenges.map((c) => (
                  <td key={c.id} className={c.pass ? 'check-pass' : 'check-fail'}>
                    {c.missing.length > 0 ? 'Cannot be checked' : c.pass ? '✓ Met' : '✗ Not met'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {collected && collected.setAside.length > 0 && (
        <>
          <h3 id="set-aside-h">Files set aside</h3>
          <ul aria-labelledby="set-aside-h" className="problems">
            {collected.setAside.map((s) => (
              <li key={s.fileName}>{s.reason}</li>
            ))}
          </ul>
        </>
      )}
      {ranked.length > 0 && (
        <>
          <div className="toolbar">
            <button type="button" onClick={() => void exportPack()}>
              Export debrief pack (HTML)
            </button>
            <button type="button" onClick={() => void printPack()}>
              Print debrief pack…
            </button>
          </div>
          <p role="status" aria-live="polite" className="status">
            {packStatus}
          </p>
        </>
      )}
    </section>
  );
}
