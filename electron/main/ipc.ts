import { app, ipcMain } from 'electron';
import { ENGINE_VERSION } from '../../engine/version';
import type { IpcChannels } from '../contract/ipc';

/** Register a handler for one typed channel. */
function handle<K extends keyof IpcChannels>(channel: K, fn: (...args: Parameters<IpcChannels[K]>) => ReturnType<IpcChannels[K]>): void {
  ipcMain.handle(channel, (_event, ...args) => fn(...(args as Parameters<IpcChannels[K]>)));
}

/** Register every IPC handler of the contract. */
export function registerIpc(): void {
  handle('app:get-info', () => ({ appVersion: app.getVersion(), engineVersion: ENGINE_VERSION, platform: process.platform }));
}
