import { describe, expect, it } from 'vitest';
import { createLatestRequest, type LatestOutcome } from '../../renderer/src/sim/latest-request';

/** A computation whose replies the test releases by hand, in any order. */
function manual() {
  const calls: { input: string; resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const compute = (input: string) => new Promise<string>((resolve, reject) => calls.push({ input, resolve, reject }));
  return { calls, compute };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('latest request (live feedback while a lever is dragged)', () => {
  it('runs one computation at a time and, when it settles, sends only the newest input wanted meanwhile', async () => {
    const { calls, compute } = manual();
    const seen: LatestOutcome<string, string>[] = [];
    const q = createLatestRequest(compute, (o) => seen.push(o));
    q.want('a');
    q.send();
    q.want('b');
    q.send();
    q.want('c');
    q.send();
    expect(calls.map((c) => c.input)).toEqual(['a']);
    calls[0]!.resolve('A');
    await settle();
    expect(seen).toEqual([{ input: 'a', result: 'A', newerWaiting: true }]);
    expect(calls.map((c) => c.input)).toEqual(['a', 'c']);
    calls[1]!.resolve('C');
    await settle();
    expect(seen.at(-1)).toEqual({ input: 'c', result: 'C', newerWaiting: false });
  });

  it('does not send the same input twice, and reports errors without losing the queue', async () => {
    const { calls, compute } = manual();
    const seen: LatestOutcome<string, string>[] = [];
    const q = createLatestRequest(compute, (o) => seen.push(o));
    q.want('a');
    q.send();
    calls[0]!.reject(new Error('engine failed'));
    await settle();
    q.send();
    expect(calls).toHaveLength(1);
    expect(seen).toEqual([{ input: 'a', error: 'engine failed', newerWaiting: false }]);
    q.want('b');
    q.send();
    calls[1]!.resolve('B');
    await settle();
    expect(seen.at(-1)).toMatchObject({ input: 'b', result: 'B' });
  });

  it('reports nothing after it is closed', async () => {
    const { calls, compute } = manual();
    const seen: unknown[] = [];
    const q = createLatestRequest(compute, (o) => seen.push(o));
    q.want('a');
    q.send();
    q.close();
    calls[0]!.resolve('A');
    await settle();
    expect(seen).toEqual([]);
  });
});
