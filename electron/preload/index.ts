import { contextBridge, ipcRenderer } from 'electron';
import type { MomentumDesktopApi } from '../contract/ipc';

const api: MomentumDesktopApi = {
  getInfo: () => ipcRenderer.invoke('app:get-info'),
};

contextBridge.exposeInMainWorld('momentum', api);
