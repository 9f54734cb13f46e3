import { useEffect, useState } from 'react';
import { checkRecovery, type RecoveredDoc } from './autosave';
import { getPlatform } from './get-platform';
import type { DocumentKind, Platform } from './platform';
import './recovery-notice.css';

/** Props of {@link RecoveryNotice}. */
export interface RecoveryNoticeProps {
  /** Open the recovered work (it stays autosaved until the user saves it). */
  readonly onRecover: (doc: RecoveredDoc) => void | Promise<void>;
  /** Offer only work of this kind (default: the newest of any kind). */
  readonly kind?: DocumentKind;
  readonly platform?: Platform;
}

/** Return "at 14:05" for today, else "on 3 March at 14:05", in the user's locale. */
function when(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return d.toDateString() === new Date().toDateString() ? ` at ${time}` : ` on ${d.toLocaleDateString(undefined, { day: 'numeric', month: 'long' })} at ${time}`;
}

/**
 * Offer back, once at start-up, work an earlier session left unsaved: "Recover" hands it to
 * `onRecover`, "Discard" drops the autosave. Renders nothing when there is nothing to offer.
 */
export function RecoveryNotice({ onRecover, kind, platform }: RecoveryNoticeProps) {
  const [doc, setDoc] = useState<RecoveredDoc | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    checkRecovery(kind, platform ?? getPlatform()).then(
      (d) => live && setDoc(d),
      () => undefined, // no recovery store (private browsing): nothing to offer
    );
    return () => {
      live = false;
    };
  }, [kind, platform]);
  if (!doc) return null;
  const what = doc.kind === 'run' ? 'run' : 'scenario';
  const recover = async () => {
    try {
      await onRecover(doc);
      setDoc(null);
    } catch (e) {
      setError(`It could not be opened: ${(e as Error).message}`);
    }
  };
  const discard = async () => {
    await (platform ?? getPlatform()).autosaveClear(doc.kind);
    setDoc(null);
  };
  return (
    <div className="recovery-notice" role="alertdialog" aria-labelledby="recovery-title" aria-describedby="recovery-detail">
      <p id="recovery-title">
        <strong>{doc.previousCrashed ? 'Momentum closed unexpectedly.' : 'You have unsaved work from last time.'}</strong>
      </p>
      <p id="recovery-detail">
        Your {what} “{doc.name}” was kept{when(doc.savedAt)}. Recover it to carry on where you left off.
      </p>
      {error && <p role="alert">{error}</p>}
      <div className="recovery-actions">
        <button type="button" className="primary" onClick={() => void recover()} autoFocus>
          Recover “{doc.name}”
        </button>
        <button type="button" onClick={() => void discard()}>
          Discard
        </button>
      </div>
    </div>
  );
}
