// The band worker's split Monte Carlo is the engine's parallel runner (engine/parallel), shared with the
// command line's worker threads; this module names the part the app's workers use (and the bench bundles).
export {
  collectTransferables, createPortHelper, MIN_SPLIT_REPLICATIONS, partWithSeries, servePartsOn, seriesShares, splitMonteCarlo,
} from '../../../engine/parallel';
export type { PartHelper, PortHelper, SplitOptions } from '../../../engine/parallel';

/** The side of a message port the app's workers use: a DOM MessagePort, a worker's scope, or a test double. */
export interface PortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}
