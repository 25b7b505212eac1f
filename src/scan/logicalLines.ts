// The statement lexer of the prefilter: splits Python source into logical lines (strings, comments,
// brackets and `\` joins followed) and keeps those whose code names a trigger. It vouches for the
// file as it goes: anything a whole parse could read across statements (unbalanced brackets, an
// unterminated string, a statement cut short, inconsistent indentation) throws Odd.

import { headToken, isNameStart, nameEnd, Odd, PLAIN_NAME, readString, STRING_PREFIX, type StringSpan } from './pythonTokens.js';
import { blankLine, Blocks, checkEnd, type LogicalLine } from './statements.js';
import { notableAt, type Triggers } from './triggers.js';

export type { LogicalLine } from './statements.js';

const NAME_IN_TEXT = /[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*/g;

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
  let i = 0;
  let row = 0;
  const brackets: number[] = [];
  const blocks = new Blocks();
  let current: LogicalLine | null = null;
  let hasImport = false;
  let importTrigger = false;
  let fString = false; // an f-string's braces hold code: the whole line is then searched for names
  let last = ''; // the last token outside brackets
  let beforeLast = '';
  let previous = ''; // the token before the current one
  let colonOutside = false;
  let simple = true; // before any `;` of the line
  // The previous token when it was an operand (a name, number, string or closed group): two in a row
  // (`from a.b imporx`, a comment's words after a stray line break) is a syntax error.
  let operand: '' | 'name' | 'number' | 'string' | 'group' = '';
  const adjoin = (kind: typeof operand): void => {
    if (operand !== '' && !(operand === 'string' && kind === 'string')) throw new Odd(`two operands in a row at line ${row + 1}`);
    operand = kind;
  };
  const span: StringSpan = { end: 0, rows: 0 };

  /** Ends the logical line at `at`. */
  const end = (at: number): void => {
    if (!current) return;
    checkEnd(current, last, beforeLast, colonOutside, hasImport, row);
    current.last = row;
    current.opensBlock = last === ':';
    if (hasImport && importTrigger) current.triggered = true;
    if (fString && !current.triggered) {
      const raw = text.slice(lineFrom, at);
      for (const m of raw.matchAll(NAME_IN_TEXT)) {
        if (triggers.anyNames.has(m[0]) || (hasImport && triggers.importNames.has(m[0]))) current.triggered = true;
      }
    }
    const keep = current.triggered || (prevKept && prev!.head === '@');
    if (keep) lines.push({ ...current });
    prev = current;
    prevKept = keep;
    current = null;
  };
  /** Where the current logical line's first row starts. */
  let lineFrom = 0;

  const startLine = (from: number, indent: string, head: string): void => {
    blocks.enter(indent, head, prev, row);
    const line = scratch[(turn ^= 1)]!;
    line.first = row;
    line.last = row;
    line.indent = indent;
    line.head = head;
    line.opensBlock = false;
    line.triggered = false;
    current = line;
    lineFrom = from;
    hasImport = false;
    importTrigger = false;
    fString = false;
    last = '';
    beforeLast = '';
    previous = '';
    colonOutside = false;
    simple = true;
    operand = '';
  };

  const hasCR = text.includes('\r');
  /** Where the line holding `at` ends: its line feed, or the end of the text. */
  const lineEnd = (at: number): number => {
    const nl = text.indexOf('\n', at);
    return nl < 0 ? n : nl;
  };

  // The loop reads the text through names no closure captures: V8 then keeps them, and `i`, in
  // registers instead of the closures' shared context, which is most of the difference in speed.
  const code = text;
  const len = n;
  let atLineStart = true;
  while (i < len) {
    if (atLineStart && brackets.length === 0 && current === null) {
      // Indentation, then a blank or comment-only line (skipped) or the first token of a logical line.
      const from = i;
      // Most lines are indented at least as deep as the block they are in: that much is skipped at once.
      const top = blocks.top;
      if (top.length > 0 && code.startsWith(top, i)) i += top.length;
      let c = code.charCodeAt(i);
      while (c === 32 || c === 9 || c === 12) c = code.charCodeAt(++i);
      if (i >= len) break;
      if (c === 35) {
        i = lineEnd(i);
        continue;
      }
      if (c === 10 || c === 13) {
        if (c === 13 && code.charCodeAt(i + 1) !== 10) throw new Odd('a carriage return without a line feed');
        i += c === 13 ? 2 : 1;
        row++;
        continue;
      }
      atLineStart = false;
      // The block's own indentation is reused, not cut again.
      const indent = i - from === top.length && code.startsWith(top, from) ? top : code.slice(from, i);
      startLine(from, indent, headToken(code, i, triggers));
      continue;
    }
    let c = code.charCodeAt(i);
    if (c === 32 || c === 9 || c === 12) {
      i++;
      continue;
    }
    if (c === 35) {
      // indexOf finds the line feed in native code; a file with carriage returns is walked, as a comment also ends at one.
      if (hasCR) while (i < len && code.charCodeAt(i) !== 10 && code.charCodeAt(i) !== 13) i++;
      else i = lineEnd(i);
      continue;
    }
    if (c === 10 || c === 13) {
      if (c === 13 && code.charCodeAt(i + 1) !== 10) throw new Odd('a carriage return without a line feed');
      i += c === 13 ? 2 : 1;
      if (brackets.length === 0) end(i);
      row++;
      if (brackets.length === 0) atLineStart = true;
      continue;
    }
    if (c === 92) {
      // `\` joins the next line; anywhere else it is an error.
      if (code.charCodeAt(i + 1) === 10) i += 2;
      else if (code.charCodeAt(i + 1) === 13 && code.charCodeAt(i + 2) === 10) i += 3;
      else throw new Odd(`stray backslash at line ${row + 1}`);
      row++;
      continue;
    }
    if (isNameStart(c)) {
      const from = i;
      i = nameEnd(code, i);
      const q = code.charCodeAt(i);
      if (!((q === 34 || q === 39) && i - from <= 2 && STRING_PREFIX.test(code.slice(from, i)))) {
        const known = notableAt(code, from, i, triggers);
        if (known === null) {
          // A plain name (neither keyword nor trigger): only its being an operand matters.
          token(PLAIN_NAME);
          adjoin('name');
          continue;
        }
        if (known.name === 'import') hasImport = true;
        if (known.importName) importTrigger = true;
        if (known.anyName) current!.triggered = true;
        token(known.name);
        if (known.keyword) operand = '';
        else adjoin('name');
        continue;
      }
      // A string's prefix (`b`, `rb`, `f`): the string follows.
      if (code.charCodeAt(from) === 102 || code.charCodeAt(from) === 70 || code.charCodeAt(i - 1) === 102 || code.charCodeAt(i - 1) === 70) fString = true;
      c = q;
    }
    if (c >= 48 && c <= 57) {
      // A number: its digits, letters (`0x1f`, `1e5`, `10L`) and dots.
      i = nameEnd(code, i);
      while (code.charCodeAt(i) === 46) i = nameEnd(code, i);
      token('0');
      adjoin('number');
      continue;
    }
    if (c === 34 || c === 39 || c === 96) {
      readString(code, i, row, span);
      i = span.end;
      row += span.rows;
      token('"');
      adjoin('string');
      continue;
    }
    if (c === 40 || c === 91 || c === 123) {
      brackets.push(c === 40 ? 41 : c + 2);
      i++;
      token(String.fromCharCode(c));
      operand = '';
      continue;
    }
    if (c === 41 || c === 93 || c === 125) {
      if (brackets.pop() !== c) throw new Odd(`unbalanced ${String.fromCharCode(c)} at line ${row + 1}`);
      i++;
      token(String.fromCharCode(c));
      operand = 'group';
      continue;
    }
    if (c === 46) {
      // A relative import: its module resolves against the file's path, which may be anything.
      if (previous === 'from') importTrigger = true;
      if (code.charCodeAt(i + 1) === 46 && code.charCodeAt(i + 2) === 46) {
        i += 3;
        token('...');
        adjoin('name');
        continue;
      }
    }
    if (c === 36 || c === 63) throw new Odd(`unexpected ${String.fromCharCode(c)} at line ${row + 1}`);
    if (c === 59) simple = false;
    // An import names modules: dots, commas, parentheses and `*` are all the punctuation it has.
    if (simple && (current!.head === 'from' || current!.head === 'import') && c !== 46 && c !== 44 && c !== 42) {
      throw new Odd(`unexpected ${String.fromCharCode(c)} in an import at line ${row + 1}`);
    }
    if (c === 58 && brackets.length === 0) colonOutside = true;
    i++;
    token(String.fromCharCode(c));
    operand = '';
  }
  if (brackets.length > 0) throw new Odd('unclosed bracket at end of file');
  end(i);
  // `prev` is assigned in `end`, which TypeScript does not follow.
  const lastLine = prev as LogicalLine | null;
  if (lastLine?.opensBlock) throw new Odd('block without a body at end of file');
  if (lastLine?.head === '@') throw new Odd('decorator at end of file');
  return lines;

  function token(t: string): void {
    previous = t;
    // Inside brackets only the group counts: it ends with its closing bracket.
    if (brackets.length > 0 && !(brackets.length === 1 && (t === '(' || t === '[' || t === '{'))) return;
    beforeLast = last;
    last = t;
  }
}
