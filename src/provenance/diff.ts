// Similarity of two sequences over the shared Myers diff (src/util/diff.ts); when its edit cap is
// reached, callers fall back to a cheaper estimate. The unified diff a reviewer reads is the project's
// one writer's (src/util/unifiedDiff.ts).

import type { Op } from '../util/index.js';

/** 2 × matched ÷ total: 1 for equal sequences, 0 for nothing in common. */
export function similarityOf(ops: readonly Op[], lengthA: number, lengthB: number): number {
  if (lengthA + lengthB === 0) return 1;
  const equal = ops.reduce((n, o) => n + (o.op === 'equal' ? 1 : 0), 0);
  return (2 * equal) / (lengthA + lengthB);
}

/** Similarity of two bags of tokens, order ignored: an upper bound of `similarityOf`, cheap to compute. */
export function bagSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of b) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** Runs of consecutive insertions and deletions: each is one change a person made. */
export function changeBlocks(ops: readonly Op[]): number {
  let blocks = 0;
  let inside = false;
  for (const o of ops) {
    if (o.op === 'equal') inside = false;
    else if (!inside) {
      blocks++;
      inside = true;
    }
  }
  return blocks;
}
