import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  blankInput, mergeMonteCarlo, monteCarlo, monteCarloPart, parseScenario, scenarioToInput,
  type MonteCarloResult, type SimInput,
} from '../../engine';
import { createPortHelper, MIN_SPLIT_REPLICATIONS, servePartsOn, splitMonteCarlo, type PartHelper, type PortLike } from '../../renderer/src/sim/band-split';
import { BAND_SEED, BAND_SERIES } from '../../renderer/src/sim/live-scheduler';
import { helperCount } from '../../renderer/src/sim/worker-runner';

/** Every number of a Monte Carlo result as bytes, in a fixed order, so results compare bit for bit. */
function bytesOf(r: MonteCarloResult): Uint8Array {
  const chunks: Uint8Array[] = [];
  const add = (a: Float64Array) => chunks.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  for (const id of Object.keys(r.bands).sort()) {
    const b = r.bands[id]!;
    [b.p10, b.p50, b.p90, b.mean].forEach(add);
  }
  for (const id of Object.keys(r.kpis).sort()) {
    const k = r.kpis[id]!;
    add(Float64Array.of(k.p10, k.p50, k.p90, k.mean));
    add(k.values);
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function expectSameResult(actual: MonteCarloResult, expected: MonteCarloResult): void {
  expect(actual.replications).toBe(expected.replications);
  expect(actual.seed).toBe(expected.seed);
  expect(Object.keys(actual.bands).sort()).toEqual(Object.keys(expected.bands).sort());
  expect(Object.keys(actual.kpis).sort()).toEqual(Object.keys(expected.kpis).sort());
  const a = bytesOf(actual);
  const e = bytesOf(expected);
  expect(a.length).toBe(e.length);
  // toEqual on 100k-element arrays prints unreadably; find the first differing byte instead.
  const firstDiff = a.findIndex((v, i) => v !== e[i]);
  expect(firstDiff).toBe(-1);
}

/** A helper on this thread that posts its part through structuredClone, as a worker's reply would arrive. */
function cloningHelper(log?: { from: number; to: number }[], merged?: string[][]): PartHelper {
  return {
    run: async (input, opts) => {
      log?.push({ from: opts.from, to: opts.to });
      return structuredClone(monteCarloPart(input, opts));
    },
    merge: async (input, parts) => {
      merged?.push([...parts[0]!.series]);
      return structuredClone(mergeMonteCarlo(input, structuredClone(parts)));
    },
  };
}

function scenarioInput(file: string): SimInput {
  const parsed = parseScenario(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return scenarioToInput(parsed.scenario);
}

const openPorts: { close(): void }[] = [];
afterEach(() => {
  for (const p of openPorts.splice(0)) p.close();
});

/** A helper behind a real MessageChannel, served on this thread, as between two workers. */
function channelHelper(): { helper: ReturnType<typeof createPortHelper>; transferred: number[] } {
  const channel = new MessageChannel();
  openPorts.push(channel.port1, channel.port2);
  const transferred: number[] = [];
  const serving = channel.port2 as unknown as PortLike;
  // Record how many buffers each reply transfers (instead of copying).
  const post = serving.postMessage.bind(serving);
  const spy: PortLike = {
    postMessage(message, transfer) {
      transferred.push(transfer?.length ?? 0);
      post(message, transfer);
    },
    get onmessage() {
      return serving.onmessage;
    },
    set onmessage(fn) {
      serving.onmessage = fn;
    },
  };
  servePartsOn(spy);
  return { helper: createPortHelper(channel.port1 as unknown as PortLike), transferred };
}

describe('Monte Carlo split between the band worker and helpers (SPEC R10)', () => {
  it('gives the bands and KPIs of one monteCarlo call bit for bit, for the view\'s series and for every series', async () => {
    const inputs = [blankInput(), scenarioInput('milton-keynes.momentum')];
    for (const input of inputs) {
      for (const series of [BAND_SERIES, undefined]) {
        const opts = { replications: 500, seed: BAND_SEED, series };
        const merged: string[][] = [];
        const result = await splitMonteCarlo(input, opts, [cloningHelper(undefined, merged)]);
        expectSameResult(result, monteCarlo(input, opts));
        // The same series in the same order as one call lists them.
        expect(Object.keys(result.bands)).toEqual(Object.keys(monteCarlo(input, { ...opts, replications: 1 }).bands));
        // The helper summarised every other series with values (the exogenous ones stay with the merging thread).
        const one = monteCarloPart(input, { seed: BAND_SEED, from: 0, to: 1, series });
        const withValues = one.series.filter((id) => one.values[id] !== undefined);
        expect(withValues.length).toBeGreaterThan(2);
        expect(merged).toEqual([withValues.filter((_, i) => i % 2 === 1)]);
      }
    }
  });

  it('shares the replications in near-equal contiguous ranges, the first kept by the merging thread', async () => {
    const input = blankInput();
    const asked: { from: number; to: number }[] = [];
    const opts = { replications: 1001, seed: 7, series: BAND_SERIES };
    const result = await splitMonteCarlo(input, opts, [cloningHelper(asked), cloningHelper(asked), cloningHelper(asked)]);
    // 1001 over four threads: 251, 250, 250, 250; the helpers get the last three.
    expect(asked).toEqual([{ from: 251, to: 501 }, { from: 501, to: 751 }, { from: 751, to: 1001 }]);
    expectSameResult(result, monteCarlo(input, opts));
  });

  it('runs in one piece when there is no helper or too few replications to be worth sharing', async () => {
    const input = blankInput();
    const asked: { from: number; to: number }[] = [];
    for (const replications of [1, MIN_SPLIT_REPLICATIONS - 1, 2.5]) {
      const opts = { replications, seed: 3, series: BAND_SERIES };
      expectSameResult(await splitMonteCarlo(input, opts, [cloningHelper(asked)]), monteCarlo(input, opts));
    }
    expect(asked).toEqual([]);
    const opts = { replications: 200, seed: 3 };
    expectSameResult(await splitMonteCarlo(input, opts, []), monteCarlo(input, opts));
  });

  it('carries parts over a message port with their buffers transferred, and merges them to the single-call result', async () => {
    const input = scenarioInput('milton-keynes.momentum');
    const { helper, transferred } = channelHelper();
    const opts = { replications: 300, seed: BAND_SEED, series: BAND_SERIES };
    expectSameResult(await splitMonteCarlo(input, opts, [helper]), monteCarlo(input, opts));
    // Two replies: the part (a buffer per charted series and per KPI) and the merged bands of the helper's
    // half of the series (four per series) with the KPIs' values; each transferred, none copied.
    expect(transferred).toHaveLength(2);
    expect(transferred[0]).toBeGreaterThan(BAND_SERIES.length);
    expect(transferred[1]).toBeGreaterThanOrEqual(4 * (BAND_SERIES.length / 2));
  });

  it('reports progress of the whole run while this thread runs its share', async () => {
    const seen: [number, number][] = [];
    await splitMonteCarlo(blankInput(), { replications: 400, seed: 1, series: BAND_SERIES, onProgress: (d, t) => seen.push([d, t]) }, [cloningHelper()]);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every(([d, t]) => t === 400 && d >= 0 && d <= 400)).toBe(true);
    expect(seen.at(-1)).toEqual([400, 400]);
  });

  it('surfaces a helper\'s error message, an engine error from the port, and a lost helper', async () => {
    const input = blankInput();
    const opts = { replications: 200, seed: 1 };
    const failing: PartHelper = { run: () => Promise.reject(new Error('helper ran out of memory')), merge: () => Promise.reject(new Error('not reached')) };
    await expect(splitMonteCarlo(input, opts, [failing])).rejects.toThrow('helper ran out of memory');

    // A part the engine refuses (here a range past the end) comes back over the port as an error.
    const { helper } = channelHelper();
    await expect(helper.run(input, { seed: 1, from: 10, to: 5 })).rejects.toThrow(/from 10, to 5/);

    // The runner tells the merging worker when a helper worker dies: waiting and later parts fail.
    const silent: PortLike = { postMessage: () => undefined, onmessage: null };
    const lost = createPortHelper(silent);
    const waiting = splitMonteCarlo(input, opts, [lost]);
    lost.fail('Simulation worker failed: out of memory');
    await expect(waiting).rejects.toThrow('Simulation worker failed: out of memory');
    await expect(lost.run(input, { seed: 1, from: 0, to: 10 })).rejects.toThrow('out of memory');
  });

  it('uses one helper per core beyond the main thread\'s and the band worker\'s, at most three', () => {
    expect([undefined, 1, 2, 3, 4, 8, 64, Number.NaN].map(helperCount)).toEqual([0, 0, 0, 1, 2, 3, 3, 0]);
  });
});
