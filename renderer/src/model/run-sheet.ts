import type { Scenario } from '../../../engine';
import { orderReveals } from './reveal';

/**
 * The 60-minute run sheet of docs/TRAINER-GUIDE.md ("A standard 60-minute session"), filled in for one scenario:
 * its reveals (with the questions the room answers before each), what-ifs, challenges, variants and questions, so a
 * trainer can run the session from the app.
 */

/** The guide's five blocks, word for word (a test checks the guide's table against them). */
export const RUN_SHEET_STEPS = [
  { minutes: '0–5', what: 'Read the briefing. Ask for a prediction (write it on a flipchart): "where will we be in year 1? in year 5?"' },
  { minutes: '5–25', what: 'Step through the reveals. At each one read the note, then ask one discussion question. Keep predictions visible.' },
  { minutes: '25–40', what: 'Open the variant (if there is one) or apply the suggested what-ifs. Compare against the pinned run.' },
  { minutes: '40–50', what: "Set a challenge (the scenario's targets) and let the room move the unlocked levers to meet it." },
  { minutes: '50–60', what: 'Close: which lesson did the run show, and what will this board do differently on Monday?' },
] as const;

/** One block of the run sheet: its minutes, what happens, and this scenario's material for it. */
export interface RunSheetRow {
  readonly minutes: string;
  readonly what: string;
  readonly material: readonly string[];
}

/**
 * Return the run sheet for a scenario; `variants` are the titles of the scenarios that vary it. With `endingHidden`
 * (a reveal stops short of the end) the lesson is left out, as it is everywhere else on screen.
 */
export function runSheet(scenario: Scenario, variants: readonly string[] = [], endingHidden = false): RunSheetRow[] {
  const t = scenario.trainer;
  const reveals = orderReveals(t.reveals).map((r) => {
    const ask = (r.predictions ?? []).map((q) => q.question);
    return `Week ${r.week} · ${r.title}: ${r.note}${ask.length > 0 ? ` Before this step, ask the room: ${ask.join(' ')}` : ''}`;
  });
  const predicted = t.reveals.some((r) => (r.predictions ?? []).length > 0);
  const compare =
    variants.length > 0
      ? [`Pin the run, then open ${variants.map((v) => `“${v}”`).join(' or ')} and compare.`, ...t.whatIfs.map((w) => `What-if: ${w.label}`)]
      : t.whatIfs.length > 0
        ? t.whatIfs.map((w) => `What-if: ${w.label}`)
        : ['No variant or suggested what-if: pin the run and let the room try its own.'];
  const challenges = scenario.targets.length > 0 ? scenario.targets.map((c) => `Challenge: ${c.label}`) : ['No challenge is set: ask the room for a target of its own.'];
  const close = [
    ...(scenario.lesson && !endingHidden ? [`The lesson: ${scenario.lesson}`] : []),
    ...(predicted ? ['Go back over the room’s predictions against the run (the Debrief, which saves or prints).'] : []),
    ...t.questions.map((q) => `Ask: ${q}`),
  ];
  const material = [[...(t.briefing ? ['The briefing is in the panel above.'] : []), ...t.objectives.map((o) => `Objective: ${o}`)], reveals.length > 0 ? reveals : ['No scripted reveals: show the whole run and ask what the room expected.'], compare, challenges, close];
  return RUN_SHEET_STEPS.map((step, i) => ({ minutes: step.minutes, what: step.what, material: material[i] ?? [] }));
}
