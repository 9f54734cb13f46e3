// The sandboxed preload: one method per operation of the IPC contract, never a generic invoke,
// and the menu event stripped of its IpcRendererEvent (which would hand the page `sender`).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { IpcChannel, IpcChannels, IpcEvents, MenuCommand, MomentumDesktopApi, TeamFolderSnapshot } from '../contract/ipc';

/** Invoke one typed channel. Not exposed: each API method below names its channel. */
function call<K extends IpcChannel>(channel: K, ...args: Parameters<IpcChannels[K]>): Promise<ReturnType<IpcChannels[K]>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<ReturnType<IpcChannels[K]>>;
}

const MENU_EVENT: keyof IpcEvents = 'menu:command';
const TEAM_FOLDER_EVENT: keyof IpcEvents = 'team-folder:changed';

const api: MomentumDesktopApi = {
  getInfo: () => call('app:get-info'),
  ready: () => call('app:ready'),
  openFile: (kind) => call('file:open', kind),
  openRecent: (id) => call('file:open-recent', id),
  saveFile: (request) => call('file:save', request),
  saveFileAs: (request) => call('file:save-as', request),
  exportFile: (request) => call('file:export', request),
  listRecent: () => call('recent:list'),
  clearRecent: () => call('recent:clear'),
  forgetRecent: (id) => call('recent:forget', id),
  autosavePut: (doc) => call('autosave:put', doc),
  autosaveGet: (kind) => call('autosave:get', kind),
  autosaveClear: (kind) => call('autosave:clear', kind),
  getRecovery: () => call('session:recovery'),
  setUnsaved: (state) => call('doc:set-unsaved', state),
  openExternal: (url) => call('shell:open-external', url),
  copyImage: (png) => call('clipboard:write-image', png),
  renderPdf: (html) => call('pdf:render', html),
  chooseTeamFolder: () => call('team-folder:choose'),
  stopTeamFolder: (watchId) => call('team-folder:stop', watchId),
  onMenuCommand: (listener) => {
    const wrapped = (_event: IpcRendererEvent, command: MenuCommand) => listener(command);
    ipcRenderer.on(MENU_EVENT, wrapped);
    return () => {
      ipcRenderer.removeListener(MENU_EVENT, wrapped);
    };
  },
  onTeamFolderChanged: (listener) => {
    const wrapped = (_event: IpcRendererEvent, snapshot: TeamFolderSnapshot) => listener(snapshot);
    ipcRenderer.on(TEAM_FOLDER_EVENT, wrapped);
    return () => {
      ipcRenderer.removeListener(TEAM_FOLDER_EVENT, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('momentum', api);
