/**
 * The audience's screen stays in step with the presenter's window over a BroadcastChannel (Node's own, the
 * same API the browser and Electron give), and never receives the trainer's kit or sends anything back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { blankScenario, LEVERS } from '../../engine';
import { createAppStore } from '../../renderer/src/store';
import { AUDIENCE_CHANNEL, audienceUrl, isAudienceSearch, sharedStateOf, startAudienceSync, startPresenterSync, type AudienceMessage } from '../../renderer/src/platform/audience-sync';
import { audiencePlacement, isAudienceUrl } from '../../electron/main/audience-window';

const open: BroadcastChannel[] = [];
const stops: (() => void)[] = [];
function channel(): BroadcastChannel {
  const c = new BroadcastChannel(AUDIENCE_CHANNEL);
  open.push(c);
  return c;
}
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  for (const c of open.splice(0)) c.close();
});

/** Resolve once `check` holds, re-checking on every message the channel carries (no fixed waits). */
function until(check: () => boolean, probe: BroadcastChannel): Promise<void> {
  return new Promise((done) => {
    if (check()) return done();
    const on = () => {
      // The listener below runs after the store's own; check on the next turn.
      setImmediate(() => {
        if (check()) {
          probe.removeEventListener('message', on);
          done();
        }
      });
    };
    probe.addEventListener('message', on);
  });
}

const lever = LEVERS.find((l) => l.id === 'priorities.concurrent')!;

describe('the audience screen', () => {
  it('receives the presenter\'s state on hello, and every change after', async () => {
    const presenter = createAppStore();
    const audience = createAppStore();
    const scenario = { ...blankScenario(), id: 'shared', title: 'Shared scenario' };
    presenter.getState().loadScenario(scenario, { source: 'shared.momentum' });
    stops.push(startPresenterSync(presenter, channel()));
    const probe = channel();
    stops.push(startAudienceSync(audience, channel()));
    expect(audience.getState().audience).toBe(true);
    expect(audience.getState().presentation).toBe(true);
    await until(() => audience.getState().scenario.id === 'shared', probe);
    expect(audience.getState().scenario.title).toBe('Shared scenario');

    presenter.getState().setLever(lever.id, 2);
    await until(() => audience.getState().overrides[lever.id] === 2, probe);
    presenter.getState().pin('Two priorities');
    await until(() => audience.getState().pins.length === 1, probe);
    expect(audience.getState().pins[0]!.name).toBe('Two priorities');
    presenter.getState().setUncertainty('noise');
    await until(() => audience.getState().uncertainty === 'noise', probe);
    expect(sharedStateOf(audience.getState())).toEqual(sharedStateOf(presenter.getState()));
  });

  it('sends nothing but hello, and keeps presenting whatever it is told', async () => {
    const audience = createAppStore();
    const probe = channel();
    const seen: AudienceMessage[] = [];
    probe.addEventListener('message', (e) => seen.push(e.data as AudienceMessage));
    stops.push(startAudienceSync(audience, channel()));
    audience.getState().setLever(lever.id, 3);
    audience.getState().setPresentation(false);
    audience.getState().togglePresentation();
    expect(audience.getState().presentation).toBe(true);
    // A foreign message on the channel is ignored.
    probe.postMessage({ kind: 'state', state: null });
    probe.postMessage('hello');
    await until(() => seen.length >= 1, probe);
    expect(seen).toEqual([{ kind: 'hello' }]);
  });

  it('does not carry the trainer\'s draft or kit', () => {
    const s = createAppStore();
    expect(Object.keys(sharedStateOf(s.getState())).sort()).toEqual(['loadedScenario', 'overrides', 'pins', 'revealPosition', 'revealScenarioId', 'scenario', 'scenarioSource', 'uncertainty']);
  });

  it('is opened by ?audience=1 only', () => {
    expect(isAudienceSearch('?audience=1')).toBe(true);
    expect(isAudienceSearch('?audience=0')).toBe(false);
    expect(isAudienceSearch('')).toBe(false);
    expect(audienceUrl('app://momentum/index.html#x')).toBe('app://momentum/index.html?audience=1');
  });
});

describe('the audience window in the desktop app', () => {
  const pages = ['app://momentum/index.html'];
  it('lets through exactly the app page with ?audience=1', () => {
    expect(isAudienceUrl('app://momentum/index.html?audience=1', pages)).toBe(true);
    expect(isAudienceUrl('app://momentum/index.html?audience=1&x=2', pages)).toBe(false);
    expect(isAudienceUrl('app://momentum/index.html?audience=1#frag', pages)).toBe(false);
    expect(isAudienceUrl('https://example.com/index.html?audience=1', pages)).toBe(false);
    expect(isAudienceUrl('app://momentum/other.html?audience=1', pages)).toBe(false);
    expect(isAudienceUrl('not a url', pages)).toBe(false);
    expect(isAudienceUrl('http://localhost:5173/?audience=1', ['http://localhost:5173/'])).toBe(true);
  });

  it('goes full screen on the display that is not the presenter\'s, else a 1280×720 window', () => {
    const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
    const projector = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 }, workArea: { x: 1920, y: 0, width: 1280, height: 720 } };
    expect(audiencePlacement([laptop, projector], 1)).toEqual({ bounds: projector.bounds, fullscreen: true });
    expect(audiencePlacement([laptop, projector], 2)).toEqual({ bounds: laptop.bounds, fullscreen: true });
    expect(audiencePlacement([laptop], 1)).toEqual({ bounds: { x: 320, y: 160, width: 1280, height: 720 }, fullscreen: false });
  });
});
