/**
 * The parallel runner, shared by the app's Web Workers (renderer/src/sim/) and the command line's worker
 * threads (cli/): a Port over either kind of worker, a typed RPC over it, and the Monte Carlo split into
 * parts and merged, bit for bit one `monteCarlo` call. Pure: no globals, no Node modules.
 */
export { collectTransferables, nodePort, webPort } from './port';
export type { NodeEndpoint, Port, WebEndpoint } from './port';
export { rpcClient, serveRpc, transferred, Transferred } from './rpc';
export type { Handlers, Method, Methods, RpcCall, RpcClient, RpcReply } from './rpc';
export {
  createPortHelper, MIN_SPLIT_REPLICATIONS, partHandlers, partHelper, partWithSeries, serveParts, servePartsOn, seriesShares, splitMonteCarlo,
} from './split';
export type { PartHelper, PartMethods, PortHelper, SplitOptions } from './split';
