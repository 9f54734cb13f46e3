import * as nodeFs from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../../node-shared/atomic-write';
import type { FileSystem } from './files/fs-types';
import { readStoredJson } from './files/json-store';

/** A rectangle in screen coordinates. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The window's remembered bounds. */
export interface WindowState {
  readonly bounds: Partial<Pick<Rect, 'x' | 'y'>> & Pick<Rect, 'width' | 'height'>;
  readonly maximized: boolean;
}

/** The smallest window the layout works in. */
export const MIN_WINDOW = { width: 960, height: 640 } as const;
/** The first-run window. */
export const DEFAULT_WINDOW_STATE: WindowState = { bounds: { width: 1400, height: 900 }, maximized: false };

const int = z.number().int().min(-100_000).max(100_000);
const WindowStateSchema = z.strictObject({
  bounds: z.strictObject({ x: int.optional(), y: int.optional(), width: int.min(1), height: int.min(1) }),
  maximized: z.boolean(),
});

/** Return the area two rectangles share. */
function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Fit remembered bounds to the screens there are now (`workAreas`, primary first): clamp the
 * size to the largest screen, and drop the position (so the window centres) when too little
 * of it would be visible, e.g. after a projector was unplugged.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const maxW = Math.max(MIN_WINDOW.width, ...workAreas.map((a) => a.width));
  const maxH = Math.max(MIN_WINDOW.height, ...workAreas.map((a) => a.height));
  const width = Math.min(maxW, Math.max(MIN_WINDOW.width, state.bounds.width));
  const height = Math.min(maxH, Math.max(MIN_WINDOW.height, state.bounds.height));
  const { x, y } = state.bounds;
  if (x === undefined || y === undefined) return { bounds: { width, height }, maximized: state.maximized };
  const rect = { x, y, width, height };
  // Keep the position only if a grab-able strip (the title bar) is on some screen.
  const titleBar = { x: x + 40, y, width: Math.max(1, width - 80), height: 40 };
  const visible = workAreas.some((a) => overlap(titleBar, a) >= 100 * 20) && workAreas.some((a) => overlap(rect, a) > 0);
  return visible ? { bounds: rect, maximized: state.maximized } : { bounds: { width, height }, maximized: state.maximized };
}

/** Read the remembered window state; a missing or damaged file gives the default. */
export async function loadWindowState(path: string, fs: FileSystem = nodeFs): Promise<WindowState> {
  const read = await readStoredJson(path, WindowStateSchema, fs);
  return read.ok ? read.value : DEFAULT_WINDOW_STATE;
}

/** Remember the window state. */
export async function saveWindowState(path: string, state: WindowState, fs: FileSystem = nodeFs): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(state), { fs, keepBackup: false });
}
