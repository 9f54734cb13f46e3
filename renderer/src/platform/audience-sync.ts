/**
 * The audience's screen: a second window (on the projector in Electron, a second tab in a browser) that shows
 * the presenter's what-if in presentation mode while the presenter's own window keeps the trainer kit and notes.
 * The two stay in step over a BroadcastChannel, which every window of the app's origin shares: the presenter
 * posts the state the screen draws from whenever it changes, and answers a new audience's "hello" with it at
 * once. Nothing else crosses: the audience never sends state back, and the trainer kit never reaches it.
 */
import type { AppState } from '../store';

/** The channel's name. */
export const AUDIENCE_CHANNEL = 'momentum-audience';
/** The query that opens the app as the audience's screen. */
export const AUDIENCE_QUERY = 'audience=1';

/** What the audience's screen draws from: the scenario, the board's settings, the pins, and the reveal. */
export interface SharedState {
  readonly scenario: AppState['scenario'];
  readonly scenarioSource: AppState['scenarioSource'];
  readonly loadedScenario: AppState['loadedScenario'];
  readonly overrides: AppState['overrides'];
  readonly pins: AppState['pins'];
  readonly uncertainty: AppState['uncertainty'];
  readonly revealPosition: AppState['trainer']['revealPosition'];
  readonly revealScenarioId: AppState['trainer']['revealScenarioId'];
}

/** A message on the channel. */
export type AudienceMessage = { readonly kind: 'hello' } | { readonly kind: 'state'; readonly state: SharedState };

/** The part of BroadcastChannel the sync uses (a test may pass any object with the same shape). */
export interface Channel {
  postMessage(message: AudienceMessage): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
}

/** The part of the store the sync uses. */
export interface SyncStore {
  getState(): AppState;
  setState(partial: Partial<AppState> | ((s: AppState) => void)): void;
  subscribe(listener: (state: AppState, previous: AppState) => void): () => void;
}

/** Return whether the page was opened as the audience's screen. */
export function isAudienceSearch(search: string): boolean {
  return new URLSearchParams(search).get('audience') === '1';
}

/** Return the state the audience's screen draws from. */
export function sharedStateOf(s: AppState): SharedState {
  return {
    scenario: s.scenario,
    scenarioSource: s.scenarioSource,
    loadedScenario: s.loadedScenario,
    overrides: s.overrides,
    pins: s.pins,
    uncertainty: s.uncertainty,
    revealPosition: s.trainer.revealPosition,
    revealScenarioId: s.trainer.revealScenarioId,
  };
}

function sameShared(a: SharedState, b: SharedState): boolean {
  return (Object.keys(a) as (keyof SharedState)[]).every((k) => Object.is(a[k], b[k]));
}

/** Return whether a message is one of the sync's (a channel carries whatever any window posts). */
function isMessage(data: unknown): data is AudienceMessage {
  if (typeof data !== 'object' || data === null) return false;
  const kind = (data as { kind?: unknown }).kind;
  return kind === 'hello' || (kind === 'state' && typeof (data as { state?: unknown }).state === 'object' && (data as { state?: unknown }).state !== null);
}

/**
 * Keep the audience's screens in step with this window: post the shared state whenever a part of it changes,
 * and to every audience that says hello. Returns the function that stops it.
 */
export function startPresenterSync(store: SyncStore, channel: Channel): () => void {
  const post = () => channel.postMessage({ kind: 'state', state: sharedStateOf(store.getState()) });
  const onMessage = (e: MessageEvent) => {
    if (isMessage(e.data) && e.data.kind === 'hello') post();
  };
  channel.addEventListener('message', onMessage);
  const unsubscribe = store.subscribe((now, before) => {
    if (!sameShared(sharedStateOf(now), sharedStateOf(before))) post();
  });
  post();
  return () => {
    unsubscribe();
    channel.removeEventListener('message', onMessage);
  };
}

/** Make this window an audience's screen: say hello, then show every state the presenter posts. */
export function startAudienceSync(store: SyncStore, channel: Channel): () => void {
  store.getState().becomeAudience();
  const onMessage = (e: MessageEvent) => {
    if (!isMessage(e.data) || e.data.kind !== 'state') return;
    const { revealPosition, revealScenarioId, ...rest } = e.data.state;
    store.setState((s) => {
      Object.assign(s, rest);
      s.trainer.revealPosition = revealPosition;
      s.trainer.revealScenarioId = revealScenarioId;
    });
  };
  channel.addEventListener('message', onMessage);
  channel.postMessage({ kind: 'hello' });
  return () => channel.removeEventListener('message', onMessage);
}

/** Return the address of the audience's screen for this page. */
export function audienceUrl(href: string): string {
  const url = new URL(href);
  url.search = AUDIENCE_QUERY;
  url.hash = '';
  return url.toString();
}
