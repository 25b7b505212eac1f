// Lexing a file version from the one before it. A trend lexes every version of every file of its
// points, and a release leaves most lines of a changed file as they were: nova's twenty releases
// change 40% of the files, but 87% of those files' characters sit in lines the previous version
// had. The lexer's state at the start of a statement depends only on the text before it, so where
// the new text from a statement's start on equals the old text from a statement's start, in the same
// state, the old lexing holds for as far as the two texts stay equal: its kept lines are taken (moved
// by the rows between), and lexing goes on where the texts part.
//
// The record of a lexing (`LexRecord`) keeps, at the start of each statement, where it is and the
// state there: the open blocks' indentation, the statement before (what the next one is checked
// against) and whether it was kept. Only a lexing that ended without Odd leaves a record.
//
// Where the texts part, the lexer reads the new statements and looks for the old text again at each:
// first at the old statement in the same place (a statement changed in place), then, at a `def`,
// `class` or decorator, at the old ones with the same first row (code added or removed before).

import type { LogicalLine } from './statements.js';
import type { Triggers } from './triggers.js';

export interface LexRecord {
  text: string;
  triggers: Triggers;
  hasCR: boolean;
  /** At the start of each statement: its offset (at its indentation), row, and how many lines were kept before it. */
  offsets: number[];
  rows: number[];
  kept: number[];
  /** The open blocks' indentation there (shared between statements while it does not change). */
  blocks: (readonly string[])[];
  /** The statement before: its first token, indentation and first row; PREV_* flags (0: none). */
  prevHead: string[];
  prevIndent: string[];
  prevFirst: number[];
  prevFlags: number[];
  /** The statements that are definitions or decorators: where a moved run is looked for. */
  anchors: number[];
  /** Every kept line of the text. */
  lines: LogicalLine[];
  /** The anchors by the text of their first row, made when first asked. */
  byFirstRow?: Map<string, number[]>;
}

const PREV = 1;
const PREV_OPENS_BLOCK = 2;
const PREV_KEPT = 4;

export function newRecord(text: string, triggers: Triggers, hasCR: boolean): LexRecord {
  return { text, triggers, hasCR, offsets: [], rows: [], kept: [], blocks: [], prevHead: [], prevIndent: [], prevFirst: [], prevFlags: [], anchors: [], lines: [] };
}

/** Where a run looked for again may start: statements that begin a definition. */
export function isAnchor(head: string): boolean {
  return head === 'def' || head === 'class' || head === '@' || head === 'async';
}

/** Records a statement lexed anew: where it starts and the state there. */
export function recordStatement(record: LexRecord, at: number, row: number, kept: number, blocks: readonly string[], prev: LogicalLine | null, prevKept: boolean, anchor: boolean): void {
  if (anchor) record.anchors.push(record.offsets.length);
  record.offsets.push(at);
  record.rows.push(row);
  record.kept.push(kept);
  record.blocks.push(blocks);
  record.prevHead.push(prev === null ? '' : prev.head);
  record.prevIndent.push(prev === null ? '' : prev.indent);
  record.prevFirst.push(prev === null ? 0 : prev.first);
  record.prevFlags.push(prev === null ? 0 : PREV | (prev.opensBlock ? PREV_OPENS_BLOCK : 0) | (prevKept ? PREV_KEPT : 0));
}

/** A run of the old lexing the new one takes: old statements `from` up to `to`, moved by `delta` characters and `shift` rows. */
export interface Jump {
  from: number;
  to: number;
  delta: number;
  shift: number;
}

/** Where lexing goes on after a run taken: the new text's offset and row, the open blocks, the statement before and whether it was kept. */
export interface RunEnd {
  at: number;
  row: number;
  blocks: readonly string[];
  prev: LogicalLine | null;
  prevKept: boolean;
}

/**
 * How many characters from `a` in `x` equal those from `b` in `y`, at most `limit`. Compared in
 * blocks that double while they match (most runs tried end within a line), then halved where they part.
 */
function equalRun(x: string, a: number, y: string, b: number, limit: number): number {
  let n = 0;
  let step = 64;
  while (n < limit) {
    step = Math.min(step, limit - n);
    // Two slices compared with === are compared in native code at memory speed; startsWith is slower.
    if (x.slice(a + n, a + n + step) === y.slice(b + n, b + n + step)) {
      n += step;
      step *= 2;
      continue;
    }
    let lo = 0;
    let hi = step;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (x.slice(a + n + lo, a + n + mid) === y.slice(b + n + lo, b + n + mid)) lo = mid;
      else hi = mid;
    }
    return n + lo;
  }
  return n;
}

