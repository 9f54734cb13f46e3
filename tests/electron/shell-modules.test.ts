import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand, RecentFile } from '../../electron/contract/ipc';
import { closeQuestion, decideClose, UnsavedWork } from '../../electron/main/close-guard';
import { isAllowedExternalUrl } from '../../electron/main/external-links';
import { buildMenuTemplate, contextMenuTemplate } from '../../electron/main/menu-template';
import { DEFAULT_WINDOW_STATE, fitToDisplays, loadWindowState, MIN_WINDOW, saveWindowState } from '../../electron/main/window-state';
import { tempDir } from './temp-dir';

/** Flatten a menu template into label → item, submenus included. */
function items(template: MenuItemConstructorOptions[]): Map<string, MenuItemConstructorOptions> {
  const out = new Map<string, MenuItemConstructorOptions>();
  const walk = (list: MenuItemConstructorOptions[]) => {
    for (const item of list) {
      const key = (item.label ?? item.role ?? '').replace(/&(?!&)/g, '');
      if (key) out.set(key, item);
      if (Array.isArray(item.submenu)) walk(item.submenu);
    }
  };
  walk(template);
  return out;
}

function menu(platform: NodeJS.Platform, isDev = false, recents: RecentFile[] = []) {
  const sent: MenuCommand[] = [];
  const calls: string[] = [];
  const template = buildMenuTemplate({ platform, isDev, appName: 'Momentum', recents, send: (c) => sent.push(c), showAbout: () => calls.push('about'), clearRecent: () => calls.push('clear') });
  return { template, all: items(template), sent, calls };
}

const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();

describe('the right-click menu', () => {
  const flags = (on: boolean) => ({ canCut: on, canCopy: on, canPaste: on, canSelectAll: on });
  const shape = (t: MenuItemConstructorOptions[]) => t.map((i) => (i.type === 'separator' ? '-' : `${i.role}${i.enabled ? '' : ' (off)'}`));

  it('offers cut, copy, paste and select all in a text field, each as the field allows', () => {
    expect(shape(contextMenuTemplate({ isEditable: true, selectionText: 'abc', editFlags: flags(true) }))).toEqual(['cut', 'copy', 'paste', '-', 'selectAll']);
    expect(shape(contextMenuTemplate({ isEditable: true, selectionText: '', editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true } }))).toEqual([
      'cut (off)',
      'copy (off)',
      'paste',
      '-',
      'selectAll',
    ]);
  });

  it('offers copy over selected text outside a field, and no menu where there is nothing to do', () => {
    expect(shape(contextMenuTemplate({ isEditable: false, selectionText: 'Maturity 3', editFlags: flags(true) }))).toEqual(['copy']);
    expect(contextMenuTemplate({ isEditable: false, selectionText: '  ', editFlags: flags(false) })).toEqual([]);
  });

  it('gives every item a label with an access key', () => {
    for (const item of contextMenuTemplate({ isEditable: true, selectionText: '', editFlags: flags(true) })) if (item.type !== 'separator') expect(item.label).toMatch(/&\w/);
  });
});

describe('native menus', () => {
  it('has File, Edit, View and Help with the usual shortcuts, each sending its command', () => {
    const { template, all, sent } = menu('linux');
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const expected: [string, string, MenuCommand['type']][] = [
      ['New', 'CmdOrCtrl+N', 'file.new'],
      ['Open…', 'CmdOrCtrl+O', 'file.open'],
      ['Save', 'CmdOrCtrl+S', 'file.save'],
      ['Save As…', 'CmdOrCtrl+Shift+S', 'file.save-as'],
      ['Export…', 'CmdOrCtrl+Shift+E', 'file.export'],
      ['Undo', 'CmdOrCtrl+Z', 'edit.undo'],
      ['Redo', 'Ctrl+Y', 'edit.redo'],
      ['Presentation Mode', 'F5', 'view.presentation'],
      ['Model Documentation', 'F1', 'help.model-docs'],
    ];
    for (const [label, accelerator, type] of expected) {
      const item = all.get(label);
      expect(item?.accelerator, label).toBe(accelerator);
      click(item);
      expect(sent.at(-1)).toEqual({ type });
    }
    for (const role of ['cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']) expect(all.has(role), role).toBe(true);
    expect(all.has('reload')).toBe(false);
    expect(all.has('toggleDevTools')).toBe(false);
  });

  it('lists recent files (escaping &) and offers Clear Recent; About opens the about box', () => {
    const recents: RecentFile[] = [
      { id: 'a', name: 'R&D plan.json', kind: 'scenario', openedAt: '', location: '/home/x' },
      { id: 'b', name: 'run.json', kind: 'run', openedAt: '' },
    ];
    const { all, sent, calls } = menu('win32', false, recents);
    const recent = all.get('Open Recent')!.submenu as MenuItemConstructorOptions[];
    expect(recent.slice(0, 2).map((i) => i.label)).toEqual(['&1 R&&D plan.json', '&2 run.json']);
    click(recent[1]);
    expect(sent).toEqual([{ type: 'file.open-recent', id: 'b' }]);
    click(all.get('Clear Recent'));
    click(all.get('About Momentum'));
    expect(calls).toEqual(['clear', 'about']);
    expect(all.get('Exit')?.accelerator).toBe('Alt+F4');
  });

  it('uses macOS conventions on macOS and adds reload only in development', () => {
    const { template, all } = menu('darwin', true);
    expect(template[0]!.label).toBe('Momentum');
    expect(all.get('Redo')?.accelerator).toBe('Cmd+Shift+Z');
    expect(all.has('quit')).toBe(true);
    expect(all.has('reload')).toBe(true);
    const empty = (all.get('Open Recent')!.submenu as MenuItemConstructorOptions[])[0]!;
    expect(empty).toMatchObject({ label: 'No recent files', enabled: false });
  });
});

