/** "Compare with variant": a pin may carry its own scenario (a prepared variant), and keeps it through storage. */
import { describe, expect, it } from 'vitest';
import { scenarioToInput } from '../../engine';
import { pairedScenarios, preparedScenarios } from '../../renderer/src/library/prepared';
import { createAppStore } from '../../renderer/src/store';
import { pinInput, validPins } from '../../renderer/src/store/scenario/scenario-slice';

const prepared = preparedScenarios().flatMap((p) => (p.ok ? [p.scenario] : []));
const variant = prepared.find((s) => s.variantOf !== undefined)!;
const theCase = prepared.find((s) => s.id === variant.variantOf)!;

describe('pins of another scenario', () => {
  it('pairs a case with its variants and a variant with its case', () => {
    expect(pairedScenarios(theCase).map((s) => s.id)).toContain(variant.id);
    expect(pairedScenarios(variant).map((s) => s.id)).toContain(theCase.id);
    expect(pairedScenarios(theCase).map((s) => s.id)).not.toContain(theCase.id);
    // Every variant names a case that exists.
    for (const s of prepared) if (s.variantOf) expect(prepared.some((c) => c.id === s.variantOf), s.id).toBe(true);
  });

  it('simulates the pin with its own scenario, not the one open, and cannot lend it its levers', () => {
    const store = createAppStore();
    store.getState().loadScenario(theCase);
    const id = store.getState().pinScenario(variant.title, variant)!;
    const pin = store.getState().pins.find((p) => p.id === id)!;
    expect(pin.scenario?.id).toBe(variant.id);
    expect(pinInput(pin, theCase)).toEqual(scenarioToInput(variant, {}));
    const before = store.getState().overrides;
    store.getState().applyPin(id);
    expect(store.getState().overrides).toBe(before);
  });

  it('keeps the scenario through storage, and drops a pin whose scenario is broken', () => {
    const store = createAppStore();
    store.getState().loadScenario(theCase);
    store.getState().pinScenario('', variant);
    const stored = JSON.parse(JSON.stringify(store.getState().pins)) as unknown[];
    const back = validPins(stored);
    expect(back).toHaveLength(1);
    expect(back[0]!.scenario).toEqual(variant);
    expect(back[0]!.name).toBe(variant.title.slice(0, 40));
    const broken = [{ ...(stored[0] as object), scenario: { ...variant, horizonWeeks: 'long' } }];
    expect(validPins(broken)).toEqual([]);
  });
});
