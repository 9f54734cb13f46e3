/**
 * The one IPC contract between the renderer and the main process. The renderer imports
 * these types only; the preload exposes one method per channel; the main process handles
 * each channel with validated arguments.
 */

/** Request/response channels: name → (arguments) => result. */
export interface IpcChannels {
  'app:get-info': () => { readonly appVersion: string; readonly engineVersion: string; readonly platform: string };
}

/** The API the preload exposes on `window.momentum`. */
export interface MomentumDesktopApi {
  getInfo(): Promise<ReturnType<IpcChannels['app:get-info']>>;
}
