import type { AutosaveDoc, DocumentKind, Platform } from './platform';
import { getPlatform } from './get-platform';

/** How often unsaved work is put aside. */
export const AUTOSAVE_INTERVAL_MS = 3000;

/** The unsaved document a view hands to autosave. */
export interface RecoverableDoc {
  readonly kind: DocumentKind;
  /** What the user calls it (file name or title). */
  readonly name: string;
  /** The document as it would be saved (scenario or run file text). */
  readonly text: string;
  /** The granted file it came from, if any, so that recovery can save back there. */
  readonly fileId?: string;
}

/** Control over a running autosave. */
export interface AutosaveHandle {
  /** Put the current document aside now (before a risky step, or when the page hides). */
  flush(): Promise<void>;
  /** Stop autosaving; the last autosave stays until the document is saved or discarded. */
  stop(): void;
}

/** Options of {@link startAutosave}. */
export interface AutosaveOptions {
  readonly intervalMs?: number;
  readonly platform?: Platform;
  /** The unsaved-work key reported to the host; defaults to the document kind. */
  readonly key?: string;
  /**
   * Told after each autosave whether work is being put aside: null when it was (or there was
   * nothing to put aside), else why not. A view shows the failure until this says null again.
   */
  readonly onFailure?: (why: string | null) => void;
}

/** Return why an autosave failed, in words for the warning (the host's message, e.g. "disk full"). */
function failureText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.trim() === '' ? 'the autosave could not be written' : text;
}

/**
 * Start putting a view's unsaved work aside every few seconds. `getDoc` returns the document
 * while it has unsaved changes and null once it is saved or discarded; a null clears the
 * autosave. The host is told about unsaved work, so closing the window asks first.
 */
export function startAutosave(getDoc: () => RecoverableDoc | null, options: AutosaveOptions = {}): AutosaveHandle {
  const platform = options.platform ?? getPlatform();
  let lastText: string | null = null;
  let lastKind: DocumentKind | null = null;
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;

  const tick = async (): Promise<void> => {
    const doc = getDoc();
    if (doc) {
      platform.setUnsaved(options.key ?? doc.kind, doc.name);
      if (doc.text === lastText && doc.kind === lastKind) return;
      if (lastKind && lastKind !== doc.kind) await platform.autosaveClear(lastKind);
      await platform.autosavePut({ kind: doc.kind, name: doc.name, text: doc.text, fileId: doc.fileId });
      lastText = doc.text;
      lastKind = doc.kind;
    } else if (lastKind) {
      platform.setUnsaved(options.key ?? lastKind, null);
      await platform.autosaveClear(lastKind);
      lastText = null;
      lastKind = null;
    }
  };
  // Serialise ticks so a slow write never races the next one.
  const flush = (): Promise<void> => {
    chain = chain.then(tick).then(
      () => options.onFailure?.(null),
      (e: unknown) => {
        console.error('Momentum: autosave failed', e);
        options.onFailure?.(failureText(e));
      },
    );
    return chain;
  };
  const timer = setInterval(() => void flush(), options.intervalMs ?? AUTOSAVE_INTERVAL_MS);
  const onHide = (e: Event) => {
    if (e.type === 'pagehide' || document.visibilityState === 'hidden') void flush();
  };
  // Outside a page (tests, workers) there is nothing to hide.
  const hasDom = typeof document !== 'undefined' && typeof window !== 'undefined';
  if (hasDom) {
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onHide);
  }
  return {
    flush,
    stop: () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      if (hasDom) {
        document.removeEventListener('visibilitychange', onHide);
        window.removeEventListener('pagehide', onHide);
      }
    },
  };
}

/** Autosaved work offered back at start-up. */
export type RecoveredDoc = AutosaveDoc & {
  /** True when the last session crashed (say "Momentum closed unexpectedly"), false when the user left unsaved work. */
  readonly previousCrashed: boolean;
};

/**
 * Return the newest autosaved work (of `kind`, if given) left by an earlier session, or null.
 * Offer it to the user; then open it or call `platform.autosaveClear(kind)` to discard it.
 */
export async function checkRecovery(kind?: DocumentKind, platform: Platform = getPlatform()): Promise<RecoveredDoc | null> {
  const info = await platform.getRecovery();
  const doc = info.docs.find((d) => kind === undefined || d.kind === kind);
  return doc ? { ...doc, previousCrashed: info.previousCrashed } : null;
}
