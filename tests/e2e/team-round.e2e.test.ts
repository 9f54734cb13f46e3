import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, serializeRunFile, type RunFile } from '../../engine';
import { ordinal } from '../../renderer/src/model/debrief-pack';
import { collectRound, rankRound, type TeamFile } from '../../renderer/src/model/team-round';
import { makeRun } from '../analyst/run-fixtures';
import { TEAM_FOLDER, TEAM_FOLDER_PICKER, useChromium, WAIT } from './helpers/ui';

// A multi-team round (issue 17) in Chromium, the way a facilitator runs it: the teams' run files land in one
// folder, the facilitator's Compare view watches it, overlays and ranks the teams, sets a broken file aside
// with its reason, picks up a team that saves late, and prints the debrief pack.
const chromium = useChromium();

function prepared(file: string) {
  const parsed = parseScenario(readFileSync(`scenarios/${file}`, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.scenario;
}

describe('a multi-team round', () => {
  it('overlays and ranks the teams of a shared folder, sets a broken file aside, and picks up a team that saves late', { timeout: 180_000 }, async () => {
    const scas = prepared('scas-staged-journey.momentum');
    const team = async (name: string, priorities: number): Promise<RunFile> => ({ ...(await makeRun(`${name} plan`, scas, { 'priorities.concurrent': priorities })), team: name });
    const files: TeamFile[] = [
      { name: 'team-a.momentum-run', modified: 1, text: serializeRunFile(await team('Team Blue', 2)) },
      { name: 'team-b.momentum-run', modified: 1, text: serializeRunFile(await team('Team Green', 6)) },
      // Pulled out of the laptop half-way through saving.
      { name: 'team-c.momentum-run', modified: 1, text: serializeRunFile(await team('Team Amber', 3)).slice(0, 300) },
    ];
    const late = { name: 'team-d.momentum-run', modified: 2, text: serializeRunFile(await team('Team Red', 3)) };
    // The ranking the model gives these files; the screen must show the same order.
    const expected = (fs: TeamFile[]) => rankRound(collectRound(fs, scas).teams, scas).map((t) => t.team);

    const app = await chromium.openApp({ withoutPickers: true, initScript: TEAM_FOLDER_PICKER, viewport: { width: 1440, height: 1000 } });
    try {
      for (const f of files) await app.putInTeamFolder(f.name, f.text!);
      await app.openPrepared(scas.title);
      await app.goTo('Compare');
      await app.page.getByRole('button', { name: 'Choose the round’s folder…' }).click();
      const status = app.page.getByTestId('round-status');
      await expect.poll(() => status.textContent(), WAIT).toBe(`Watching “${TEAM_FOLDER}”: new and changed run files appear here as teams save them. 2 teams in the round, 1 file set aside.`);

      const ranking = app.page.getByRole('table', { name: 'Round ranking' });
      const teamsRanked = () => ranking.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-team')));
      await expect.poll(teamsRanked, WAIT).toEqual(expected(files));
      expect(await ranking.locator('tbody tr').first().locator('td').first().textContent()).toBe('1st');
      // Team Green runs six priorities, over the challenge's limit of four.
      expect(await ranking.locator('tr[data-team="Team Green"]').textContent()).toContain('✗ Not met');

      const setAside = app.page.getByRole('list', { name: 'Files set aside' });
      expect(await setAside.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/^team-c\.momentum-run: not a saved run: it is not valid JSON \(.+\)$/)]);

      // Both teams are overlaid in Compare under their names, and re-simulated from their files.
      const overlay = app.page.getByTestId('overlay-chart');
      await expect.poll(() => overlay.getAttribute('data-labels'), WAIT).toBe(JSON.stringify(['Team Blue', 'Team Green']));
      const openRuns = app.page.getByRole('table', { name: 'Open runs' });
      expect(await openRuns.locator('tbody th[scope="row"]').allTextContents()).toEqual([' Team Blue', ' Team Green']);
      await expect.poll(() => openRuns.getByText('Reproduced').count(), WAIT).toBe(2);

      // A fourth team saves late: it appears without anything being chosen again.
      await app.putInTeamFolder(late.name, late.text);
      await expect.poll(() => status.textContent(), WAIT).toContain('3 teams in the round, 1 file set aside.');
      await expect.poll(teamsRanked, WAIT).toEqual(expected([...files, late]));
      await expect.poll(() => overlay.getAttribute('data-labels'), WAIT).toBe(JSON.stringify(['Team Blue', 'Team Green', 'Team Red']));

      // The debrief pack: the teams in their places, their lever choices, their outcomes and the file set aside.
      await app.page.getByRole('button', { name: 'Print debrief pack…' }).click();
      await app.page.getByText('Print view opened').waitFor(WAIT);
      const pack = app.page.frameLocator('iframe[data-print-view="debrief-pack"]');
      expect(await pack.locator('h1').textContent()).toBe(`Debrief: ${scas.title}`);
      const ranked = rankRound(collectRound([...files, late], scas).teams, scas);
      expect(await pack.locator('#ranking-h + ol li').allTextContents()).toEqual(ranked.map((t) => `${ordinal(t.place)}: ${t.team}, ${t.met} of 2 challenges met`));
      const priorities = pack.locator('section[aria-labelledby="levers-h"] tr', { hasText: 'Concurrent priorities' }).locator('th, td');
      expect(await priorities.allTextContents()).toEqual(['Concurrent priorities', ...ranked.map((t) => `${t.run.overrides['priorities.concurrent']} priorities`)]);
      expect(await pack.locator('section[aria-labelledby="set-aside-h"] li').allTextContents()).toEqual([expect.stringMatching(/^team-c\.momentum-run: not a saved run:/)]);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
