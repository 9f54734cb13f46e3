/**
 * The one thing the parallel runner needs of a worker: a port to post messages on (some of their buffers
 * transferred, not copied) and to hear replies from. `webPort` wraps a Web Worker, its global scope or a
 * DOM MessagePort; `nodePort` wraps a worker_threads Worker, `parentPort` or a Node MessagePort. Nothing
 * here touches a global, so the same runner serves the app's Web Workers and the command line's threads.
 */
export interface Port {
  /** Post `message`; the `transfer` buffers and ports move to the other side (detached here). */
  post(message: unknown, transfer?: readonly Transferable[]): void;
  /** Call `handler` with every message that arrives (one handler: a later call replaces it). */
  listen(handler: (message: unknown) => void): void;
}

/** What posting can move rather than copy: an ArrayBuffer, or a message port (DOM or worker_threads). */
export type Transferable = object;

/** The side of a Web Worker or DOM MessagePort a port uses (its events carry the message as `data`). */
export interface WebEndpoint<E extends { readonly data: unknown }> {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: E) => void) | null;
}

/** The side of a worker_threads Worker, `parentPort` or Node MessagePort a port uses. */
export interface NodeEndpoint {
  postMessage(message: unknown, transfer?: readonly Transferable[]): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

/** Return the port of a Web Worker, a worker's global scope or a DOM MessagePort (setting onmessage starts it). */
export function webPort<E extends { readonly data: unknown }>(endpoint: WebEndpoint<E>): Port {
  return {
    post: (message, transfer = []) => endpoint.postMessage(message, [...transfer]),
    listen(handler) {
      endpoint.onmessage = (event) => handler(event.data);
    },
  };
}

/** Return the port of a worker_threads Worker, `parentPort` or a Node MessagePort. */
export function nodePort(endpoint: NodeEndpoint): Port {
  let current: ((message: unknown) => void) | null = null;
  let attached = false;
  return {
    post: (message, transfer = []) => endpoint.postMessage(message, transfer),
    listen(handler) {
      current = handler;
      if (attached) return;
      attached = true;
      endpoint.on('message', (message) => current?.(message));
    },
  };
}

/** Collect the buffers of every typed array in a value so that posting it can transfer rather than copy them. */
export function collectTransferables(value: unknown, out: ArrayBuffer[] = [], seen = new Set<unknown>()): ArrayBuffer[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    const buffer = value.buffer;
    if (buffer instanceof ArrayBuffer && !out.includes(buffer)) out.push(buffer);
    return out;
  }
  for (const v of Object.values(value)) collectTransferables(v, out, seen);
  return out;
}
