/// <reference lib="webworker" />
// A simulation worker: it serves the engine's runner (engine/parallel/runner.ts) over its own port, and
// the ports moved to it (to attach a helper, or to serve as one) are DOM MessagePorts.
import { serveRunner, webPort } from '../../../engine/parallel';

declare const self: DedicatedWorkerGlobalScope;

serveRunner(webPort(self), (end) => webPort(end as MessagePort));
