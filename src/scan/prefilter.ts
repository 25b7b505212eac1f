// Deciding which Python files, and which statements in them, can hold a finding, so that the
// rest is never parsed. Two passes, both conservative (anything uncertain goes to the parser):
//
// 1. On the whole text (triggers.ts): a file holding none of the trigger words, and no relative
//    import, cannot hold a finding (every finding of queries/*.scm names one of them in code).
// 2. A lexer that knows strings, comments, brackets and indentation (logicalLines.ts) splits the file
//    into logical lines and keeps those whose code names a trigger. Only they are handed to
//    tree-sitter, as one small source whose lines are copied verbatim (columns stay exact; rows are
//    mapped back).
//
// A file the lexer finds anything odd in (unbalanced brackets, unterminated strings, a statement
// cut short, inconsistent indentation) is parsed whole: tree-sitter's error recovery there could
// reach across statements, and only a whole parse gives the same answer as a whole parse.

import { logicalLines, type LexMemo, type LogicalLine } from './logicalLines.js';
import { Odd } from './pythonTokens.js';
import type { Triggers } from './triggers.js';
import { warmUpSamples } from './warmUp.js';

export { textVerdict, triggersOf, type ByteVerdict, type Triggers } from './triggers.js';

/** How to parse one Python file. */
export type Plan =
  /** Nothing in the code can hold a finding. */
  | { kind: 'none' }
  /** Parse the whole file. */
  | { kind: 'whole'; reason: string }
  /** Parse only `source`; its row r is the file's row `rows[r]` (0-based), columns unchanged. */
  | { kind: 'fragments'; source: string; rows: number[] };

/** Whether this thread has lexed the warm-up samples (warmUp.ts). */
let warm = false;

/**
 * Lexes the warm-up samples on this thread, once; planPython does it before its first file. A scan
 * calls it while git lists the tree, when this thread would otherwise wait.
 */
export function warmUpPlanner(triggers: Triggers): void {
  if (warm) return;
  warm = true;
  // Three times: V8 keeps no feedback for a function before its eighth call or so.
  const samples = warmUpSamples(triggers);
  for (let k = 0; k < 3; k++) for (const sample of samples) planPython(sample, triggers);
}

/** Clauses that continue a statement: parsed after a stand-in for what they continue. */
const CONTINUES: Record<string, string> = { elif: 'if 0: pass', else: 'if 0: pass', except: 'try: pass', finally: 'try: pass' };

/**
 * What to parse of one Python file whose bytes hold a trigger: nothing, only the statements
 * that name a trigger in code, or (when anything is unusual) the whole file.
 */
export function planPython(text: string, triggers: Triggers, memo?: LexMemo): Plan {
  if (!warm) warmUpPlanner(triggers);
  let lines: LogicalLine[];
  try {
    lines = logicalLines(text, triggers, memo);
  } catch (e) {
    if (e instanceof Odd) return { kind: 'whole', reason: e.message };
    throw e;
  }
  const out: string[] = [];
  const rows: number[] = [];
  const emit = (line: string, row: number): void => {
    out.push(line);
    rows.push(row);
  };
  for (let k = 0; k < lines.length; k++) {
    const head = lines[k]!;
    if (!head.triggered) continue;
    let tail = head;
    if (head.head === '@') {
      // Decorators need their definition: take the lines up to the `def` or `class`.
      while (tail.head === '@') tail = lines[++k]!;
    }
    if ((head.head === 'match' || head.head === 'case') && tail.opensBlock) return { kind: 'whole', reason: `match statement at line ${head.first + 1}` };
    if (head.indent !== '') emit('if 1:', head.first);
    const stand = CONTINUES[head.head];
    if (stand) emit(head.indent + stand, head.first);
    // Only the rows of triggered statements are cut out of the text: the lexer knows where each starts.
    for (let r = head.first, at = head.start; r <= tail.last; r++) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      emit(text.slice(at, end).replace(/\r$/, ''), r);
      at = end + 1;
    }
    if (tail.opensBlock) emit(`${tail.indent} pass`, tail.last);
  }
  if (out.length === 0) return { kind: 'none' };
  return { kind: 'fragments', source: out.join('\n') + '\n', rows };
}
