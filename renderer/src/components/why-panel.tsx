import { CONSTRAINTS, type Constraint, type RunResult } from '../../../engine';

/** The guide's lessons by id, in words a board uses. */
export const LESSONS: Readonly<Record<string, string>> = {
  L1: 'Fewer priorities at once',
  L2: 'A staged journey',
  L3: 'Whole-board ownership, foundations first',
  L4: 'Model teams before scaling',
  L5: 'Urgency',
  L6: 'A small multidisciplinary team',
  L7: 'One clear goal',
  L8: 'Confidence grows from early wins',
};

/** What each binding constraint means, in plain words. */
export const CONSTRAINT_WORDS: Readonly<Record<Constraint, { readonly name: string; readonly meaning: string }>> = {
  switching: { name: 'Too many priorities at once', meaning: 'people lose time switching between concurrent priorities' },
  governance: { name: 'Slow decisions', meaning: 'blockers wait for approvals and owners (governance friction)' },
  fatigue: { name: 'Change fatigue', meaning: 'frontline staff are absorbing more changes than they can take' },
  capability: { name: 'Thin in-house capability', meaning: 'the trust lacks the skills to do the work itself' },
  infrastructure: { name: 'Foundations not ready', meaning: 'work waits for networks, devices and integration' },
  scope: { name: 'Scope keeps growing', meaning: 'each fix pulls in others ("collecting rocks")' },
  team: { name: 'Team size and mix', meaning: 'the team is too small, too large or missing key roles' },
};

/** Return each constraint's share of all lost progress over the run, weighted by period length. */
export function constraintTotals(run: RunResult): Record<Constraint, number> {
  const totals = Object.fromEntries(CONSTRAINTS.map((c) => [c, 0])) as Record<Constraint, number>;
  let weight = 0;
  for (const p of run.explanations) {
    const w = Math.max(1, p.toWeek - p.fromWeek);
    weight += w;
    for (const c of CONSTRAINTS) totals[c] += (p.shares[c] ?? 0) * w;
  }
  if (weight > 0) for (const c of CONSTRAINTS) totals[c] /= weight;
  return totals;
}

function yearsRange(from: number, to: number): string {
  const a = Math.floor(from / 52) + 1;
  const b = Math.max(a, Math.ceil(to / 52));
  return a === b ? `Year ${a}` : `Years ${a}–${b}`;
}

/** Merge consecutive periods with the same binding constraint, so the story reads in a few lines. */
export function bindingStory(run: RunResult): { from: number; to: number; binding: Constraint }[] {
  const out: { from: number; to: number; binding: Constraint }[] = [];
  for (const p of run.explanations) {
    const last = out.at(-1);
    if (last && last.binding === p.binding) last.to = p.toWeek;
    else out.push({ from: p.fromWeek, to: p.toWeek, binding: p.binding });
  }
  return out;
}

/** Props of WhyPanel. */
export interface WhyPanelProps {
  readonly run: RunResult | null;
  /** How many insights to show (fewer in presentation mode). */
  readonly maxInsights?: number;
}

/** Render the engine's explanation of a run: what held progress back, when, and the lessons it illustrates. */
export function WhyPanel({ run, maxInsights = 3 }: WhyPanelProps) {
  if (!run) return <p className="muted">Working out why…</p>;
  const totals = constraintTotals(run);
  const ranked = [...CONSTRAINTS].filter((c) => totals[c] > 0.005).sort((a, b) => totals[b] - totals[a]);
  const top = ranked[0];
  const story = bindingStory(run);
  const insights = [...run.insights].sort((a, b) => b.weight - a.weight).slice(0, maxInsights);
  return (
    <div className="why" data-testid="why-panel">
      {top && (
        <p className="why-headline" data-testid="why-headline">
          <strong>{CONSTRAINT_WORDS[top].name}</strong> holds progress back most: {CONSTRAINT_WORDS[top].meaning} ({Math.round(totals[top] * 100)}% of the progress lost).
        </p>
      )}
      {insights.length > 0 && (
        <ul className="insights">
          {insights.map((i) => (
            <li key={i.id} data-insight={i.id}>
              {LESSONS[i.lesson] && <span className="lesson-tag">{LESSONS[i.lesson]}</span>}
              <span>{i.text}</span>
            </li>
          ))}
        </ul>
      )}
      {story.length > 1 && (
        <details className="why-story">
          <summary>What bound progress, year by year</summary>
          <ol>
            {story.map((s) => (
              <li key={s.from}>
                {yearsRange(s.from, s.to)}: {CONSTRAINT_WORDS[s.binding].name.toLowerCase()}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
