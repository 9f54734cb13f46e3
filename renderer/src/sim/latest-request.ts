/** What a latest-request reports when a computation settles. */
export interface LatestOutcome<I, T> {
  readonly input: I;
  readonly result?: T;
  readonly error?: string;
  /** Whether a newer input is already waiting to be computed. */
  readonly newerWaiting: boolean;
}

/** A queue of one: computes the newest wanted input, never more than one at a time. */
export interface LatestRequest<I> {
  /** Make `input` the one to compute next (replacing any earlier input still waiting). */
  want(input: I): void;
  /** Start computing the newest wanted input, unless a computation is running or it was already sent. */
  send(): void;
  /** Stop reporting outcomes (the owner is gone). */
  close(): void;
}

/**
 * Create a queue that keeps a result in step with a fast-changing input (a lever being dragged):
 * at most one computation runs at a time; inputs wanted meanwhile overwrite each other and only
 * the newest is sent when the running one settles. Every request carries a sequence number and an
 * outcome older than the newest reported one is dropped, so a newer request always wins.
 */
export function createLatestRequest<I, T>(compute: (input: I) => Promise<T>, report: (outcome: LatestOutcome<I, T>) => void): LatestRequest<I> {
  let seq = 0;
  let reported = 0;
  let inFlight = false;
  let closed = false;
  let wanted: I | null = null;
  let lastSent: I | null = null;
  const send = () => {
    const next = wanted;
    if (closed || inFlight || next === null || next === lastSent) return;
    inFlight = true;
    lastSent = next;
    const mine = ++seq;
    const settle = (outcome: { result?: T; error?: string }) => {
      if (closed || mine <= reported) return;
      reported = mine;
      report({ input: next, ...outcome, newerWaiting: wanted !== next });
    };
    compute(next)
      .then(
        (result) => settle({ result }),
        (e: unknown) => settle({ error: e instanceof Error ? e.message : String(e) }),
      )
      .finally(() => {
        inFlight = false;
        send();
      });
  };
  return {
    want(input) {
      wanted = input;
    },
    send,
    close() {
      closed = true;
    },
  };
}
