// `--shard I/N`: a stable share of the targets for one of N parallel jobs. A target's shard
// depends on its own identity only (a hash of its repo name or source), so adding or removing
// targets never moves the others between shards, and every job computes the same split.

import { createHash } from 'node:crypto';
import type { Target } from '../sources/index.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `I/N` (1 ≤ I ≤ N); null when the text is not of that form. */
export function parseShard(text: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return null;
  return { index, count };
}

/** The shard (1-based) a target belongs to among `count`. */
export function shardOf(target: Pick<Target, 'repo' | 'source'>, count: number): number {
  const key = target.repo ?? target.source;
  const hash = createHash('sha256').update(key).digest();
  return (hash.readUInt32BE(0) % count) + 1;
}

export function selectShard<T extends Pick<Target, 'repo' | 'source'>>(targets: T[], shard: Shard): T[] {
  return targets.filter((t) => shardOf(t, shard.count) === shard.index);
}
