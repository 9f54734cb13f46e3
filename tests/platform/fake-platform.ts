import type { AutosaveDoc, DocumentKind, MenuCommand, Platform, RecoveryInfo } from '../../renderer/src/platform/platform';

/** A Platform that keeps autosaves in a Map and records every call, for tests of code that uses a platform. */
export function fakePlatform(recovery: Partial<RecoveryInfo> = {}): Platform & { calls: string[]; slots: Map<DocumentKind, AutosaveDoc>; unsaved: Map<string, string> } {
  const calls: string[] = [];
  const slots = new Map<DocumentKind, AutosaveDoc>();
  const unsaved = new Map<string, string>();
  const notUsed = () => Promise.reject(new Error('not used in this test'));
  return {
    calls,
    slots,
    unsaved,
    isDesktop: false,
    getInfo: notUsed,
    openFile: notUsed,
    openRecent: notUsed,
    saveFile: notUsed,
    saveFileAs: notUsed,
    exportFile: notUsed,
    listRecent: async () => [],
    clearRecent: async () => undefined,
    forgetRecent: async () => undefined,
    autosavePut: async (doc) => {
      calls.push(`put ${doc.kind} ${doc.name}`);
      slots.set(doc.kind, { ...doc, savedAt: `t${calls.length}` });
    },
    autosaveGet: async (kind) => slots.get(kind) ?? null,
    autosaveClear: async (kind) => {
      calls.push(`clear ${kind}`);
      slots.delete(kind);
    },
    getRecovery: async () => ({ previousCrashed: recovery.previousCrashed ?? false, docs: recovery.docs ?? [...slots.values()].reverse() }),
    setUnsaved: (key, title) => {
      if (title === null) unsaved.delete(key);
      else unsaved.set(key, title);
    },
    openExternal: async () => false,
    copyImage: async () => {
      calls.push('copy image');
    },
    onMenuCommand: (_listener: (c: MenuCommand) => void) => () => undefined,
    watchTeamFolder: async () => null,
  };
}
