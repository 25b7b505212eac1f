// The statement lexer of the prefilter: splits Python source into logical lines (strings, comments,
// brackets and `\` joins followed) and keeps those whose code names a trigger. It vouches for the
// file as it goes: anything a whole parse could read across statements (unbalanced brackets, an
// unterminated string, a statement cut short, inconsistent indentation) throws Odd.
//
// Its cost in a short scan is V8 warming up to it more than its work: the loop runs in the
// interpreter until the optimizing compiler has compiled it, and every kind of token the compiled
// code has not seen yet sends it back. So the loop's state is in local variables of one type each
// (tokens are small integers, see NAME_TOKEN) that no closure captures: V8 then keeps them in
// registers rather than in a context object, and has less to guess and less to compile.

import { headToken, nameEnd, Odd, readString, STRING_PREFIX, type StringSpan } from './pythonTokens.js';
import { blankLine, Blocks, checkEnd, type LogicalLine } from './statements.js';
import { ELLIPSIS_TOKEN, FROM_TOKEN, IMPORT_TOKEN, NAME_TOKEN, notableAt, type Triggers } from './triggers.js';

export type { LogicalLine } from './statements.js';

const NAME_IN_TEXT = /[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*/g;

// What the token before the current one was when it was an operand: two operands in a row
// (`from a.b imporx`, a comment's words after a stray line break) are a syntax error, except strings.
const NO_OPERAND = 0;
const NAME = 1;
const NUMBER = 2;
const STRING = 3;
const GROUP = 4;

/**
 * Splits Python source into logical lines and returns those planPython needs: the ones whose code
 * names a trigger, and after a kept decorator the rest of its chain up to the definition. Throws Odd
 * on anything unusual. Lines are read into two scratch records in turn (the current one and the one
 * before): most lines are never kept, and a record per line would be most of the lexer's garbage.
 */
export function logicalLines(text: string, triggers: Triggers): LogicalLine[] {
  const lines: LogicalLine[] = [];
  const scratch = [blankLine(), blankLine()];
  let turn = 0;
  /** The line before the current one, and whether it was kept. */
  let prev: LogicalLine | null = null;
  let prevKept = false;
  const n = text.length;
  const hasCR = text.includes('\r');
  const brackets: number[] = [];
  const blocks = new Blocks();
  const span: StringSpan = { end: 0, rows: 0 };
  let i = 0;
  let row = 0;
  // The current logical line: its record, where its first row starts, and what its tokens said.
  let line: LogicalLine | null = null;
  let lineFrom = 0;
  let triggered = false;
  let hasImport = false;
  let importTrigger = false;
  let fString = false; // an f-string's braces hold code: the whole line is then searched for names
  let inImport: boolean; // the line is an import statement
  let depth = 0; // brackets.length
  let last = 0; // the last token outside brackets
  let beforeLast = 0;
  let previous: number; // the token before the current one
  let colonOutside = false;
  let simple: boolean; // before any `;` of the line
  let operand: number;

  statements: while (i < n) {
    // Indentation, then a blank or comment-only line (skipped) or the first token of a logical line.
    const from = i;
    // Most lines are indented at least as deep as the block they are in: that much is skipped at once.
    const top = blocks.top;
    if (top.length > 0 && text.startsWith(top, i)) i += top.length;
    let c = 0;
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
    // The block's own indentation is reused, not cut again.
    const indent = i - from === top.length && text.startsWith(top, from) ? top : text.slice(from, i);
    const head = headToken(text, i, triggers);
    blocks.enter(indent, head, prev, row);
    line = scratch[(turn ^= 1)]!;
    line.first = row;
    line.last = row;
    line.indent = indent;
    line.head = head;
    line.opensBlock = false;
    line.triggered = false;
    lineFrom = from;
    triggered = hasImport = importTrigger = fString = false;
    inImport = head === 'from' || head === 'import';
    last = beforeLast = previous = 0;
    colonOutside = false;
    simple = true;
    operand = NO_OPERAND;

    // Its tokens, up to a line break outside brackets.
    while (i < n) {
      c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 12) {
        i++;
        continue;
      }
      if (c >= 128 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) {
        const start = i;
        i = nameEnd(text, i);
        const q = text.charCodeAt(i);
        if (!((q === 34 || q === 39) && i - start <= 2 && STRING_PREFIX.test(text.slice(start, i)))) {
          const known = notableAt(text, start, i, triggers);
          // A plain name (neither keyword nor trigger): only its being an operand matters.
          let token = NAME_TOKEN;
          let keyword = false;
          if (known !== null) {
            token = known.token;
            keyword = known.keyword;
            if (token === IMPORT_TOKEN) hasImport = true;
            if (known.importName) importTrigger = true;
            if (known.anyName) triggered = true;
          }
          previous = token;
          if (depth === 0) {
            beforeLast = last;
            last = token;
          }
          if (keyword) operand = NO_OPERAND;
          else if (operand !== NO_OPERAND) throw twoOperands(row);
          else operand = NAME;
          continue;
        }
        // A string's prefix (`b`, `rb`, `f`): the string follows.
        const f = text.charCodeAt(start);
        const g = text.charCodeAt(i - 1);
        if (f === 102 || f === 70 || g === 102 || g === 70) fString = true;
        c = q;
      }
      if (c === 34 || c === 39 || c === 96) {
        readString(text, i, row, span);
        i = span.end;
        row += span.rows;
        previous = 34;
        if (depth === 0) {
          beforeLast = last;
          last = 34;
        }
        if (operand !== NO_OPERAND && operand !== STRING) throw twoOperands(row);
        operand = STRING;
        continue;
      }
      if (c === 10 || c === 13) {
        if (c === 13 && text.charCodeAt(i + 1) !== 10) throw new Odd('a carriage return without a line feed');
        i += c === 13 ? 2 : 1;
        if (depth === 0) {
          checkEnd(line, last, beforeLast, colonOutside, hasImport, row);
          prevKept = keepLine(text, line, lines, last === 58, triggered || (hasImport && importTrigger), fString, hasImport, lineFrom, i, row, prevKept && prev!.head === '@', triggers);
          prev = line;
          line = null;
          row++;
          continue statements;
        }
        row++;
        continue;
      }
      if (c === 40 || c === 91 || c === 123) {
        brackets.push(c === 40 ? 41 : c + 2);
        depth++;
        i++;
        previous = c;
        // Inside brackets only the group counts: it ends with its closing bracket.
        if (depth === 1) {
          beforeLast = last;
          last = c;
        }
        operand = NO_OPERAND;
        continue;
      }
      if (c === 41 || c === 93 || c === 125) {
        if (brackets.pop() !== c) throw new Odd(`unbalanced ${String.fromCharCode(c)} at line ${row + 1}`);
        depth--;
        i++;
        previous = c;
        if (depth === 0) {
          beforeLast = last;
          last = c;
        }
        operand = GROUP;
        continue;
      }
      if (c >= 48 && c <= 57) {
        // A number: its digits, letters (`0x1f`, `1e5`, `10L`) and dots.
        i = nameEnd(text, i);
        while (text.charCodeAt(i) === 46) i = nameEnd(text, i);
        previous = 48;
        if (depth === 0) {
          beforeLast = last;
          last = 48;
        }
        if (operand !== NO_OPERAND) throw twoOperands(row);
        operand = NUMBER;
        continue;
      }
      if (c === 35) {
        // indexOf finds the line feed in native code; a file with carriage returns is walked, as a comment also ends at one.
        if (hasCR) while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        else {
          const nl = text.indexOf('\n', i);
          i = nl < 0 ? n : nl;
        }
        continue;
      }
      if (c === 92) {
        // `\` joins the next line; anywhere else it is an error.
        if (text.charCodeAt(i + 1) === 10) i += 2;
        else if (text.charCodeAt(i + 1) === 13 && text.charCodeAt(i + 2) === 10) i += 3;
        else throw new Odd(`stray backslash at line ${row + 1}`);
        row++;
        continue;
      }
      if (c === 46) {
        // A relative import: its module resolves against the file's path, which may be anything.
        if (previous === FROM_TOKEN) importTrigger = true;
        if (text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) {
          i += 3;
          previous = ELLIPSIS_TOKEN;
          if (depth === 0) {
            beforeLast = last;
            last = ELLIPSIS_TOKEN;
          }
          if (operand !== NO_OPERAND) throw twoOperands(row);
          operand = NAME;
          continue;
        }
      }
      if (c === 36 || c === 63) throw new Odd(`unexpected ${String.fromCharCode(c)} at line ${row + 1}`);
      if (c === 59) simple = false;
      // An import names modules: dots, commas, parentheses and `*` are all the punctuation it has.
      if (simple && inImport && c !== 46 && c !== 44 && c !== 42) throw new Odd(`unexpected ${String.fromCharCode(c)} in an import at line ${row + 1}`);
      if (c === 58 && depth === 0) colonOutside = true;
      i++;
      previous = c;
      if (depth === 0) {
        beforeLast = last;
        last = c;
      }
      operand = NO_OPERAND;
    }
    break;
  }
  if (depth > 0) throw new Odd('unclosed bracket at end of file');
  if (line !== null) {
    checkEnd(line, last, beforeLast, colonOutside, hasImport, row);
    keepLine(text, line, lines, last === 58, triggered || (hasImport && importTrigger), fString, hasImport, lineFrom, i, row, prevKept && prev!.head === '@', triggers);
    prev = line;
  }
  if (prev?.opensBlock) throw new Odd('block without a body at end of file');
  if (prev?.head === '@') throw new Odd('decorator at end of file');
  return lines;
}

function twoOperands(row: number): Odd {
  return new Odd(`two operands in a row at line ${row + 1}`);
}

/**
 * Completes the logical line `line`, ended at row `row` (`text[from, to)`): kept when it names a
 * trigger, or follows a kept decorator (`afterKept`). Returns whether it was kept.
 */
function keepLine(text: string, line: LogicalLine, lines: LogicalLine[], opensBlock: boolean, triggered: boolean, fString: boolean, hasImport: boolean, from: number, to: number, row: number, afterKept: boolean, triggers: Triggers): boolean {
  line.last = row;
  line.opensBlock = opensBlock;
  line.triggered = triggered;
  if (fString && !triggered) {
    for (const m of text.slice(from, to).matchAll(NAME_IN_TEXT)) {
      if (triggers.anyNames.has(m[0]) || (hasImport && triggers.importNames.has(m[0]))) line.triggered = true;
    }
  }
  const keep = line.triggered || afterKept;
  if (keep) lines.push({ ...line });
  return keep;
}
