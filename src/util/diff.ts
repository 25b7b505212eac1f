// Myers' O(ND) difference of two sequences (1986), shared by the fix patches and provenance's
// local-change diffs. Edits can be capped: two unrelated files are not worth a quadratic search.

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
