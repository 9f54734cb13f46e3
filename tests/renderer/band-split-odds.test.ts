// [R11] Each initiative's odds cross the band worker's split intact: the parts' arrays of how each initiative
// ended travel between workers transferred (not copied), and the merged result is that of one monteCarlo call.
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { blankInput, monteCarlo, type MonteCarloPart } from '../../engine';
import { createPortHelper, servePartsOn, splitMonteCarlo, type PortLike } from '../../renderer/src/sim/band-split';
import { collectTransferables } from '../../renderer/src/sim/band-split';
import { BAND_REPLICATIONS, BAND_SEED, BAND_SERIES } from '../../renderer/src/sim/live-scheduler';

const open: { close(): void }[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

/** A helper behind a real MessageChannel, served on this thread; every reply it posts is kept (after posting). */
function channelHelper(): { helper: ReturnType<typeof createPortHelper>; replies: { value: unknown; transfer: readonly unknown[] }[] } {
  const channel = new MessageChannel();
  open.push(channel.port1, channel.port2);
  const serving = channel.port2 as unknown as PortLike;
  const post = serving.postMessage.bind(serving);
  const replies: { value: unknown; transfer: readonly unknown[] }[] = [];
  servePartsOn({
    postMessage(message, transfer) {
      post(message, transfer);
      replies.push({ value: (message as { value?: unknown }).value, transfer: transfer ?? [] });
    },
    get onmessage() {
      return serving.onmessage;
    },
    set onmessage(fn) {
      serving.onmessage = fn;
    },
  });
  return { helper: createPortHelper(channel.port1 as unknown as PortLike), replies };
}

describe('[R11] initiative odds through the band worker\'s split', () => {
  it('[R11] the split result has the odds of one monteCarlo call, and the part\'s outcome arrays were transferred', async () => {
    const input = blankInput();
    const opts = { replications: BAND_REPLICATIONS, seed: BAND_SEED, series: BAND_SERIES };
    const { helper, replies } = channelHelper();
    const result = await splitMonteCarlo(input, opts, [helper]);
    const whole = monteCarlo(input, opts);
    expect(result.initiatives).toStrictEqual(whole.initiatives);
    expect(result.initiatives.length).toBe(9);
    // The helper's part: its go-live weeks and outcomes were in the transfer list, so the sender's copies are
    // detached (the data moved); the part the merging thread received held them whole.
    const part = replies[0]!.value as MonteCarloPart;
    expect(replies[0]!.transfer).toContain(part.goLiveWeeks.buffer);
    expect(replies[0]!.transfer).toContain(part.outcomes.buffer);
    expect(part.goLiveWeeks.byteLength).toBe(0);
    expect(part.outcomes.byteLength).toBe(0);
  });
  it('[R11] the result posted to the page carries the odds as plain numbers (nothing to transfer, nothing lost)', () => {
    const mc = monteCarlo(blankInput(), { replications: 50, seed: BAND_SEED, series: BAND_SERIES });
    const buffers = collectTransferables({ id: 1, ok: true, result: mc });
    const moved = structuredClone(mc, { transfer: buffers });
    expect(moved.initiatives).toStrictEqual(mc.initiatives);
  });
});
