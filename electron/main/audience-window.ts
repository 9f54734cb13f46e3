/**
 * The audience's screen in the desktop app: the renderer opens it with `window.open(page + '?audience=1')`, and
 * the main process lets exactly that address through (every other window.open is refused) and places the new
 * window full screen on a display other than the presenter's: the projector. With one display it opens as an
 * ordinary window beside the presenter's, so a trainer can still rehearse. Pure: the caller passes Electron's
 * `screen` displays.
 */

/** A rectangle in screen coordinates. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The part of Electron's Display the placement reads. */
export interface DisplayLike {
  readonly id: number;
  readonly bounds: Rect;
  readonly workArea: Rect;
}

/** Where the audience's window goes. */
export interface AudiencePlacement {
  readonly bounds: Rect;
  readonly fullscreen: boolean;
}

/** The size of the audience's window when there is no second display: a projector's 1280×720. */
export const REHEARSAL_SIZE = { width: 1280, height: 720 } as const;

/**
 * Return whether `url` is the audience's screen of one of the app's pages: the same origin and path as a page
 * the app serves, and a query of exactly `audience=1` (nothing else, no fragment).
 */
export function isAudienceUrl(url: string, pages: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.search !== '?audience=1' || u.hash !== '' || u.username !== '' || u.password !== '') return false;
  return pages.some((page) => {
    try {
      const p = new URL(page);
      return p.origin === u.origin && (p.pathname === u.pathname || (p.pathname === '/' && u.pathname === '/index.html') || (p.pathname === '/index.html' && u.pathname === '/'));
    } catch {
      return false;
    }
  });
}

/**
 * Return where to put the audience's window: full screen on the first display that is not the presenter's
 * (in Electron's order), else a rehearsal-sized window inside the presenter's display's work area.
 */
export function audiencePlacement(displays: readonly DisplayLike[], presenterDisplayId: number): AudiencePlacement {
  const other = displays.find((d) => d.id !== presenterDisplayId);
  if (other) return { bounds: { ...other.bounds }, fullscreen: true };
  const area = displays.find((d) => d.id === presenterDisplayId)?.workArea ?? displays[0]?.workArea ?? { x: 0, y: 0, ...REHEARSAL_SIZE };
  const width = Math.min(REHEARSAL_SIZE.width, area.width);
  const height = Math.min(REHEARSAL_SIZE.height, area.height);
  return { bounds: { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height }, fullscreen: false };
}
