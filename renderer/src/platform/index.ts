/** The renderer's only way to files, recent files, autosave and the host: see platform.ts. */
export type * from './platform';
export { FileOpenError } from './platform';
export { getPlatform, setPlatformForTesting } from './get-platform';
export { startAutosave, checkRecovery, AUTOSAVE_INTERVAL_MS } from './autosave';
export type { AutosaveHandle, AutosaveOptions, RecoverableDoc, RecoveredDoc } from './autosave';
export { useMenuCommand } from './use-menu-command';
export { isTextEditing } from './text-editing';
export { undoShortcut } from './shortcuts';
export { RecoveryNotice } from './recovery-notice';
export type { RecoveryNoticeProps } from './recovery-notice';