describe('window state', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1040 };
  it('keeps bounds that are on a screen', () => {
    const s = { bounds: { x: 100, y: 50, width: 1200, height: 800 }, maximized: true };
    expect(fitToDisplays(s, [screen])).toEqual(s);
  });
  it('drops the position when the window would be off every screen (projector unplugged)', () => {
    expect(fitToDisplays({ bounds: { x: 2500, y: 100, width: 1200, height: 800 }, maximized: false }, [screen])).toEqual({ bounds: { width: 1200, height: 800 }, maximized: false });
    expect(fitToDisplays({ bounds: { x: 100, y: -700, width: 1200, height: 800 }, maximized: false }, [screen]).bounds.x).toBeUndefined();
  });
  it('keeps a window on a second screen to the left', () => {
    const left = { x: -1280, y: 0, width: 1280, height: 1000 };
    expect(fitToDisplays({ bounds: { x: -1200, y: 10, width: 1000, height: 700 }, maximized: false }, [screen, left]).bounds.x).toBe(-1200);
  });
  it('clamps the size between the minimum and the largest screen', () => {
    expect(fitToDisplays({ bounds: { width: 100, height: 100 }, maximized: false }, [screen]).bounds).toEqual(MIN_WINDOW);
    expect(fitToDisplays({ bounds: { width: 9000, height: 9000 }, maximized: false }, [screen]).bounds).toEqual({ width: 1920, height: 1040 });
  });
  it('is remembered across runs, and a damaged file gives the default', async () => {
    const dir = await tempDir();
    const path = join(dir, 'window-state.json');
    expect(await loadWindowState(path)).toEqual(DEFAULT_WINDOW_STATE);
    const s = { bounds: { x: 10, y: 20, width: 1300, height: 850 }, maximized: false };
    await saveWindowState(path, s);
    expect(await loadWindowState(path)).toEqual(s);
    await writeFile(path, '{"bounds":{"width":"wide"}}');
    expect(await loadWindowState(path)).toEqual(DEFAULT_WINDOW_STATE);
    await mkdir(join(dir, 'dir.json'));
    expect(await loadWindowState(join(dir, 'dir.json'))).toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('closing with unsaved changes', () => {
  it('closes at once when nothing is unsaved, without asking', async () => {
    let asked = 0;
    expect(await decideClose([], async () => (asked++, 'cancel'))).toBe('close');
    expect(asked).toBe(0);
  });
  it('asks, and maps Save / Don\'t Save / Cancel', async () => {
    expect(await decideClose(['Plan'], async () => 'save')).toBe('save-then-close');
    expect(await decideClose(['Plan'], async () => 'discard')).toBe('close');
    expect(await decideClose(['Plan'], async () => 'cancel')).toBe('cancel');
  });
  it('after Save, closes (and lets the autosaves go) only once every piece of unsaved work is reported saved', () => {
    let finished = 0;
    const work = new UnsavedWork(() => finished++);
    work.set('scenario', 'Lever changes');
    work.set('scenario-editor', 'Edits to “Plan”');
    expect(work.titles()).toEqual(['Lever changes', 'Edits to “Plan”']);
    work.closeWhenSafe();
    // The journey is saved: one save succeeding is not everything being safe.
    work.afterSave(true);
    work.set('scenario-editor', null);
    expect([finished, work.closing]).toEqual([0, true]);
    work.set('scenario', null);
    expect([finished, work.closing]).toEqual([1, false]);
    // Only one piece was unsaved, but it was not what got saved: still no close.
    work.set('scenario', 'Lever changes');
    work.closeWhenSafe();
    work.afterSave(true);
    expect(finished).toBe(1);
    // A cancelled or failed save ends the wait: a later report never closes the window by surprise.
    work.afterSave(false);
    work.set('scenario', null);
    expect([finished, work.closing]).toEqual([1, false]);
  });
  it('names what would be lost', () => {
    expect(closeQuestion(['Plan']).message).toBe('Save your changes to “Plan” before closing?');
    expect(closeQuestion(['Plan', 'Run 3']).message).toBe('Save your changes to 2 documents (“Plan”, “Run 3”) before closing?');
  });
});

describe('shell.openExternal allowlist', () => {
  const table: [string, boolean][] = [
    ['https://www.england.nhs.uk/digitaltechnology/', true],
    ['https://digital.nhs.uk/', true],
    ['http://www.england.nhs.uk/', false],
    ['https://www.england.nhs.uk.evil.com/', false],
    ['https://evil.com/?https://www.england.nhs.uk', false],
    ['https://user:pw@www.england.nhs.uk/', false],
    ['https://www.england.nhs.uk:8443/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://share/x', false],
    ['', false],
  ];
  for (const [url, ok] of table) it(`${ok ? 'allows' : 'refuses'} ${url || '(empty)'}`, () => expect(isAllowedExternalUrl(url)).toBe(ok));
});
