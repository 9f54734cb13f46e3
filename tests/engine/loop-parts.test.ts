// The weekly loop computes some mechanisms in two parts: the part that depends only on the board's settings and
// the timed events comes from the exogenous path (computed once per input), the rest each week. These tests pin
// that the parts give exactly the numbers of the whole functions (toBe, not toBeCloseTo), so the split cannot
// drift from the mechanism it stands for.
import { describe, expect, it } from 'vitest';
import { blankInput } from '../../engine';
import { buildPath } from '../../engine/exogenous';
import { buildHazardWeek, buildHazardWeekAt, coverageHazardFactor, priorityHazardFactor } from '../../engine/golive';
import { infrastructureBuildRate, infrastructureDecayRate, stepInfrastructure, stepInfrastructureAt } from '../../engine/infrastructure';
import { resolveSettings } from '../../engine/levers';
import { capabilityAbove } from '../../engine/maturity';
import { compileInput } from '../../engine/portfolio';
import { createRng, fillFloats, nextFloat, nextUint32, reseed } from '../../engine/random';
import { REMOTE_WITHOUT_SERVICE, remoteTarget } from '../../engine/urgency';
import { covid, withLevers } from './fixtures';

/** A grid of values in [lo, hi], ends included, with awkward fractions in between. */
function grid(lo: number, hi: number, steps = 13): number[] {
  return Array.from({ length: steps + 1 }, (_, i) => lo + ((hi - lo) * i) / steps);
}

describe('[C12] infrastructure in two parts', () => {
  it('the build and decay rates with stepInfrastructureAt give exactly stepInfrastructure', () => {
    for (const infra of grid(0, 1)) for (const fte of grid(0, 12, 7)) for (const legacy of grid(0, 1, 5)) {
      expect(stepInfrastructureAt(infra, infrastructureBuildRate(fte, legacy), infrastructureDecayRate(legacy))).toBe(stepInfrastructure(infra, fte, legacy));
    }
  });
});

describe('[C9] the shared build hazard in parts', () => {
  it('the coverage and priority factors with buildHazardWeekAt give exactly buildHazardWeek', () => {
    for (const fatigue of grid(0, 1)) for (const coverage of grid(0, 1, 7)) for (const priorities of grid(1, 30, 11)) {
      expect(buildHazardWeekAt(fatigue, coverageHazardFactor(coverage), priorityHazardFactor(priorities))).toBe(buildHazardWeek(fatigue, coverage, priorities));
    }
  });
});

describe('[R1] exogenous parts of the weekly loop', () => {
  const inputs = [blankInput(), covid(0.6), withLevers({ 'start.legacy': 0.8, 'team.infrastructure': 3, 'priorities.concurrent': 12 })];
  it('the path holds each week\'s capability above the reference and infrastructure build rate', () => {
    for (const input of inputs) {
      const ci = compileInput(input);
      const s = resolveSettings(input.levers);
      const path = buildPath(ci, s);
      for (let w = 0; w <= ci.horizon; w++) {
        expect(path.capabilityGain[w]).toBe(capabilityAbove(path.capability[w]!));
        expect(path.infraBuild[w]).toBe(infrastructureBuildRate(path.infraFte[w]!, s.legacy));
      }
    }
  });
  it('[C7] remote working is flagged as pushed exactly in the weeks urgency gives it a target above zero', () => {
    let pushed = 0;
    for (const input of inputs) {
      const ci = compileInput(input);
      const path = buildPath(ci, resolveSettings(input.levers));
      for (let w = 0; w <= ci.horizon; w++) {
        // Reach is never below what the telephone allows (remoteReach), so the flag covers every reach from there.
        for (const reach of [REMOTE_WITHOUT_SERVICE, 0.37, 1]) expect(remoteTarget(path.urgency[w]!, reach) > 0).toBe(path.remotePush[w] === 1);
        pushed += path.remotePush[w]!;
      }
    }
    // The Covid-19 shock pushes remote working for some weeks; the blank trust never does.
    expect(pushed).toBeGreaterThan(0);
  });
});

describe('[R1] draws in one go', () => {
  it('fillFloats gives the numbers of as many nextFloat calls and leaves the generator where they would', () => {
    for (const [seed, stream, count] of [[42, 0, 261], [7, 3, 1], [-5, 999, 521], [0, 0, 0]] as const) {
      const one = createRng(seed, stream);
      const batch = createRng(seed, stream);
      const out = new Float64Array(count + 1).fill(-1);
      fillFloats(batch, out, count);
      for (let i = 0; i < count; i++) expect(out[i]).toBe(nextFloat(one));
      expect(out[count]).toBe(-1);
      expect(nextUint32(batch)).toBe(nextUint32(one));
    }
  });
  it('reseed gives the generator createRng gives', () => {
    const g = createRng(1, 1);
    for (let i = 0; i < 5; i++) nextUint32(g);
    reseed(g, 42, 17);
    const h = createRng(42, 17);
    for (let i = 0; i < 5; i++) expect(nextUint32(g)).toBe(nextUint32(h));
  });
});
