import { memo } from 'react';
import { CONSTRAINTS, explainChange, type Constraint, type LeverValues, type RunResult } from '../../../engine';
import { explanationsUntilWeek, revealExplained, revealWhyNote } from '../model/reveal-why';

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

/**
 * Return each constraint's share of all lost progress over the run: its losses over the sum of all of them, so
 * that the constraint named is the one the engine finds binding over the run (explainChange). Runs saved before
 * the engine kept absolute losses fall back to the periods' shares, weighted by period length.
 */
export function constraintTotals(run: Pick<RunResult, 'explanations'>): Record<Constraint, number> {
  const totals = Object.fromEntries(CONSTRAINTS.map((c) => [c, 0])) as Record<Constraint, number>;
  if (run.explanations.length > 0 && run.explanations.every((p) => p.losses)) {
    let all = 0;
    for (const p of run.explanations) for (const c of CONSTRAINTS) totals[c] += p.losses![c] ?? 0;
    for (const c of CONSTRAINTS) all += totals[c];
    // A run with no loss at all has nothing to name; the shares' fallback would name the first constraint.
    if (all > 0) {
      for (const c of CONSTRAINTS) totals[c] /= all;
      return totals;
    }
  }
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
  /**
   * The week a trainer's reveal stops the charts at, or null for the whole run. Only the quarters that have
   * ended by then are explained (see runUntilWeek, which cuts the run), the lessons wait for the whole run, and
   * the panel says "so far" and how far its explanation reaches.
   */
  readonly revealWeek?: number | null;
  /**
   * The expected run of the scenario as loaded and its lever values, and the lever values `run` was made with:
   * with all three, a what-if is explained against the scenario as loaded (explainChange).
   */
  readonly baseline?: RunResult | null;
  readonly baselineLevers?: LeverValues | null;
  readonly levers?: LeverValues | null;
}

/** Most moves the "what changed" list shows: the largest, which a room can take in at a glance. */
export const MAX_CHANGE_MOVES = 3;

/** What the panel shows of a run, in the words and rounded figures it prints. */
interface WhyModel {
  readonly top: Constraint | undefined;
  readonly topPercent: number;
  /** The binding constraint's size in the board's terms ("… takes 41% of the team's time"); empty when unknown. */
  readonly size: string;
  /** For a what-if: what binds most, worded against the scenario as loaded, and the largest moves; else null. */
  readonly whatIf: { readonly headline: string; readonly moves: readonly string[] } | null;
  readonly insights: readonly { readonly id: string; readonly lesson: string; readonly text: string }[];
  readonly story: readonly { readonly from: number; readonly to: number; readonly binding: Constraint }[];
  /** During a reveal: the last week explained and the line saying how far the explanation reaches. */
  readonly reveal: { readonly throughWeek: number; readonly note: string } | null;
}

function sameModel(a: WhyModel, b: WhyModel): boolean {
  return (
    a.top === b.top &&
    a.topPercent === b.topPercent &&
    a.size === b.size &&
    a.whatIf?.headline === b.whatIf?.headline &&
    (a.whatIf?.moves.length ?? -1) === (b.whatIf?.moves.length ?? -1) &&
    (a.whatIf?.moves ?? []).every((m, i) => m === b.whatIf!.moves[i]) &&
    a.insights.length === b.insights.length &&
    a.insights.every((x, i) => x.id === b.insights[i]!.id && x.lesson === b.insights[i]!.lesson && x.text === b.insights[i]!.text) &&
    a.story.length === b.story.length &&
    a.story.every((x, i) => x.from === b.story[i]!.from && x.to === b.story[i]!.to && x.binding === b.story[i]!.binding) &&
    a.reveal?.throughWeek === b.reveal?.throughWeek &&
    a.reveal?.note === b.reveal?.note
  );
}

/**
 * Render the engine's explanation of a run: what held progress back, when, and the lessons it illustrates.
 * A lever step gives a new run, but the words usually stay the same: what is shown is worked out first
 * (cheap), and the markup is rendered again only when it differs.
 */
