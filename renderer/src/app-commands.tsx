import { rememberPins } from './platform/pin-memory';
import { rememberPredictions } from './platform/prediction-memory';
import { useEffect, useState } from 'react';
import { blankScenario, parseScenario, serializeScenario, type Scenario } from '../../engine';
import { checkRecovery, getPlatform, RecoveryNotice, startAutosave, useMenuCommand, type OpenedFile, type RecoverableDoc, type RecoveredDoc } from './platform';
import { openRecentRunFile, type OpenRunOutcome } from './analyst/run-actions';
import { useAppStore, type AppState } from './store';
import { saveScenarioAs } from './trainer/save-scenario';
import { checkOpenedScenario, outcomeOfError } from './views/library/open-scenario';
import { carryDraft, draftToKeep, forgettingCarriedDraft, readScenarioSlot, restoreKeptDraft, scenarioSlotDoc } from './views/editor/draft-autosave';

/** A message from a File command, shown in the app's status strip until dismissed. */
export interface CommandMessage {
  readonly tone: 'info' | 'error';
  readonly text: string;
  readonly details?: readonly string[];
}

/** Return the scenario as it stands now: the loaded scenario with the board's lever changes written into it. */
export function currentScenarioDocument(s: Pick<AppState, 'scenario' | 'overrides'>): Scenario {
  return { ...s.scenario, levers: { ...s.scenario.levers, ...s.overrides } };
}

function loadOpened(file: Pick<OpenedFile, 'name' | 'text'>, say: (m: CommandMessage | null) => void): void {
  const outcome = checkOpenedScenario(file);
  if (!outcome.ok) {
    say({ tone: 'error', text: outcome.message, details: outcome.problems.map((p) => `${p.path}: ${p.message}`) });
    return;
  }
  const s = useAppStore.getState();
  s.loadScenario(outcome.scenario, { source: outcome.name });
  s.setView('explore');
  say(outcome.migratedFrom === undefined ? null : { tone: 'info', text: `${outcome.name} was written in an older format (version ${outcome.migratedFrom}); it has been brought up to date. Save it to keep the new format.` });
}

async function openWith(open: () => Promise<OpenedFile | null>, say: (m: CommandMessage | null) => void): Promise<void> {
  try {
    const file = await open();
    if (file) loadOpened(file, say);
  } catch (e) {
    const outcome = outcomeOfError(e);
    if (!outcome.ok) say({ tone: 'error', text: outcome.message, details: outcome.problems.map((p) => `${p.path}: ${p.message}`) });
  }
}

/** Show a run file opened from the OS: in Compare, or why it could not be added. */
function showOpenedRun(outcome: OpenRunOutcome, say: (m: CommandMessage | null) => void): void {
  if (outcome.kind === 'opened') {
    useAppStore.getState().setView('compare');
    say({ tone: 'info', text: `Opened ${outcome.fileName} in Compare.` });
  } else if (outcome.kind === 'full') say({ tone: 'error', text: 'Compare already holds ten runs; close one to open another.' });
  else if (outcome.kind === 'invalid') say({ tone: 'error', text: `${outcome.fileName} is not a valid run file.`, details: outcome.problems });
}

async function saveCurrent(say: (m: CommandMessage | null) => void): Promise<void> {
  const s = useAppStore.getState();
  const result = await saveScenarioAs(currentScenarioDocument(s));
  if (result.ok) {
    // The saved file is the new baseline: what reopening it would show.
    s.loadScenario(result.saved, { source: result.file.name });
    s.markClean();
    say({ tone: 'info', text: `Saved as ${result.file.name}.` });
  } else if (!result.cancelled) say({ tone: 'error', text: `The scenario was not saved: ${result.message}` });
}

function recover(recovered: RecoveredDoc, say: (m: CommandMessage | null) => void): void {
  if (recovered.kind !== 'scenario') return;
  // The scenario slot may also hold the journey editor's draft. The lever changes come back first, so the
  // draft counts as started from the scenario they load.
  const { levers, draft } = readScenarioSlot(recovered);
  const said: string[] = [];
  if (levers) {
    const parsed = parseScenario(levers.text);
    if (!parsed.ok) {
      say({ tone: 'error', text: 'The recovered work could not be read back.', details: parsed.problems.map((p) => `${p.path}: ${p.message}`) });
      return;
    }
    const s = useAppStore.getState();
    s.loadScenario(parsed.scenario, { source: levers.name });
    s.setView('explore');
    said.push(`Recovered your unsaved work on ${levers.name}.`);
  }
  if (draft) {
    const outcome = restoreKeptDraft(useAppStore.getState(), draft);
    said.push(
      outcome === 'restored'
        ? `Recovered your journey draft “${draft.title}”; it is open in Edit journey.`
        : `Your journey draft “${draft.title}” from last time was not recovered: the draft open in Edit journey has newer edits.`,
    );
  }
  say({ tone: 'info', text: `${said.join(' ')} Save it to keep it.` });
}

