// Similarity of two sequences and the unified diff a reviewer reads, over the shared Myers diff
// (src/util/diff.ts); when its edit cap is reached, callers fall back to a cheaper estimate.

import { diffSequences, type Op } from '../util/index.js';

export { diffSequences, type Op };

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

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * A unified diff (`diff -u` style, `context` lines around each change) from `oldText` to `newText`.
 * `newShown`, line for line the same file as `newText`, is what the new side prints: lines are
 * compared in one form and shown in another.
 */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3, newShown = newText): string {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const shown = splitLines(newShown);
  const ops: Op[] = diffSequences(a, b, 3000) ?? [
    ...a.map((_, i) => ({ op: 'delete' as const, a: i, b: 0 })),
    ...b.map((_, j) => ({ op: 'insert' as const, a: a.length, b: j })),
  ];
  const changed = ops.map((o, i) => (o.op === 'equal' ? -1 : i)).filter((i) => i >= 0);
  if (changed.length === 0) return '';
  // Group changes whose context would touch or overlap into one hunk.
  const hunks: Array<[number, number]> = [];
  for (const i of changed) {
    const last = hunks[hunks.length - 1];
    if (last && i - last[1] <= 2 * context + 1) last[1] = i;
    else hunks.push([i, i]);
  }
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  for (const [first, lastChange] of hunks) {
    const from = Math.max(0, first - context);
    const to = Math.min(ops.length - 1, lastChange + context);
    const slice = ops.slice(from, to + 1);
    const aLines = slice.filter((o) => o.op !== 'insert');
    const bLines = slice.filter((o) => o.op !== 'delete');
    const aStart = aLines.length ? aLines[0]!.a + 1 : (slice[0]?.a ?? 0);
    const bStart = bLines.length ? bLines[0]!.b + 1 : (slice[0]?.b ?? 0);
    out.push(`@@ -${aStart},${aLines.length} +${bStart},${bLines.length} @@`);
    for (const o of slice) {
      if (o.op === 'equal') out.push(` ${shown[o.b] ?? b[o.b]}`);
      else if (o.op === 'delete') out.push(`-${a[o.a]}`);
      else out.push(`+${shown[o.b] ?? b[o.b]}`);
    }
  }
  return out.join('\n') + '\n';
}
