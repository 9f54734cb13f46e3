import { useEffect, useState } from 'react';
import type { SimRunner } from '../../engine';
import { AppCommands } from './app-commands';
import { AUDIENCE_CHANNEL, audienceUrl, isAudienceSearch, startAudienceSync, startPresenterSync } from './platform/audience-sync';
import { startupScenario } from './library/prepared';
import { RunnerContext } from './sim/runner-context';
import { createWorkerRunner } from './sim/worker-runner';
import { selectCanRedo, selectCanUndo, useAppStore } from './store';
import { VIEWS } from './views/registry';

// Open on a prepared scenario rather than an empty trust, once, before the first render.
const startup = startupScenario();
if (startup && useAppStore.getState().scenarioSource === null) {
  useAppStore.getState().loadScenario(startup.scenario, { source: startup.file });
}

// Every window keeps the audience's screens in step, unless it is one (opened with ?audience=1).
if (typeof BroadcastChannel !== 'undefined') {
  const channel = new BroadcastChannel(AUDIENCE_CHANNEL);
  if (isAudienceSearch(window.location.search)) startAudienceSync(useAppStore, channel);
  else startPresenterSync(useAppStore, channel);
}

/** Open the audience's screen: on the projector in the desktop app (the main process places it), else a new tab. */
function openAudienceScreen(): void {
  window.open(audienceUrl(window.location.href), 'momentum-audience');
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button'].includes(target.type);
}

/** Listen for the app-wide shortcuts: undo/redo of lever changes and presentation mode in and out. */
function useShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = useAppStore.getState();
      // The audience's screen takes no commands: the presenter's window drives it.
      if (s.audience) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (e.key === 'F5' || (mod && e.shiftKey && key === 'p')) {
        e.preventDefault();
        s.togglePresentation();
        return;
      }
      if (e.key === 'Escape' && s.presentation) {
        s.setPresentation(false);
        return;
      }
      // Text fields keep their own undo; the journey editor undoes its own edits.
      if (!mod || isTextField(e.target) || s.view === 'editor') return;
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        s.undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        s.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Render the Momentum application: a header with the views' tabs and the app-wide actions, over the current view. */
export function App() {
  const [runner, setRunner] = useState<SimRunner | null>(null);
  const viewId = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const presentation = useAppStore((s) => s.presentation);
  const audience = useAppStore((s) => s.audience);
  const togglePresentation = useAppStore((s) => s.togglePresentation);
  const canUndo = useAppStore(selectCanUndo);
  const canRedo = useAppStore(selectCanRedo);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  useShortcuts();
  useEffect(() => {
    const r = createWorkerRunner();
    setRunner(r);
    return () => r.dispose();
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('presentation', presentation);
  }, [presentation]);
  if (!runner) return null;
  const current = VIEWS.find((v) => v.id === viewId) ?? VIEWS[0]!;
  const View = current.component;
  return (
    <RunnerContext.Provider value={runner}>
      {/* The audience's screen only shows: the presenter's window drives it. */}
      <div className={`app${presentation ? ' is-presenting' : ''}${audience ? ' is-audience' : ''}`} inert={audience} data-testid={audience ? 'audience-screen' : undefined}>
        {/* The first tab stop: straight to the plain-language why, past the header and the levers. */}
        {audience || viewId !== 'explore' ? null : (
          <a className="skip-link" href="#why" onClick={(e) => {
            e.preventDefault();
            document.getElementById('why')?.focus();
          }}>
            Skip to why
          </a>
        )}
        {audience ? null : presentation ? (
          <button type="button" className="leave-presentation" onClick={togglePresentation}>
            Leave presentation <kbd>Esc</kbd>
          </button>
        ) : (
          <header className="app-header">
            <span className="app-name">Momentum</span>
            <nav aria-label="Views" className="app-tabs">
              {VIEWS.map((v) => (
                <button key={v.id} type="button" aria-current={v.id === current.id ? 'page' : undefined} onClick={() => setView(v.id)}>
                  {v.label}
                </button>
              ))}
            </nav>
            <div className="app-actions">
              {/* Lever changes are not on screen in the journey editor, which has its own Undo and Redo. */}
              {viewId !== 'editor' && (
                <>
                  <button type="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z" title="Undo the last lever change (Ctrl+Z)">
                    <span aria-hidden="true">↶</span> <span className="action-label">Undo</span>
                  </button>
                  <button type="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z Control+Y" title="Redo (Ctrl+Shift+Z or Ctrl+Y)">
                    <span aria-hidden="true">↷</span> <span className="action-label">Redo</span>
                  </button>
                </>
              )}
              <button type="button" onClick={togglePresentation} aria-keyshortcuts="F5 Control+Shift+P" title="Present on a projector (F5 or Ctrl+Shift+P; Esc to leave)">
                Present
              </button>
              <button type="button" className="audience-opener" onClick={openAudienceScreen} title="Open the audience's screen: the projector shows the presentation while this window keeps the trainer kit and notes">
                Audience screen
              </button>
            </div>
          </header>
        )}
        {audience ? null : <AppCommands />}
        <View />
      </div>
    </RunnerContext.Provider>
  );
}
