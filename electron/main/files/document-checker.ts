// Checking an opened document off the main process's thread. A file near the 20 MB limit takes
// seconds to decode, parse and validate; on the main thread that would freeze every window, menu
// and IPC call meanwhile. The worker runs exactly checkDocument with the engine's parsers (the
// command line's `validate`), so where the check runs changes nothing about what it answers.
import { Worker } from 'node:worker_threads';
import { nodePort, rpcClient, type Method, type RpcClient } from '../../../engine/parallel';
import type { DocumentKind, FileResult } from '../../contract/ipc';
import { engineValidator } from './document-validators';
import { checkDocument, fileError, type DocumentChecker, type DocumentCheckRequest, type LoadedDocument } from './load-document';

export type { DocumentChecker, DocumentCheckRequest } from './load-document';

/** The worker's methods (electron/main/files/document-worker.ts). */
export type DocumentWorkerMethods = {
  check: Method<DocumentCheckRequest, FileResult<LoadedDocument>>;
  /** The kind of a `.json` document by its content (open-from-os.ts documentKindOf). */
  kindOf: Method<{ readonly name: string; readonly bytes: Uint8Array }, DocumentKind>;
};

/** Return a checker that runs on the calling thread: for tests and tools, never the app's main process. */
export function checkOnThisThread(): DocumentChecker {
  return async ({ name, kind, bytes, full }) => checkDocument(name, kind, bytes, full ? engineValidator : undefined);
}

/** Return the bytes in an ArrayBuffer of their own, so that posting them can move (not copy) it. */
function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** How a {@link WorkerDocumentChecker} starts its thread. */
export interface WorkerCheckerOptions {
  /** The worker's entry: the built `document-worker.js`, or from the sources a loader that compiles the TypeScript. */
  readonly entry: URL;
  /**
   * Heap limit of the worker in MB. A hostile file that exhausts it ends the worker, not the app;
   * 20 MB of JSON takes a few hundred MB as objects.
   */
  readonly maxHeapMb?: number;
}

/**
 * Check documents in one worker thread, started on first use and kept (unref'd) for later ones.
 * If the worker dies (out of memory on a hostile file, a crash), the calls waiting on it fail with
 * a message naming the file, and the next call starts a new worker.
 */
export class WorkerDocumentChecker {
  private worker: Worker | null = null;
  private client: RpcClient<DocumentWorkerMethods> | null = null;

  /** Build the checker; no thread starts until the first check. */
  constructor(private readonly options: WorkerCheckerOptions) {}

  /** Check a document in the worker (a {@link DocumentChecker}); the bytes move to the worker. */
  readonly check: DocumentChecker = async (request) => {
    const bytes = ownBuffer(request.bytes);
    try {
      return await this.started().call('check', { ...request, bytes }, [bytes.buffer]);
    } catch (e) {
      return fileError('unreadable', `${request.name} could not be checked (${(e as Error).message}); nothing was opened.`);
    }
  };

  /** Return whether a `.json` document is a run or a scenario, by its content (scenario when unsure). */
  async kindOf(name: string, bytes: Uint8Array): Promise<DocumentKind> {
    const own = ownBuffer(bytes);
    return this.started().call('kindOf', { name, bytes: own }, [own.buffer]).catch((): DocumentKind => 'scenario');
  }

  /** Whether a worker thread is running now. */
  get running(): boolean {
    return this.worker !== null;
  }

  /** Stop the worker thread (if any); calls waiting on it fail. A later check starts a new one. */
  async close(): Promise<void> {
    const w = this.worker;
    this.lost('the checker was closed');
    await w?.terminate();
  }

  private started(): RpcClient<DocumentWorkerMethods> {
    if (this.client) return this.client;
    const worker = new Worker(this.options.entry, { resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 2048 } });
    // The worker must never keep the app (or a test run) alive on its own.
    worker.unref();
    const client = rpcClient<DocumentWorkerMethods>(nodePort(worker));
    worker.on('error', (e) => this.lost(e.message, worker));
    worker.on('exit', (code) => this.lost(`the checker stopped with code ${code}`, worker));
    this.worker = worker;
    this.client = client;
    return client;
  }

  private lost(reason: string, which: Worker | null = this.worker): void {
    if (which === null || which !== this.worker) return;
    this.client?.fail(reason);
    this.worker = null;
    this.client = null;
  }
}
