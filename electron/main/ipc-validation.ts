import { MAX_PACK_HTML } from './pdf';
import { z } from 'zod';
import { DOCUMENT_KINDS, type DocumentKind, type IpcChannel, type IpcChannels } from '../contract/ipc';
import { MAX_DOCUMENT_BYTES } from './files/load-document';

/** The largest export (a PDF board pack with charts) the main process accepts. */
export const MAX_EXPORT_BYTES = 100 * 1024 * 1024;

const kind = z.enum(DOCUMENT_KINDS as [DocumentKind, ...DocumentKind[]]);
const fileId = z.string().min(1).max(256);
const fileName = z.string().min(1).max(255);
const documentText = z.string().max(MAX_DOCUMENT_BYTES);

const saveRequest = z.strictObject({ kind, name: fileName, text: documentText, id: fileId.optional() });
const exportRequest = z.strictObject({
  name: fileName,
  data: z.union([z.string().max(MAX_EXPORT_BYTES), z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_EXPORT_BYTES, 'export too large')]),
});
const autosaveDoc = z.strictObject({ kind, name: z.string().max(1024), text: documentText, fileId: fileId.optional(), savedAt: z.string().max(64).optional() });
/** The largest image the clipboard takes: a chart at 4K with its caption is under 5 MB as PNG. */
export const MAX_CLIPBOARD_IMAGE_BYTES = 32 * 1024 * 1024;
const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const pngImage = z
  .instanceof(Uint8Array)
  .refine((b) => b.byteLength <= MAX_CLIPBOARD_IMAGE_BYTES, 'image too large')
  .refine((b) => b.byteLength > PNG_SIGNATURE.length && PNG_SIGNATURE.every((v, i) => b[i] === v), 'not a PNG image');
const unsavedState = z.strictObject({ key: z.string().min(1).max(64), title: z.string().max(512).nullable() });

/** The argument list of every channel, as a zod tuple; a channel missing here fails to compile. */
export const IPC_ARGUMENTS: { readonly [K in IpcChannel]: z.ZodType<Parameters<IpcChannels[K]>> } = {
  'app:get-info': z.tuple([]),
  'app:ready': z.tuple([]),
  'file:open': z.tuple([kind]),
  'file:open-recent': z.tuple([fileId]),
  'file:save': z.tuple([saveRequest]),
  'file:save-as': z.tuple([saveRequest]),
  'file:export': z.tuple([exportRequest]),
  'recent:list': z.tuple([]),
  'recent:clear': z.tuple([]),
  'recent:forget': z.tuple([fileId]),
  'autosave:put': z.tuple([autosaveDoc]),
  'autosave:get': z.tuple([kind]),
  'autosave:clear': z.tuple([kind]),
  'session:recovery': z.tuple([]),
  'doc:set-unsaved': z.tuple([unsavedState]),
  'shell:open-external': z.tuple([z.string().max(2048)]),
  'clipboard:write-image': z.tuple([pngImage]),
  'pdf:render': z.tuple([z.string().max(MAX_PACK_HTML)]),
  'team-folder:choose': z.tuple([]),
  'team-folder:stop': z.tuple([fileId]),
};

/** Thrown (and so rejected in the renderer) when a call fails the sender or argument check. */
export class IpcRejection extends Error {
  /** Say why a call was refused, without echoing the untrusted arguments. */
  constructor(channel: string, why: string) {
    super(`IPC call to ${channel} refused: ${why}`);
    this.name = 'IpcRejection';
  }
}

/** What the main process knows about the frame that sent an IPC message. */
export interface SenderInfo {
  /** The sending frame's URL (event.senderFrame.url); null when the frame is gone. */
  readonly frameUrl: string | null;
  /** Whether the sending frame is the top frame of its page (not an iframe). */
  readonly isMainFrame: boolean;
  /** Whether the sending webContents is one of our windows. */
  readonly isOurWindow: boolean;
}

/** Return whether a URL's origin is one of the trusted origins (app://momentum, or the dev server). */
export function isTrustedOrigin(url: string | null, trustedOrigins: readonly string[]): boolean {
  if (!url) return false;
  let origin: string;
  try {
    const u = new URL(url);
    // Custom schemes report origin "null" in Node's URL; rebuild it from protocol and host.
    origin = u.origin !== 'null' ? u.origin : `${u.protocol}//${u.host}`;
  } catch {
    return false;
  }
  return trustedOrigins.includes(origin);
}

/** Return why a sender is refused, or null when it is our window's top frame on a trusted origin. */
export function senderProblem(sender: SenderInfo, trustedOrigins: readonly string[]): string | null {
  if (!sender.isOurWindow) return 'not sent by a Momentum window';
  if (!sender.isMainFrame) return 'sent from a sub-frame';
  if (!isTrustedOrigin(sender.frameUrl, trustedOrigins)) return 'sent from an untrusted origin';
  return null;
}

/**
 * Check a call's sender and arguments; return the typed, parsed arguments or throw
 * {@link IpcRejection}. Every handler in ipc.ts goes through this; nothing reaches a
 * handler unchecked.
 */
export function validateCall<K extends IpcChannel>(channel: K, sender: SenderInfo, args: readonly unknown[], trustedOrigins: readonly string[]): Parameters<IpcChannels[K]> {
  const who = senderProblem(sender, trustedOrigins);
  if (who) throw new IpcRejection(channel, who);
  const schema = (IPC_ARGUMENTS as Record<string, z.ZodType | undefined>)[channel];
  if (!schema) throw new IpcRejection(channel, 'unknown channel');
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IpcRejection(channel, `bad arguments (${issue ? `${issue.path.join('.') || 'arguments'}: ${issue.message}` : 'invalid'})`);
  }
  return parsed.data as Parameters<IpcChannels[K]>;
}
