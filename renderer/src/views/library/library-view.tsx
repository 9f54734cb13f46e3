import '../../trainer/trainer.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { blankScenario, FILE_PATH, type Scenario } from '../../../../engine';
import { problemInWords } from '../../model/problem-words';
import { draftFromJson } from '../editor/draft-autosave';
import { fieldDomId } from '../editor/problem-fields';
import { getPlatform, type OpenedFile, type RecentFile } from '../../platform';
import { useAppStore } from '../../store';
import { checkOpenedScenario, outcomeOfError, type OpenOutcome } from './open-scenario';
import { describeLength, describeSessionMinutes, preparedScenarios, type PreparedScenario } from '../../library/prepared';

/** Put the keyboard on the editor's field for a problem's path (or the nearest field that holds it) once it is on screen. */
function focusField(path: string, tries = 60) {
  const keys = path.split(/(?=[.[])/);
  for (let n = keys.length; n > 0; n--) {
    const el = document.getElementById(fieldDomId(keys.slice(0, n).join('')));
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus();
      return;
    }
  }
  if (tries > 0) requestAnimationFrame(() => focusField(path, tries - 1));
}

function ProblemReport({ outcome, onDismiss }: { outcome: Extract<OpenOutcome, { ok: false }>; onDismiss: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const restoreDraft = useAppStore((s) => s.restoreDraft);
  const setView = useAppStore((s) => s.setView);
  useEffect(() => ref.current?.focus(), [outcome]);
  const draft = outcome.problems.length > 0 && outcome.doc !== undefined ? draftFromJson(outcome.doc) : null;
  const openInEditor = () => {
    if (!draft) return;
    restoreDraft(draft, Date.now());
    setView('editor');
    window.scrollTo(0, 0);
    const first = outcome.problems.find((p) => p.path !== FILE_PATH);
    if (first) requestAnimationFrame(() => focusField(first.path));
  };
  return (
    <div className="problem-report" role="alert" tabIndex={-1} ref={ref} aria-labelledby="open-problem-title">
      <h2 id="open-problem-title">Could not open {outcome.name}</h2>
      <p>{outcome.message}</p>
      {outcome.problems.length > 0 && (
        <ul className="problem-list">
          {outcome.problems.map((p, i) => (
            <li key={i} data-path={p.path}>
              {problemInWords(p, outcome.doc)}
            </li>
          ))}
        </ul>
      )}
      {draft ? (
        <p className="muted">Fix it in Edit journey: it opens the file with each problem under its field. Or open another scenario.</p>
      ) : (
        <p className="muted">Open another scenario, or start one in Edit journey.</p>
      )}
      <div className="button-row">
        {draft && (
          <button type="button" className="primary" onClick={openInEditor}>
            Open in Edit journey
          </button>
        )}
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

/** Say which scenario a card pairs with: the case a variant varies, or a case's variants (opened after it). */
function pairLine(scenario: Scenario, prepared: readonly PreparedScenario[]) {
  const usable = prepared.flatMap((p) => (p.ok ? [p.scenario] : []));
  if (scenario.variantOf !== undefined) {
    const of = usable.find((s) => s.id === scenario.variantOf);
    if (of) return <p className="pair-line muted">Variant of “{of.title}”: open it after pinning that run, and compare.</p>;
  }
  const variants = usable.filter((s) => s.variantOf === scenario.id);
  if (variants.length === 0) return null;
  return <p className="pair-line muted">Run it first and pin it, then compare with {variants.map((v) => `“${v.title}”`).join(variants.length === 2 ? ' and ' : ', ')}.</p>;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * Render the Library: a card per prepared scenario, recently opened files, and opening a
 * scenario file from disk. Opening loads the scenario and switches to Explore; a file that
 * fails validation is reported with each problem's path and message.
 */
export function LibraryView() {
  const loadScenario = useAppStore((s) => s.loadScenario);
  const setView = useAppStore((s) => s.setView);
  const beginDraft = useAppStore((s) => s.beginDraft);
  const [recent, setRecent] = useState<readonly RecentFile[] | null>(null);
  const [failure, setFailure] = useState<Extract<OpenOutcome, { ok: false }> | null>(null);
  const [busy, setBusy] = useState(false);
  const prepared = preparedScenarios();

  const refreshRecent = useCallback(() => {
    getPlatform()
      .listRecent()
      .then(
        (list) => setRecent(list.filter((r) => r.kind === 'scenario')),
        () => setRecent([]),
      );
  }, []);
  useEffect(refreshRecent, [refreshRecent]);

  const open = (scenario: Scenario, source: string) => {
    loadScenario(scenario, { source });
    setView('explore');
    // The library may have been scrolled down to the card; Explore starts at its top.
    window.scrollTo(0, 0);
  };
  const openWith = async (read: () => Promise<OpenedFile | null>, name?: string) => {
    setBusy(true);
    try {
      const file = await read();
      if (!file) return;
      const outcome = checkOpenedScenario(file);
      if (outcome.ok) open(outcome.scenario, outcome.name);
      else {
        setFailure(outcome);
        // Recent files lists work that opened: a file that did not is taken off again.
        await getPlatform()
          .forgetRecent(file.id)
          .catch(() => undefined);
      }
    } catch (e) {
      setFailure(outcomeOfError(e, name) as Extract<OpenOutcome, { ok: false }>);
    } finally {
      setBusy(false);
      refreshRecent();
    }
  };

  return (
    <main className="library-view">
      <h1>Library</h1>
      {failure && <ProblemReport outcome={failure} onDismiss={() => setFailure(null)} />}
      <div className="library-columns">
        <section aria-labelledby="open-heading">
          <h2 id="open-heading">Open or start a scenario</h2>
          <div className="button-row">
            <button type="button" className="primary" disabled={busy} onClick={() => void openWith(() => getPlatform().openFile('scenario'))}>
              Open a scenario file…
            </button>
            <button
              type="button"
              onClick={() => {
                const blank = blankScenario();
                loadScenario(blank, { source: 'blank' });
                beginDraft(blank);
                setView('editor');
                window.scrollTo(0, 0);
              }}
            >
              Start a blank scenario in the editor
            </button>
          </div>
        </section>
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent files</h2>
          {recent === null ? (
            <p className="muted">Loading…</p>
          ) : recent.length === 0 ? (
            <p className="muted">No scenario files opened yet. Files you open or save appear here.</p>
          ) : (
            <>
              <ul className="recent-list">
                {recent.map((r) => (
                  <li key={r.id}>
                    <button type="button" disabled={busy} onClick={() => void openWith(() => getPlatform().openRecent(r.id), r.name)}>
                      {r.name}
                    </button>
                    <span className="muted">
                      {r.location ? `${r.location} · ` : ''}
                      {when(r.openedAt)}
                    </span>
                  </li>
                ))}
              </ul>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  void getPlatform().clearRecent().then(refreshRecent);
                }}
              >
                Clear the list
              </button>
            </>
          )}
        </section>
      </div>
      <section aria-labelledby="prepared-heading">
        <h2 id="prepared-heading">Prepared scenarios</h2>
        {prepared.length === 0 ? (
          <p className="muted">No prepared scenarios are bundled with this build.</p>
        ) : (
          <ul className="scenario-cards">
            {prepared.map((p) =>
              p.ok ? (
                <li key={p.file} className="scenario-card" data-scenario={p.scenario.id}>
                  <h3>{p.scenario.title}</h3>
                  <p className="lesson">{p.scenario.lesson || 'No lesson stated.'}</p>
                  {pairLine(p.scenario, prepared)}
                  <p className="card-facts">
                    {describeSessionMinutes(p.scenario.trainer.sessionMinutes) && <span data-testid="session-minutes">{describeSessionMinutes(p.scenario.trainer.sessionMinutes)}</span>}
                    <span>{describeLength(p.scenario.horizonWeeks)}</span>
                    <span>{p.scenario.initiatives.length === 0 ? 'typical portfolio' : count(p.scenario.initiatives.length, 'initiative')}</span>
                    {p.scenario.stages.length > 0 && <span>{count(p.scenario.stages.length, 'stage')}</span>}
                    {p.scenario.trainer.reveals.length > 0 && <span>{count(p.scenario.trainer.reveals.length, 'reveal')}</span>}
                    {p.scenario.targets.length > 0 && <span>{count(p.scenario.targets.length, 'challenge')}</span>}
                    {p.scenario.lockedLevers.length > 0 && <span>{count(p.scenario.lockedLevers.length, 'locked lever')}</span>}
                  </p>
                  <div className="button-row">
                    <button type="button" className="primary" onClick={() => open(p.scenario, p.file)} aria-label={`Open ${p.scenario.title}`}>
                      Open
                    </button>
                  </div>
                </li>
              ) : (
                <li key={p.file} className="scenario-card scenario-card-broken">
                  <h3>{p.file}</h3>
                  <p>This prepared file has problems and cannot be opened:</p>
                  <ul className="problem-list">
                    {p.problems.slice(0, 5).map((pr, i) => (
                      <li key={i}>{problemInWords(pr, undefined)}</li>
                    ))}
                  </ul>
                </li>
              ),
            )}
          </ul>
        )}
      </section>
    </main>
  );
}
