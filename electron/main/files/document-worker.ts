// The worker thread that checks opened documents (document-checker.ts): the same checkDocument
// and engine parsers as on any other thread, served over the engine's typed RPC.
import { parentPort } from 'node:worker_threads';
import { decodeFileText } from '../../../engine/core';
import { nodePort, serveRpc } from '../../../engine/parallel';
import { documentKindOf } from '../open-from-os';
import type { DocumentWorkerMethods } from './document-checker';
import { engineValidator } from './document-validators';
import { checkDocument } from './load-document';

if (!parentPort) throw new Error('document-worker.ts must run in a worker thread.');

serveRpc<DocumentWorkerMethods>(nodePort(parentPort), {
  check: ({ name, kind, bytes, full }) => checkDocument(name, kind, bytes, full ? engineValidator : undefined),
  kindOf: ({ name, bytes }) => {
    const decoded = decodeFileText(bytes);
    return documentKindOf(name, decoded.ok ? decoded.text : null);
  },
});
