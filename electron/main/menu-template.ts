import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from '../contract/ipc';

/** What the menus need from the app; the Electron glue passes the real actions. */
export interface MenuDeps {
  readonly platform: NodeJS.Platform;
  /** Development builds add Reload and Developer Tools. */
  readonly isDev: boolean;
  readonly appName: string;
  readonly recents: readonly RecentFile[];
  /** Forward a command to the focused window's renderer. */
  send(command: MenuCommand): void;
  showAbout(): void;
  clearRecent(): void;
}

/** Return the native menu: File, Edit, View, Help (and the app menu on macOS), with the platform's usual shortcuts. */
export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const mac = deps.platform === 'darwin';
  const cmd = (command: MenuCommand) => () => deps.send(command);
  const recentItems: MenuItemConstructorOptions[] =
    deps.recents.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : deps.recents.map((r, i) => ({
          label: `${i < 9 ? `&${i + 1} ` : ''}${r.name.replace(/&/g, '&&')}`,
          sublabel: r.location,
          click: cmd({ type: 'file.open-recent', id: r.id }),
        }));
  const about: MenuItemConstructorOptions = { label: `About ${deps.appName}`, click: () => deps.showAbout() };

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: deps.appName,
      submenu: [about, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
  }
  template.push({
    label: '&File',
    submenu: [
      { label: '&New', accelerator: 'CmdOrCtrl+N', click: cmd({ type: 'file.new' }) },
      { label: '&Open…', accelerator: 'CmdOrCtrl+O', click: cmd({ type: 'file.open' }) },
      { label: 'Open &Recent', submenu: [...recentItems, { type: 'separator' }, { label: 'Clear Recent', enabled: deps.recents.length > 0, click: () => deps.clearRecent() }] },
      { type: 'separator' },
      { label: '&Save', accelerator: 'CmdOrCtrl+S', click: cmd({ type: 'file.save' }) },
      { label: 'Save &As…', accelerator: 'CmdOrCtrl+Shift+S', click: cmd({ type: 'file.save-as' }) },
      { label: '&Export…', accelerator: 'CmdOrCtrl+Shift+E', click: cmd({ type: 'file.export' }) },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit', label: 'E&xit', accelerator: deps.platform === 'win32' ? 'Alt+F4' : 'CmdOrCtrl+Q' },
    ],
  });
  template.push({
    label: '&Edit',
    submenu: [
      // Undo/Redo go to the renderer, which undoes a text edit in a focused field or else the last model change.
      { label: '&Undo', accelerator: 'CmdOrCtrl+Z', click: cmd({ type: 'edit.undo' }) },
      { label: '&Redo', accelerator: mac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: cmd({ type: 'edit.redo' }) },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  template.push({
    label: '&View',
    submenu: [
      { label: '&Presentation Mode', accelerator: 'F5', click: cmd({ type: 'view.presentation' }) },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(deps.isDev ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
    ],
  });
  template.push({
    label: '&Help',
    role: 'help',
    submenu: [{ label: '&Model Documentation', accelerator: 'F1', click: cmd({ type: 'help.model-docs' }) }, ...(mac ? [] : [{ type: 'separator' } as MenuItemConstructorOptions, about])],
  });
  return template;
}

/** What the right-click menu needs of Electron's context-menu parameters. */
export interface ContextMenuFacts {
  /** A text field or other editable element was clicked. */
  readonly isEditable: boolean;
  /** The selected text, if any. */
  readonly selectionText: string;
  readonly editFlags: { readonly canCut: boolean; readonly canCopy: boolean; readonly canPaste: boolean; readonly canSelectAll: boolean };
}

/**
 * Return the right-click menu: Cut, Copy, Paste and Select All in a text field (each enabled
 * as the field allows), Copy over selected text elsewhere, and nothing (no menu) otherwise.
 * The items are Electron roles, so they act on the focused field as the shortcuts do.
 */
export function contextMenuTemplate(facts: ContextMenuFacts): MenuItemConstructorOptions[] {
  const f = facts.editFlags;
  if (facts.isEditable) {
    return [
      { role: 'cut', label: 'Cu&t', enabled: f.canCut },
      { role: 'copy', label: '&Copy', enabled: f.canCopy },
      { role: 'paste', label: '&Paste', enabled: f.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: 'Select &All', enabled: f.canSelectAll },
    ];
  }
  if (facts.selectionText.trim() !== '') return [{ role: 'copy', label: '&Copy', enabled: f.canCopy }];
  return [];
}
