// The store speaks the engine's scenario API; this module keeps one import path for the slice.
export { blankScenario, scenarioToInput, type Scenario } from '../../../../engine';
