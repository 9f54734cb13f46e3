// [R1] The engine's numbers, bit for bit, against digests the engine produced when they were committed
// (tests/engine/engine-digests.json). Speed work on the weekly loop must keep every digest: the same
// operations in the same order on the same values. When the model is changed on purpose (a mechanism, a
// default, the order of the draws), every digest changes; check the change is the intended one (the pinned
// values of api.test.ts, the scenario checks), then regenerate the file with
//   MOMENTUM_WRITE_DIGESTS=1 npx vitest run tests/engine/digest.test.ts
// and commit it with the model change, saying why the numbers moved.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from '../../engine';
import { buildPath } from '../../engine/exogenous';
import { resolveSettings } from '../../engine/levers';
import { compileInput } from '../../engine/portfolio';
import { createRng, reseed } from '../../engine/random';
import { KPI_COUNT, SERIES_COUNT } from '../../engine/series';
import { PATH_SERIES, runCore } from '../../engine/simulate';
import { createWorkspace } from '../../engine/workspace';
import { digestInputs, digestOf, type DigestEngine } from './engine-digest';

const FILE = new URL('./engine-digests.json', import.meta.url);

const engine: DigestEngine = {
  simulate: api.simulate, simulateExpected: api.simulateExpected, compileInput, resolveSettings, buildPath, createWorkspace,
  runCore, createRng, reseed, SERIES_COUNT, KPI_COUNT, PATH_SERIES,
};

describe('[R1] engine outputs are bit-identical to the committed digests', () => {
  const cases = digestInputs();
  const actual: Record<string, string> = {};
  for (const c of cases) actual[c.name] = digestOf(engine, c.input);

  if (process.env.MOMENTUM_WRITE_DIGESTS === '1') {
    writeFileSync(FILE, `${JSON.stringify(actual, null, 2)}\n`);
  }
  const expected = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, string>;

  it('covers the same cases as the committed file', () => {
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
  });
  it.each(cases.map((c) => c.name))('%s: expected run, seeds 42 and 7, 24 raw replications', (name) => {
    expect(actual[name]).toBe(expected[name]);
  });
  it('the cases reach every branch of the weekly loop that makes an event', () => {
    const kinds = new Set<string>();
    for (const c of cases) for (const seed of [42, 7]) for (const e of api.simulate(c.input, seed).events) kinds.add(e.kind);
    for (const kind of ['start', 'pilot', 'go-live', 'failure', 'retry', 'stage-opened', 'urgency-shock', 'shock-ended']) expect(kinds).toContain(kind);
  });
  it('a changed number changes the digest', () => {
    const input = cases[0]!.input;
    const nudged = { ...input, levers: { ...input.levers, 'start.staffReadiness': 0.5000000001 } };
    expect(digestOf(engine, nudged)).not.toBe(digestOf(engine, { ...input, levers: { ...input.levers, 'start.staffReadiness': 0.5 } }));
  });
});
