/**
 * The parallel runner, shared by the app's Web Workers (renderer/src/sim/) and the command line's worker
 * threads (cli/): a Port over either kind of worker, a typed RPC over it, the Monte Carlo split into
 * parts and merged, bit for bit one `monteCarlo` call, and a SimRunner whose lanes are such workers.
 * Pure: no globals, no Node modules.
 */
export { collectTransferables, nodePort, webPort } from './port';
export type { NodeEndpoint, Port, Transferable, WebEndpoint } from './port';
export { rpcClient, serveRpc, transferred, Transferred } from './rpc';
export type { CallContext, Handlers, Method, Methods, OnProgress, RpcCall, RpcClient, RpcReply, ServeOptions } from './rpc';
export {
  createPortHelper, MIN_SPLIT_REPLICATIONS, partHandlers, partHelper, partWithSeries, serveParts, servePartsOn, seriesShares, splitMonteCarlo,
} from './split';
export type { PartHelper, PartMethods, PortHelper, SplitOptions } from './split';
export { attachHelper, laneRunner, serveRunner } from './runner';
export type { ChannelEnds, RunnerLanes, RunnerMethods } from './runner';
