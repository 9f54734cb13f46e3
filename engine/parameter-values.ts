/**
 * The values the mechanisms read their parameters from. Every mechanism constant in the parameter registry is
 * read at run time as `P.<id>` (import * as P from './parameter-bindings', generated with the registry), never
 * as the constant itself: the constant's declaration and doc comment state the default, and the registry
 * carries it to the bindings.
 *
 * A replication's parameters are a vector (Float64Array, PARAMETER_COUNT values indexed by the P_ slots of
 * parameter-slots.ts): the defaults, or a draw with uncertainty 'all' (Workspace.params). A run installs its
 * vector into the bindings when it starts (buildPath, runCore), and the entry points put the defaults back
 * when they finish, so that outside a run, for a chart of a mechanism or a test of one function, the bindings
 * hold the defaults. Runs are synchronous and each installs its own vector first, so one run never sees
 * another's values.
 */
import { PARAMETERS } from './parameter-registry';
import { installBindings } from './parameter-bindings';
import { PARAMETER_COUNT } from './parameter-slots';

/** Default of every parameter, by slot (the registry's order). */
export const DEFAULT_PARAMETERS: Float64Array = Float64Array.from(PARAMETERS, (p) => p.default);

if (DEFAULT_PARAMETERS.length !== PARAMETER_COUNT) {
  throw new Error(`The parameter registry has ${DEFAULT_PARAMETERS.length} parameters but parameter-slots.ts ${PARAMETER_COUNT}: run \`npm run parameters\`.`);
}

/** Install a parameter vector (PARAMETER_COUNT values, by slot) for the run that starts. */
export function useParameters(values: Float64Array): void {
  installBindings(values);
}

/** Put the defaults back (at the end of a run's entry point). */
export function useDefaultParameters(): void {
  installBindings(DEFAULT_PARAMETERS);
}