export const WhyPanel = memo(function WhyPanel({ run, maxInsights = 3, revealWeek = null, baseline = null, baselineLevers = null, levers = null }: WhyPanelProps) {
  if (!run) return <p className="muted">Working out why…</p>;
  const revealing = revealWeek !== null && revealWeek < run.horizonWeeks;
  // The host passes the run cut to the reveal week already; cutting again costs little and keeps the panel safe
  // from a host that forgets: only the quarters that have ended, and no whole-run lessons.
  const seen = revealing ? { ...run, explanations: explanationsUntilWeek(run.explanations, revealWeek), insights: [] } : run;
  const totals = constraintTotals(seen);
  const ranked = [...CONSTRAINTS].filter((c) => totals[c] > 0.005).sort((a, b) => totals[b] - totals[a]);
  const top = ranked[0];
  // The baseline is compared over the same quarters as the what-if, so a reveal compares "so far" with "so far".
  const seenBaseline = baseline && revealing ? { explanations: explanationsUntilWeek(baseline.explanations, revealWeek) } : baseline;
  // Without lever values the run is explained on its own (no change), which still gives its binding constraint's size.
  const current = levers ?? {};
  const change = top ? explainChange(seenBaseline ?? seen, seen, baselineLevers ?? current, current) : null;
  const model: { -readonly [K in keyof WhyModel]: WhyModel[K] } = {
    top,
    topPercent: top ? Math.round(totals[top] * 100) : 0,
    size: change?.size ?? '',
    // Without the baseline's run (still computing) a what-if keeps the plain headline rather than guess the change.
    whatIf: change?.changed && seenBaseline ? { headline: change.headline, moves: change.moves.slice(0, MAX_CHANGE_MOVES).map((m) => m.text) } : null,
    insights: [...seen.insights].sort((a, b) => b.weight - a.weight).slice(0, maxInsights).map((i) => ({ id: i.id, lesson: i.lesson, text: i.text })),
    story: bindingStory(seen),
    reveal: null,
  };
  if (revealing) {
    const r = revealExplained(seen.explanations, revealWeek, run.horizonWeeks);
    model.reveal = { throughWeek: r.throughWeek, note: revealWhyNote(r) };
  }
  return <WhyBody model={model} />;
});

const WhyBody = memo(function WhyBody({ model }: { readonly model: WhyModel }) {
  const { top, topPercent, size, whatIf, insights, story, reveal } = model;
  return (
    <div className="why" data-testid="why-panel" data-explained-through={reveal ? reveal.throughWeek : undefined}>
      {whatIf ? (
        <>
          {/* A what-if is worded against the scenario as loaded: a constraint the board eased is named only as
              "still" the largest loss, never as if nothing had been done about it. */}
          <p className="why-headline" data-testid="why-headline">
            {whatIf.headline}
          </p>
          <div className="why-changes" data-testid="why-changes">
            <h3>What changed against the scenario as loaded</h3>
            {whatIf.moves.length > 0 ? (
              <ul>
                {whatIf.moves.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">No constraint moved by a whole percentage point.</p>
            )}
          </div>
        </>
      ) : (
        top && (
          <>
            <p className="why-headline" data-testid="why-headline">
              <strong>{CONSTRAINT_WORDS[top].name}</strong> holds progress back most{reveal ? ' so far' : ''}: {CONSTRAINT_WORDS[top].meaning} ({topPercent}% of the
              progress lost{reveal ? ` up to week ${reveal.throughWeek}` : ''}).
            </p>
            {size && (
              <p className="why-size" data-testid="why-size">
                {size}
              </p>
            )}
          </>
        )
      )}
      {reveal && (
        <p className="why-reveal muted" data-testid="why-reveal">
          {reveal.note}
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
            {story.map((s, i) => (
              <li key={s.from}>
                {yearsRange(s.from, s.to)}
                {/* During a reveal the last year listed may be only partly seen: say where it stops. */}
                {reveal && i === story.length - 1 && (s.to + 1) % 52 !== 0 ? ` (to week ${s.to})` : ''}: {CONSTRAINT_WORDS[s.binding].name.toLowerCase()}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}, (p, n) => sameModel(p.model, n.model));
