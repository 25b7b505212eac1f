export { scanCheckout, scanCommit } from './scanCheckout.js';
export type { LocalTarget, ProjectBase, ScanCommitOptions } from './scanCheckout.js';
export { readProjectSource } from './source.js';
export type { PipelineEvent, PipelineListener, TargetState } from './events.js';
export { runBatch, DEFAULT_JOBS } from './batch.js';
export type { BatchOptions } from './batch.js';
export { parseShard, shardOf, selectShard } from './shard.js';
export type { Shard } from './shard.js';
export { plainLogger } from './logger.js';
