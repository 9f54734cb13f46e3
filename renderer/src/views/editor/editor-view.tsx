import '../../trainer/trainer.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { LEVERS, parseScenario, scenarioToInput, type SimInput } from '../../../../engine';
import { getPlatform, useMenuCommand } from '../../platform';
import { useExpectedRun } from '../../sim/use-live-run';
import { useAppStore } from '../../store';
import { saveScenarioAs } from '../../trainer/save-scenario';
import { editorFieldPaths } from './editor-paths';
import { EventsEditor } from './events-editor';
import { FieldProblemsContext, NumberField, TextAreaField, TextField } from './fields';
import { GoalEditor } from './goal-editor';
import { InitiativesEditor } from './initiatives-editor';
import { JourneyTimeline } from './journey-timeline';
import { assignProblems, fieldDomId, type PathProblem } from './problem-fields';
import { StagesEditor } from './stages-editor';
import { DraftUndoControls } from './undo-controls';
import { WorkshopEditor } from './workshop-editor';

const EMPTY_INPUT: SimInput = { horizonWeeks: 1, levers: {}, initiatives: [], stages: [], events: [], goal: { kind: 'maturity', atLeast: 3 } };

function ProblemSummary({ problems, unassigned, fieldOf }: { problems: readonly PathProblem[]; unassigned: ReadonlySet<PathProblem>; fieldOf: (p: PathProblem) => string | null }) {
  if (problems.length === 0) {
    return (
      <p className="editor-status editor-ok" role="status">
        <span aria-hidden="true">✓ </span>No problems: the scenario is ready to save.
      </p>
    );
  }
  return (
    <div className="editor-status editor-problems" role="status" id="editor-problem-summary" tabIndex={-1}>
      <p>
        <strong>
          <span aria-hidden="true">⚠ </span>
          {problems.length} problem{problems.length === 1 ? '' : 's'} to fix before saving
        </strong>{' '}
        (the same checks as opening a file):
      </p>
      <ul>
        {problems.map((p, i) => {
          const field = fieldOf(p);
          return (
            <li key={i}>
              {field && !unassigned.has(p) ? (
                <a
                  href={`#${fieldDomId(field)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    const el = document.getElementById(fieldDomId(field));
                    el?.scrollIntoView({ block: 'center' });
                    el?.focus();
                  }}
                >
                  <code>{p.path}</code>
                </a>
              ) : (
                <code>{p.path}</code>
              )}
              : {p.message}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * Render the staged-journey editor: the scenario's initiatives, stages (gates and caps) and
 * events, on a timeline, checked as you type by the same validator that opens files, with each
 * problem beside its field; save as a scenario file or try the draft in Explore.
 */
export function EditorView() {
  const scenario = useAppStore((s) => s.scenario);
  const source = useAppStore((s) => s.scenarioSource);
  const draft = useAppStore((s) => s.trainer.draft);
  const draftFrom = useAppStore((s) => s.trainer.draftFrom);
  const draftDirty = useAppStore((s) => s.trainer.draftDirty);
  const beginDraft = useAppStore((s) => s.beginDraft);
  const discardDraftChanges = useAppStore((s) => s.discardDraftChanges);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const markDraftSaved = useAppStore((s) => s.markDraftSaved);
  const rebaseScenario = useAppStore((s) => s.rebaseScenario);
  const tryScenario = useAppStore((s) => s.tryScenario);
  const setView = useAppStore((s) => s.setView);
  const [status, setStatus] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  // Follow the loaded scenario while there are no edits to lose.
  const stale = draft !== null && draftFrom !== scenario;
  useEffect(() => {
    if (draft === null || (stale && !draftDirty)) beginDraft(scenario);
  }, [draft, stale, draftDirty, scenario, beginDraft]);

  // Closing the window with unsaved edits asks first (the host keeps the flag per key).
  const draftTitle = draft?.title ?? '';
  useEffect(() => {
    getPlatform().setUnsaved('scenario-editor', draftDirty ? `Edits to “${draftTitle}”` : null);
  }, [draftDirty, draftTitle]);

  const parsed = useMemo(() => (draft ? parseScenario(draft) : null), [draft]);
  const problems = useMemo(() => (parsed && !parsed.ok ? parsed.problems : []), [parsed]);
  const assigned = useMemo(() => (draft ? assignProblems(problems, editorFieldPaths(draft)) : null), [draft, problems]);
  const input = useMemo(() => (parsed?.ok ? scenarioToInput(parsed.scenario) : EMPTY_INPUT), [parsed]);
  const live = useExpectedRun(input);
  const run = parsed?.ok && live.result && live.result.horizonWeeks === input.horizonWeeks ? live.result : null;

  // While the editor is open, File › Save and Save As (and Ctrl+S) save the draft being edited.
  const saveRef = useRef<() => void>(() => undefined);
  useMenuCommand('file.save', () => saveRef.current());
  useMenuCommand('file.save-as', () => saveRef.current());

  if (!draft || !assigned) return <main className="editor-view">Preparing the editor…</main>;

  const fieldOf = (p: PathProblem): string | null => {
    for (const [field, list] of assigned.byField) if (list.includes(p)) return field;
    return null;
  };
  const unassigned = new Set(assigned.unassigned);
  const announce = (text: string) => {
    setStatus(text);
    requestAnimationFrame(() => statusRef.current?.focus());
  };
  const requireValid = (): boolean => {
    if (parsed?.ok) return true;
    announce(`Fix the ${problems.length} problem${problems.length === 1 ? '' : 's'} listed above first.`);
    return false;
  };

  const save = async () => {
    if (!parsed?.ok || !requireValid()) return;
    const outcome = await saveScenarioAs(parsed.scenario);
    if (!outcome.ok) {
      if (!outcome.cancelled) announce(`Could not save: ${outcome.message}`);
      return;
    }
    // The saved journey is the new baseline; the board's lever changes (the what-if) stay on top of it.
    rebaseScenario(outcome.saved, { source: outcome.file.name });
    markDraftSaved(useAppStore.getState().scenario);
    announce(`Saved as ${outcome.file.name}. Explore now runs this scenario.`);
  };
  // The menu handlers above were registered before the early return; point them at this render's save.
  saveRef.current = () => void save();
  const tryInExplore = () => {
    if (!parsed?.ok || !requireValid()) return;
    // The edit is the what-if; the scenario as loaded stays the baseline, so the room sees before and after.
    tryScenario(parsed.scenario, { source: source ?? parsed.scenario.id });
    markDraftSaved(useAppStore.getState().scenario);
    setView('explore');
    window.scrollTo(0, 0);
  };
  const lockedLabels = draft.lockedLevers.map((id) => LEVERS.find((l) => l.id === id)?.label ?? id);

  return (
    <FieldProblemsContext.Provider value={assigned.byField}>
      <main className="editor-view">
        <div className="editor-head">
          <div>
            <h1>Edit the journey</h1>
            <p className="muted">
              Editing “{draft.title || draft.id}”{source ? ` (from ${source})` : ''}
              {draftDirty ? ' · unsaved changes' : ''}
              {' · '}
              {problems.length > 0 ? (
                <a
                  className="head-problems"
                  href="#editor-problem-summary"
                  onClick={(e) => {
                    e.preventDefault();
                    const el = document.getElementById('editor-problem-summary');
                    el?.scrollIntoView({ block: 'center' });
                    el?.focus();
                  }}
                >
                  {problems.length} problem{problems.length === 1 ? '' : 's'} to fix
                </a>
              ) : (
                <span className="head-ok">no problems</span>
              )}
            </p>
          </div>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void save()} aria-describedby={problems.length ? 'editor-problem-summary' : undefined}>
              Save as scenario file…
            </button>
            <button type="button" onClick={tryInExplore}>
              Try it in Explore
            </button>
            {/* Discarding is one more step to undo, unless the draft began from a scenario no longer loaded. */}
            <button type="button" disabled={!draftDirty} onClick={() => (stale ? beginDraft(scenario) : discardDraftChanges())}>
              Discard changes
            </button>
            <DraftUndoControls />
          </div>
        </div>
        {stale && draftDirty && (
          <div className="notice" role="status">
            <p>Another scenario, “{scenario.title}”, was loaded after you started these edits.</p>
            <button type="button" onClick={() => beginDraft(scenario)}>
              Edit “{scenario.title}” instead (drops these edits)
            </button>
          </div>
        )}
        <p className="editor-save-status" role="status" tabIndex={-1} ref={statusRef}>
          {status ?? ''}
        </p>
        <ProblemSummary problems={problems} unassigned={unassigned} fieldOf={fieldOf} />
        <JourneyTimeline draft={draft} run={run} />
        <section aria-labelledby="edit-scenario" className="edit-section">
          <h2 id="edit-scenario">The scenario</h2>
          <div className="field-grid">
            <TextField path="title" label="Title" value={draft.title} className="span-2" onChange={(v) => updateDraft((d) => void (d.title = v))} />
            <TextField path="id" label="Id (file name)" value={draft.id} onChange={(v) => updateDraft((d) => void (d.id = v))} />
            <TextField path="lesson" label="The lesson in one line" value={draft.lesson} className="span-2" onChange={(v) => updateDraft((d) => void (d.lesson = v))} />
            <NumberField
              path="horizonWeeks"
              label="Length"
              unit="weeks"
              hint="52 weeks a year; at most 520"
              value={draft.horizonWeeks}
              onChange={(v) => updateDraft((d) => void ((d as Record<string, unknown>).horizonWeeks = v))}
            />
            <TextAreaField path="summary" label="Summary" value={draft.summary} className="span-3" onChange={(v) => updateDraft((d) => void (d.summary = v))} />
            <GoalEditor draft={draft} />
          </div>
          <p className="muted">
            Locked levers: {lockedLabels.length ? lockedLabels.join(', ') : 'none'} (lock and unlock them in Explore’s facilitator kit; they are saved with the file).
          </p>
        </section>
        <InitiativesEditor draft={draft} />
        <StagesEditor draft={draft} />
        <EventsEditor draft={draft} />
        <WorkshopEditor draft={draft} />
      </main>
    </FieldProblemsContext.Provider>
  );
}
