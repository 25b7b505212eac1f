// The statement lexer of the prefilter: splits Python source into logical lines (strings, comments,
// brackets and `\` joins followed) and keeps those whose code names a trigger. It vouches for the
// file as it goes: anything a whole parse could read across statements (unbalanced brackets, an
// unterminated string, a statement cut short, inconsistent indentation) throws Odd. This module reads
// where each line starts (indentation, blank and comment lines, the first token) and what it ends
// as; the tokens in between are read by lineTokens.ts.

import { headToken, Odd } from './pythonTokens.js';
import { lineTokens, readLine, type LineTokens } from './lineTokens.js';
import { isAnchor, newRecord, recordStatement, Replay, type LexRecord } from './lexReplay.js';
import { blankLine, Blocks, checkEnd, type LogicalLine } from './statements.js';
import type { Triggers } from './triggers.js';

export type { LogicalLine } from './statements.js';

/** A lexing that may take runs of the previous version's (`base`), and with `record` leaves its own in `out` when it ends without Odd. */
export interface LexMemo {
  base?: LexRecord | null;
  record?: boolean;
  out?: LexRecord | null;
}

const NAME_IN_TEXT = /[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*/g;

/** `n` spaces, each length made once: most blocks are indented with spaces, and compared with a run of them. */
const SPACE_RUNS: string[] = [];
const spaceRun = (n: number): string => (SPACE_RUNS[n] ??= ' '.repeat(n));

/**
 * Splits Python source into logical lines and returns those planPython needs: the ones whose code
 * names a trigger, and after a kept decorator the rest of its chain up to the definition. Throws Odd
 * on anything unusual. Lines are read into two scratch records in turn (the current one and the one
 * before): most lines are never kept, and a record per line would be most of the lexer's garbage.
 */
export function logicalLines(text: string, triggers: Triggers, memo?: LexMemo): LogicalLine[] {
  const lines: LogicalLine[] = [];
  const scratch = [blankLine(), blankLine()];
  let turn = 0;
  /** The line before the current one, and whether it was kept. */
  let prev: LogicalLine | null = null;
  let prevKept = false;
  const n = text.length;
  const hasCR = text.includes('\r');
  const blocks = new Blocks();
  const tokens = lineTokens();
  let i = 0;
  let row = 0;
  const base = memo?.base;
  const replay = base && base.triggers === triggers && base.hasCR === hasCR ? new Replay(base, text) : null;
  const record = memo?.record ? newRecord(text, triggers, hasCR) : null;

  while (i < n) {
    // Indentation, then a blank or comment-only line (skipped) or the first token of a logical line.
    const from = i;
    // Spaces first (nearly all indentation is), then any tabs or form feeds.
    let c = 0;
    while (i < n && (c = text.charCodeAt(i)) === 32) i++;
    const spaces = i - from;
    while (i < n && ((c = text.charCodeAt(i)) === 32 || c === 9 || c === 12)) i++;
    if (i >= n) break;
    if (c === 35) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
      continue;
    }
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) !== 10) throw new Odd('a carriage return without a line feed');
      i += c === 13 ? 2 : 1;
      row++;
      continue;
    }
    const head = headToken(text, i, triggers);
    if (replay !== null) {
      // The previous version's lexing, for as long as the text is the same.
      const jump = replay.find(from, row, head, blocks.snapshot(), prev, prevKept);
      if (jump !== null) {
        const end = replay.take(jump, lines, record);
        blocks.restore(end.blocks);
        ({ at: i, row, prev, prevKept } = end);
        continue;
      }
    }
    if (record !== null) recordStatement(record, from, row, lines.length, blocks.snapshot(), prev, prevKept, isAnchor(head));
    // Most lines are indented as the block they are in: its indentation is then reused, not cut again.
    // An indentation of spaces only is the block's when the block's is as many spaces.
    const top = blocks.top;
    const asTop = i - from === top.length && (spaces === top.length ? top === spaceRun(spaces) : text.startsWith(top, from));
    const indent = asTop ? top : text.slice(from, i);
    blocks.enter(indent, head, prev, row);
    const line = scratch[(turn ^= 1)]!;
    line.first = row;
    line.start = from;
    line.indent = indent;
    line.head = head;
    readLine(text, i, row, head === 'from' || head === 'import', hasCR, triggers, tokens);
    i = tokens.end;
    row = tokens.row;
    // A line the end of the text cut short (no line break after it) is the last: the loop ends with it.
    if (!tokens.ended && tokens.brackets.length > 0) throw new Odd('unclosed bracket at end of file');
    checkEnd(line, tokens, row);
    prevKept = keepLine(text, line, lines, tokens, i, prevKept && prev!.head === '@', triggers);
    prev = line;
    row++;
  }
  if (prev?.opensBlock) throw new Odd('block without a body at end of file');
  if (prev?.head === '@') throw new Odd('decorator at end of file');
  if (record !== null) {
    record.lines = lines;
    memo!.out = record;
  }
  return lines;
}

/**
 * Completes the logical line `line` (`text[line.start, to)`), whose tokens said `tokens`: kept when it
 * names a trigger, or follows a kept decorator (`afterKept`). Returns whether it was kept.
 */
function keepLine(text: string, line: LogicalLine, lines: LogicalLine[], tokens: LineTokens, to: number, afterKept: boolean, triggers: Triggers): boolean {
  line.last = tokens.row;
  line.opensBlock = tokens.last === 58;
  line.triggered = tokens.triggered || (tokens.hasImport && tokens.importTrigger);
  if (tokens.fString && !line.triggered) {
    for (const m of text.slice(line.start, to).matchAll(NAME_IN_TEXT)) {
      if (triggers.anyNames.has(m[0]) || (tokens.hasImport && triggers.importNames.has(m[0]))) line.triggered = true;
    }
  }
  const keep = line.triggered || afterKept;
  if (keep) lines.push({ ...line });
  return keep;
}