/** The first index of the sorted `list` whose value is above `value`. */
function firstAbove(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first row of the statement at `at`, without its line break: what a moved run is looked up by. */
function firstRow(text: string, at: number): string {
  const eol = text.indexOf('\n', at);
  return text.slice(at, eol < 0 ? text.length : eol);
}

function sameBlocks(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Finds where a new text can take runs of an old one's lexing. */
export class Replay {
  /** The old statement expected at the new text's next statement. */
  private expected = 0;

  constructor(
    private readonly old: LexRecord,
    private readonly text: string,
  ) {}

  /**
   * A run starting at the new text's statement at `at` (row `row`; `head` its first token), in the
   * state `blocks`/`prev`/`prevKept`; null when there is none that passes a statement, and the
   * statement is to be lexed.
   */
  find(at: number, row: number, head: string, blocks: readonly string[], prev: LogicalLine | null, prevKept: boolean): Jump | null {
    const old = this.old;
    const expected = this.expected++;
    if (expected < old.offsets.length) {
      const jump = this.run(expected, at, row, blocks, prev, prevKept);
      if (jump) return jump;
    }
    if (!isAnchor(head)) return null;
    const candidates = this.index().get(firstRow(this.text, at));
    if (!candidates) return null;
    // Later than the old statement expected, then earlier: the nearest first, a few at most.
    const after = firstAbove(candidates, expected);
    for (const c of [after, after + 1, after - 1, after - 2]) {
      const k = candidates[c];
      if (k === undefined || k === expected) continue;
      const jump = this.run(k, at, row, blocks, prev, prevKept);
      if (jump) return jump;
    }
    return null;
  }

  /** The run from old statement `k` at the new text's `at`, if the states are the same and it passes a statement. */
  private run(k: number, at: number, row: number, blocks: readonly string[], prev: LogicalLine | null, prevKept: boolean): Jump | null {
    const old = this.old;
    const flags = old.prevFlags[k]!;
    if (prev === null ? flags !== 0 : flags !== (PREV | (prev.opensBlock ? PREV_OPENS_BLOCK : 0) | (prevKept ? PREV_KEPT : 0))) return null;
    if (prev !== null && (old.prevHead[k] !== prev.head || old.prevIndent[k] !== prev.indent)) return null;
    if (!sameBlocks(old.blocks[k]!, blocks)) return null;
    const from = old.offsets[k]!;
    // Most statements tried are ones that changed: their first rows differ.
    const eol = this.text.indexOf('\n', at);
    const rowEnd = eol < 0 ? this.text.length : eol + 1;
    if (this.text.slice(at, rowEnd) !== old.text.slice(from, from + rowEnd - at)) return null;
    const run = equalRun(this.text, at, old.text, from, Math.min(this.text.length - at, old.text.length - from));
    // The statement the run ends at must start a character inside it: what the lexer read of the
    // statement before it (up to and including its line break) is then the same in both texts.
    const to = firstAbove(old.offsets, from + run - 1) - 1;
    if (to <= k) return null;
    this.expected = to;
    return { from: k, to, delta: at - from, shift: row - old.rows[k]! };
  }

  private index(): Map<string, number[]> {
    const old = this.old;
    if (old.byFirstRow) return old.byFirstRow;
    const map = new Map<string, number[]>();
    for (const k of old.anchors) {
      const key = firstRow(old.text, old.offsets[k]!);
      const list = map.get(key);
      if (list) list.push(k);
      else map.set(key, [k]);
    }
    old.byFirstRow = map;
    return map;
  }

  /**
   * Takes a run of the old lexing: appends its kept lines to `lines` (moved by the run's rows) and, with
   * a record of the new lexing, its statements. Returns the state at the run's end.
   */
  take(jump: Jump, lines: LogicalLine[], record: LexRecord | null): RunEnd {
    const old = this.old;
    const { from, to, delta, shift } = jump;
    if (record) {
      const keptBefore = lines.length - old.kept[from]!;
      let anchor = firstAbove(old.anchors, from - 1);
      for (let k = from; k < to; k++) {
        if (old.anchors[anchor] === k) {
          record.anchors.push(record.offsets.length);
          anchor++;
        }
        record.offsets.push(old.offsets[k]! + delta);
        record.rows.push(old.rows[k]! + shift);
        record.kept.push(old.kept[k]! + keptBefore);
        record.blocks.push(old.blocks[k]!);
        record.prevHead.push(old.prevHead[k]!);
        record.prevIndent.push(old.prevIndent[k]!);
        record.prevFirst.push(old.prevFirst[k]! + shift);
        record.prevFlags.push(old.prevFlags[k]!);
      }
    }
    for (let k = old.kept[from]!; k < old.kept[to]!; k++) {
      const line = old.lines[k]!;
      lines.push({ ...line, first: line.first + shift, last: line.last + shift, start: line.start + delta });
    }
    const flags = old.prevFlags[to]!;
    const first = old.prevFirst[to]! + shift;
    return {
      at: old.offsets[to]! + delta,
      row: old.rows[to]! + shift,
      blocks: old.blocks[to]!,
      // Only what the next statement is checked against: it is never kept itself.
      prev: flags === 0 ? null : { first, last: first, start: -1, indent: old.prevIndent[to]!, head: old.prevHead[to]!, opensBlock: (flags & PREV_OPENS_BLOCK) !== 0, triggered: false },
      prevKept: (flags & PREV_KEPT) !== 0,
    };
  }
}
