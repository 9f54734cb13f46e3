import { BrowserPlatform } from './browser-platform';
import { ElectronPlatform } from './electron-platform';
import type { Platform } from './platform';

let current: Platform | null = null;

/** Return the app's platform: Electron's when the preload exposed `window.momentum`, else the browser's. Created once. */
export function getPlatform(): Platform {
  current ??= window.momentum ? new ElectronPlatform(window.momentum) : new BrowserPlatform();
  return current;
}

/** Replace the platform (tests only); null makes the next getPlatform() choose again. */
export function setPlatformForTesting(platform: Platform | null): void {
  current = platform;
}