/**
 * The warning shown while autosave fails (a full disk, a read-only profile): crash recovery has
 * stopped, so it stays, with no Dismiss, until an autosave or a save succeeds.
 */
export function AutosaveWarning({ failure }: { readonly failure: string | null }) {
  if (failure === null) return null;
  return (
    <div className="command-message command-message-error autosave-warning" role="alert">
      <p>
        <strong>Your changes are not being autosaved</strong> ({failure}), so they could not be recovered after a crash. Save your work (File › Save As, to another
        disk if this one is full); this warning goes once work can be put aside again.
      </p>
    </div>
  );
}

/**
 * Wire the File, Edit, View and Help commands (native menus in the desktop app, their shortcuts
 * in a browser), autosave of unsaved lever changes, and the offer to recover work left unsaved.
 * Renders the recovery offer and the status strip for command messages.
 */
export function AppCommands() {
  const [message, say] = useState<CommandMessage | null>(null);
  const [autosaveFailure, setAutosaveFailure] = useState<string | null>(null);
  // The recovery offer's Discard must also drop a draft carried over from the earlier session.
  const [recoveryPlatform] = useState(() => forgettingCarriedDraft(getPlatform()));
  const store = useAppStore;

  useMenuCommand('file.new', () => {
    const s = store.getState();
    s.loadScenario(blankScenario(), { source: 'New scenario' });
    s.setView('explore');
    say(null);
  });
  useMenuCommand('file.open', () => void openWith(() => getPlatform().openFile('scenario'), say));
  useMenuCommand('file.open-recent', (c) => void openWith(() => getPlatform().openRecent(c.id), say));
  // A file the OS opened with Momentum (double-click, Open with): a scenario loads, a run joins Compare.
  useMenuCommand('file.open-granted', (c) => {
    if (c.kind === 'scenario') void openWith(() => getPlatform().openRecent(c.id), say);
    else void openRecentRunFile(c.id).then((outcome) => showOpenedRun(outcome, say), (e: unknown) => say({ tone: 'error', text: (e as Error).message }));
  });
  // The editor saves its own draft (it listens for the same commands while it is open).
  const saveUnlessEditing = () => {
    if (store.getState().view !== 'editor') void saveCurrent(say);
  };
  useMenuCommand('file.save', saveUnlessEditing);
  useMenuCommand('file.save-as', saveUnlessEditing);
  useMenuCommand('file.export', () => {
    store.getState().setView('compare');
    say({ tone: 'info', text: 'Exports (CSV, chart images and the board pack) are in Compare: add the current what-if there and choose an export.' });
  });
  // The editor undoes its own edits (it listens for the same commands while it is open).
  useMenuCommand('edit.undo', () => {
    if (store.getState().view !== 'editor') store.getState().undo();
  });
  useMenuCommand('edit.redo', () => {
    if (store.getState().view !== 'editor') store.getState().redo();
  });
  useMenuCommand('view.presentation', () => store.getState().togglePresentation());
  useMenuCommand('help.model-docs', () => store.getState().setView('model'));

  useEffect(() => {
    // The command handlers above are subscribed: files the OS asked to open may come now.
    getPlatform().ready?.();
  }, []);

  useEffect(() => {
    // Until the recovery offer is answered, an earlier session's journey draft is written back, not over.
    void checkRecovery('scenario').then(
      (doc) => doc && carryDraft(readScenarioSlot(doc).draft),
      () => undefined,
    );
    const autosave = startAutosave(() => {
      const s = store.getState();
      let levers: RecoverableDoc | null = null;
      if (s.dirty) {
        const doc = currentScenarioDocument(s);
        levers = { kind: 'scenario', name: s.scenarioSource ?? doc.title, text: serializeScenario(doc) };
      }
      return scenarioSlotDoc(levers, draftToKeep(s.trainer));
    }, { onFailure: setAutosaveFailure });
    // Tell the host at once when work becomes unsaved or saved, not at the next tick: a close question's
    // Save waits for every piece to be reported saved before the window closes and the autosaves go.
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.dirty !== prev.dirty || s.trainer.draftDirty !== prev.trainer.draftDirty) void autosave.flush();
    });
    // Pinned what-ifs are kept per scenario, so a reload or a switch of scenario does not lose them.
    const forgetPins = rememberPins(store);
    // So are the room's predictions, with the session they were recorded in.
    const forgetPredictions = rememberPredictions(store);
    return () => {
      unsubscribe();
      forgetPins();
      forgetPredictions();
      autosave.stop();
    };
  }, [store]);

  return (
    <>
      <RecoveryNotice kind="scenario" platform={recoveryPlatform} onRecover={(doc) => recover(doc, say)} />
      <AutosaveWarning failure={autosaveFailure} />
      {message && (
        <div className={`command-message command-message-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
          <p>{message.text}</p>
          {message.details && message.details.length > 0 && (
            <ul>
              {message.details.slice(0, 12).map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => say(null)}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
