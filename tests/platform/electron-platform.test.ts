import { afterEach, describe, expect, it } from 'vitest';
import type { FileResult, MenuCommand, MomentumDesktopApi, OpenedFile } from '../../electron/contract/ipc';
import { ElectronPlatform } from '../../renderer/src/platform/electron-platform';
import { getPlatform, setPlatformForTesting } from '../../renderer/src/platform/get-platform';
import { FileOpenError } from '../../renderer/src/platform/platform';

/** A preload API whose answers the test sets, recording each call. */
function fakeApi(answers: { open?: FileResult<OpenedFile> } = {}) {
  const calls: unknown[][] = [];
  let menuListener: ((c: MenuCommand) => void) | null = null;
  const api = new Proxy({} as MomentumDesktopApi, {
    get: (_t, name: string) => {
      if (name === 'onMenuCommand') {
        return (l: (c: MenuCommand) => void) => {
          menuListener = l;
          return () => (menuListener = null);
        };
      }
      return async (...args: unknown[]) => {
        calls.push([name, ...args]);
        if (name === 'openFile' || name === 'openRecent') return answers.open;
        if (name === 'exportFile' || name === 'saveFile') return { ok: true, value: { id: 'x', name: 'x' } };
        return undefined;
      };
    },
  });
  return { api, calls, emit: (c: MenuCommand) => menuListener?.(c) };
}

const g = globalThis as Record<string, unknown>;
afterEach(() => {
  delete g.window;
  delete g.document;
  setPlatformForTesting(null);
});

describe('ElectronPlatform', () => {
  it('returns the file, null when the dialog was cancelled, and throws a FileOpenError with the problems', async () => {
    const file = { id: 'a', name: 'plan.json', kind: 'scenario' as const, text: '{}' };
    expect(await new ElectronPlatform(fakeApi({ open: { ok: true, value: file } }).api).openFile('scenario')).toEqual(file);
    expect(await new ElectronPlatform(fakeApi({ open: { ok: false, cancelled: true } }).api).openFile('scenario')).toBeNull();
    const problem = { code: 'invalid' as const, message: 'plan.json is not a valid scenario file: title: is required.', problems: [{ path: 'title', message: 'is required' }] };
    const err = await new ElectronPlatform(fakeApi({ open: { ok: false, cancelled: false, error: problem } }).api).openRecent('a').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileOpenError);
    expect(err).toMatchObject({ message: problem.message, code: 'invalid', problems: problem.problems });
  });

  it('sends a Blob export as bytes (a Blob cannot cross the context bridge)', async () => {
    const { api, calls } = fakeApi();
    expect(await new ElectronPlatform(api).exportFile('chart.png', new Blob([new Uint8Array([137, 80, 78, 71])]))).toBe(true);
    const [, request] = calls[0] as [string, { name: string; data: Uint8Array }];
    expect(request.name).toBe('chart.png');
    expect([...request.data]).toEqual([137, 80, 78, 71]);
  });

  it('forwards menu commands until unsubscribed, but leaves Undo to a focused text field', () => {
    const { api, emit } = fakeApi();
    const seen: string[] = [];
    const undone: string[] = [];
    const off = new ElectronPlatform(api).onMenuCommand((c) => seen.push(c.type));
    emit({ type: 'file.save' });
    emit({ type: 'edit.undo' });
    g.document = { activeElement: { tagName: 'INPUT', type: 'text' }, execCommand: (c: string) => undone.push(c) };
    emit({ type: 'edit.undo' });
    emit({ type: 'edit.redo' });
    off();
    emit({ type: 'file.open' });
    expect(seen).toEqual(['file.save', 'edit.undo']);
    expect(undone).toEqual(['undo', 'redo']);
  });

  it('is chosen by getPlatform when the preload exposed window.momentum', () => {
    g.window = { momentum: fakeApi().api };
    const p = getPlatform();
    expect(p).toBeInstanceOf(ElectronPlatform);
    expect(p.isDesktop).toBe(true);
    expect(getPlatform()).toBe(p);
  });
});
