import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine';
import { RUN_SHEET_STEPS, runSheet } from '../../renderer/src/model/run-sheet';

describe('the run sheet in the app', () => {
  it('has the guide’s 60-minute blocks word for word', () => {
    const guide = readFileSync('docs/TRAINER-GUIDE.md', 'utf8');
    const section = guide.slice(guide.indexOf('## A standard 60-minute session'));
    const rows = [...section.matchAll(/^\| (\d+–\d+) \| (.+) \|$/gm)].slice(0, 5).map((m) => ({ minutes: m[1], what: m[2] }));
    expect(rows).toEqual(RUN_SHEET_STEPS.map((s) => ({ minutes: s.minutes, what: s.what })));
  });

  it('fills the sheet with the scenario’s reveals, its variant, challenges and questions', () => {
    const r = parseScenario(readFileSync('scenarios/scas-staged-journey.momentum', 'utf8'));
    if (!r.ok) throw new Error('scas does not parse');
    const s = r.scenario;
    const sheet = runSheet(s, ['SCAS variant: everything at once']);
    expect(sheet.map((row) => row.minutes)).toEqual(['0–5', '5–25', '25–40', '40–50', '50–60']);
    expect(sheet[1]!.material).toHaveLength(s.trainer.reveals.length);
    expect(sheet[1]!.material[0]).toMatch(/^Week 0 · /);
    // Each step with prediction questions says to ask them before it, and the close goes back over them.
    const week60 = s.trainer.reveals.find((x) => x.week === 60)!;
    expect(sheet[1]!.material[1]).toContain(`Before this step, ask the room: ${week60.predictions!.map((q) => q.question).join(' ')}`);
    expect(sheet[1]!.material[0]).not.toContain('ask the room');
    expect(sheet[4]!.material).toContain('Go back over the room’s predictions against the run (the Debrief, which saves or prints).');
    expect(sheet[2]!.material[0]).toContain('“SCAS variant: everything at once”');
    expect(sheet[3]!.material).toEqual(s.targets.map((t) => `Challenge: ${t.label}`));
    expect(sheet[4]!.material).toContain(`Ask: ${s.trainer.questions[0]}`);
    expect(sheet[4]!.material).toContain(`The lesson: ${s.lesson}`);
    // While a reveal stops short of the end, the lesson waits here too.
    expect(runSheet(s, [], true).flatMap((row) => row.material).join('\n')).not.toContain(s.lesson);
  });
});
