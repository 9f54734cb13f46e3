// A page that exposes the real BrowserPlatform and the autosave module to the e2e test, so the
// IndexedDB, picker-fallback and download paths run in a real Chromium.
import { checkRecovery, startAutosave } from '../../../renderer/src/platform/autosave';
import { BrowserPlatform } from '../../../renderer/src/platform/browser-platform';
import { FileOpenError } from '../../../renderer/src/platform/platform';
import { RecoveryNotice } from '../../../renderer/src/platform/recovery-notice';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

if (new URLSearchParams(location.search).has('fallback')) {
  // Force the <input type=file> and download route, as in Firefox and Safari.
  delete (window as unknown as Record<string, unknown>).showOpenFilePicker;
  delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
  delete (window as unknown as Record<string, unknown>).showDirectoryPicker;
}

const platform = new BrowserPlatform();
Object.assign(window, { harness: { platform, startAutosave, checkRecovery, FileOpenError } });
if (new URLSearchParams(location.search).has('notice')) {
  const host = document.createElement('div');
  document.body.append(host);
  createRoot(host).render(createElement(RecoveryNotice, { platform, onRecover: (doc) => void Object.assign(window, { recovered: doc }) }));
}
document.body.dataset.ready = 'true';
