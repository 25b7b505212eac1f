// Myers' O(ND) difference of two sequences, and the unified diff a reviewer reads. Edits are capped:
// two unrelated files are not worth a quadratic search, and callers fall back to a cheaper estimate.

export type Op = { op: 'equal' | 'delete' | 'insert'; a: number; b: number };

/** The edit script turning `a` into `b`, or null when it needs more than `maxEdits` insertions and deletions. */
export function diffSequences<T>(a: readonly T[], b: readonly T[], maxEdits = 2000): Op[] | null {
  // Common ends cost nothing and keep the search small.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = myers(a, b, start, endA, start, endB, maxEdits);
  if (!middle) return null;
  const ops: Op[] = [];
  for (let i = 0; i < start; i++) ops.push({ op: 'equal', a: i, b: i });
  ops.push(...middle);
  for (let i = endA, j = endB; i < a.length; i++, j++) ops.push({ op: 'equal', a: i, b: j });
  return ops;
}

function myers<T>(a: readonly T[], b: readonly T[], a0: number, a1: number, b0: number, b1: number, maxEdits: number): Op[] | null {
  const n = a1 - a0;
  const m = b1 - b0;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    // Only the diagonals reachable at this step are kept: the trace grows with D², not with D × (N + M).
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    const next = v;
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && next[offset + k - 1]! < next[offset + k + 1]!) ? next[offset + k + 1]! : next[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    v = next;
  }
  if (found < 0) return null;
  // Walk back through the saved frontiers to recover the path.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const saved = trace[d]!;
    const at = (k: number): number => saved[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ op: 'equal', a: a0 + --x, b: b0 + --y });
    if (down) ops.push({ op: 'insert', a: a0 + x, b: b0 + --y });
    else ops.push({ op: 'delete', a: a0 + --x, b: b0 + y });
  }
  while (x > 0 && y > 0) ops.push({ op: 'equal', a: a0 + --x, b: b0 + --y });
  return ops.reverse();
}

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
