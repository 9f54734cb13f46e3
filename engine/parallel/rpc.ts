/**
 * A typed remote procedure call over a Port (port.ts): the caller names a method and its argument and gets
 * a promise of the result; the serving side runs the method and posts the result back with its typed
 * arrays transferred, not copied. Methods are declared once as a map, so both sides type-check against it:
 *
 *     type Api = { part: Method<PartArgs, MonteCarloPart> };
 *     serveRpc<Api>(port, { part: (args) => transferred(run(args), buffersOf) });
 *     const part = await rpcClient<Api>(port).call('part', args);
 *
 * A caller may ask for progress: the method then gets `progress` in its context, and each report reaches
 * the caller's `onProgress` before the result does.
 */
import { collectTransferables, type Port, type Transferable } from './port';

/** A method of an RPC map: what it takes and what it returns. */
export interface Method<A, R> {
  readonly args: A;
  readonly result: R;
}

/** A map of method names to their methods. */
export type Methods = { readonly [name: string]: Method<unknown, unknown> };

/** A call as it travels (`call` 0 for a notification, which gets no reply; `progress` when the caller listens). */
export interface RpcCall {
  readonly call: number;
  readonly method: string;
  readonly args: unknown;
  readonly progress?: true;
}

/** A reply as it travels: the result, why the method failed, or (any number of times before those) its progress. */
export type RpcReply =
  | { readonly call: number; readonly ok: true; readonly value: unknown }
  | { readonly call: number; readonly ok: false; readonly error: string }
  | { readonly call: number; readonly progress: readonly [done: number, total: number] };

/** Called with (done, total) as a method's work goes on. */
export type OnProgress = (done: number, total: number) => void;

/** The calling side of an RPC port. */
export interface RpcClient<M extends Methods> {
  /**
   * Call `method` on the other side; `transfer` lists buffers or ports of `args` to move rather than copy,
   * and `onProgress`, when given, hears the method's progress.
   */
  call<K extends keyof M & string>(method: K, args: M[K]['args'], transfer?: readonly Transferable[], onProgress?: OnProgress): Promise<M[K]['result']>;
  /** Post a call that gets no reply (nor any error). */
  notify<K extends keyof M & string>(method: K, args: M[K]['args'], transfer?: readonly Transferable[]): void;
  /** Reject every call still awaited with `reason`; later calls go ahead (the worker behind the port may recover). */
  rejectWaiting(reason: string): void;
  /** Reject every call still awaited, and all later ones, with `reason` (the worker behind the port is gone). */
  fail(reason: string): void;
}

/** A result and the buffers of it to transfer when posting it (instead of all its typed arrays). */
export class Transferred<T> {
  constructor(
    readonly value: T,
    readonly buffers: readonly ArrayBuffer[],
  ) {}
}

/** Return `value` to be posted with exactly these buffers transferred. */
export function transferred<T>(value: T, buffers: readonly ArrayBuffer[]): Transferred<T> {
  return new Transferred(value, buffers);
}

/** What a method gets beside its argument: `progress` when the caller listens for it. */
export interface CallContext {
  readonly progress?: OnProgress;
}

/** How the serving side computes each method: its result (or a promise of it), optionally with its buffers. */
export type Handlers<M extends Methods> = {
  readonly [K in keyof M]: (
    args: M[K]['args'],
    context: CallContext,
  ) => M[K]['result'] | Transferred<M[K]['result']> | Promise<M[K]['result'] | Transferred<M[K]['result']>>;
};

/** How calls are served: `serial` holds each call until the one before it has settled, promise or not. */
export interface ServeOptions {
  readonly serial?: boolean;
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Return a client that calls methods over `port` (it takes over the port's messages). */
export function rpcClient<M extends Methods>(port: Port): RpcClient<M> {
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: OnProgress }>();
  let next = 1;
  let lost: string | null = null;
  port.listen((message) => {
    const reply = message as RpcReply;
    const w = waiting.get(reply.call);
    if (!w) return;
    if ('progress' in reply) {
      w.onProgress?.(reply.progress[0], reply.progress[1]);
      return;
    }
    waiting.delete(reply.call);
    if (reply.ok) w.resolve(reply.value);
    else w.reject(new Error(reply.error));
  });
  const rejectWaiting = (reason: string) => {
    for (const w of waiting.values()) w.reject(new Error(reason));
    waiting.clear();
  };
  return {
    call(method, args, transfer = [], onProgress) {
      if (lost !== null) return Promise.reject(new Error(lost));
      const call = next++;
      return new Promise((resolve, reject) => {
        waiting.set(call, { resolve: resolve as (v: unknown) => void, reject, onProgress });
        port.post({ call, method, args, ...(onProgress ? { progress: true as const } : {}) } satisfies RpcCall, transfer);
      });
    },
    notify(method, args, transfer = []) {
      if (lost === null) port.post({ call: 0, method, args } satisfies RpcCall, transfer);
    },
    rejectWaiting,
    fail(reason) {
      lost = reason;
      rejectWaiting(reason);
    },
  };
}

/**
 * Serve the calls arriving on `port` with `handlers`, in order of arrival, and post each result back with
 * its buffers transferred (those a handler names with `transferred`, else every typed array in it), or the
 * error's message. A synchronous handler is answered inside the message event. With `serial`, a call that
 * returns a promise holds the calls after it until it settles (they queue, in order).
 */
export function serveRpc<M extends Methods>(port: Port, handlers: Handlers<M>, opts: ServeOptions = {}): void {
  const answer = (call: number, value: unknown) => {
    if (call === 0) return;
    if (value instanceof Transferred) port.post({ call, ok: true, value: value.value } satisfies RpcReply, value.buffers);
    else port.post({ call, ok: true, value } satisfies RpcReply, collectTransferables(value));
  };
  const failed = (call: number, err: unknown) => {
    if (call !== 0) port.post({ call, ok: false, error: messageOf(err) } satisfies RpcReply);
  };
  /** Run one call; return the promise it is still working on, if any. */
  const serve = ({ call, method, args, progress }: RpcCall): Promise<void> | undefined => {
    // Functions cannot cross a port, so progress travels back as messages of its own.
    const context: CallContext = progress && call !== 0 ? { progress: (done, total) => port.post({ call, progress: [done, total] } satisfies RpcReply) } : {};
    let out: unknown;
    try {
      const handler = Object.hasOwn(handlers, method) ? (handlers as Record<string, (a: unknown, c: CallContext) => unknown>)[method] : undefined;
      if (!handler) throw new Error(`Unknown method '${method}'.`);
      out = handler(args, context);
    } catch (err) {
      failed(call, err);
      return undefined;
    }
    if (!(out instanceof Promise)) {
      answer(call, out);
      return undefined;
    }
    return out.then((v) => answer(call, v), (err: unknown) => failed(call, err));
  };
  if (!opts.serial) {
    port.listen((message) => void serve(message as RpcCall));
    return;
  }
  const queue: RpcCall[] = [];
  let busy = false;
  const drain = (): void => {
    while (!busy && queue.length > 0) {
      const pending = serve(queue.shift()!);
      if (pending) {
        busy = true;
        void pending.finally(() => {
          busy = false;
          drain();
        });
      }
    }
  };
  port.listen((message) => {
    queue.push(message as RpcCall);
    drain();
  });
}
